/**
 * A measure's points indexed by period, so lookups are O(1) whatever the length of the history.
 */
import { periodKey, periodOrdinal } from './periods.ts';
import type { Frequency, Period } from './periods.ts';
import type { MeasurePoint } from './types.ts';

export interface PointIndex {
  frequency: Frequency;
  get(period: Period): MeasurePoint | undefined;
  /** The value of a period, or null when there is no point or the point has no value. */
  valueOf(period: Period): number | null;
}

/** Throws on points of another frequency or two points for one period: both are caller bugs. */
export function indexPoints(points: readonly MeasurePoint[], frequency: Frequency): PointIndex {
  const byOrdinal = new Map<number, MeasurePoint>();
  for (const point of points) {
    if (point.period.frequency !== frequency) {
      throw new RangeError(`${periodKey(point.period)} is not a ${frequency} period`);
    }
    const ordinal = periodOrdinal(point.period);
    if (byOrdinal.has(ordinal)) throw new RangeError(`Two values given for ${periodKey(point.period)}`);
    byOrdinal.set(ordinal, point);
  }
  const get = (period: Period) => (period.frequency === frequency ? byOrdinal.get(periodOrdinal(period)) : undefined);
  return {
    frequency,
    get,
    valueOf: (period) => {
      const v = get(period)?.value;
      return v === undefined || v === null || !Number.isFinite(v) ? null : v;
    },
  };
}

/** The ratio as shown (numerator ÷ denominator × scale), or null when it cannot be computed. */
export function ratioValue(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  scale = 1,
): number | null {
  if (numerator == null || denominator == null || denominator === 0) return null;
  return (numerator / denominator) * scale;
}
