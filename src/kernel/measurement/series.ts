/**
 * A measure's points indexed by period, so lookups are O(1) whatever the length of the history.
 * Periods of one frequency are consecutive integers (ordinals), so the index is a plain array
 * offset by the earliest ordinal rather than a hash map: this runs for every measure on every
 * recalculation.
 */
import { periodKey, periodsPerYear } from './periods.ts';
import type { Frequency, Period } from './periods.ts';
import type { MeasurePoint } from './types.ts';

export interface PointIndex {
  frequency: Frequency;
  /** Ordinals of the earliest and latest points (NaN when there are none). */
  firstOrdinal: number;
  lastOrdinal: number;
  get(period: Period): MeasurePoint | undefined;
  getByOrdinal(ordinal: number): MeasurePoint | undefined;
  /** The value of a period, or null when there is no point or the point has no value. */
  valueOf(period: Period): number | null;
  valueByOrdinal(ordinal: number): number | null;
}

function usableValue(point: MeasurePoint | undefined): number | null {
  const v = point?.value;
  return v === undefined || v === null || !Number.isFinite(v) ? null : v;
}

/** Throws on points of another frequency, malformed periods or two points for one period: all caller bugs. */
export function indexPoints(points: readonly MeasurePoint[], frequency: Frequency): PointIndex {
  const m = periodsPerYear(frequency);
  let first = Infinity;
  let last = -Infinity;
  for (const { period } of points) {
    if (period.frequency !== frequency) throw new RangeError(`${periodKey(period)} is not a ${frequency} period`);
    if (
      !Number.isInteger(period.index) ||
      period.index < 1 ||
      period.index > m ||
      !Number.isInteger(period.fyStartYear)
    ) {
      throw new RangeError(`Not a valid ${frequency} period: year ${period.fyStartYear}, index ${period.index}`);
    }
    const ordinal = period.fyStartYear * m + period.index - 1;
    if (ordinal < first) first = ordinal;
    if (ordinal > last) last = ordinal;
  }
  const slots: (MeasurePoint | undefined)[] =
    points.length === 0 ? [] : new Array<MeasurePoint | undefined>(last - first + 1).fill(undefined);
  for (const point of points) {
    const at = point.period.fyStartYear * m + point.period.index - 1 - first;
    if (slots[at] !== undefined) throw new RangeError(`Two values given for ${periodKey(point.period)}`);
    slots[at] = point;
  }
  const getByOrdinal = (ordinal: number) => (ordinal >= first && ordinal <= last ? slots[ordinal - first] : undefined);
  const ordinalOf = (period: Period) =>
    period.frequency === frequency ? period.fyStartYear * m + period.index - 1 : Number.NaN;
  return {
    frequency,
    firstOrdinal: points.length === 0 ? Number.NaN : first,
    lastOrdinal: points.length === 0 ? Number.NaN : last,
    get: (period) => getByOrdinal(ordinalOf(period)),
    getByOrdinal,
    valueOf: (period) => usableValue(getByOrdinal(ordinalOf(period))),
    valueByOrdinal: (ordinal) => usableValue(getByOrdinal(ordinal)),
  };
}
