import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastHoltWinters, forecastLinearTrend, forecastSeasonalProfile, forecastYearEnd } from './index.ts';
import { extremeDistribution, probabilityOfMeeting, quantile } from './forecast-distribution.ts';
import type { AggregationRule, ForecastInput, MeasurePoint, Period, Polarity, Target } from './index.ts';

const m = (fyStartYear: number, index: number): Period => ({ frequency: 'monthly', fyStartYear, index });
const q = (fyStartYear: number, index: number): Period => ({ frequency: 'quarterly', fyStartYear, index });
const PATTERN = [5, 7, 9, 12, 15, 14, 11, 9, 7, 6, 4, 3]; // sums to 102
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Monthly points from (year, 1) for `count` months, value = f(year, index). */
function monthly(fromYear: number, count: number, f: (year: number, index: number) => number): MeasurePoint[] {
  return Array.from({ length: count }, (_, k) => {
    const year = fromYear + Math.floor(k / 12);
    const index = (k % 12) + 1;
    return { period: m(year, index), value: f(year, index) };
  });
}

/** A small deterministic "noise" so that tests do not depend on a random seed. */
const wobble = (k: number) => [0.8, -1.1, 0.3, 1.4, -0.6, -0.9, 1.0, -0.2, 0.5, -1.3, 0.9, 0.1, -0.4][k % 13] as number;

function forecast(points: MeasurePoint[], period: Period, extra: Partial<ForecastInput> = {}) {
  return forecastYearEnd({
    points,
    period,
    rule: 'sum',
    polarity: 'higher-is-better',
    yearEndTarget: null,
    format: { unit: 'number', decimals: 0 },
    ...extra,
  });
}

describe('method choice', () => {
  it.each<[string, MeasurePoint[], Period, string]>([
    ['a complete year', monthly(2025, 12, () => 1), m(2025, 12), 'actual'],
    ['24 consecutive months', monthly(2023, 27, () => 1), m(2025, 3), 'holt-winters'],
    [
      '23 consecutive months and a complete year',
      monthly(2023, 12, () => 1).concat(monthly(2024, 15, () => 1).slice(1)),
      m(2025, 3),
      'seasonal-profile',
    ],
    [
      'a quarterly measure with a complete previous year',
      [1, 2, 3, 4, 5].map((i) => ({ period: q(2024 + Math.floor((i - 1) / 4), ((i - 1) % 4) + 1), value: i })),
      q(2025, 1),
      'seasonal-profile',
    ],
    ['three values this year', monthly(2025, 3, (_, i) => i), m(2025, 3), 'linear-trend'],
    ['two values', monthly(2025, 2, (_, i) => i), m(2025, 2), 'none'],
    [
      'annual, five years',
      [2020, 2021, 2022, 2023, 2024].map((y) => ({
        period: { frequency: 'annual', fyStartYear: y, index: 1 },
        value: y,
      })),
      { frequency: 'annual', fyStartYear: 2025, index: 1 },
      'linear-trend',
    ],
  ])('%s → %s', (_, points, period, method) => {
    expect(forecast(points, period).method).toBe(method);
  });

  it('says why there is no forecast', () => {
    expect(
      forecast(
        monthly(2025, 2, (_, i) => i),
        m(2025, 2),
      ).methodReason,
    ).toBe('No forecast: 2 values in the last 24 months and no complete previous year; at least 3 values are needed');
  });

  it('explains a missing forecast once', () => {
    expect(
      forecast(
        monthly(2025, 2, (_, i) => i),
        m(2025, 2),
      ).explanation,
    ).toBe(
      'No year-end forecast for 2025/26: 2 values in the last 24 months and no complete previous year; at least 3 values are needed.',
    );
  });

  it('ignores data after the reporting period', () => {
    const points = monthly(2025, 12, (_, i) => i);
    const f = forecast(points, m(2025, 3));
    expect(f.method).toBe('linear-trend');
    expect(f.actualPeriods).toBe(3);
  });
});

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
    expect(f.outturn).toBeCloseTo(outturn, 12);
    expect(f.interval).toBeNull();
    expect(f.probabilityOfMeetingTarget).toBe(outturn >= 6.5 ? 1 : 0);
  });
});

describe('exact recovery of noise-free patterns', () => {
  it('Holt–Winters reproduces a pure seasonal pattern, with a back-test error of 0', () => {
    const points = monthly(2021, 51, (_, i) => 100 + (PATTERN[i - 1] as number));
    const f = forecast(points, m(2025, 3), { yearEndTarget: { kind: 'value', value: 1302 } });
    expect(f.method).toBe('holt-winters');
    expect(f.outturn).toBeCloseTo(1200 + 102, 9);
    expect(f.periodForecasts.map((p) => p.value)).toEqual(PATTERN.slice(3).map((v) => expect.closeTo(100 + v, 9)));
    expect(f.probabilityOfMeetingTarget).toBe(1); // no error at all, and exactly on target counts as meeting it
    expect(f.backTest.years.map((y) => y.fyStartYear)).toEqual([2023, 2024]);
    expect(f.backTest.meanAbsolutePercentageError).toBeCloseTo(0, 9);
  });

  it('a seasonal profile carries the pattern onto this year’s level', () => {
    // Complete years at levels 96 and 100, a gap in 2024/25 (so no 24-month run), 110 so far this year.
    const level: Record<number, number> = { 2022: 96, 2023: 100, 2024: 104, 2025: 110 };
    const points = monthly(2022, 39, (y, i) => (level[y] as number) + (PATTERN[i - 1] as number)).filter(
      (p) => !(p.period.fyStartYear === 2024 && p.period.index === 6),
    );
    const f = forecast(points, m(2025, 3));
    expect(f.method).toBe('seasonal-profile');
    expect(f.methodReason).toBe(
      "Seasonal profile: fewer than 24 consecutive months for Holt–Winters; the pattern across the year comes from the complete years 2022/23, 2023/24, applied to this year's level (profile from 2 previous years)",
    );
    expect(f.outturn).toBeCloseTo(12 * 110 + 102, 9);
  });

  it('estimates a missing month of this year instead of treating it as zero', () => {
    const points = monthly(2024, 12, (_, i) => 50 + (PATTERN[i - 1] as number)).concat(
      [1, 3].map((i) => ({ period: m(2025, i), value: 60 + (PATTERN[i - 1] as number) })),
    );
    const f = forecast(points, m(2025, 3));
    expect(f.method).toBe('seasonal-profile');
    expect(f.actualPeriods).toBe(2);
    expect(f.periodForecasts[0]).toEqual({ period: m(2025, 2), value: expect.closeTo(67, 9) });
    expect(f.outturn).toBeCloseTo(12 * 60 + 102, 9);
  });

  it('a linear trend continues a straight line', () => {
    const points = monthly(2025, 5, (_, i) => 10 + 2 * i);
    const f = forecast(points, m(2025, 5), { yearEndTarget: { kind: 'value', value: 277 } });
    expect(f.method).toBe('linear-trend');
    expect(f.outturn).toBeCloseTo(sum(Array.from({ length: 12 }, (_, k) => 10 + 2 * (k + 1))), 9);
    expect(f.probabilityOfMeetingTarget).toBe(0);
  });

  it('a ratio forecasts numerator and denominator and divides the totals', () => {
    // numerator 10, 20, 30, … (a line), denominator 100 every month: 780 / 1200 = 65%
    const points = Array.from({ length: 4 }, (_, k) => ({
      period: m(2025, k + 1),
      value: null,
      numerator: 10 * (k + 1),
      denominator: 100,
    }));
    const f = forecast(points, m(2025, 4), { rule: 'ratio', ratioScale: 100 });
    expect(f.method).toBe('linear-trend');
    expect(f.outturn).toBeCloseTo(65, 9);
    expect(f.periodForecasts[0]?.value).toBeCloseTo(50, 9);
  });
});

describe('uncertainty', () => {
  const noisy = monthly(2021, 51, (_, i) => 100 + (PATTERN[i - 1] as number)).map((p, k) => ({
    ...p,
    value: (p.value as number) + wobble(k),
  }));
  const base = forecast(noisy, m(2025, 3));

  it('has an interval around the outturn and says so', () => {
    expect(base.interval).not.toBeNull();
    const { lower, upper, level } = base.interval as { lower: number; upper: number; level: number };
    expect(level).toBe(0.8);
    expect(lower).toBeLessThan(base.outturn as number);
    expect(upper).toBeGreaterThan(base.outturn as number);
    expect(base.explanation).toMatch(
      /^Projected year-end outturn for 2025\/26: 1,\d{3} \(80% interval 1,\d{3} to 1,\d{3}\); 3 months of data, 9 months forecast; back-tested error \d+\.\d% \(MAPE over 2 years\)\. Method: Holt–Winters/,
    );
  });

  it('a wider interval for a higher level', () => {
    const wide = forecast(noisy, m(2025, 3), { intervalLevel: 0.95 });
    const w80 = (base.interval?.upper as number) - (base.interval?.lower as number);
    const w95 = (wide.interval?.upper as number) - (wide.interval?.lower as number);
    expect(w95 / w80).toBeCloseTo(1.959964 / 1.281552, 4);
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

  it('probabilities for higher and lower is better add up to 1, and fall as the target rises (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200, max: 200 }), fc.integer({ min: 1, max: 50 }), (offset, step) => {
        const t = (base.outturn as number) + offset;
        const p = (polarity: Polarity, v: number) =>
          forecast(noisy, m(2025, 3), { polarity, yearEndTarget: { kind: 'value', value: v }, backTestYears: 0 })
            .probabilityOfMeetingTarget as number;
        expect(p('higher-is-better', t) + p('lower-is-better', t)).toBeCloseTo(1, 9);
        expect(p('higher-is-better', t + step)).toBeLessThanOrEqual(p('higher-is-better', t));
      }),
      { numRuns: 30 },
    );
  });

  it('within range: the chance of landing inside the range', () => {
    const o = base.outturn as number;
    const inside = forecast(noisy, m(2025, 3), {
      polarity: 'within-range',
      yearEndTarget: { kind: 'range', lower: o - 1000, upper: o + 1000 },
    });
    expect(inside.probabilityOfMeetingTarget).toBeCloseTo(1, 6);
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

  it.each<AggregationRule>(['mean', 'latest', 'min', 'max'])('%s: interval brackets a sensible outturn', (rule) => {
    const f = forecast(noisy, m(2025, 3), { rule, yearEndTarget: { kind: 'value', value: 100 } });
    expect(f.outturn).not.toBeNull();
    expect(f.interval?.lower as number).toBeLessThanOrEqual(f.interval?.upper as number);
    const p = f.probabilityOfMeetingTarget as number;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  });

  it('the year minimum cannot exceed the lowest actual so far', () => {
    const f = forecast(noisy, m(2025, 3), { rule: 'min' });
    const actualMin = Math.min(...noisy.filter((p) => p.period.fyStartYear === 2025).map((p) => p.value));
    expect(f.outturn as number).toBeLessThanOrEqual(actualMin);
    expect(f.interval?.upper as number).toBeLessThanOrEqual(actualMin + 1e-6);
  });
});

describe('models', () => {
  it('linear trend: prediction variance σ²(1 + 1/n + (t − t̄)²/Sxx)', () => {
    const history = [1, 2, 3, 4, 5, 6].map((t, k) => ({ ordinal: t, value: 3 * t + wobble(k) }));
    const model = forecastLinearTrend(history, [8, 9]);
    const sigma = model?.sigma as number;
    const n = 6;
    const tBar = 3.5;
    const sxx = sum([1, 2, 3, 4, 5, 6].map((t) => (t - tBar) ** 2));
    expect(model?.variance([1, 0])).toBeCloseTo(sigma ** 2 * (1 + 1 / n + (8 - tBar) ** 2 / sxx), 10);
    // the sum of two forecasts: 2σ² + σ²(4/n + (8 − t̄ + 9 − t̄)²/Sxx)
    expect(model?.variance([1, 1])).toBeCloseTo(sigma ** 2 * (2 + 4 / n + (8 + 9 - 2 * tBar) ** 2 / sxx), 10);
    expect(forecastLinearTrend(history.slice(0, 2), [8])).toBeNull();
  });

  it('Holt–Winters: one step ahead has variance σ², two steps σ²(1 + (α + αβ)²)', () => {
    const history = Array.from({ length: 36 }, (_, k) => ({
      ordinal: 24000 + k,
      value: 50 + (PATTERN[k % 12] as number) + 3 * wobble(k),
    }));
    const fit = forecastHoltWinters(history, [24036, 24037], 12);
    if (fit === null || fit.sigma === null) throw new Error('expected a fit');
    const { alpha, beta, sigma } = fit;
    expect(fit.variance([1, 0])).toBeCloseTo(sigma ** 2, 10);
    expect(fit.variance([0, 1])).toBeCloseTo(sigma ** 2 * (1 + (alpha + alpha * beta) ** 2), 10);
    expect(fit.detail).toBe(`α ${alpha}, β ${beta}, γ ${fit.gamma}`);
    expect(forecastHoltWinters(history.slice(0, 23), [24023], 12)).toBeNull();
    expect(() => forecastHoltWinters(history, [24000], 12)).toThrow(/only periods after/);
  });

  it('seasonal profile: level error is shared by every forecast period', () => {
    const history = [
      ...PATTERN.map((v, i) => ({ ordinal: 2024 * 12 + i, value: 100 + v })),
      ...[0, 1, 2].map((i) => ({ ordinal: 2025 * 12 + i, value: 110 + (PATTERN[i] as number) + wobble(i) })),
    ];
    const fit = forecastSeasonalProfile(history, [2025 * 12 + 3, 2025 * 12 + 4], { periodsPerYear: 12, year: 2025 });
    const s = fit?.sigma as number;
    expect(fit?.yearsUsed).toEqual([2024]);
    expect(fit?.variance([1, 1])).toBeCloseTo(s * s * (2 + 4 / 3), 10);
  });
});

describe('distribution of the lowest and highest value of the year', () => {
  it('an actual exactly on the target meets it (equalling counts as meeting)', () => {
    const min = extremeDistribution('min', [10], [20, 20], [1, 1]);
    expect(probabilityOfMeeting(min, 'higher-is-better', { kind: 'value', value: 10 })).toBeCloseTo(1, 9);
    const max = extremeDistribution('max', [10], [0, 0], [1, 1]);
    expect(probabilityOfMeeting(max, 'lower-is-better', { kind: 'value', value: 10 })).toBeCloseTo(1, 9);
  });

  it('combines the periods as independent chances', () => {
    // Two forecasts centred on the target: each is at or above it with probability ½.
    const min = extremeDistribution('min', [], [5, 5], [1, 1]);
    expect(probabilityOfMeeting(min, 'higher-is-better', { kind: 'value', value: 5 })).toBeCloseTo(0.25, 6);
    const max = extremeDistribution('max', [], [5, 5], [1, 1]);
    expect(probabilityOfMeeting(max, 'lower-is-better', { kind: 'value', value: 5 })).toBeCloseTo(0.25, 6);
    // The median of the lower of two: P(min ≤ q) = ½ where each is below with probability 1 − √½.
    expect(quantile(min, 0.5)).toBeCloseTo(5 - 0.5449, 3);
  });
});
