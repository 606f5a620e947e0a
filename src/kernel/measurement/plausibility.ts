/**
 * Is a figure plausible for its measure? Judged from the measure's own history with XmR natural
 * process limits (mean ± 3 × average moving range / 1.128) and the upper limit of the moving range
 * (3.267 × average moving range) for a jump from the previous figure. Pure: the caller brings the
 * history and turns the finding into words.
 */
import { periodEnd, type Period } from './periods.ts';

/** Fewer earlier figures than this and nothing is judged. */
export const PLAUSIBILITY_MIN_HISTORY = 6;
/** How many earlier figures the limits are computed from (the latest ones). */
export const PLAUSIBILITY_HISTORY = 24;
const D2 = 1.128;
const MR_UPPER = 3.267;
/** A history that never moved still allows this share of its mean either way. */
const FLAT_TOLERANCE = 0.05;

export interface ProcessLimits {
  mean: number;
  averageMovingRange: number;
  lower: number;
  upper: number;
  /** The largest move from one figure to the next that is still usual. */
  movingRangeUpper: number;
}

/** The range a measure's values can take (its own minimum and maximum); null: no bound that side. */
export interface AllowedRange {
  min: number | null;
  max: number | null;
}

const UNBOUNDED: AllowedRange = { min: null, max: null };

/**
 * XmR natural process limits of a series (oldest first), or null with too few figures. The limits
 * stay inside the measure's allowed range: a count is never "usually" below 0, a percentage never
 * above 100.
 */
export function processLimits(history: readonly number[], range: AllowedRange = UNBOUNDED): ProcessLimits | null {
  const figures = history.filter((value) => Number.isFinite(value)).slice(-PLAUSIBILITY_HISTORY);
  if (figures.length < PLAUSIBILITY_MIN_HISTORY) return null;
  const mean = figures.reduce((sum, value) => sum + value, 0) / figures.length;
  let ranges = 0;
  for (let i = 1; i < figures.length; i++) ranges += Math.abs(figures[i]! - figures[i - 1]!);
  const averageMovingRange = ranges / (figures.length - 1);
  const spread = Math.max((3 * averageMovingRange) / D2, Math.abs(mean) * FLAT_TOLERANCE);
  return {
    mean,
    averageMovingRange,
    lower: range.min === null ? mean - spread : Math.max(range.min, mean - spread),
    upper: range.max === null ? mean + spread : Math.min(range.max, mean + spread),
    movingRangeUpper: Math.max(MR_UPPER * averageMovingRange, Math.abs(mean) * FLAT_TOLERANCE),
  };
}

export type ImplausibleKind = 'outside-limits' | 'jump';

export interface Implausible {
  kind: ImplausibleKind;
  value: number;
  previous: number;
  limits: ProcessLimits;
  /** value ÷ mean when it is at least ten times (or at most a tenth of) the usual figure, else null. */
  timesUsual: number | null;
}

/**
 * Why a figure needs a second look, or null: outside the measure's process limits, or a move from
 * the previous figure beyond the usual moving range. `history` is the earlier figures, oldest first.
 */
export function checkPlausibility(
  value: number | null,
  history: readonly number[],
  range: AllowedRange = UNBOUNDED,
): Implausible | null {
  if (value === null || !Number.isFinite(value)) return null;
  const limits = processLimits(history, range);
  if (!limits) return null;
  const previous = history[history.length - 1]!;
  const outside = value < limits.lower || value > limits.upper;
  const jump = Math.abs(value - previous) > limits.movingRangeUpper;
  if (!outside && !jump) return null;
  const ratio = limits.mean === 0 ? null : value / limits.mean;
  const timesUsual = ratio !== null && ratio > 0 && (ratio >= 10 || ratio <= 0.1) ? ratio : null;
  return { kind: outside ? 'outside-limits' : 'jump', value, previous, limits, timesUsual };
}

/** A period has ended once its last day has come (as the reporting period does). */
export function periodHasEnded(period: Period, todayIso: string): boolean {
  return periodEnd(period) <= todayIso;
}
