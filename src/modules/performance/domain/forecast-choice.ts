/**
 * The choice of a measure's forecasting method by its own rolling back-test, and the size of the
 * chosen method's error (the spread behind the interval and the probability of meeting the target).
 */
import {
  actualOutturns,
  backTestErrors,
  backTestOrigins,
  changeStatistics,
  errorSummary,
  forecastPath,
  outturnWeights,
  randomWalkSpread,
} from './forecast-backtest.ts';
import type { BackTestNeed, MethodRuns } from './forecast-backtest.ts';
import { dampedSeasonalRun, dampedTrendRun, isSeasonal, naiveRun, seasonalNaiveRun } from './forecast-methods.ts';
import type { DenseSeries, MethodRun, ModelMethod } from './forecast-methods.ts';
import { normalCdf, normalQuantile, studentQuantile } from './normal.ts';

/** Fewer comparable back-test origins than this and the forecast falls back to naive. */
export const MIN_BACKTEST_ORIGINS = 6;
/**
 * A method replaces naive only when its back-test error is below this share of naive's. The
 * smoothing methods need only be better; seasonal naive, which rests on single values a year old
 * and was often chosen by chance on the benchmark's series (and then worse than naive), must be
 * better by a fifth.
 */
const MUST_BEAT_NAIVE_BY: Record<ModelMethod, number> = {
  naive: 1,
  'damped-trend': 1,
  'damped-seasonal': 1,
  'seasonal-naive': 0.8,
};
/** The first origin a back-test uses: the third period of the history (two changes seen). */
const EARLIEST_ORIGIN = 2;
/** The latest origins the back-test looks at: three years. */
const BACKTEST_YEARS = 3;

export interface Histories {
  primary: DenseSeries;
  denominator: DenseSeries | null;
  /** For a ratio: each period's own ratio (× the scale). */
  ratios: DenseSeries | null;
}

function runsOf(make: (series: DenseSeries) => MethodRun | null, histories: Histories): MethodRuns | null {
  const primary = make(histories.primary);
  const denominator = histories.denominator ? make(histories.denominator) : null;
  if (primary === null || (histories.denominator && denominator === null)) return null;
  return { primary, denominator };
}

function observedCount(series: DenseSeries): number {
  let n = 0;
  for (const v of series.values) if (!Number.isNaN(v)) n++;
  return n;
}

/** How each method is fitted to a series: the choice and a remembered choice fit alike. */
const FIT: Record<ModelMethod, (series: DenseSeries, m: number) => MethodRun | null> = {
  naive: (series) => naiveRun(series),
  'seasonal-naive': (series, m) => seasonalNaiveRun(series, m),
  'damped-seasonal': (series, m) => dampedSeasonalRun(series, m),
  'damped-trend': (series) => dampedTrendRun(series),
};

/** One method fitted to the histories (and a ratio's denominators), or null when it cannot be. */
export function fittedRuns(method: ModelMethod, histories: Histories, m: number): MethodRuns | null {
  return runsOf((series) => FIT[method](series, m), histories);
}

/**
 * The candidates a history allows, fitted: naive always; damped trend from 4 values; where the
 * history is seasonal, seasonal naive, and damped Holt–Winters once it has two whole years to
 * start from.
 */
function candidateRuns(histories: Histories, m: number): Map<ModelMethod, MethodRuns> {
  const runs = new Map<ModelMethod, MethodRuns>();
  const add = (method: ModelMethod) => {
    const fitted = fittedRuns(method, histories, m);
    if (fitted) runs.set(method, fitted);
  };
  add('naive');
  if (isSeasonal(histories.ratios ?? histories.primary, m)) {
    add('seasonal-naive');
    add('damped-seasonal');
  }
  if (observedCount(histories.primary) >= 4) add('damped-trend');
  return runs;
}

export interface Chosen {
  method: ModelMethod;
  basis: 'back-test' | 'short-history';
  runs: MethodRuns;
  /** Standard deviation of the outturn's error; null when it cannot be estimated. */
  spread: number | null;
  origins: number;
  meanAbsoluteError: Partial<Record<ModelMethod, number>>;
  /**
   * Naive's runs when the probability of meeting the target is to be taken from naive's outturn:
   * the chosen method's probabilities were no better calibrated than naive's in the back-test.
   */
  probabilityFrom: MethodRuns | null;
}

/**
 * The Brier score of a method's back-test probabilities that each outturn beats the one a year
 * before it (the natural target: do better than last year), with the spread the forecast will
 * use. The event and its complement score alike, so polarity does not matter. NaN when no origin
 * has both outturns.
 */
export function backTestBrier(
  errors: Float64Array,
  outcomes: Float64Array,
  origins: readonly number[],
  m: number,
  spread: number,
  usable: (k: number) => boolean,
): number {
  const byOrigin = new Map(origins.map((origin, k) => [origin, k]));
  let total = 0;
  let count = 0;
  origins.forEach((origin, k) => {
    const before = byOrigin.get(origin - m);
    if (before === undefined || !usable(k)) return;
    const target = outcomes[before] as number;
    const outcome = outcomes[k] as number;
    if (Number.isNaN(target) || Number.isNaN(outcome) || outcome === target) return;
    const point = outcome + (errors[k] as number);
    const p = spread > 0 ? normalCdf((point - target) / spread) : point > target ? 1 : 0;
    total += (p - (outcome > target ? 1 : 0)) ** 2;
    count += 1;
  });
  return count === 0 ? Number.NaN : total / count;
}

/** Each value's share of the year's denominator (its weight in the ratio), from the known year and a path. */
function denominatorShares(need: BackTestNeed, denominators: readonly number[], scale: number): number[] | null {
  // The known denominators are inside the outturn function: recover their total from it.
  const withOnes = need.outturn(
    denominators.map(() => 1),
    denominators,
  );
  const withZeros = need.outturn(
    denominators.map(() => 0),
    denominators,
  );
  if (withOnes === null || withZeros === null) return null;
  // outturn = (known numerators + Σ path) / total × scale, so one unit of each adds scale / total,
  // and a period's (scaled) ratio counts for its denominator ÷ total.
  const perUnit = (withOnes - withZeros) / denominators.length / scale;
  return denominators.map((d) => d * perUnit);
}

/**
 * How much to widen a spread estimated from n back-test errors: a spread estimated from few errors
 * is too often too small, so the interval takes Student's t quantile rather than the normal's.
 * Errors h periods ahead from consecutive origins share h − 1 of their periods, so n of them carry
 * about n ÷ h independent pieces of information (the mean horizon is used).
 */
function smallSampleWidening(n: number, horizons: readonly number[], level: number): number {
  const meanHorizon = horizons.reduce((s, h) => s + h, 0) / horizons.length;
  const independent = Math.max(2, n / meanHorizon);
  const p = (1 + level) / 2;
  return studentQuantile(p, independent - 1) / normalQuantile(p);
}

/** Picks the method by the rolling back-test and sizes its error. */
export function choose(
  histories: Histories,
  need: BackTestNeed,
  latestOrigin: number,
  m: number,
  forced: ModelMethod | undefined,
  scale: number,
  level: number,
): Chosen {
  const runs = candidateRuns(histories, m);
  const methods = [...runs.keys()];
  // A forced method the history does not allow (seasonal naive on a series without a season) is naive.
  if (forced !== undefined && !methods.includes(forced)) forced = 'naive';
  const naive = runs.get('naive') as MethodRuns;
  const centre = forecastPath(naive.primary, latestOrigin, need.horizons, need.pathBounds) ?? [];
  const centreDenominators = naive.denominator
    ? forecastPath(naive.denominator, latestOrigin, need.horizons, need.pathBounds)
    : null;
  // A ratio moves as its period ratios do, each weighted by its share of the year's denominator.
  const moving = histories.ratios ?? histories.primary;
  const changes = changeStatistics(moving, latestOrigin, Math.max(m, 4));
  const weights =
    changes === null
      ? null
      : centreDenominators
        ? denominatorShares(need, centreDenominators, scale)
        : outturnWeights(need, centre, Math.max(1e-6, changes.spread, Math.abs(changes.mean)));
  const randomWalk = (withDrift: boolean) =>
    changes === null || weights === null ? null : randomWalkSpread(changes, need, weights, withDrift);

  const origins = backTestOrigins(histories.primary, latestOrigin, need.horizons, EARLIEST_ORIGIN, BACKTEST_YEARS * m);
  const outcomes = actualOutturns(histories.primary, histories.denominator, origins, need);
  const errors = new Map(
    methods.map((method) => [method, backTestErrors(runs.get(method) as MethodRuns, origins, outcomes, need)] as const),
  );
  // Compare the methods on the origins where every one of them has an error.
  const usable = (k: number) =>
    methods.every((method) => !Number.isNaN((errors.get(method) as Float64Array)[k] as number));
  const summaries = new Map(
    methods.map((method) => [method, errorSummary(errors.get(method) as Float64Array, usable)] as const),
  );
  const naiveSummary = summaries.get('naive') as { count: number; rms: number; mae: number };
  const meanAbsoluteError: Partial<Record<ModelMethod, number>> = {};
  for (const [method, s] of summaries) if (s.count > 0) meanAbsoluteError[method] = s.mae;

  if (naiveSummary.count < MIN_BACKTEST_ORIGINS && (forced === undefined || forced === 'naive')) {
    // Naive's own error: the drift of the changes as well as their spread.
    const spread = randomWalk(true);
    return {
      method: 'naive',
      basis: 'short-history',
      runs: naive,
      spread,
      origins: naiveSummary.count,
      meanAbsoluteError,
      probabilityFrom: null,
    };
  }
  let best: ModelMethod = forced ?? 'naive';
  for (const method of forced === undefined ? methods : []) {
    const s = summaries.get(method) as { mae: number };
    if (s.mae < naiveSummary.mae * MUST_BEAT_NAIVE_BY[method] && s.mae < (summaries.get(best) as { mae: number }).mae)
      best = method;
  }
  const chosen = summaries.get(best) as { count: number; rms: number };
  // Never narrower than naive's own back-test error, widened for the few origins it rests on.
  const widest = Math.max(chosen.rms, naiveSummary.rms);
  const fromBackTest = chosen.count === 0 ? null : widest * smallSampleWidening(chosen.count, need.horizons, level);
  // The floor: the spread of the measure's own changes, which no method forecasts away (naive's also its drift).
  const floor = randomWalk(best === 'naive');
  const spread = floor === null ? fromBackTest : Math.max(fromBackTest ?? floor, floor);
  // Probabilities never worse calibrated than naive's: where the chosen method's back-test
  // probabilities score no better than naive's (Brier, same spread), the chance comes from naive.
  let probabilityFrom: MethodRuns | null = null;
  if (best !== 'naive' && spread !== null) {
    const brier = (method: ModelMethod) =>
      backTestBrier(errors.get(method) as Float64Array, outcomes, origins, m, spread, usable);
    const chosenBrier = brier(best);
    const naiveBrier = brier('naive');
    if (!(chosenBrier < naiveBrier)) probabilityFrom = naive;
  }
  return {
    method: best,
    basis: 'back-test',
    runs: runs.get(best) as MethodRuns,
    spread,
    origins: chosen.count,
    meanAbsoluteError,
    probabilityFrom,
  };
}
