/**
 * The measure list with its status and the overdue returns: the lists every dashboard tile and
 * count links down to. The list reads the STORED statuses for the latest reported periods or a
 * chosen quarter, with the same scoping as the dashboard (view-scope.ts), so a tile's count and
 * the list behind it agree.
 */
import type { Permission } from '../../kernel/access/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { forbidden } from '../../platform/services/errors.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import { DEFAULT_COLLECTION_RULE, dueDate } from '../collection/domain/index.ts';
import {
  applyFilters,
  countsByStatus,
  currentReportingPeriod,
  daysLate,
  type Frequency,
  type MeasureFilters,
  type OverdueSort,
  type Period,
  periodKey,
  periodLabel,
  previousPeriod,
  type RagStatus,
  sortOverdue,
} from './domain/index.ts';
import * as scopes from './data/scope.repository.ts';
import { entryOf, loadCurrentStatuses, loadStatusIndex } from './measure-list.ts';
import { keptViewKey, keptViews, MEASURE_LISTS_KEPT } from './kept-views.ts';
import type { PerformanceDeps } from './ports.ts';
import type { MeasureListEntry } from './performance-views.types.ts';
import { periodChoices, periodsFor, resolveScope, withinSets } from './view-scope.ts';

export interface MeasureListView {
  asOf: string;
  filters: MeasureFilters;
  /** The quarter chosen, or null for the latest reported periods. */
  period: string | null;
  periodChoices: { key: string; label: string }[];
  /** How many measures each status would show with the other filters as they are. */
  statusCounts: Record<RagStatus, number>;
  /** Measures in scope before the status, key and overdue filters. */
  inScope: number;
  measures: MeasureListEntry[];
  units: scopes.ScopeOption[];
  portfolios: scopes.ScopeOption[];
  bodies: scopes.ScopeOption[];
}

/** The recent periods whose returns are checked: as many as "my data" lists for a person. */
const RETURN_PERIODS = 3;

export interface OverdueReturn {
  measureId: string;
  code: string;
  title: string;
  unitName: string | null;
  ownerName: string | null;
  periodKey: string;
  periodLabel: string;
  dueDate: string;
  daysLate: number;
}

export interface OverdueReturnsView {
  asOf: string;
  sort: OverdueSort;
  returns: OverdueReturn[];
}

/** The latest `count` periods of the frequency that have ended by today, newest first. */
function latestPeriods(frequency: Frequency, today: string, count: number): Period[] {
  const periods = [currentReportingPeriod(frequency, today)];
  while (periods.length < count) periods.push(previousPeriod(periods[periods.length - 1]!));
  return periods;
}

/** Who chases returns: whoever may approve figures (performance officers, directors, administrators). */
export const CHASE_RETURNS: Permission = 'approve:values';

export function createMeasureViewsService({ db, clock }: PerformanceDeps) {
  const keptLists = keptViews<Result<MeasureListView>>(MEASURE_LISTS_KEPT);

  async function buildMeasureList(
    caller: Caller,
    filters: MeasureFilters,
    today: string,
  ): Promise<Result<MeasureListView>> {
    const resolved = await resolveScope(db, caller, filters);
    if (!resolved.ok) return resolved;
    const organisationId = caller.organisationId;
    const { periods, chosen } = periodsFor(filters.period, today);
    const [index, portfolios, bodies] = await Promise.all([
      loadCurrentStatuses(db, organisationId, periods, caller.partnerId, { lean: true }),
      scopes.listPortfolioOptions(db, organisationId),
      scopes.listBodyOptions(db, organisationId),
    ]);
    const within = withinSets(resolved.value, index);
    const all = [...index.measures.values()].map((measure) => ({
      id: measure.id,
      isKey: measure.isKey,
      status: (index.current.get(measure.id)?.rag ?? 'no-data') as RagStatus,
    }));
    const kept = applyFilters(all, filters, within);
    // Only the measures listed need their words (title, reason, direction): read them now.
    const listed = await loadStatusIndex(
      db,
      organisationId,
      periods,
      kept.map((m) => m.id),
    );
    const { unitName } = resolved.value;
    const measures = [...listed.measures.values()].map((measure) =>
      entryOf(listed, measure, measure.ownerUnitId ? (unitName.get(measure.ownerUnitId) ?? null) : null),
    );
    return ok({
      asOf: today,
      filters: { ...filters, period: chosen },
      period: chosen,
      periodChoices: periodChoices(today),
      statusCounts: countsByStatus(all, filters, within),
      inScope: applyFilters(all, { ...filters, statuses: [], keyOnly: false, overdueOnly: false }, within).length,
      measures,
      units: resolved.value.units
        .filter((u) => u.active)
        .map((u) => ({ id: u.id, name: u.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      portfolios,
      bodies,
    });
  }

  return {
    /**
     * The measures of a scope with their stored status, filtered (the query string's filters).
     * Built once per council data version and kept, as the dashboards are: the council's every
     * measure costs some 25 ms of CPU to list.
     */
    async measureList(caller: Caller, filters: MeasureFilters): Promise<Result<MeasureListView>> {
      const today = clock.today();
      const key = keptViewKey('measure-list', caller, filters, today);
      return keptLists.get(db, caller.organisationId, key, () => buildMeasureList(caller, filters, today));
    },

    /**
     * Every return not entered by its due date, over the recent periods, with days late: for the
     * measures in units where the caller may approve figures (the whole council for a performance
     * officer). A figure counts as entered once submitted, as on "my data".
     */
    async overdueReturns(caller: Caller, sort: OverdueSort): Promise<Result<OverdueReturnsView>> {
      const policy = createAccessPolicy(unitAncestryIn(db));
      if (!(await policy.can(caller, CHASE_RETURNS, 'anywhere'))) {
        return forbidden('Only someone who approves figures can see every overdue return');
      }
      const organisationId = caller.organisationId;
      const today = clock.today();
      const [measures, councilDays] = await Promise.all([
        scopes.measuresForReturns(db, organisationId),
        scopes.workingDaysToDue(db, organisationId),
      ]);
      const mayChase = new Map<string | null, boolean>();
      const visible = [];
      for (const measure of measures) {
        let allowed = mayChase.get(measure.ownerUnitId);
        if (allowed === undefined) {
          allowed = await policy.can(caller, CHASE_RETURNS, { unitId: measure.ownerUnitId });
          mayChase.set(measure.ownerUnitId, allowed);
        }
        if (allowed) visible.push(measure);
      }
      const workingDays = councilDays ?? DEFAULT_COLLECTION_RULE.workingDaysAfterPeriodEnd;
      // Working out a due date walks the calendar day by day; most measures share a few.
      const dueDates = new Map<string, string>();
      const dueOf = (period: Period, days: number) => {
        const cacheKey = `${periodKey(period)}|${days}`;
        let due = dueDates.get(cacheKey);
        if (due === undefined) {
          // The same due date the status engine rates 'overdue' by (performance-status.service).
          due = dueDate(period, { ...DEFAULT_COLLECTION_RULE, workingDaysAfterPeriodEnd: days });
          dueDates.set(cacheKey, due);
        }
        return due;
      };
      const candidates = visible.flatMap((measure) =>
        latestPeriods(measure.frequency as Frequency, today, RETURN_PERIODS).flatMap((period) => {
          const due = dueOf(period, measure.dueWorkingDays ?? workingDays);
          return today > due ? [{ measure, period, key: periodKey(period), due }] : [];
        }),
      );
      const entered = await scopes.enteredReturns(
        db,
        organisationId,
        [...new Set(candidates.map((c) => c.measure.id))],
        [...new Set(candidates.map((c) => c.key))],
      );
      const returns: OverdueReturn[] = candidates
        .filter((c) => !entered.has(`${c.measure.id}|${c.key}`))
        .map((c) => ({
          measureId: c.measure.id,
          code: c.measure.code,
          title: c.measure.title,
          unitName: c.measure.unitName,
          ownerName: c.measure.ownerName,
          periodKey: c.key,
          periodLabel: periodLabel(c.period),
          dueDate: c.due,
          daysLate: daysLate(c.due, today),
        }));
      return ok({ asOf: today, sort, returns: sortOverdue(returns, sort) });
    },
  };
}
