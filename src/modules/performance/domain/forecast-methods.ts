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
 * - damped-seasonal: the same with an additive season (Holt–Winters, damped), started from two
 *   whole years so that the first year's trend is not read as season.
 */

export type ModelMethod = 'naive' | 'seasonal-naive' | 'damped-trend' | 'damped-seasonal';

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

/** One run; the states of every period are kept only when asked (choosing parameters needs only the error). */
function runDampedTrend(values: Float64Array, p: DampedTrendParameters, keepStates: boolean): DampedStates {
  const n = values.length;
  const level = new Float64Array(keepStates ? n : 0).fill(Number.NaN);
  const trend = new Float64Array(keepStates ? n : 0).fill(Number.NaN);
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
    if (keepStates) {
      level[i] = l;
      trend[i] = b;
    }
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
  for (const p of GRID) {
    const { sse } = runDampedTrend(fitValues, p, false);
    if (sse < bestSse) {
      bestSse = sse;
      best = p;
    }
  }
  const states = runDampedTrend(series.values, best, true);
  return {
    method: 'damped-trend',
    forecast: (origin, horizon) =>
      (states.level[origin] as number) + (states.trend[origin] as number) * dampedSteps(best.phi, horizon),
    detail: `α ${best.alpha}, β ${best.beta}, damping φ ${best.phi}`,
  };
}

interface SeasonalParameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

const SEASONAL_GRID: readonly SeasonalParameters[] = [0.2, 0.5].flatMap((alpha) =>
  [0.1, 0.3].map((gamma) => ({ alpha, beta: 0.05, gamma, phi: 0.9 })),
);

interface SeasonalStates {
  level: Float64Array;
  trend: Float64Array;
  /** m seasonal terms after each period, by position in the year (ordinal mod m). */
  seasons: Float64Array;
  /** The first index with states (before it the method falls back to the latest value). */
  start: number;
  sse: number;
}

function runDampedSeasonal(
  series: DenseSeries,
  m: number,
  p: SeasonalParameters,
  keepStates: boolean,
): SeasonalStates | null {
  const values = series.values;
  const n = values.length;
  if (n < 2 * m + 1) return null;
  for (let i = 0; i < 2 * m; i++) if (Number.isNaN(values[i])) return null;
  // Start from two whole years: the trend from the change between their means, the season from
  // each period's distance from that trend line, averaged over the two years.
  let first = 0;
  let second = 0;
  for (let i = 0; i < m; i++) {
    first += values[i] as number;
    second += values[m + i] as number;
  }
  first /= m;
  second /= m;
  let b = (second - first) / m;
  const centre = (m - 1) / 2;
  const season = new Float64Array(m);
  for (let i = 0; i < 2 * m; i++) {
    const trendLine = first + b * (i - centre);
    season[(series.first + i) % m] =
      (season[(series.first + i) % m] as number) + ((values[i] as number) - trendLine) / 2;
  }
  let l = first + b * (2 * m - 1 - centre);
  const level = new Float64Array(keepStates ? n : 0);
  const trend = new Float64Array(keepStates ? n : 0);
  const seasons = new Float64Array(keepStates ? n * m : 0);
  const start = 2 * m - 1;
  let sse = 0;
  for (let i = start; i < n; i++) {
    if (i > start) {
      const position = (series.first + i) % m;
      const predicted = l + p.phi * b + (season[position] as number);
      const y = values[i] as number;
      if (Number.isNaN(y)) {
        l += p.phi * b;
        b *= p.phi;
      } else {
        const error = y - predicted;
        sse += error * error;
        l = l + p.phi * b + p.alpha * error;
        b = p.phi * b + p.alpha * p.beta * error;
        season[position] = (season[position] as number) + p.gamma * (1 - p.alpha) * error;
      }
    }
    if (keepStates) {
      level[i] = l;
      trend[i] = b;
      seasons.set(season, i * m);
    }
  }
  return { level, trend, seasons, start, sse };
}

/** Damped Holt–Winters (additive season); null without two whole years to start from. */
export function dampedSeasonalRun(series: DenseSeries, periodsPerYear: number): MethodRun | null {
  const m = periodsPerYear;
  let best: SeasonalParameters | null = null;
  let bestSse = Number.POSITIVE_INFINITY;
  for (const candidate of SEASONAL_GRID) {
    const run = runDampedSeasonal(series, m, candidate, false);
    if (run && run.sse < bestSse) {
      bestSse = run.sse;
      best = candidate;
    }
  }
  const states = best === null ? null : runDampedSeasonal(series, m, best, true);
  if (best === null || states === null) return null;
  const p = best;
  const last = lastSeenValues(series.values);
  return {
    method: 'damped-seasonal',
    forecast: (origin, horizon) => {
      if (origin < states.start) return last[origin] as number;
      const position = (series.first + origin + horizon) % m;
      return (
        (states.level[origin] as number) +
        (states.trend[origin] as number) * dampedSteps(p.phi, horizon) +
        (states.seasons[origin * m + position] as number)
      );
    },
    detail: `α ${p.alpha}, β ${p.beta}, γ ${p.gamma}, damping φ ${p.phi}`,
  };
}
