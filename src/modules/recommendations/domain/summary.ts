/**
 * The audit committee's view of the register: how many recommendations are still open in each age
 * band, how many are overdue, and the same by source and by priority.
 */
import { AGE_BANDS, PRIORITIES, SOURCES, type AgeBand, type Priority, type Source, type Status } from './vocabulary.ts';
import { isLive, type Ageing } from './rules.ts';

export interface SummaryRow {
  source: Source;
  priority: Priority;
  status: Status;
  ageing: Ageing;
}

export interface Tally {
  total: number;
  open: number;
  overdue: number;
}

export interface RegisterSummary {
  total: number;
  open: number;
  overdue: number;
  /** Open (live) recommendations by how long they have been open. */
  openByAge: Record<AgeBand, number>;
  bySource: Record<Source, Tally>;
  byPriority: Record<Priority, Tally>;
}

const tallies = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, { total: 0, open: 0, overdue: 0 }])) as Record<K, Tally>;

function count(tally: Tally, row: SummaryRow) {
  tally.total += 1;
  if (isLive(row.status)) tally.open += 1;
  if (row.ageing.overdue) tally.overdue += 1;
}

export function summariseRegister(rows: readonly SummaryRow[]): RegisterSummary {
  const summary: RegisterSummary = {
    total: 0,
    open: 0,
    overdue: 0,
    openByAge: Object.fromEntries(AGE_BANDS.map((band) => [band, 0])) as Record<AgeBand, number>,
    bySource: tallies(SOURCES),
    byPriority: tallies(PRIORITIES),
  };
  for (const row of rows) {
    summary.total += 1;
    if (isLive(row.status)) {
      summary.open += 1;
      summary.openByAge[row.ageing.band] += 1;
    }
    if (row.ageing.overdue) summary.overdue += 1;
    count(summary.bySource[row.source], row);
    count(summary.byPriority[row.priority], row);
  }
  return summary;
}
