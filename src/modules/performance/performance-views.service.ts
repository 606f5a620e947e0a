/**
 * How the performance engine is used: the full picture for one measure, the roll-up along the
 * golden thread, the corporate dashboard and framework health.
 *
 * Only the single-measure picture is computed on request (one measure's history is small); the
 * roll-up, dashboard and health read the STORED statuses (measure_statuses, kept up to date by
 * performance-status.service when values or targets change), so no request recomputes the council.
 */
import { holdsPermission } from '../../kernel/access/index.ts';
import { dueDate, DEFAULT_COLLECTION_RULE } from '../collection/domain/index.ts';
import {
  analyseSpc,
  assessFrameworkHealth,
  DEFAULT_RISK_APPETITE,
  formatCounts,
  formatShare,
  formatValue,
  FREQUENCIES,
  type Frequency,
  type FrameworkHealth,
  type Period,
  periodKey,
  periodLabel,
  periodStart,
  type RagStatus,
  type RiskAppetite,
  type RollupCounts,
  type RollupNode,
  type RollupOptions,
  type RollupRule,
  rollUpTree,
  type RollupTreeResult,
  type RollupItem,
  type SpcRule,
  summariseMeasureStatus,
  type Target,
  targetForPeriod,
  type ValueFormat,
  countStatuses,
} from './domain/index.ts';
import { describeRollup, toRiskAppetite, toRollupOptions } from './domain/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { findItem, isSharedWith } from '../plans/index.ts';
import { isVisibleToPartner } from '../measures/index.ts';
import { loadMeasureHistory } from './data/measure-status.repository.ts';
import * as repo from './data/performance.repository.ts';
import { findPlan, isSharedWithPartner } from '../plans/index.ts';
import { listUnits } from '../organisation/index.ts';
import { collectionRules } from '../measures/index.ts';
import { renderSpcChart } from './web/spc-chart.ts';
import { eq } from 'drizzle-orm';
import type { Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { loadDirectionTolerance, loadPerformanceSettings } from './data/settings.repository.ts';
import { currentReportingPeriod } from '../../kernel/measurement/periods.ts';
import { engineInputFor } from './performance-status.service.ts';

// ---------------------------------------------------------------------------------------------
// Words. Status is never shown by colour alone: every status has its word.

export const RAG_WORDS: Record<RagStatus, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  'no-data': 'No data',
  overdue: 'Overdue',
  'no-target': 'No target',
};

const DIRECTION_WORDS: Record<string, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  'no-significant-change': 'No significant change',
  'not-comparable': 'Not comparable',
};

const VARIATION_WORDS: Record<string, string> = {
  'common-cause': 'Common cause variation: no significant change',
  'improvement-high': 'Special cause improvement: unusually high',
  'improvement-low': 'Special cause improvement: unusually low',
  'concern-high': 'Special cause concern: unusually high',
  'concern-low': 'Special cause concern: unusually low',
  'neutral-high': 'Special cause: unusually high (neither better nor worse)',
  'neutral-low': 'Special cause: unusually low (neither better nor worse)',
  none: 'Not enough data for SPC',
};

const ASSURANCE_WORDS: Record<string, string> = {
  'consistently-meets': 'Consistently meets the target',
  'consistently-fails': 'Consistently fails the target',
  'hit-and-miss': 'Hit and miss: will sometimes meet the target and sometimes miss it',
  'not-applicable': 'No assurance assessment',
};

const POINT_TYPE_WORDS: Record<string, string> = {
  'common-cause': 'Common cause',
  'special-cause-improvement': 'Special cause improvement',
  'special-cause-concern': 'Special cause concern',
  'special-cause-neutral': 'Special cause (neutral)',
};

const RULE_WORDS: Record<SpcRule, string> = {
  'outside-limits': 'Outside the process limits',
  shift: 'Run of 7 or more on one side of the mean',
  trend: '7 or more rising or falling in a row',
  'two-in-three': '2 of 3 close to a process limit',
};

const METHOD_WORDS: Record<string, string> = {
  actual: 'Actual (the year is complete)',
  'holt-winters': 'Holt–Winters (trend and season)',
  'seasonal-profile': 'Seasonal profile from previous years',
  'linear-trend': 'Linear trend',
  none: 'No forecast',
};

export const ruleWords = (rule: SpcRule) => RULE_WORDS[rule];
export const variationWords = (icon: string | null) => VARIATION_WORDS[icon ?? 'none'] ?? icon ?? '';
export const assuranceWords = (icon: string | null) => ASSURANCE_WORDS[icon ?? 'not-applicable'] ?? icon ?? '';
export const directionWords = (direction: string | null) => DIRECTION_WORDS[direction ?? 'not-comparable'] ?? '';

// ---------------------------------------------------------------------------------------------
// Shapes returned to the API and pages.

export interface RollupContributor {
  kind: 'measure' | 'item';
  id: string;
  code: string;
  title: string;
  status: RagStatus;
  statusText: string;
  /** The stored RAG reason of a measure, or the roll-up reason of a child item. */
  reason: string;
  key: boolean;
  /** For a measure: the period its status is for. */
  periodLabel: string | null;
}

export interface RollupView {
  kind: 'item' | 'plan';
  id: string;
  code: string | null;
  title: string;
  status: RagStatus;
  statusText: string;
  reason: string;
  counts: RollupCounts;
  countsText: string;
  /** The rule in words, e.g. 'Worst of its measures and items; key measures dominate'. */
  ruleText: string;
  contributors: RollupContributor[];
  /** The child items' own roll-ups, recursively. */
  children: RollupView[];
}

export interface MeasureListEntry {
  id: string;
  code: string;
  title: string;
  isKey: boolean;
  unitName: string | null;
  periodKey: string;
  periodLabel: string;
  status: RagStatus;
  statusText: string;
  reason: string;
  value: string | null;
  target: string | null;
  direction: string | null;
  directionText: string;
  variationIcon: string | null;
  variationText: string;
  assurance: string | null;
  assuranceText: string;
  forecastProbability: number | null;
}

export interface UnitCounts {
  unitId: string | null;
  unitName: string;
  counts: RollupCounts;
  countsText: string;
}

export interface Dashboard {
  asOf: string;
  periods: { frequency: Frequency; periodKey: string; periodLabel: string; measures: number }[];
  overall: { counts: RollupCounts; countsText: string };
  byUnit: UnitCounts[];
  keyMeasures: MeasureListEntry[];
  worstPerformers: MeasureListEntry[];
  corporatePlan: { id: string; title: string; priorities: RollupView[] } | null;
  /** Measures whose status for their current period has not been computed yet. */
  notComputed: number;
}

export interface SpcTableRow {
  periodKey: string;
  periodLabel: string;
  value: string;
  target: string | null;
  mean: string;
  lowerLimit: string | null;
  upperLimit: string | null;
  type: string;
  pointType: string;
  rules: string[];
  rulesText: string;
}

export interface MeasurePerformance {
  measure: {
    id: string;
    code: string;
    title: string;
    unit: string;
    polarity: string;
    frequency: string;
    isKey: boolean;
  };
  asOf: string;
  period: { key: string; label: string };
  status: {
    rag: RagStatus;
    ragText: string;
    reason: string;
    value: string | null;
    target: string | null;
    basis: 'period' | 'year-to-date';
    directionPrevious: { direction: string; text: string; reason: string };
    directionLastYear: { direction: string; text: string; reason: string };
    yearToDate: {
      value: string | null;
      target: string | null;
      rag: RagStatus;
      ragText: string;
      reason: string;
      explanation: string;
      partialYear: boolean;
    };
  };
  spc: {
    variationIcon: string;
    variationText: string;
    assuranceIcon: string;
    assuranceText: string;
    assuranceReason: string;
    trialLimits: boolean;
    warnings: string[];
    pointsCharted: number;
    /** Server-rendered SVG (ECharts); null when there is nothing to chart. */
    chartSvg: string | null;
    table: SpcTableRow[];
  };
  interpretation: { category: string; message: string };
  forecast: {
    yearLabel: string;
    method: string;
    methodText: string;
    methodReason: string;
    outturn: string | null;
    interval: { level: number; lower: string; upper: string } | null;
    probabilityOfMeetingTarget: number | null;
    probabilityText: string | null;
    backTestMape: number | null;
    trustText: string;
    explanation: string;
  } | null;
}

export interface HealthView {
  asOf: string;
  appetite: RiskAppetite;
  rules: { id: string; name: string; rule: string }[];
  units: (FrameworkHealth & { unitId: string | null })[];
}

/**
 * What-if overrides of the council's stored roll-up settings (GET /api/v1/settings/performance);
 * whatever is not given comes from the stored settings, or their defaults.
 */
export interface RollupSettings {
  rule?: RollupRule;
  keyItemsDominate?: boolean;
  overdueAs?: RollupOptions['overdueAs'];
}

function ruleText(options: RollupOptions): string {
  return describeRollup(options);
}

// ---------------------------------------------------------------------------------------------

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function show(value: number | null, format: ValueFormat): string | null {
  return value === null || !Number.isFinite(value) ? null : formatValue(value, format.unit, format.decimals);
}

function showTarget(target: Target | null, format: ValueFormat): string | null {
  if (!target) return null;
  return target.kind === 'value'
    ? show(target.value, format)
    : `${show(target.lower, format)} to ${show(target.upper, format)}`;
}

function storedTarget(row: repo.StoredStatusRow): Target | null {
  if (row.targetValue !== null) return { kind: 'value', value: row.targetValue };
  if (row.targetLower !== null && row.targetUpper !== null)
    return { kind: 'range', lower: row.targetLower, upper: row.targetUpper };
  return null;
}

/** Each unit's top-level unit (a child of a root unit), for "per directorate" figures. */
function topLevelUnits(units: readonly { id: string; parentId: string | null; name: string }[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const roots = new Set(units.filter((u) => u.parentId === null).map((u) => u.id));
  const topOf = new Map<string, string | null>();
  for (const unit of units) {
    let cursor: typeof unit | undefined = unit;
    let guard = 0;
    while (cursor && cursor.parentId !== null && !roots.has(cursor.parentId) && guard++ < 100)
      cursor = byId.get(cursor.parentId);
    topOf.set(unit.id, cursor && !roots.has(cursor.id) ? cursor.id : null);
  }
  const tops = units.filter((u) => u.parentId !== null && roots.has(u.parentId));
  return { tops, topOf };
}

interface StatusIndex {
  measures: Map<string, repo.MeasureSummaryRow>;
  current: Map<string, repo.StoredStatusRow>;
  periods: Map<string, Period>;
}

export function createPerformanceViewsService({ db, clock }: ServiceDeps) {
  const todayIso = () => isoDay(clock());

  /** The current reporting period of every frequency, today. */
  function periodsToday(): Map<string, Period> {
    const today = todayIso();
    return new Map(FREQUENCIES.map((frequency) => [frequency, currentReportingPeriod(frequency, today)]));
  }

  /** Measures (every active one, or the given ones) with their stored status for their own current period. */
  async function indexOf(
    organisationId: string,
    measureIds?: readonly string[],
    options: { lean?: boolean } = {},
  ): Promise<StatusIndex> {
    const periods = periodsToday();
    const keys = new Map([...periods].map(([frequency, period]) => [frequency, periodKey(period)]));
    const rows = await repo.measuresWithCurrentStatus(db, organisationId, keys, { measureIds, lean: options.lean });
    rows.sort((a, b) => (a.measure.code < b.measure.code ? -1 : a.measure.code > b.measure.code ? 1 : 0));
    const index: StatusIndex = { measures: new Map(), current: new Map(), periods };
    for (const { measure, status } of rows) {
      index.measures.set(measure.id, measure);
      if (status) index.current.set(measure.id, status);
    }
    return index;
  }

  /** Every active measure (those shared with the partner, for a partner) with its current stored status. */
  async function loadCurrentStatuses(
    organisationId: string,
    partnerId: string | null = null,
    options: { lean?: boolean } = {},
  ): Promise<StatusIndex> {
    const index = await indexOf(organisationId, undefined, options);
    if (partnerId) {
      const shared = await repo.measureIdsSharedWithPartner(db, organisationId, partnerId);
      for (const id of [...index.measures.keys()]) {
        if (!shared.has(id)) {
          index.measures.delete(id);
          index.current.delete(id);
        }
      }
    }
    return index;
  }

  function contributorOfMeasure(index: StatusIndex, measureId: string): RollupContributor | null {
    const measure = index.measures.get(measureId);
    if (!measure) return null;
    const row = index.current.get(measureId);
    const period = index.periods.get(measure.frequency)!;
    const status = (row?.rag ?? 'no-data') as RagStatus;
    return {
      kind: 'measure',
      id: measure.id,
      code: measure.code,
      title: measure.title,
      status,
      statusText: RAG_WORDS[status],
      reason: row?.ragReason || `No data: no status has been worked out for ${periodLabel(period)} yet`,
      key: measure.isKey,
      periodLabel: periodLabel(period),
    };
  }

  /**
   * Roll-ups of the given items (each with its descendants in the same plan), from the stored
   * statuses of their linked measures. `items` must hold every item of the plans involved.
   */
  function rollUpItems(
    items: readonly repo.ItemNodeRow[],
    links: readonly { itemId: string; measureId: string }[],
    index: StatusIndex,
    options: RollupOptions,
    roots: readonly repo.ItemNodeRow[],
  ): RollupView[] {
    const childrenOf = new Map<string, repo.ItemNodeRow[]>();
    for (const item of items) {
      if (!item.parentItemId) continue;
      const list = childrenOf.get(item.parentItemId) ?? [];
      list.push(item);
      childrenOf.set(item.parentItemId, list);
    }
    const measuresOf = new Map<string, string[]>();
    for (const link of links) {
      const list = measuresOf.get(link.itemId) ?? [];
      list.push(link.measureId);
      measuresOf.set(link.itemId, list);
    }
    // A measure can be linked to many items: describe each once.
    const contributors = new Map<string, RollupContributor | null>();
    const contributor = (measureId: string) => {
      let c = contributors.get(measureId);
      if (c === undefined) {
        c = contributorOfMeasure(index, measureId);
        contributors.set(measureId, c);
      }
      return c;
    };
    const nodeOf = (item: repo.ItemNodeRow, seen: Set<string>): RollupNode => {
      const next = new Set(seen).add(item.id);
      const measureItems: RollupItem[] = (measuresOf.get(item.id) ?? []).flatMap((measureId) => {
        const c = contributor(measureId);
        return c
          ? [{ id: c.id, name: `${c.code} ${c.title}`, kind: 'measure' as const, status: c.status, key: c.key }]
          : [];
      });
      const children = (childrenOf.get(item.id) ?? []).filter((child) => !next.has(child.id));
      return {
        id: item.id,
        name: `${item.code} ${item.title}`,
        items: measureItems,
        children: children.map((child) => nodeOf(child, next)),
      };
    };
    const byId = new Map(items.map((item) => [item.id, item]));
    const toView = (result: RollupTreeResult): RollupView => {
      const item = byId.get(result.id)!;
      const measureContributors = (measuresOf.get(item.id) ?? []).flatMap((id) => {
        const c = contributor(id);
        return c ? [c] : [];
      });
      const children = result.children.map(toView);
      const childContributors: RollupContributor[] = children.map((child) => ({
        kind: 'item',
        id: child.id,
        code: child.code ?? '',
        title: child.title,
        status: child.status,
        statusText: child.statusText,
        reason: child.reason,
        key: false,
        periodLabel: null,
      }));
      return {
        kind: 'item',
        id: item.id,
        code: item.code,
        title: item.title,
        status: result.result.status,
        statusText: RAG_WORDS[result.result.status],
        reason: result.result.reason,
        counts: result.result.counts,
        countsText: result.result.countsText,
        ruleText: ruleText(options),
        contributors: [...measureContributors, ...childContributors],
        children,
      };
    };
    return roots.map((root) => toView(rollUpTree(nodeOf(root, new Set()), options)));
  }

  /** The council's stored roll-up options, with any what-if overrides on top. */
  async function optionsFrom(organisationId: string, settings: RollupSettings = {}): Promise<RollupOptions> {
    const stored = toRollupOptions((await loadPerformanceSettings(db, organisationId)).settings);
    // Asking for the rule the council already uses keeps its own boundaries (weighted score).
    const rule = settings.rule && settings.rule.kind !== stored.rule.kind ? settings.rule : stored.rule;
    return {
      rule,
      keyItemsDominate: settings.keyItemsDominate ?? stored.keyItemsDominate,
      overdueAs: settings.overdueAs ?? stored.overdueAs,
    };
  }

  async function planRollup(
    organisationId: string,
    plan: { id: string; title: string },
    options: RollupOptions,
    loaded?: StatusIndex,
  ): Promise<{ view: RollupView; items: repo.ItemNodeRow[]; byItem: Map<string, RollupView> }> {
    const items = await repo.itemsOfPlans(db, organisationId, [plan.id]);
    const links = await repo.measureLinksOfItems(
      db,
      organisationId,
      items.map((i) => i.id),
    );
    // The dashboard has every active measure's status loaded already.
    const index = loaded ?? (await indexOf(organisationId, [...new Set(links.map((l) => l.measureId))]));
    const roots = items.filter((item) => item.parentItemId === null);
    const views = rollUpItems(items, links, index, options, roots);
    const rolled = rollUpTree(
      {
        id: plan.id,
        name: plan.title,
        items: views.map((v) => ({ id: v.id, name: `${v.code} ${v.title}`, kind: 'child' as const, status: v.status })),
        children: [],
      },
      options,
    );
    const byItem = new Map<string, RollupView>();
    const walk = (view: RollupView) => {
      byItem.set(view.id, view);
      view.children.forEach(walk);
    };
    views.forEach(walk);
    return {
      items,
      byItem,
      view: {
        kind: 'plan',
        id: plan.id,
        code: null,
        title: plan.title,
        status: rolled.result.status,
        statusText: RAG_WORDS[rolled.result.status],
        reason: rolled.result.reason,
        counts: rolled.result.counts,
        countsText: rolled.result.countsText,
        ruleText: ruleText(options),
        contributors: views.map((v) => ({
          kind: 'item',
          id: v.id,
          code: v.code ?? '',
          title: v.title,
          status: v.status,
          statusText: v.statusText,
          reason: v.reason,
          key: false,
          periodLabel: null,
        })),
        children: views,
      },
    };
  }

  function entryOf(index: StatusIndex, measure: repo.MeasureSummaryRow, unitName: string | null): MeasureListEntry {
    const row = index.current.get(measure.id);
    const period = index.periods.get(measure.frequency)!;
    const format: ValueFormat = { unit: measure.unit, decimals: measure.decimalPlaces };
    const status = (row?.rag ?? 'no-data') as RagStatus;
    return {
      id: measure.id,
      code: measure.code,
      title: measure.title,
      isKey: measure.isKey,
      unitName,
      periodKey: periodKey(period),
      periodLabel: periodLabel(period),
      status,
      statusText: RAG_WORDS[status],
      reason: row?.ragReason || `No data: no status has been worked out for ${periodLabel(period)} yet`,
      value: row ? show(row.value, format) : null,
      target: row ? showTarget(storedTarget(row), format) : null,
      direction: row?.directionPrevious ?? null,
      directionText: directionWords(row?.directionPrevious ?? null),
      variationIcon: row?.spcVariationIcon ?? null,
      variationText: variationWords(row?.spcVariationIcon ?? null),
      assurance: row?.spcAssurance ?? null,
      assuranceText: assuranceWords(row?.spcAssurance ?? null),
      forecastProbability: row?.forecastProbability ?? null,
    };
  }

  /** How far a red or amber measure is from its target, relative to the target (for ranking). */
  function shortfall(row: repo.StoredStatusRow | undefined, polarity: string): number {
    if (!row || row.value === null) return 0;
    const target = storedTarget(row);
    if (!target) return 0;
    const v = row.value;
    let gap: number;
    let scale: number;
    if (target.kind === 'range') {
      gap = v < target.lower ? target.lower - v : v > target.upper ? v - target.upper : 0;
      scale = Math.max(Math.abs(target.lower), Math.abs(target.upper), 1e-9);
    } else {
      gap = polarity === 'lower-is-better' ? v - target.value : target.value - v;
      scale = Math.max(Math.abs(target.value), 1e-9);
    }
    return gap / scale;
  }

  /** The corporate plan: an approved plan in force of type 'corporate-plan', else the highest-level approved plan in force. */
  function corporatePlanOf(plans: readonly repo.PlanSummaryRow[], today: string): repo.PlanSummaryRow | undefined {
    const inForce = plans.filter((p) => planInForce(p, today));
    return (
      inForce.find((p) => p.planTypeKey === 'corporate-plan') ??
      inForce.find((p) => p.planTypeLevel === 2) ??
      inForce[0]
    );
  }

  function planInForce(plan: repo.PlanSummaryRow, today: string): boolean {
    if (plan.status !== 'approved') return false;
    if (plan.effectiveFrom && plan.effectiveFrom > today) return false;
    if (plan.effectiveTo && plan.effectiveTo <= today) return false;
    return plan.periodStart <= today && today <= plan.periodEnd;
  }

  return {
    /** (a) The full picture of one measure, computed from its history (one measure is cheap). */
    async measurePerformance(caller: Caller, measureId: string): Promise<Result<MeasurePerformance>> {
      const organisationId = caller.organisationId;
      const history = await loadMeasureHistory(db, organisationId, [measureId]);
      const measure = history.measures[0];
      if (!measure) return notFound('Measure');
      if (caller.partnerId && !(await isVisibleToPartner(db, organisationId, measureId, caller.partnerId))) {
        return notFound('Measure');
      }
      const today = todayIso();
      const current = currentReportingPeriod(measure.frequency as Frequency, today);
      const input = engineInputFor(measure, history.values, history.targets, history.rebases, current);
      const points = input.points;
      // The council's direction-of-travel tolerance, as the stored statuses use it.
      const tolerance = await loadDirectionTolerance(db, organisationId);
      const definition = tolerance ? { ...input.definition, directionTolerance: tolerance } : input.definition;
      const [rule] = await db.select().from(collectionRules).where(eq(collectionRules.organisationId, organisationId));
      const due =
        measure.dueWorkingDays ?? rule?.workingDaysAfterPeriodEnd ?? DEFAULT_COLLECTION_RULE.workingDaysAfterPeriodEnd;
      const status = summariseMeasureStatus({
        measure: definition,
        points,
        period: current,
        asOf: today,
        dueDate: dueDate(current, { ...DEFAULT_COLLECTION_RULE, workingDaysAfterPeriodEnd: due }),
      });
      const format = definition.format;

      // The whole chart: every period up to the current one that has a value, in order.
      const charted = points
        .filter((p) => p.value !== null && Number.isFinite(p.value) && periodKey(p.period) <= periodKey(current))
        .sort((a, b) => (periodStart(a.period) < periodStart(b.period) ? -1 : 1));
      const spc = analyseSpc({
        points: charted.map((p) => ({
          key: periodKey(p.period),
          date: periodStart(p.period),
          value: p.value as number,
        })),
        polarity: definition.polarity,
        target: targetForPeriod(definition.targets, current),
        format,
        ...(definition.spc ? { settings: definition.spc } : {}),
      });
      const labels = charted.map((p) => periodLabel(p.period));
      const table: SpcTableRow[] = spc.points.map((point, i) => {
        const period = charted[i]!.period;
        const rules = point.rules.map((r) => RULE_WORDS[r]);
        return {
          periodKey: point.key,
          periodLabel: labels[i]!,
          value: show(point.value, format) ?? '',
          target: showTarget(targetForPeriod(definition.targets, period), format),
          mean: show(point.mean, format) ?? '',
          lowerLimit: show(point.lowerLimit, format),
          upperLimit: show(point.upperLimit, format),
          type: point.type,
          pointType: POINT_TYPE_WORDS[point.type] ?? point.type,
          rules,
          rulesText: rules.length ? rules.join('; ') : 'None',
        };
      });
      const chartSvg =
        spc.points.length === 0
          ? null
          : renderSpcChart({
              spc,
              labels,
              target: targetForPeriod(definition.targets, current),
              title: `${measure.code} ${measure.title}: SPC chart`,
            });
      const forecast = status.forecast;
      const mape = forecast?.backTest.meanAbsolutePercentageError ?? null;
      const trustText =
        mape === null
          ? 'Not enough complete past years to test how accurate this forecast would have been'
          : `In back-tests on ${forecast!.backTest.years.length} past year${forecast!.backTest.years.length === 1 ? '' : 's'} the forecast was on average ${formatShare(mape / 100)} out (mean absolute percentage error): ${mape <= 5 ? 'a close guide' : mape <= 15 ? 'a fair guide' : 'treat it with caution'}`;
      const direction = (d: typeof status.direction.previous) => ({
        direction: d.direction,
        text: directionWords(d.direction),
        reason: d.reason,
      });
      return ok({
        measure: {
          id: measure.id,
          code: measure.code,
          title: measure.title,
          unit: measure.unit,
          polarity: measure.polarity,
          frequency: measure.frequency,
          isKey: measure.isKey,
        },
        asOf: today,
        period: { key: status.periodKey, label: status.periodLabel },
        status: {
          rag: status.rag.status,
          ragText: RAG_WORDS[status.rag.status],
          reason: status.rag.reason,
          value: status.formattedValue,
          target: showTarget(status.target, format),
          basis: status.ragBasis,
          directionPrevious: direction(status.direction.previous),
          directionLastYear: direction(status.direction.samePeriodLastYear),
          yearToDate: {
            value: show(status.yearToDate.value, format),
            target: showTarget(status.yearToDate.target, format),
            rag: status.yearToDate.rag.status,
            ragText: RAG_WORDS[status.yearToDate.rag.status],
            reason: status.yearToDate.rag.reason,
            explanation: status.yearToDate.explanation,
            partialYear: status.yearToDate.partialYear,
          },
        },
        spc: {
          variationIcon: status.spc.variationIcon,
          variationText: variationWords(status.spc.variationIcon),
          assuranceIcon: status.spc.assuranceIcon,
          assuranceText: assuranceWords(status.spc.assuranceIcon),
          assuranceReason: status.spc.assuranceReason,
          trialLimits: spc.trialLimits,
          warnings: [...new Set([...status.spc.warnings, ...spc.warnings])],
          pointsCharted: spc.points.length,
          chartSvg,
          table,
        },
        interpretation: status.interpretation,
        forecast: forecast
          ? {
              yearLabel: periodLabel({ frequency: 'annual', fyStartYear: forecast.fyStartYear, index: 1 }),
              method: forecast.method,
              methodText: METHOD_WORDS[forecast.method] ?? forecast.method,
              methodReason: forecast.methodReason,
              outturn: show(forecast.outturn, format),
              interval: forecast.interval
                ? {
                    level: forecast.interval.level,
                    lower: show(forecast.interval.lower, format) ?? '',
                    upper: show(forecast.interval.upper, format) ?? '',
                  }
                : null,
              probabilityOfMeetingTarget: forecast.probabilityOfMeetingTarget,
              probabilityText:
                forecast.probabilityOfMeetingTarget === null
                  ? null
                  : formatShare(forecast.probabilityOfMeetingTarget, 0),
              backTestMape: mape,
              trustText,
              explanation: forecast.explanation,
            }
          : null,
      });
    },

    /** (b) The roll-up of a plan item: its linked measures' stored statuses and its child items, recursively. */
    async itemRollup(caller: Caller, itemId: string, settings?: RollupSettings): Promise<Result<RollupView>> {
      const organisationId = caller.organisationId;
      const item = await findItem(db, organisationId, itemId);
      if (!item) return notFound('Item');
      if (caller.partnerId && !(await isSharedWith(db, itemId, caller.partnerId))) return notFound('Item');
      const options = await optionsFrom(organisationId, settings);
      const { byItem } = await planRollup(organisationId, { id: item.planId, title: '' }, options);
      const view = byItem.get(itemId);
      return view ? ok(view) : notFound('Item');
    },

    /** (b) The roll-up of a plan, from its top-level items. */
    async planRollup(caller: Caller, planId: string, settings?: RollupSettings): Promise<Result<RollupView>> {
      const organisationId = caller.organisationId;
      const plan = await findPlan(db, organisationId, planId);
      if (!plan) return notFound('Plan');
      if (caller.partnerId && !(await isSharedWithPartner(db, organisationId, planId, caller.partnerId)))
        return notFound('Plan');
      return ok((await planRollup(organisationId, plan, await optionsFrom(organisationId, settings))).view);
    },

    /** (c) The corporate dashboard for the current period, from stored statuses. */
    async dashboard(caller: Caller, settings?: RollupSettings): Promise<Result<Dashboard>> {
      if (!holdsPermission(caller, 'view:plans')) return forbidden('You cannot see the performance dashboard');
      const organisationId = caller.organisationId;
      const today = todayIso();
      // A partner sees only the measures linked to items shared with its partnership, and no
      // corporate plan roll-up (it would count items the partner cannot see).
      const [index, units, plans] = await Promise.all([
        // Lean: no titles or words, which only the measures listed need (fetched below).
        loadCurrentStatuses(organisationId, caller.partnerId, { lean: true }),
        listUnits(db, organisationId),
        repo.listPlanSummaries(db, organisationId),
      ]);
      const { tops, topOf } = topLevelUnits(units);
      const unitName = new Map(units.map((u) => [u.id, u.name]));
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
        byUnit.push({ unitId: null, unitName: 'Council-wide (no directorate)', ...countsOf(perUnit.get(null) ?? []) });
      }
      const badness = (s: string | undefined) => (s === 'red' ? 0 : s === 'amber' ? 1 : 2);
      const worstIds = offTarget
        .map((id) => {
          const measure = index.measures.get(id)!;
          const row = index.current.get(id);
          return { measure, rag: row?.rag, gap: shortfall(row, measure.polarity) };
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
      const listed = await indexOf(organisationId, [...new Set([...keyIds, ...worstIds])]);
      for (const [id, measure] of listed.measures) index.measures.set(id, measure);
      for (const [id, row] of listed.current) index.current.set(id, row);
      const entryFor = (id: string) => {
        const measure = index.measures.get(id)!;
        return entryOf(index, measure, measure.ownerUnitId ? (unitName.get(measure.ownerUnitId) ?? null) : null);
      };
      const keyMeasures = keyIds.map(entryFor);
      const worst = worstIds.map(entryFor);
      const corporate = caller.partnerId ? undefined : corporatePlanOf(plans, today);
      let corporatePlan: Dashboard['corporatePlan'] = null;
      if (corporate) {
        const rolled = await planRollup(organisationId, corporate, await optionsFrom(organisationId, settings), index);
        // Each priority's status and counts; its breakdown is one click away (GET /items/:id/rollup).
        corporatePlan = {
          id: corporate.id,
          title: corporate.title,
          priorities: rolled.view.children.map((priority) => ({ ...priority, contributors: [], children: [] })),
        };
      }
      return ok({
        asOf: today,
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
    },

    /**
     * (d) Framework health per unit for the current period, against the council's stored risk
     * appetite and roll-up rule; `whatIf` overrides the appetite for this view only.
     */
    async frameworkHealth(caller: Caller, whatIf: Partial<RiskAppetite> = {}): Promise<Result<HealthView>> {
      for (const [id, share] of Object.entries(whatIf)) {
        if (share !== null && !(typeof share === 'number' && share >= 0 && share <= 1)) {
          return refuse('invalid', `The risk appetite for ${id} must be a share from 0 to 1`, id);
        }
      }
      const organisationId = caller.organisationId;
      const today = todayIso();
      const council = (await loadPerformanceSettings(db, organisationId)).settings;
      const appetite: Partial<RiskAppetite> = { ...toRiskAppetite(council), ...whatIf };
      if (caller.partnerId) {
        // Framework health is about the council's own planning and data: nothing of it is shared.
        return ok({ asOf: today, appetite: { ...DEFAULT_RISK_APPETITE, ...appetite }, rules: HEALTH_RULES, units: [] });
      }
      const [index, units, plans, [rule]] = await Promise.all([
        loadCurrentStatuses(organisationId),
        listUnits(db, organisationId),
        repo.listPlanSummaries(db, organisationId),
        db.select().from(collectionRules).where(eq(collectionRules.organisationId, organisationId)),
      ]);
      const { tops, topOf } = topLevelUnits(units);
      const groupOf = (unitId: string | null) => (unitId ? (topOf.get(unitId) ?? null) : null);
      const groups: { unitId: string | null; name: string }[] = [
        { unitId: '*', name: 'Whole council' },
        ...tops.map((u) => ({ unitId: u.id, name: u.name })),
      ];
      const inGroup = (group: string | null, unitId: string | null) => group === '*' || groupOf(unitId) === group;

      // Plans: each (owning unit, plan type) planned for in the current or previous financial year
      // is expected to have an approved version in force today.
      const yearStart = periodStart(currentReportingPeriod('annual', today));
      const previousYearStart = `${Number(yearStart.slice(0, 4)) - 1}${yearStart.slice(4)}`;
      const expected = new Map<string, { unitId: string; inForce: boolean }>();
      for (const plan of plans) {
        if (plan.periodEnd < previousYearStart || plan.status === 'superseded') continue;
        const slot = `${plan.owningUnitId}|${plan.planTypeId}`;
        const entry = expected.get(slot) ?? { unitId: plan.owningUnitId, inForce: false };
        if (planInForce(plan, today)) entry.inForce = true;
        expected.set(slot, entry);
      }

      // Data and timeliness: each active measure's own current period.
      const measures = [...index.measures.values()];
      const values = await repo.currentValues(
        db,
        organisationId,
        measures.map((m) => ({ measureId: m.id, periodKey: periodKey(index.periods.get(m.frequency)!) })),
      );
      const valueOf = new Map(values.map((v) => [v.measureId, v]));
      const workingDays = rule?.workingDaysAfterPeriodEnd ?? DEFAULT_COLLECTION_RULE.workingDaysAfterPeriodEnd;

      // Objectives: items of approved plans in force with at least one linked measure.
      const inForcePlans = plans.filter((p) => planInForce(p, today));
      const items = await repo.itemsOfPlans(
        db,
        organisationId,
        inForcePlans.map((p) => p.id),
      );
      const links = await repo.measureLinksOfItems(
        db,
        organisationId,
        items.map((i) => i.id),
      );
      const linked = new Set(links.map((l) => l.itemId));
      // Every active measure's status is loaded already (links are to active measures only).
      const statusIndex = index;
      const planUnit = new Map(inForcePlans.map((p) => [p.id, p.owningUnitId]));
      const objectives = items.filter((item) => linked.has(item.id));
      const objectiveUnit = new Map(objectives.map((item) => [item.id, planUnit.get(item.planId) ?? null]));
      const rolled = rollUpItems(items, links, statusIndex, toRollupOptions(council), objectives);

      const healthUnits = groups.map((group) => {
        const ms = measures.filter((m) => inGroup(group.unitId, m.ownerUnitId));
        const dataAvailable = ms.map((m) => (valueOf.get(m.id)?.value ?? null) !== null);
        const tracking: boolean[] = [];
        for (const m of ms) {
          const period = index.periods.get(m.frequency)!;
          const due = dueDate(period, {
            ...DEFAULT_COLLECTION_RULE,
            workingDaysAfterPeriodEnd: m.dueWorkingDays ?? workingDays,
          });
          const submitted = valueOf.get(m.id)?.submittedAt ?? null;
          // Due ones count; one submitted early counts too (and is on time).
          if (due < today || submitted !== null) tracking.push(submitted !== null && submitted.slice(0, 10) <= due);
        }
        const objectivesOnTarget = rolled
          .filter((view) => inGroup(group.unitId, objectiveUnit.get(view.id) ?? null))
          .filter((view) => view.status === 'red' || view.status === 'amber' || view.status === 'green')
          .map((view) => view.status === 'green');
        const keyTargets = ms
          .filter((m) => m.isKey)
          .map((m) => index.current.get(m.id)?.forecastProbability ?? null)
          .filter((p): p is number => p !== null)
          .map((p) => p >= 0.5);
        const plansAvailable = [...expected.values()]
          .filter((e) => inGroup(group.unitId, e.unitId))
          .map((e) => e.inForce);
        const health = assessFrameworkHealth(
          {
            period: currentReportingPeriod('monthly', today),
            unit: group.name,
            plansAvailable,
            dataAvailable,
            trackingOnTime: tracking,
            objectivesOnTarget,
            targetsProjectedAchieved: keyTargets,
          },
          appetite,
        );
        return { ...health, unitId: group.unitId === '*' ? null : group.unitId };
      });
      return ok({
        asOf: today,
        appetite: { ...DEFAULT_RISK_APPETITE, ...appetite },
        rules: HEALTH_RULES,
        units: healthUnits,
      });
    },
  };
}

export const HEALTH_RULES = [
  {
    id: 'plans-available',
    name: 'Plans available on time',
    rule: 'Each kind of plan a unit had in the current or previous financial year is expected again; it counts as available when an approved version is in force today.',
  },
  {
    id: 'data-available',
    name: 'Data available for monthly tracking',
    rule: 'Active measures with a value entered for their current reporting period, out of all active measures.',
  },
  {
    id: 'tracking-on-time',
    name: 'Tracking completed on time',
    rule: 'Values submitted by their due date, out of those due by today (a value submitted early counts as on time).',
  },
  {
    id: 'objectives-on-target',
    name: 'Plan objectives on target',
    rule: 'Items of approved plans in force that have measures linked to them, whose roll-up is green, out of those with a red, amber or green roll-up.',
  },
  {
    id: 'targets-projected-achieved',
    name: 'Key targets projected to be achieved',
    rule: 'Key measures whose year-end forecast has at least an even chance (50%) of meeting the target, out of key measures with a forecast against a target.',
  },
];

export type PerformanceViewsService = ReturnType<typeof createPerformanceViewsService>;
