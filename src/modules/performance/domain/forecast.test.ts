import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastYearEnd } from './index.ts';
import type { AggregationRule, ForecastInput, MeasurePoint, Period, Polarity, Target } from './index.ts';

const m = (fyStartYear: number, index: number): Period => ({ frequency: 'monthly', fyStartYear, index });
const PATTERN = [5, 7, 9, 12, 15, 14, 11, 9, 7, 6, 4, 3]; // sums to 102

/** Monthly points from (year, 1) for `count` months, value = f(year, index, k). */
function monthly(
  fromYear: number,
  count: number,
  f: (year: number, index: number, k: number) => number,
): MeasurePoint[] {
  return Array.from({ length: count }, (_, k) => {
    const year = fromYear + Math.floor(k / 12);
    const index = (k % 12) + 1;
    return { period: m(year, index), value: f(year, index, k) };
  });
}

/** A small deterministic "noise" so that tests do not depend on a random seed. */
const wobble = (k: number) => [0.8, -1.1, 0.3, 1.4, -0.6, -0.9, 1.0, -0.2, 0.5, -1.3, 0.9, 0.1, -0.4][k % 13] as number;

/** A seeded pseudo-random stream (a linear congruential generator) with normal draws. */
function randomStream(seed: number) {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  return { normal: () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) };
}

function forecast(points: MeasurePoint[], period: Period, extra: Partial<ForecastInput> = {}) {
  return forecastYearEnd({
    points,
    period,
    rule: 'latest',
    polarity: 'higher-is-better',
    yearEndTarget: null,
    format: { unit: 'number', decimals: 0 },
    ...extra,
  });
}

describe('actual outturn when the year is complete', () => {
  const year = monthly(2025, 12, (_, i) => i).map((p, k) => ({ ...p, numerator: k + 1, denominator: 10 }));
  it.each<[AggregationRule, number]>([
    ['sum', 78],
    ['mean', 6.5],
    ['latest', 12],
    ['min', 1],
    ['max', 12],
    ['ratio', 65], // 78 / 120 × 100
  ])('%s → %d', (rule, outturn) => {
    const f = forecast(year, m(2025, 12), { rule, ratioScale: 100, yearEndTarget: { kind: 'value', value: 6.5 } });
    expect(f.method).toBe('actual');
    expect(f.basis).toBe('known');
    expect(f.outturn).toBeCloseTo(outturn, 12);
    expect(f.interval).toBeNull();
    expect(f.probabilityOfMeetingTarget).toBe(outturn >= 6.5 ? 1 : 0);
  });
});

describe('too little history', () => {
  it('no data: no forecast, and the code says why', () => {
    const f = forecast([], m(2025, 3));
    expect(f.method).toBe('none');
    expect(f.basis).toBe('no-data');
    expect(f.outturn).toBeNull();
  });

  it('a short history: naive, with an interval from its one-step changes scaled by the horizon', () => {
    const points = monthly(2025, 4, (_, i) => [100, 104, 99, 103][i - 1] as number);
    const f = forecast(points, m(2025, 4));
    expect(f.method).toBe('naive');
    expect(f.basis).toBe('short-history');
    expect(f.outturn).toBe(103);
    // Changes +4, −5, +4: mean +1, standard deviation √27; eight months ahead (latest rule).
    const sd = Math.sqrt(27 * 8 + 8 * 8);
    expect(f.interval?.upper as number).toBeCloseTo(103 + 1.2815516 * sd, 4);
    expect(f.interval?.lower as number).toBeCloseTo(103 - 1.2815516 * sd, 4);
  });

  it('one value: the value carried forward, with no interval', () => {
    const f = forecast(
      monthly(2025, 1, () => 40),
      m(2025, 1),
    );
    expect(f.outturn).toBe(40);
    expect(f.interval).toBeNull();
    expect(f.probabilityOfMeetingTarget).toBeNull();
  });

  it('ignores data after the reporting period', () => {
    const f = forecast(
      monthly(2025, 12, (_, i) => i),
      m(2025, 3),
    );
    expect(f.actualPeriods).toBe(3);
    expect(f.outturn).toBe(3);
  });
});

describe('each method on the series it suits', () => {
  it('a constant: the constant, with no uncertainty', () => {
    const f = forecast(
      monthly(2022, 39, () => 42),
      m(2025, 3),
      { rule: 'sum', yearEndTarget: { kind: 'value', value: 504 } },
    );
    expect(f.method).toBe('naive');
    expect(f.outturn).toBe(42 * 12);
    expect(f.interval).toMatchObject({ lower: 504, upper: 504 });
    expect(f.probabilityOfMeetingTarget).toBe(1); // exactly on target counts as meeting it
  });

  it('a trend: damped trend, chosen by the back-test, nearer the truth than naive', () => {
    const line = (k: number) => 200 + 3 * k;
    const points = monthly(2022, 39, (_, __, k) => line(k) + wobble(k));
    const f = forecast(points, m(2025, 3));
    const naive = forecast(points, m(2025, 3), { method: 'naive' });
    expect(f.method).toBe('damped-trend');
    expect(f.basis).toBe('back-test');
    const truth = line(47);
    expect(Math.abs((f.outturn as number) - truth)).toBeLessThan(Math.abs((naive.outturn as number) - truth));
    expect(f.rollingBackTest.meanAbsoluteError['damped-trend']).toBeLessThan(
      f.rollingBackTest.meanAbsoluteError.naive as number,
    );
  });

  it('a step: the forecast follows the new level, not the old average', () => {
    const points = monthly(2022, 39, (_, __, k) => (k < 30 ? 100 : 150) + wobble(k));
    const f = forecast(points, m(2025, 3));
    expect(f.outturn as number).toBeGreaterThan(145);
    expect(f.interval?.lower as number).toBeLessThanOrEqual(150);
    expect(f.interval?.upper as number).toBeGreaterThanOrEqual(150);
  });

  it('a seasonal pattern: seasonal naive, the same months a year earlier', () => {
    const points = monthly(2021, 51, (_, i, k) => 100 + 3 * (PATTERN[i - 1] as number) + wobble(k));
    const f = forecast(points, m(2025, 3), { rule: 'sum' });
    expect(f.method).toBe('seasonal-naive');
    const lastYear = points.filter((p) => p.period.fyStartYear === 2024 && p.period.index > 3);
    expect(f.periodForecasts.map((p) => p.value)).toEqual(lastYear.map((p) => p.value));
  });

  it('a random walk: a method other than naive is used only when its back-test beats naive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 11 }), (seed, index) => {
        const draw = randomStream(seed);
        let level = 500;
        const points = monthly(2022, 36 + index, () => (level += 5 * draw.normal()));
        const f = forecast(points, m(2025, index));
        const errors = f.rollingBackTest.meanAbsoluteError;
        if (f.method !== 'naive') {
          expect(errors[f.method as 'damped-trend']).toBeLessThan(errors.naive as number);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a forced method is used as asked (the benchmark compares methods so)', () => {
    const points = monthly(2022, 39, (_, __, k) => 200 + 3 * k);
    expect(forecast(points, m(2025, 3), { method: 'naive' }).outturn).toBe(200 + 3 * 38);
  });
});

describe('bounds', () => {
  it('a count falling towards 0 is never forecast below 0', () => {
    const points = monthly(2023, 27, (_, __, k) => Math.max(0, 60 - 3 * k + wobble(k)));
    const f = forecast(points, m(2025, 3), { bounds: { lower: 0, upper: null }, rule: 'sum' });
    expect(f.interval?.lower as number).toBeGreaterThanOrEqual(0);
    for (const p of f.periodForecasts) expect(p.value as number).toBeGreaterThanOrEqual(0);
  });

  it('a percentage rising towards 100 is never forecast above 100, and the chance of more is 0', () => {
    const points = monthly(2023, 27, (_, __, k) => Math.min(100, 60 + 2 * k + wobble(k)));
    const f = forecast(points, m(2025, 3), {
      bounds: { lower: 0, upper: 100 },
      yearEndTarget: { kind: 'value', value: 100.5 },
    });
    expect(f.outturn as number).toBeLessThanOrEqual(100);
    expect(f.interval?.upper as number).toBeLessThanOrEqual(100);
    expect(f.probabilityOfMeetingTarget).toBe(0);
  });

  it('forecasts, intervals and period forecasts stay in range; the interval holds the forecast (property)', () => {
    const rules: AggregationRule[] = ['latest', 'mean', 'sum', 'min', 'max'];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...rules),
        (values, rule) => {
          const points = monthly(2023, values.length, (_, __, k) => values[k] as number);
          const last = points[points.length - 1] as MeasurePoint;
          const f = forecast(points, last.period, { rule, bounds: { lower: 0, upper: 100 } });
          const periods = rule === 'sum' ? 12 : 1;
          for (const v of [f.outturn, f.interval?.lower, f.interval?.upper]) {
            if (v == null) continue;
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(100 * periods + 1e-9);
          }
          for (const p of f.periodForecasts) {
            expect(p.value as number).toBeGreaterThanOrEqual(0);
            expect(p.value as number).toBeLessThanOrEqual(100);
          }
          if (f.interval) {
            expect(f.interval.lower).toBeLessThanOrEqual((f.outturn as number) + 1e-9);
            expect(f.interval.upper).toBeGreaterThanOrEqual((f.outturn as number) - 1e-9);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a constant series gives a constant forecast for any constant (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: 1, max: 40 }), (c, n) => {
        const points = monthly(2023, n, () => c);
        const last = points[points.length - 1] as MeasurePoint;
        const f = forecast(points, last.period);
        expect(f.outturn).toBe(c);
        for (const p of f.periodForecasts) expect(p.value).toBe(c);
      }),
      { numRuns: 40 },
    );
  });
});

describe('ratios and gaps', () => {
  it('a ratio forecasts numerator and denominator and divides the totals, within 0 to 100%', () => {
    const points = monthly(2023, 27, (_, __, k) => k).map((p, k) => ({
      ...p,
      value: null,
      numerator: 80 + wobble(k),
      denominator: 100,
    }));
    const f = forecast(points, m(2025, 3), { rule: 'ratio', ratioScale: 100, bounds: { lower: 0, upper: 100 } });
    expect(f.outturn as number).toBeGreaterThan(75);
    expect(f.outturn as number).toBeLessThan(85);
    expect(f.interval?.upper as number).toBeLessThanOrEqual(100);
  });

  it('estimates a missing month of this year instead of treating it as zero', () => {
    const points = monthly(2024, 15, () => 10).filter((p) => !(p.period.fyStartYear === 2025 && p.period.index === 2));
    const f = forecast(points, m(2025, 3), { rule: 'sum' });
    expect(f.actualPeriods).toBe(2);
    expect(f.periodForecasts[0]).toEqual({ period: m(2025, 2), value: 10 });
    expect(f.outturn).toBe(120);
  });

  it('the year minimum cannot exceed the lowest actual so far', () => {
    const points = monthly(2022, 39, (_, __, k) => 50 + 5 * wobble(k));
    const f = forecast(points, m(2025, 3), { rule: 'min' });
    const actualMin = Math.min(...points.filter((p) => p.period.fyStartYear === 2025).map((p) => p.value as number));
    expect(f.outturn as number).toBeLessThanOrEqual(actualMin);
  });
});

describe('intervals and probabilities from the back-test', () => {
  const noisy = monthly(2021, 51, (_, __, k) => 100 + 4 * wobble(k) + 2 * wobble(k * 5));
  const base = forecast(noisy, m(2025, 3));

  it('an interval around the outturn, explained', () => {
    const { lower, upper, level } = base.interval as { lower: number; upper: number; level: number };
    expect(level).toBe(0.8);
    expect(lower).toBeLessThan(base.outturn as number);
    expect(upper).toBeGreaterThan(base.outturn as number);
    expect(base.explanation).toMatch(
      /^Projected year-end outturn for 2025\/26: \d+ \(80% interval \d+ to \d+\); 3 months/,
    );
  });

  it('a wider interval for a higher level', () => {
    const wide = forecast(noisy, m(2025, 3), { intervalLevel: 0.95 });
    expect((wide.interval?.upper as number) - (wide.interval?.lower as number)).toBeGreaterThan(
      (base.interval?.upper as number) - (base.interval?.lower as number),
    );
  });

  it.each<[Polarity, number, number]>([
    ['higher-is-better', 0, 0.5],
    ['lower-is-better', 0, 0.5],
    ['higher-is-better', -1000, 1],
    ['higher-is-better', 1000, 0],
  ])('%s, target outturn %+d → probability %d', (polarity, offset, p) => {
    const target: Target = { kind: 'value', value: (base.outturn as number) + offset };
    expect(forecast(noisy, m(2025, 3), { polarity, yearEndTarget: target }).probabilityOfMeetingTarget).toBeCloseTo(
      p,
      6,
    );
  });

  it('within range: the chance of landing inside the range', () => {
    const o = base.outturn as number;
    const half = forecast(noisy, m(2025, 3), {
      polarity: 'within-range',
      yearEndTarget: { kind: 'range', lower: o, upper: o + 1000 },
    });
    expect(half.probabilityOfMeetingTarget).toBeCloseTo(0.5, 6);
  });

  it('no probability without a target or a polarity', () => {
    expect(base.probabilityOfMeetingTarget).toBeNull();
    expect(
      forecast(noisy, m(2025, 3), { polarity: 'none', yearEndTarget: { kind: 'value', value: 1 } })
        .probabilityOfMeetingTarget,
    ).toBeNull();
  });

  it('reports the forecast each previous year would have had at the same point', () => {
    expect(base.backTest.years.map((y) => y.fyStartYear)).toEqual([2023, 2024]);
    for (const y of base.backTest.years) {
      const yearEnd = noisy.find((p) => p.period.fyStartYear === y.fyStartYear && p.period.index === 12);
      expect(y.actual).toBe(yearEnd?.value);
    }
  });

  it('80% intervals cover about 80% of outcomes on random walks with drift', () => {
    let covered = 0;
    const runs = 150;
    for (let seed = 1; seed <= runs; seed++) {
      const draw = randomStream(seed * 7919);
      let level = 1000;
      const drift = draw.normal();
      const path = monthly(2021, 48, () => (level += drift + 5 * draw.normal()));
      const origin = path.slice(0, 36 + (seed % 11));
      const last = origin[origin.length - 1] as MeasurePoint;
      const f = forecast(origin, last.period);
      const outcome = path[47]?.value as number;
      if (f.interval && outcome >= f.interval.lower && outcome <= f.interval.upper) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.7);
    expect(covered / runs).toBeLessThan(0.92);
  });
});
