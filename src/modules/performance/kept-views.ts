/**
 * The performance views kept per app process against the council's data version
 * (platform/data-version, decision 0019): every dashboard level and the measure list.
 */
import { createVersionedCache, type VersionedCache } from '../../platform/data-version/versioned-cache.ts';
import { viewerAccessKey } from '../../platform/data-version/viewer-key.ts';
import type { Caller } from '../../platform/services/caller.ts';
import type { MeasureFilters } from './domain/index.ts';

/**
 * Dashboards kept per app process: enough for the councils' scopes, periods and kinds of viewer
 * in use at once. A model holds counts and the measures it lists (key measures, the ten worst),
 * not every measure, so even the council's is small.
 */
export const DASHBOARDS_KEPT = 500;

/**
 * Measure lists kept per app process: fewer than dashboards, as a list holds a row for each
 * measure it shows (the council's every measure, some hundreds of rows) and its filters combine
 * in many more ways; the common ones (a scope, red and amber) are what repeats.
 */
export const MEASURE_LISTS_KEPT = 200;

export function keptViews<T>(maxEntries: number): VersionedCache<T> {
  return createVersionedCache<T>({ maxEntries });
}

/**
 * What a kept view is built from besides the council's data: which view, its filters (the query
 * string's: scope, period, statuses), the date (the latest periods, the corporate plan, actions'
 * expected progress), any settings asked for (a what-if roll-up) and what about the person asking
 * can change it (their access; who they are for "mine").
 */
export function keptViewKey(
  view: 'dashboard' | 'measure-list',
  caller: Caller,
  filters: MeasureFilters,
  today: string,
  settings: object = {},
): string {
  const person = filters.mine ? caller.personId : '';
  return `${view}|${today}|${person}|${viewerAccessKey(caller)}|${JSON.stringify(filters)}|${JSON.stringify(settings)}`;
}
