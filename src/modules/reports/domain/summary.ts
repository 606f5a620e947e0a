/**
 * The summary's counts: measures by status, and by direction against last period and the same
 * period last year. Measures with no rating (data only, not due or awaited) are counted apart and
 * excluded from the percentages, which are of the rated measures only.
 */
import type { ReportMeasure } from './report-data.ts';

export const RATED_STATUSES = ['green', 'amber', 'red'] as const;
export const UNRATED = ['data-only', 'awaited', 'not-due'] as const;
export type Unrated = (typeof UNRATED)[number];
export const DIRECTIONS = ['improving', 'no-significant-change', 'worsening', 'not-comparable'] as const;

export interface StatusCounts {
  rated: number;
  byStatus: Record<(typeof RATED_STATUSES)[number], number>;
  /** Whole percentages of the rated measures; they may not sum to 100 by rounding. */
  percent: Record<(typeof RATED_STATUSES)[number], number>;
  unrated: Record<Unrated, number>;
  lastPeriod: Record<(typeof DIRECTIONS)[number], number>;
  lastYear: Record<(typeof DIRECTIONS)[number], number>;
}

/**
 * Why a measure is not rated: no target (data only), due but not in (awaited, overdue), or not
 * computed for the period yet (not due).
 */
export function unratedKind(measure: ReportMeasure): Unrated | null {
  const rag = measure.now?.rag;
  if (rag === 'red' || rag === 'amber' || rag === 'green') return null;
  if (rag === 'no-target') return 'data-only';
  if (rag === 'overdue') return 'awaited';
  return 'not-due';
}

const zeroDirections = () => ({ improving: 0, 'no-significant-change': 0, worsening: 0, 'not-comparable': 0 });

export function summarise(measures: readonly ReportMeasure[]): StatusCounts {
  const byStatus = { green: 0, amber: 0, red: 0 };
  const unrated = { 'data-only': 0, awaited: 0, 'not-due': 0 };
  const lastPeriod = zeroDirections();
  const lastYear = zeroDirections();
  for (const measure of measures) {
    const kind = unratedKind(measure);
    if (kind) {
      unrated[kind] += 1;
      continue;
    }
    byStatus[measure.now!.rag as keyof typeof byStatus] += 1;
    lastPeriod[directionOf(measure.now!.directionPrevious)] += 1;
    lastYear[directionOf(measure.now!.directionLastYear)] += 1;
  }
  const rated = byStatus.green + byStatus.amber + byStatus.red;
  const share = (n: number) => (rated === 0 ? 0 : Math.round((n / rated) * 100));
  return {
    rated,
    byStatus,
    percent: { green: share(byStatus.green), amber: share(byStatus.amber), red: share(byStatus.red) },
    unrated,
    lastPeriod,
    lastYear,
  };
}

function directionOf(direction: string | null): (typeof DIRECTIONS)[number] {
  return (DIRECTIONS as readonly string[]).includes(direction ?? '')
    ? (direction as (typeof DIRECTIONS)[number])
    : 'not-comparable';
}
