/**
 * The rolling back-test: for a measure's own history, what each candidate method would have
 * forecast from each earlier origin, at the same horizons as the forecast being made now, against
 * what then happened. The errors are of the year-end outturn itself (the same rule, the same
 * periods still to come, this year's known values), so they choose the method and size the
 * interval at exactly the horizon that matters.
 */
import type { DenseSeries, MethodRun } from './forecast-methods.ts';

/** The range a measure's values can take (a count is never below 0, a percentage never above 100). */
export interface ValueBounds {
  lower: number | null;
  upper: number | null;
}

export const clampTo = (value: number, bounds: ValueBounds): number =>
  Math.min(bounds.upper ?? Number.POSITIVE_INFINITY, Math.max(bounds.lower ?? Number.NEGATIVE_INFINITY, value));

/**
 * The outturn from the values still to come (`path`, one per horizon, and for a ratio the
 * denominators), combined with the values already known; null when it has no value.
 */
export type Outturn = (path: readonly number[], denominatorPath: readonly number[] | null) => number | null;

export interface BackTestNeed {
  /** Periods after the origin of each value still to come (≥ 1), in the order the outturn takes them. */
  horizons: readonly number[];
  outturn: Outturn;
  /** Bounds of one period's value (for a ratio, of its parts). */
  pathBounds: ValueBounds;
}

export interface MethodRuns {
  primary: MethodRun;
  denominator: MethodRun | null;
}

/**
 * The forecast path from one origin, held to the bounds; null when the method had no data then.
 * The back-test passes one array to fill (`into`) for every origin: it runs for every measure in a
 * recompute, and fresh arrays there were most of its cost.
 */
export function forecastPath(
  run: MethodRun,
  origin: number,
  horizons: readonly number[],
  bounds: ValueBounds,
  into: number[] = new Array<number>(horizons.length),
): number[] | null {
  for (let k = 0; k < horizons.length; k++) {
    const v = run.forecast(origin, horizons[k] as number);
    if (Number.isNaN(v)) return null;
    into[k] = clampTo(v, bounds);
  }
  return into;
}

function actualPath(series: DenseSeries, origin: number, horizons: readonly number[], into: number[]): number[] | null {
  for (let k = 0; k < horizons.length; k++) {
    const v = series.values[origin + (horizons[k] as number)];
    if (v === undefined || Number.isNaN(v)) return null;
    into[k] = v;
  }
  return into;
}

/** The origins a back-test may use: every one whose outcome is known, newest first, at most `limit`. */
export function backTestOrigins(
  series: DenseSeries,
  latestOrigin: number,
  horizons: readonly number[],
  earliest: number,
  limit: number,
): number[] {
  const furthest = Math.max(...horizons);
  const origins: number[] = [];
  for (let o = latestOrigin - furthest; o >= earliest && origins.length < limit; o--) {
    if (!Number.isNaN(series.values[o])) origins.push(o);
  }
  return origins;
}

/** What the outturn turned out to be from each origin's path (NaN where a value is missing). */
export function actualOutturns(
  primary: DenseSeries,
  denominator: DenseSeries | null,
  origins: readonly number[],
  need: BackTestNeed,
): Float64Array {
  const outcomes = new Float64Array(origins.length).fill(Number.NaN);
  const buffer = new Array<number>(need.horizons.length);
  const denominatorBuffer = new Array<number>(need.horizons.length);
  origins.forEach((origin, k) => {
    const actual = actualPath(primary, origin, need.horizons, buffer);
    const actualDenominators = denominator ? actualPath(denominator, origin, need.horizons, denominatorBuffer) : null;
    if (actual === null || (denominator && actualDenominators === null)) return;
    outcomes[k] = need.outturn(actual, actualDenominators) ?? Number.NaN;
  });
  return outcomes;
}

/**
 * Outturn errors (forecast − actual) of one method at the given origins; NaN where the outcome or
 * the forecast is missing, so that methods can be compared origin by origin.
 */
export function backTestErrors(
  runs: MethodRuns,
  origins: readonly number[],
  outcomes: Float64Array,
  need: BackTestNeed,
): Float64Array {
  const errors = new Float64Array(origins.length).fill(Number.NaN);
  const buffer = new Array<number>(need.horizons.length);
  const denominatorBuffer = new Array<number>(need.horizons.length);
  origins.forEach((origin, k) => {
    const outcome = outcomes[k] as number;
    if (Number.isNaN(outcome)) return;
    const predicted = forecastPath(runs.primary, origin, need.horizons, need.pathBounds, buffer);
    const predictedDenominators = runs.denominator
      ? forecastPath(runs.denominator, origin, need.horizons, need.pathBounds, denominatorBuffer)
      : null;
    if (predicted === null || (runs.denominator && predictedDenominators === null)) return;
    const forecastOutturn = need.outturn(predicted, predictedDenominators);
    if (forecastOutturn !== null) errors[k] = forecastOutturn - outcome;
  });
  return errors;
}

/** Root mean square and mean absolute value of the errors present in every one of `columns`. */
export function errorSummary(
  errors: Float64Array,
  usable: (k: number) => boolean,
): { count: number; rms: number; mae: number } {
  let count = 0;
  let squares = 0;
  let absolutes = 0;
  for (let k = 0; k < errors.length; k++) {
    if (!usable(k)) continue;
    const e = errors[k] as number;
    count++;
    squares += e * e;
    absolutes += Math.abs(e);
  }
  return count === 0
    ? { count: 0, rms: Number.NaN, mae: Number.NaN }
    : { count, rms: Math.sqrt(squares / count), mae: absolutes / count };
}

/**
 * The root mean square of the outturn's error if the measure moved like a random walk with the
 * mean and spread of its own period-to-period changes, forecast by carrying the last value
 * forward: each value still to come carries every change up to it, so Σ wₖ·errorₖ has mean
 * μ · Σ wₖ·hₖ and variance σ² · Σⱼ (Σ_{k: hₖ ≥ j} wₖ)², wₖ being the outturn's sensitivity to
 * each value. With `withDrift` false the mean change is left out: the
 * spread alone, which no method can forecast away.
 */
export function randomWalkSpread(
  changes: ChangeStatistics,
  need: BackTestNeed,
  weights: readonly number[],
  withDrift: boolean,
): number {
  const furthest = Math.max(...need.horizons);
  let variance = 0;
  for (let j = 1; j <= furthest; j++) {
    let carried = 0;
    need.horizons.forEach((h, k) => {
      if (h >= j) carried += weights[k] as number;
    });
    variance += carried * carried;
  }
  let drift = 0;
  need.horizons.forEach((h, k) => (drift += (weights[k] as number) * h * changes.mean));
  return Math.sqrt(changes.spread * changes.spread * variance + (withDrift ? drift * drift : 0));
}

export interface ChangeStatistics {
  mean: number;
  spread: number;
}

/**
 * The standard deviation of the changes between consecutive values (consecutive periods only), and
 * the mean of the latest `recent` of them: a drift that has just begun is what a naive forecast misses.
 */
export function changeStatistics(series: DenseSeries, upTo: number, recent: number): ChangeStatistics | null {
  const changes: number[] = [];
  for (let i = 1; i <= upTo; i++) {
    const a = series.values[i - 1] as number;
    const b = series.values[i] as number;
    if (!Number.isNaN(a) && !Number.isNaN(b)) changes.push(b - a);
  }
  if (changes.length < 2) return null;
  const average = (xs: number[]) => xs.reduce((s, c) => s + c, 0) / xs.length;
  const mean = average(changes);
  const ss = changes.reduce((s, c) => s + (c - mean) ** 2, 0);
  return { mean: average(changes.slice(-recent)), spread: Math.sqrt(ss / (changes.length - 1)) };
}

/** The outturn's sensitivity to each value still to come, found by nudging it. */
export function outturnWeights(need: BackTestNeed, centre: readonly number[], step: number): number[] | null {
  const base = need.outturn(centre, null);
  if (base === null) return null;
  return need.horizons.map((_, k) => {
    const nudged = centre.slice();
    nudged[k] = (nudged[k] as number) + step;
    const moved = need.outturn(nudged, null);
    return moved === null ? 0 : (moved - base) / step;
  });
}
