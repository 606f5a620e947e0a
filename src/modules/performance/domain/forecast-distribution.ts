/**
 * The uncertainty of a forecast outturn: a distribution to take an interval and a probability of
 * meeting the target from.
 */
import { normalCdf, normalQuantile } from './normal.ts';
import type { Polarity, Target } from '../../../kernel/measurement/types.ts';
import type { ValueBounds } from './forecast-backtest.ts';

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

/**
 * A normal distribution around the point, held to the outturn's range: the chance beyond a bound
 * is piled on the bound, so no interval or probability reaches an impossible value.
 */
export function boundedDistribution(point: number, spread: number, bounds: ValueBounds): Distribution {
  if (!(spread > 0)) return { point, cdf: null, spread: 0 };
  const lower = bounds.lower ?? Number.NEGATIVE_INFINITY;
  const upper = bounds.upper ?? Number.POSITIVE_INFINITY;
  const normal = (q: number) => normalCdf((q - point) / spread);
  return {
    point,
    cdf: (q) => (q < lower ? 0 : q >= upper ? 1 : normal(q)),
    below: (q) => (q <= lower ? 0 : q > upper ? 1 : normal(q)),
    spread,
    quantile: (p) => Math.min(upper, Math.max(lower, point + spread * normalQuantile(p))),
  };
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
