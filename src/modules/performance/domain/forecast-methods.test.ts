import { describe, expect, it } from 'vitest';
import { dampedSeasonalRun, dampedTrendRun, isSeasonal, naiveRun, seasonalNaiveRun } from './forecast-methods.ts';
import type { DenseSeries } from './forecast-methods.ts';

const series = (values: number[]): DenseSeries => ({ first: 0, values: Float64Array.from(values) });
const PATTERN = [5, 7, 9, 12, 15, 14, 11, 9, 7, 6, 4, 3];
const wobble = (k: number) => [0.8, -1.1, 0.3, 1.4, -0.6, -0.9, 1.0, -0.2, 0.5, -1.3, 0.9, 0.1, -0.4][k % 13] as number;

describe('naive', () => {
  it('carries the latest value at the origin forward, skipping gaps', () => {
    const run = naiveRun(series([3, 4, Number.NaN, 9]));
    expect(run.forecast(1, 5)).toBe(4);
    expect(run.forecast(2, 1)).toBe(4); // the origin has no value: the one before it
    expect(run.forecast(3, 2)).toBe(9);
  });
});

describe('seasonal naive', () => {
  const values = Array.from({ length: 30 }, (_, k) => 100 + (PATTERN[k % 12] as number) + k);
  const run = seasonalNaiveRun(series(values), 12);

  it('takes the same period of the latest year that had ended by the origin', () => {
    expect(run.forecast(20, 1)).toBe(values[9]); // period 21 ← period 9
    expect(run.forecast(20, 12)).toBe(values[20]); // period 32 ← period 20, not the origin's future
    expect(run.forecast(20, 13)).toBe(values[9]); // period 33 ← two years back (21 is after the origin)
  });

  it('falls back to the latest value before a year has passed', () => {
    expect(run.forecast(5, 3)).toBe(values[5]);
  });
});

describe('damped trend', () => {
  it('follows a straight line, with the trend fading over the horizon', () => {
    const run = dampedTrendRun(series(Array.from({ length: 24 }, (_, k) => 10 + 2 * k)));
    const origin = 23;
    const last = 10 + 2 * origin;
    const one = run.forecast(origin, 1);
    const twelve = run.forecast(origin, 12);
    expect(one).toBeGreaterThan(last);
    expect(one).toBeLessThanOrEqual(last + 2 + 1e-9);
    // Damped: twelve steps ahead add less than twelve times the slope, but more than one step.
    expect(twelve).toBeGreaterThan(one);
    expect(twelve).toBeLessThan(last + 24);
  });

  it('forecasts a constant as itself', () => {
    const run = dampedTrendRun(series(Array.from({ length: 12 }, () => 7)));
    expect(run.forecast(11, 6)).toBe(7);
  });

  it('uses only the data up to the origin', () => {
    const values = Array.from({ length: 30 }, (_, k) => 50 + wobble(k));
    const whole = dampedTrendRun(series(values), 19);
    const cut = dampedTrendRun(series(values.slice(0, 20)), 19);
    expect(whole.forecast(19, 3)).toBeCloseTo(cut.forecast(19, 3), 12);
  });
});

describe('damped Holt–Winters', () => {
  it('carries a season and a trend, not reading the first year’s trend as season', () => {
    const truth = (k: number) => 100 + 2 * k + 3 * (PATTERN[k % 12] as number);
    const run = dampedSeasonalRun(series(Array.from({ length: 36 }, (_, k) => truth(k))), 12);
    if (run === null) throw new Error('expected a fit');
    // The season's shape is forecast: July is 3 × (12 − 5) = 21 above April, plus under 3 months' trend.
    const julyOverApril = run.forecast(35, 4) - run.forecast(35, 1);
    expect(julyOverApril).toBeGreaterThan(21);
    expect(julyOverApril).toBeLessThan(21 + 3 * 2);
    // The trend is followed, damped: within a few percent of the truth a quarter ahead.
    for (const h of [1, 2, 3]) expect(Math.abs(run.forecast(35, h) - truth(35 + h))).toBeLessThan(0.05 * truth(35 + h));
  });

  it('needs two whole years to start, and before them carries the latest value forward', () => {
    expect(dampedSeasonalRun(series(Array.from({ length: 24 }, (_, k) => k)), 12)).toBeNull();
    const values = Array.from({ length: 30 }, (_, k) => 50 + (PATTERN[k % 12] as number));
    const run = dampedSeasonalRun(series(values), 12);
    expect(run?.forecast(10, 2)).toBe(values[10]);
  });
});

describe('seasonality test', () => {
  it('finds a repeating yearly pattern', () => {
    const values = Array.from({ length: 48 }, (_, k) => 100 + (PATTERN[k % 12] as number) + wobble(k) * 0.5);
    expect(isSeasonal(series(values), 12)).toBe(true);
  });

  it('finds none in a straight line, noise or less than two years', () => {
    expect(isSeasonal(series(Array.from({ length: 48 }, (_, k) => 3 * k + wobble(k))), 12)).toBe(false);
    expect(isSeasonal(series(Array.from({ length: 48 }, (_, k) => 50 + wobble(k * 7))), 12)).toBe(false);
    expect(isSeasonal(series(Array.from({ length: 20 }, (_, k) => PATTERN[k % 12] as number)), 12)).toBe(false);
  });
});
