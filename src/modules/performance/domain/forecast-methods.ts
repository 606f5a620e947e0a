/**
 * The candidate forecasting methods. Each is fitted once to a measure's whole history and can then
 * say what it would have forecast from any earlier point (an "origin") using only the data up to
 * that point, which is what the rolling back-test needs: every method here is online (its state
 * after period t depends only on periods up to t), so one pass serves every origin.
 *
 * - naive: the last value carried forward. The benchmark every other method must beat.
 * - seasonal-naive: the value of the same period a year earlier (the latest year with one).
 * - damped-trend: exponential smoothing of the level and a trend that fades (Gardner–McKenzie),
 *   so a recent slope is followed for a while but not projected for ever.
 */

export type ModelMethod = 'naive' | 'seasonal-naive' | 'damped-trend';

/** A history laid out by period: values[i] is the period `first + i`; NaN where there is no value. */
export interface DenseSeries {
  first: number;
  values: Float64Array;
}

export interface MethodRun {
  method: ModelMethod;
  /** What the method would have forecast `horizon` periods after the period at `origin` (an index
   *  into the series), from the data up to and including it; NaN when there was no data then. */
  forecast(origin: number, horizon: number): number;
  /** Words describing the fitted method, e.g. its parameters. */
  detail: string;
}

/** The last value at or before each index (NaN before the first value). */
function lastSeenValues(values: Float64Array): Float64Array {
  const last = new Float64Array(values.length);
  let seen = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) seen = v;
    last[i] = seen;
  }
  return last;
}

export function naiveRun(series: DenseSeries): MethodRun {
  const last = lastSeenValues(series.values);
  return {
    method: 'naive',
    forecast: (origin) => last[origin] as number,
    detail: 'the latest value carried forward',
  };
}

/**
 * Whether a history is seasonal: its period-to-period changes are correlated with the changes a
 * year earlier beyond what chance gives (the lag-one-year autocorrelation of the changes above
 * 2 ÷ √n), over at least two years of changes. Seasonal naive is a candidate only then.
 */
export function isSeasonal(series: DenseSeries, periodsPerYear: number): boolean {
  const m = periodsPerYear;
  const values = series.values;
  const changes: number[] = [];
  for (let i = 1; i < values.length; i++) changes.push((values[i] as number) - (values[i - 1] as number));
  const present = changes.filter((c) => !Number.isNaN(c));
  if (m < 2 || present.length < 2 * m + 1) return false;
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  let numerator = 0;
  let pairs = 0;
  for (let i = m; i < changes.length; i++) {
    const a = changes[i] as number;
    const b = changes[i - m] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    numerator += (a - mean) * (b - mean);
    pairs++;
  }
  const denominator = present.reduce((acc, c) => acc + (c - mean) ** 2, 0);
  if (pairs === 0 || denominator === 0) return false;
  return numerator / denominator > 2 / Math.sqrt(present.length);
}

/** How many years back seasonal naive looks for the same period before giving up on it. */
const SEASONAL_LOOKBACK_YEARS = 3;

export function seasonalNaiveRun(series: DenseSeries, periodsPerYear: number): MethodRun {
  const last = lastSeenValues(series.values);
  const values = series.values;
  return {
    method: 'seasonal-naive',
    forecast: (origin, horizon) => {
      const target = origin + horizon;
      // The same period in the latest year that had ended by the origin.
      for (let years = Math.ceil(horizon / periodsPerYear); years <= SEASONAL_LOOKBACK_YEARS; years++) {
        const source = target - years * periodsPerYear;
        if (source < 0) break;
        const v = values[source] as number;
        if (!Number.isNaN(v)) return v;
      }
      return last[origin] as number;
    },
    detail: 'the same period a year earlier',
  };
}

export interface DampedTrendParameters {
  alpha: number;
  beta: number;
  phi: number;
}

/** A small grid: the back-test, not the in-sample fit, decides whether the method is used at all. */
const GRID: readonly DampedTrendParameters[] = [0.3, 0.6, 0.9].flatMap((alpha) =>
  [0.05, 0.2].flatMap((beta) => [0.8, 0.95].map((phi) => ({ alpha, beta, phi }))),
);

interface DampedStates {
  level: Float64Array;
  trend: Float64Array;
  /** Sum of squared one-step errors, for choosing the parameters. */
  sse: number;
}

function runDampedTrend(values: Float64Array, p: DampedTrendParameters): DampedStates {
  const n = values.length;
  const level = new Float64Array(n).fill(Number.NaN);
  const trend = new Float64Array(n).fill(Number.NaN);
  let l = Number.NaN;
  let b = 0;
  let seen = 0;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const y = values[i] as number;
    if (Number.isNaN(l)) {
      if (!Number.isNaN(y)) {
        l = y;
        seen = 1;
      }
    } else {
      const predicted = l + p.phi * b;
      if (Number.isNaN(y)) {
        // A missing period: the state moves on as forecast, with nothing to correct it.
        l = predicted;
        b = p.phi * b;
      } else {
        const error = y - predicted;
        if (seen === 1) {
          // The second value starts the trend: the step between the first two.
          b = y - l;
          l = y;
        } else {
          sse += error * error;
          const newLevel = predicted + p.alpha * error;
          b = p.phi * b + p.beta * (newLevel - l - p.phi * b);
          l = newLevel;
        }
        seen++;
      }
    }
    level[i] = l;
    trend[i] = b;
  }
  return { level, trend, sse };
}

/** Σ φ^k for k = 1..h: how much of the current trend is added h periods ahead. */
function dampedSteps(phi: number, horizon: number): number {
  let total = 0;
  let power = 1;
  for (let k = 1; k <= horizon; k++) {
    power *= phi;
    total += power;
  }
  return total;
}

/** Fits the parameters by one-step error on the history (up to `fitUpTo`, an index) and runs it. */
export function dampedTrendRun(series: DenseSeries, fitUpTo = series.values.length - 1): MethodRun {
  const fitValues = series.values.subarray(0, fitUpTo + 1);
  let best = GRID[0] as DampedTrendParameters;
  let bestSse = Number.POSITIVE_INFINITY;
  let bestStates: DampedStates | null = null;
  for (const p of GRID) {
    const run = runDampedTrend(fitValues, p);
    if (run.sse < bestSse) {
      bestSse = run.sse;
      best = p;
      bestStates = run;
    }
  }
  // Fitted on the whole history, the best run already holds every state.
  const states = fitUpTo === series.values.length - 1 && bestStates ? bestStates : runDampedTrend(series.values, best);
  return {
    method: 'damped-trend',
    forecast: (origin, horizon) =>
      (states.level[origin] as number) + (states.trend[origin] as number) * dampedSteps(best.phi, horizon),
    detail: `α ${best.alpha}, β ${best.beta}, damping φ ${best.phi}`,
  };
}
