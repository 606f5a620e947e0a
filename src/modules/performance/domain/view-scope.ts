/**
 * Views for every level: which measures a dashboard or the measure list covers (its scope) and
 * which of them a filter keeps. Pure: the scope's measure ids come from the repository, and the
 * rules here decide what is shown and how the links between views are written, so a tile's count
 * and the list it links to always agree.
 */
import type { RagStatus } from '../../../kernel/measurement/types.ts';
import { daysFrom } from '../../../kernel/calendar-days.ts';

/** Whose view: the council, a unit and everything under it, a portfolio, a governance body's remit, or mine. */
export type ViewScope =
  | { kind: 'council' }
  | { kind: 'unit'; id: string }
  | { kind: 'portfolio'; id: string }
  | { kind: 'body'; id: string }
  | { kind: 'mine' };

export const LISTED_STATUSES: readonly RagStatus[] = ['red', 'amber', 'green', 'overdue', 'no-data', 'no-target'];

/** The measure list's filters: each narrows, and they combine (AND across filters, OR within statuses). */
export interface MeasureFilters {
  statuses: RagStatus[];
  unitId: string | null;
  /** The unit's own measures only, not those of the units under it. */
  ownUnitOnly: boolean;
  portfolioId: string | null;
  bodyId: string | null;
  mine: boolean;
  keyOnly: boolean;
  overdueOnly: boolean;
  /** A period key ('2026-27-Q2') the view is for, or null for the latest reported periods. */
  period: string | null;
}

export const NO_FILTERS: MeasureFilters = Object.freeze({
  statuses: [],
  unitId: null,
  ownUnitOnly: false,
  portfolioId: null,
  bodyId: null,
  mine: false,
  keyOnly: false,
  overdueOnly: false,
  period: null,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUARTER_KEY = /^\d{4}-\d{2}-Q[1-4]$/;

const all = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
const first = (value: unknown): string | undefined => all(value)[0];
const idOrNull = (value: unknown): string | null => {
  const id = first(value)?.trim();
  return id && UUID.test(id) ? id : null;
};

/**
 * The filters in a query string. A value that is not allowed filters nothing (a link may be old or
 * hand-edited), except an id that is not an id, which is kept as given so the view refuses it as
 * not found rather than silently showing everything.
 */
export function parseFilters(query: Readonly<Record<string, unknown>>): MeasureFilters {
  const wanted = new Set(all(query.status));
  const keepBadId = (value: unknown): string | null => {
    const raw = first(value)?.trim();
    return raw ? (idOrNull(raw) ?? raw) : null;
  };
  const period = first(query.period)?.trim() ?? '';
  return {
    statuses: LISTED_STATUSES.filter((status) => wanted.has(status)),
    unitId: keepBadId(query.unitId),
    ownUnitOnly: first(query.ownUnit) === 'true',
    portfolioId: keepBadId(query.portfolioId),
    bodyId: keepBadId(query.bodyId),
    mine: first(query.mine) === 'true',
    keyOnly: first(query.key) === 'true',
    overdueOnly: first(query.overdue) === 'true',
    period: QUARTER_KEY.test(period) ? period : null,
  };
}

/** Whether an id filter holds something that cannot be an id (refused as not found). */
export function hasMalformedId(filters: MeasureFilters): boolean {
  return [filters.unitId, filters.portfolioId, filters.bodyId].some((id) => id !== null && !UUID.test(id));
}

/** The query string of the filters, in a stable order (links from tiles, the list's own links). */
export function filterQuery(filters: MeasureFilters): string {
  const params = new URLSearchParams();
  for (const status of filters.statuses) params.append('status', status);
  if (filters.unitId) params.set('unitId', filters.unitId);
  if (filters.unitId && filters.ownUnitOnly) params.set('ownUnit', 'true');
  if (filters.portfolioId) params.set('portfolioId', filters.portfolioId);
  if (filters.bodyId) params.set('bodyId', filters.bodyId);
  if (filters.mine) params.set('mine', 'true');
  if (filters.keyOnly) params.set('key', 'true');
  if (filters.overdueOnly) params.set('overdue', 'true');
  if (filters.period) params.set('period', filters.period);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters that reproduce a dashboard's scope in the measure list. */
export function filtersOfScope(scope: ViewScope, period: string | null): MeasureFilters {
  return {
    ...NO_FILTERS,
    statuses: [],
    unitId: scope.kind === 'unit' ? scope.id : null,
    portfolioId: scope.kind === 'portfolio' ? scope.id : null,
    bodyId: scope.kind === 'body' ? scope.id : null,
    mine: scope.kind === 'mine',
    period,
  };
}

/** What the filter needs to know of a measure. */
export interface FilterableMeasure {
  id: string;
  status: RagStatus;
  isKey: boolean;
}

/**
 * The measures the filters keep. `within` holds, for each scoping filter that is set (unit,
 * portfolio, body, mine), the ids of the measures it covers; a measure must be in every one.
 */
export function applyFilters<M extends FilterableMeasure>(
  measures: readonly M[],
  filters: MeasureFilters,
  within: readonly ReadonlySet<string>[],
): M[] {
  const statuses = new Set(filters.statuses);
  return measures.filter(
    (m) =>
      within.every((ids) => ids.has(m.id)) &&
      (statuses.size === 0 || statuses.has(m.status)) &&
      (!filters.keyOnly || m.isKey) &&
      (!filters.overdueOnly || m.status === 'overdue'),
  );
}

/** The number of measures each status option would show with the other filters as they are (the counts beside the options). */
export function countsByStatus<M extends FilterableMeasure>(
  measures: readonly M[],
  filters: MeasureFilters,
  within: readonly ReadonlySet<string>[],
): Record<RagStatus, number> {
  const kept = applyFilters(measures, { ...filters, statuses: [] }, within);
  const counts = Object.fromEntries(LISTED_STATUSES.map((s) => [s, 0])) as Record<RagStatus, number>;
  for (const m of kept) counts[m.status]++;
  return counts;
}

/** Calendar days from the due date to today (0 on the due date itself, negative before it). */
export function daysLate(dueDate: string, today: string): number {
  return daysFrom(dueDate, today);
}

export type OverdueSort = 'days' | 'unit' | 'owner' | 'measure';
export const OVERDUE_SORTS: readonly OverdueSort[] = ['days', 'unit', 'owner', 'measure'];

export interface OverdueReturnLike {
  code: string;
  unitName: string | null;
  ownerName: string | null;
  daysLate: number;
  periodKey: string;
}

/** Overdue returns in the chosen order; ties fall back to the most late, then the code and period. */
export function sortOverdue<R extends OverdueReturnLike>(rows: readonly R[], sort: OverdueSort): R[] {
  const text = (value: string | null) => value ?? '\uffff';
  const primary: Record<OverdueSort, (a: R, b: R) => number> = {
    days: (a, b) => b.daysLate - a.daysLate,
    unit: (a, b) => text(a.unitName).localeCompare(text(b.unitName)),
    owner: (a, b) => text(a.ownerName).localeCompare(text(b.ownerName)),
    measure: (a, b) => a.code.localeCompare(b.code),
  };
  return [...rows].sort(
    (a, b) =>
      primary[sort](a, b) ||
      b.daysLate - a.daysLate ||
      a.code.localeCompare(b.code) ||
      a.periodKey.localeCompare(b.periodKey),
  );
}

/** The given units and every unit under them (a unit's own measures and those of its services and teams). */
export function unitsUnder(
  units: readonly { id: string; parentId: string | null }[],
  rootIds: readonly string[],
): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = children.get(unit.parentId) ?? [];
    list.push(unit.id);
    children.set(unit.parentId, list);
  }
  const known = new Set(units.map((unit) => unit.id));
  const found = new Set<string>();
  const queue = rootIds.filter((id) => known.has(id));
  while (queue.length) {
    const id = queue.pop()!;
    if (found.has(id)) continue; // a cycle in bad data must not loop forever
    found.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return found;
}
