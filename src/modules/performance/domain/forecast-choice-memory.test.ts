import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapMemory, type RememberedChoice } from './forecast-choice-memory.ts';
import { forecastYearEnd, type AggregationRule, type ForecastInput, type MeasurePoint, type Period } from './index.ts';

// A remembered choice must give the forecast choosing again would give, figure for figure, and be
// chosen again as soon as any input changes.
const month = (fyStartYear: number, index: number): Period => ({ frequency: 'monthly', fyStartYear, index });
const SEASON = [5, 7, 9, 12, 15, 14, 11, 9, 7, 6, 4, 3];

function series(count: number, f: (k: number) => number): MeasurePoint[] {
  return Array.from({ length: count }, (_, k) => ({
    period: month(2022 + Math.floor(k / 12), (k % 12) + 1),
    value: f(k),
    numerator: Math.max(0, f(k)) * 3 + 10,
    denominator: 40 + (k % 5),
  }));
}

const SHAPES: Record<string, (k: number) => number> = {
  trend: (k) => 20 + 0.8 * k + ((k * 7) % 5) - 2,
  seasonal: (k) => 50 + SEASON[k % 12]! * 3 + ((k * 11) % 7) - 3,
  step: (k) => (k < 30 ? 40 : 65) + ((k * 5) % 3),
  constant: () => 12,
  boundedNearZero: (k) => Math.max(0, 3 - 0.1 * k + ((k * 3) % 4) - 1.5),
};

function input(points: MeasurePoint[], rule: AggregationRule, extra: Partial<ForecastInput> = {}): ForecastInput {
  const last = points[points.length - 1]!.period;
  return {
    points,
    period: last,
    rule,
    ratioScale: 100,
    polarity: 'higher-is-better',
    yearEndTarget: { kind: 'value', value: 40 },
    format: { unit: 'number', decimals: 1 },
    bounds: { lower: 0, upper: null },
    ...extra,
  };
}

describe('remembered forecast choices', () => {
  it.each(Object.keys(SHAPES))('give the same forecast as choosing afresh on a %s', (shape) => {
    for (const rule of ['sum', 'mean', 'latest', 'ratio'] as const) {
      const given = input(series(40, SHAPES[shape]!), rule);
      const afresh = forecastYearEnd(given);
      const memory = mapMemory();
      const first = forecastYearEnd({ ...given, choices: memory });
      expect(memory.store.size).toBe(1);
      const recalled = forecastYearEnd({ ...given, choices: memory });
      expect(first).toEqual(afresh);
      expect(recalled).toEqual(afresh);
    }
  });

  it('reuses the remembered choice instead of running the back-test again', () => {
    const given = input(series(40, SHAPES.seasonal!), 'sum');
    const memory = mapMemory();
    forecastYearEnd({ ...given, choices: memory });
    const [key, choice] = [...memory.store][0]!;
    // A planted answer proves the back-test did not run: the forecast follows what was remembered.
    const planted: RememberedChoice = { ...choice, method: 'naive', spread: 1, probabilityFromNaive: false };
    memory.store.set(key, planted);
    const reused = forecastYearEnd({ ...given, choices: memory });
    expect(reused.method).toBe('naive');
    expect(reused.outturn).toEqual(forecastYearEnd({ ...given, method: 'naive' }).outturn);
  });

  it('chooses again when an official value changes or arrives, or the range or level changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 33 }), fc.double({ min: 0.5, max: 5, noNaN: true }), (k, delta) => {
        const points = series(34, SHAPES.trend!);
        const memory = mapMemory();
        forecastYearEnd({ ...input(points, 'mean'), choices: memory });
        const changed = points.map((p, i) => (i === k ? { ...p, value: (p.value as number) + delta } : p));
        forecastYearEnd({ ...input(changed, 'mean'), choices: memory });
        // The next month's figure arrives (the year is still open, so it is forecast).
        forecastYearEnd({ ...input(series(35, SHAPES.trend!), 'mean'), choices: memory });
        forecastYearEnd({ ...input(points, 'mean', { bounds: { lower: 0, upper: 50 } }), choices: memory });
        forecastYearEnd({ ...input(points, 'mean', { intervalLevel: 0.9 }), choices: memory });
        expect(memory.store.size).toBe(5);
      }),
      { numRuns: 25 },
    );
  });

  it('never remembers a forced method (the benchmark compares methods that way)', () => {
    const memory = mapMemory();
    forecastYearEnd({ ...input(series(40, SHAPES.trend!), 'mean'), method: 'damped-trend', choices: memory });
    expect(memory.store.size).toBe(0);
  });
});
