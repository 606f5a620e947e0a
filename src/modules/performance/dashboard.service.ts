/**
 * The dashboard for every level: the council (the corporate dashboard), a directorate or service
 * and everything under it, a portfolio, a governance body's remit, or "mine", for the latest
 * reported periods or a chosen quarter: counts overall and per unit, the key measures, the worst
 * performers and (for the council) the corporate plan's priorities. It reads the STORED statuses
 * (kept up to date by performance-status.service), so no request recomputes the council.
 */
import {
  corporatePlanOf,
  countStatuses,
  filtersOfScope,
  formatCounts,
  type Frequency,
  type MeasureFilters,
  NO_FILTERS,
  periodKey,
  periodLabel,
  type RagStatus,
  type RollupItem,
  shortfall,
  storedTarget,
  topLevelUnits,
} from './domain/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import type { Caller } from '../../platform/services/caller.ts';
import type { PerformanceDeps } from './ports.ts';
import { words } from '../../platform/words/index.ts';
import * as repo from './data/performance.repository.ts';
import { loadCommentary } from './data/figure-notes.repository.ts';
import { entryOf, loadCurrentStatuses, loadStatusIndex } from './measure-list.ts';
import type { Dashboard, RollupSettings, UnitCounts } from './performance-views.types.ts';
import { rollupOptions, rollUpPlan } from './rollups.service.ts';
import { DASHBOARDS_KEPT, keptViews, keptViewKey } from './kept-views.ts';
import { groupOfUnit, periodChoices, periodsFor, resolveScope, withinSets } from './view-scope.ts';

export function createDashboardService({ db, clock, contributions = [] }: PerformanceDeps) {
  const kept = keptViews<Result<Dashboard>>(DASHBOARDS_KEPT);
  return {
    /**
     * The dashboard of a scope (the council when no filter names one) for the latest reported
     * periods, or the quarter `view.period` names, from stored statuses. Only the scoping filters
     * and the period of `view` count; the status, key and overdue filters are the list's.
     *
     * Built once per council data version (platform/data-version) and kept: a dashboard over 300
     * measures is the most asked-for page and costs tens of milliseconds of CPU to build.
     */
    async dashboard(
      caller: Caller,
      settings?: RollupSettings,
      view: MeasureFilters = NO_FILTERS,
    ): Promise<Result<Dashboard>> {
      const today = clock.today();
      const key = keptViewKey('dashboard', caller, view, today, settings ?? {});
      return kept.get(db, caller.organisationId, key, () => buildDashboard(caller, settings, view, today));
    },
  };

  async function buildDashboard(
    caller: Caller,
    settings: RollupSettings | undefined,
    view: MeasureFilters,
    today: string,
  ): Promise<Result<Dashboard>> {
    const resolved = await resolveScope(db, caller, view);
    if (!resolved.ok) return resolved;
    const { scope, units, unitName } = resolved.value;
    const organisationId = caller.organisationId;
    const { periods, chosen } = periodsFor(view.period, today);
    // A partner sees only the measures linked to items shared with its partnership, and no
    // corporate plan roll-up (it would count items the partner cannot see).
    const [index, plans] = await Promise.all([
      // Lean: no titles or words, which only the measures listed need (fetched below).
      loadCurrentStatuses(db, organisationId, periods, caller.partnerId, { lean: true }),
      scope.kind === 'council' ? repo.listPlanSummaries(db, organisationId) : Promise.resolve([]),
    ]);
    const within = withinSets(resolved.value, index);
    for (const id of [...index.measures.keys()]) {
      if (!within.every((ids) => ids.has(id))) {
        index.measures.delete(id);
        index.current.delete(id);
      }
    }
    const groupRoots = resolved.value.groupRoots;
    const { tops, topOf } = groupRoots
      ? {
          tops: groupRoots.flatMap((id) => units.filter((u) => u.id === id)),
          topOf: groupOfUnit(units, groupRoots) as Map<string, string | null>,
        }
      : topLevelUnits(units);
    const all: RollupItem[] = [];
    const perUnit = new Map<string | null, RollupItem[]>();
    const keyIds: string[] = [];
    const offTarget: string[] = [];
    const perFrequency = new Map<string, number>();
    for (const measure of index.measures.values()) {
      const status = (index.current.get(measure.id)?.rag ?? 'no-data') as RagStatus;
      const item: RollupItem = { id: measure.id, kind: 'measure', status };
      all.push(item);
      const top = measure.ownerUnitId ? (topOf.get(measure.ownerUnitId) ?? null) : null;
      const list = perUnit.get(top) ?? [];
      list.push(item);
      perUnit.set(top, list);
      perFrequency.set(measure.frequency, (perFrequency.get(measure.frequency) ?? 0) + 1);
      if (measure.isKey) keyIds.push(measure.id);
      if (status === 'red' || status === 'amber') offTarget.push(measure.id);
    }
    const countsOf = (items: readonly RollupItem[]) => {
      const counts = countStatuses(items);
      return { counts, countsText: formatCounts(counts) };
    };
    const byUnit: UnitCounts[] = tops.map((unit) => ({
      unitId: unit.id,
      unitName: unit.name,
      ...countsOf(perUnit.get(unit.id) ?? []),
    }));
    if ((perUnit.get(null) ?? []).length > 0) {
      byUnit.push({ unitId: null, unitName: words.performance.councilWide, ...countsOf(perUnit.get(null) ?? []) });
    }
    const badness = (s: string | undefined) => (s === 'red' ? 0 : s === 'amber' ? 1 : 2);
    const worstIds = offTarget
      .map((id) => {
        const measure = index.measures.get(id)!;
        const row = index.current.get(id);
        return { measure, rag: row?.rag, gap: row ? shortfall(row.value, storedTarget(row), measure.polarity) : 0 };
      })
      .sort(
        (a, b) =>
          badness(a.rag) - badness(b.rag) ||
          Number(b.measure.isKey) - Number(a.measure.isKey) ||
          b.gap - a.gap ||
          a.measure.code.localeCompare(b.measure.code),
      )
      .slice(0, 10)
      .map((x) => x.measure.id);
    // Only the key measures and the worst performers are listed: read their words now.
    const listed = await loadStatusIndex(db, organisationId, periods, [...new Set([...keyIds, ...worstIds])]);
    for (const [id, measure] of listed.measures) index.measures.set(id, measure);
    for (const [id, row] of listed.current) index.current.set(id, row);
    const entryFor = (id: string) => {
      const measure = index.measures.get(id)!;
      return entryOf(index, measure, measure.ownerUnitId ? (unitName.get(measure.ownerUnitId) ?? null) : null);
    };
    // A red or amber row carries the commentary of its figure: why it is off target.
    const offTargetEntries = [...keyIds, ...worstIds]
      .map(entryFor)
      .filter((entry) => entry.status === 'red' || entry.status === 'amber');
    const commentary = await loadCommentary(
      db,
      organisationId,
      offTargetEntries.map((entry) => ({ measureId: entry.id, periodKey: entry.periodKey })),
    );
    const withCommentary = (id: string) => {
      const entry = entryFor(id);
      const said =
        entry.status === 'red' || entry.status === 'amber' ? commentary.get(`${id}|${entry.periodKey}`) : undefined;
      return { ...entry, commentary: said ?? null };
    };
    const keyMeasures = keyIds.map(withCommentary);
    const worst = worstIds.map(withCommentary);
    const corporate = caller.partnerId || scope.kind !== 'council' ? undefined : corporatePlanOf(plans, today);
    let corporatePlan: Dashboard['corporatePlan'] = null;
    if (corporate) {
      const options = await rollupOptions(db, organisationId, settings);
      const rolled = await rollUpPlan(db, organisationId, corporate, options, periods, index, contributions);
      // Each priority's status and counts; its breakdown is one click away (GET /items/:id/rollup).
      corporatePlan = {
        id: corporate.id,
        title: corporate.title,
        priorities: rolled.view.children.map((priority) => ({ ...priority, contributors: [], children: [] })),
      };
    }
    return ok({
      asOf: today,
      scope,
      scopeName: resolved.value.name,
      holderName: resolved.value.holderName,
      period: chosen,
      periodChoices: periodChoices(today),
      filters: filtersOfScope(scope, chosen),
      periods: [...index.periods.entries()]
        .filter(([frequency]) => perFrequency.has(frequency))
        .map(([frequency, period]) => ({
          frequency: frequency as Frequency,
          periodKey: periodKey(period),
          periodLabel: periodLabel(period),
          measures: perFrequency.get(frequency) ?? 0,
        })),
      overall: countsOf(all),
      byUnit,
      keyMeasures,
      worstPerformers: worst,
      corporatePlan,
      notComputed: [...index.measures.keys()].filter((id) => !index.current.has(id)).length,
    });
  }
}
