/**
 * The uncertainty of a forecast outturn: a distribution to take an interval and a probability of
 * meeting the target from. Sums, averages and single periods are normal; the lowest or highest
 * value of the year is worked out exactly from its periods (treated as independent).
 */
import { normalCdf, normalQuantile } from './normal.ts';
import type { Polarity, Target } from '../../../kernel/measurement/types.ts';

/** The outturn's uncertainty: a cumulative distribution function, or a certainty. */
export interface Distribution {
  point: number;
  /** P(X ≤ q); null when the point is certain (a zero error estimate, or known from actuals). */
  cdf: ((q: number) => number) | null;
  /** P(X < q), where it differs from the cdf (a known actual can sit exactly on a target). */
  below?: (q: number) => number;
  /** A scale for bracketing quantile searches. */
  spread: number;
  /** The exact quantile function, where there is one (normal distributions). */
  quantile?: (p: number) => number;
}

export function normalDistribution(point: number, variance: number | null): Distribution | null {
  if (variance === null || !Number.isFinite(variance)) return null;
  const sd = Math.sqrt(Math.max(0, variance));
  if (sd === 0) return { point, cdf: null, spread: 0 };
  return {
    point,
    cdf: (q) => normalCdf((q - point) / sd),
    spread: sd,
    quantile: (p) => point + sd * normalQuantile(p),
  };
}

/** The min or max of known actuals and independent normal forecasts (the independence is an approximation). */
export function extremeDistribution(
  kind: 'min' | 'max',
  actuals: readonly number[],
  means: readonly number[],
  sds: readonly number[],
): Distribution {
  const pick = kind === 'min' ? Math.min : Math.max;
  const point = pick(...actuals, ...means);
  if (sds.every((s) => s === 0)) return { point, cdf: null, spread: 0 };
  const known = actuals.length > 0 ? pick(...actuals) : null;
  const spread = Math.max(...sds);
  // P(min ≤ q) = 1 − P(every value > q); P(max ≤ q) = P(every value ≤ q). `strict` gives P(X < q).
  const probability = (q: number, strict: boolean): number => {
    if (kind === 'min') {
      if (known !== null && (strict ? known < q : known <= q)) return 1;
      let allAbove = 1;
      for (let k = 0; k < means.length; k++) allAbove *= 1 - stepOrNormal(q, means[k] as number, sds[k] as number);
      return 1 - allAbove;
    }
    if (known !== null && (strict ? known >= q : known > q)) return 0;
    let allBelow = 1;
    for (let k = 0; k < means.length; k++) allBelow *= stepOrNormal(q, means[k] as number, sds[k] as number);
    return allBelow;
  };
  return { point, cdf: (q) => probability(q, false), below: (q) => probability(q, true), spread };
}

function stepOrNormal(q: number, mean: number, sd: number): number {
  return sd === 0 ? (q >= mean ? 1 : 0) : normalCdf((q - mean) / sd);
}

export function quantile(d: Distribution, p: number): number {
  if (d.cdf === null) return d.point;
  if (d.quantile) return d.quantile(p);
  const cdf = d.cdf;
  let lo = d.point - 20 * d.spread;
  let hi = d.point + 20 * d.spread;
  // A millionth of the spread is far finer than any figure is shown to.
  const precision = 1e-6 * d.spread;
  for (let i = 0; i < 100 && hi - lo > precision; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Probability of meeting the target; meeting includes equalling it, as on-target is green. */
export function probabilityOfMeeting(d: Distribution, polarity: Polarity, target: Target | null): number | null {
  if (target === null || polarity === 'none') return null;
  if ((polarity === 'within-range') !== (target.kind === 'range')) return null;
  if (d.cdf === null) {
    const x = d.point;
    if (target.kind === 'range') return x >= target.lower && x <= target.upper ? 1 : 0;
    return (polarity === 'higher-is-better' ? x >= target.value : x <= target.value) ? 1 : 0;
  }
  const below = d.below ?? d.cdf;
  if (target.kind === 'range') return Math.max(0, d.cdf(target.upper) - below(target.lower));
  return polarity === 'higher-is-better' ? 1 - below(target.value) : d.cdf(target.value);
}
