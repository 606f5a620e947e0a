/**
 * XmR (individuals) chart limits for one segment, as NHS England's "Making Data Count" sets them
 * (see /docs spc.md): centre line the mean, moving ranges |xᵢ − xᵢ₋₁|, optional screening of
 * large moving ranges, process limits at mean ± 2.66 × average moving range.
 */

/** 3 / d2 for n = 2 (1.128): three-sigma limits from the average moving range. */
export const PROCESS_LIMIT_FACTOR = 2.66;
/** D4 for n = 2: moving ranges above 3.267 × their mean are treated as outliers when screening. */
export const MOVING_RANGE_SCREEN_FACTOR = 3.267;
/** The "close to the limits" line is two-thirds of the way from the mean to each limit. */
export const NEAR_LIMIT_FACTOR = (2 / 3) * PROCESS_LIMIT_FACTOR;
/** Fewer points than this in a segment's calculation: the limits are trial limits. */
export const MIN_POINTS_FOR_FIRM_LIMITS = 12;

export interface LimitOptions {
  /** Fix the centre line and limits on the first n points of the segment (MDC tools allow 12–20). */
  baselinePoints?: number;
  /** Drop moving ranges above 3.267 × their mean and recompute the mean once (default true). */
  screenMovingRanges?: boolean;
}

export interface SegmentLimits {
  mean: number;
  /** Average moving range after screening; null with fewer than two points. */
  averageMovingRange: number | null;
  upperLimit: number | null;
  lowerLimit: number | null;
  upperNear: number | null;
  lowerNear: number | null;
  /** Per point: its moving range (null for the first point). */
  movingRanges: (number | null)[];
  /** Per point: its moving range was left out of the average by screening. */
  movingRangeExcluded: boolean[];
  /** Points the mean and limits were computed from (the baseline, or the whole segment). */
  pointsUsed: number;
  /** Fewer than MIN_POINTS_FOR_FIRM_LIMITS points used. */
  trial: boolean;
}

export function calculateSegmentLimits(values: readonly number[], options: LimitOptions = {}): SegmentLimits {
  if (values.length === 0) throw new RangeError('A segment needs at least one point');
  const baseline = options.baselinePoints;
  if (baseline !== undefined && (!Number.isInteger(baseline) || baseline < 2)) {
    throw new RangeError(`A baseline needs a whole number of at least 2 points, not ${baseline}`);
  }
  const used = Math.min(values.length, baseline ?? values.length);
  let sum = 0;
  for (let i = 0; i < used; i++) sum += values[i] as number;
  const centre = sum / used;

  const movingRanges: (number | null)[] = [null];
  const movingRangeExcluded: boolean[] = [false];
  for (let i = 1; i < values.length; i++) {
    movingRanges.push(Math.abs((values[i] as number) - (values[i - 1] as number)));
    movingRangeExcluded.push(false);
  }

  // Only moving ranges inside the baseline count towards the average.
  if (used < 2) {
    return {
      mean: centre,
      averageMovingRange: null,
      upperLimit: null,
      lowerLimit: null,
      upperNear: null,
      lowerNear: null,
      movingRanges,
      movingRangeExcluded,
      pointsUsed: used,
      trial: true,
    };
  }
  let total = 0;
  for (let i = 1; i < used; i++) total += movingRanges[i] as number;
  let amr = total / (used - 1);
  if (options.screenMovingRanges ?? true) {
    // Strictly above the screening line is excluded (one part in 10⁹ allowed for binary
    // rounding, so a range exactly on the line stays); the average is recomputed once only.
    const cutoff = MOVING_RANGE_SCREEN_FACTOR * amr * (1 + 1e-9);
    let keptTotal = 0;
    let kept = 0;
    for (let i = 1; i < used; i++) {
      const mr = movingRanges[i] as number;
      if (mr > cutoff) movingRangeExcluded[i] = true;
      else {
        keptTotal += mr;
        kept++;
      }
    }
    // Never empty: not every value can exceed 3.267 × the mean of all of them.
    amr = keptTotal / kept;
  }

  return {
    mean: centre,
    averageMovingRange: amr,
    upperLimit: centre + PROCESS_LIMIT_FACTOR * amr,
    lowerLimit: centre - PROCESS_LIMIT_FACTOR * amr,
    upperNear: centre + NEAR_LIMIT_FACTOR * amr,
    lowerNear: centre - NEAR_LIMIT_FACTOR * amr,
    movingRanges,
    movingRangeExcluded,
    pointsUsed: used,
    trial: used < MIN_POINTS_FOR_FIRM_LIMITS,
  };
}
