/**
 * Gathers everything a report for a definition and a period says, from the stored figures: each
 * measure in scope with its status for the period of its own frequency that holds the report's
 * period end, the period before and the same period last year; commentary; remedial actions;
 * actions' stated statuses at both period ends; improvement plans; strategic risks and their heat
 * map. Reads only; recomputes nothing.
 */
import {
  type Frequency,
  isValidPeriodForFrequency,
  type Period,
  periodContaining,
  periodEnd,
  periodKey,
  periodLabel,
  previousPeriod,
  samePeriodLastYear,
} from '../../kernel/measurement/index.ts';
import type { Result } from '../../kernel/result.ts';
import { ok } from '../../kernel/result.ts';
import type { Db } from '../../platform/db/db.ts';
import { refuse } from '../../platform/services/errors.ts';
import { fill, words } from '../../platform/words/index.ts';
import { bandOf, heatMapOf, scoreOf, type HeatMap } from '../risks/index.ts';
import * as sources from './data/sources.repository.ts';
import type { DefinitionRow } from './data/reports.repository.ts';
import { CADENCE_FREQUENCY } from './domain/definitions.ts';
import type {
  ReportAction,
  ReportImprovementPlan,
  ReportMeasure,
  ReportPartnershipItem,
  ReportProject,
  ReportRisk,
} from './domain/report-data.ts';
import { projectsOffTrack } from './data/projects-source.repository.ts';

export interface ReportData {
  period: { key: string; label: string; end: string; previousLabel: string; previousEnd: string };
  measures: ReportMeasure[];
  actions: ReportAction[];
  /** Open projects in scope off track at the period's end. */
  projects: ReportProject[];
  improvementPlans: ReportImprovementPlan[];
  partnershipItems: ReportPartnershipItem[];
  risks: ReportRisk[];
  heatMap: HeatMap | null;
}

const EXAMPLE: Record<Frequency, string> = {
  monthly: '2025-26-M06',
  quarterly: '2025-26-Q2',
  'half-yearly': '2025-26-H1',
  annual: '2025-26',
};

/** The definition's period for a key, or a refusal naming the problem. */
export function reportPeriod(definition: Pick<DefinitionRow, 'cadence'>, key: string): Result<Period> {
  const frequency = CADENCE_FREQUENCY[definition.cadence];
  const parsed = isValidPeriodForFrequency(key, frequency);
  if (parsed.ok) return parsed;
  return refuse(
    'invalid',
    fill(words.reports.errors.periodKey, {
      period: key,
      cadence: words.reports.cadence[definition.cadence].toLowerCase(),
      example: EXAMPLE[frequency],
    }),
    'period',
  );
}

export async function gatherReport(
  db: Db,
  organisationId: string,
  definition: DefinitionRow,
  period: Period,
): Promise<Result<ReportData>> {
  const end = periodEnd(period);
  const previous = previousPeriod(period);
  const previousEnd = periodEnd(previous);
  const units = await sources.scopeUnits(db, organisationId, { kind: definition.scopeKind, id: definition.scopeId });
  const measureRows = await sources.activeMeasures(db, organisationId, units);
  const ids = measureRows.map((m) => m.id);
  const periodsOf = new Map(
    measureRows.map((m) => {
      const own = periodContaining(end, m.frequency as Frequency);
      return [
        m.id,
        { own, before: periodContaining(previousEnd, m.frequency as Frequency), lastYear: samePeriodLastYear(own) },
      ];
    }),
  );
  const keys = new Set<string>();
  for (const p of periodsOf.values()) for (const each of [p.own, p.before, p.lastYear]) keys.add(periodKey(each));
  const ownKeys = [...new Set([...periodsOf.values()].map((p) => periodKey(p.own)))];
  const wants = (section: string) => definition.sections.includes(section as never);
  const [statuses, commentary, priorities, remedial, plans, actionRows, projectRows, riskRows, matrix, partnered] =
    await Promise.all([
      sources.storedStatuses(db, organisationId, ids, [...keys]),
      sources.commentaryFor(db, organisationId, ids, ownKeys),
      sources.priorityOf(db, organisationId, ids),
      sources.remedialActions(db, organisationId, ids),
      wants('improvement-plans') ? sources.improvementPlansFor(db, organisationId, ids) : Promise.resolve([]),
      wants('actions') || wants('what-changed')
        ? sources.actionStatuses(db, organisationId, units, end, previousEnd)
        : Promise.resolve([]),
      wants('actions') ? projectsOffTrack(db, organisationId, units, end) : Promise.resolve([]),
      wants('risks') || wants('what-changed')
        ? sources.strategicRisks(db, organisationId, end, previousEnd)
        : Promise.resolve([]),
      wants('risks') ? sources.currentRiskMatrix(db, organisationId) : Promise.resolve(null),
      wants('partnerships') ? sources.partnershipItems(db, organisationId, units, end) : Promise.resolve([]),
    ]);
  const measures: ReportMeasure[] = measureRows.map((m) => {
    const p = periodsOf.get(m.id)!;
    const at = (each: Period) => statuses.get(`${m.id}|${periodKey(each)}`) ?? null;
    const now = at(p.own);
    return {
      id: m.id,
      code: m.code,
      title: m.title,
      unit: m.unit,
      decimalPlaces: m.decimalPlaces,
      polarity: m.polarity,
      isKey: m.isKey,
      measureType: m.measureType,
      ownerName: m.ownerName,
      priority: priorities.get(m.id) ?? null,
      periodKey: periodKey(p.own),
      periodLabel: periodLabel(p.own),
      now,
      lastPeriod: at(p.before),
      lastYear: at(p.lastYear),
      commentary: commentary.get(`${m.id}|${periodKey(p.own)}`) ?? '',
      remedialActions: remedial
        .filter((a) => a.measureId === m.id)
        .map(({ measureId: _measureId, ...action }) => action),
    };
  });
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const score = (a: { likelihood: number; impact: number } | undefined) => (a ? scoreOf(a) : null);
  const risks: ReportRisk[] = riskRows
    .filter((r) => r.now !== undefined)
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      ownerName: r.ownerName,
      score: score(r.now)!,
      band: matrix ? bandOf(matrix, score(r.now)!).label : '',
      previousScore: score(r.before),
    }));
  return ok({
    period: {
      key: periodKey(period),
      label: periodLabel(period),
      end,
      previousLabel: periodLabel(previous),
      previousEnd,
    },
    measures,
    actions: actionRows,
    projects: projectRows,
    improvementPlans: plans.map((plan) => ({
      id: plan.id,
      measureCode: measureById.get(plan.measureId)?.code ?? '',
      measureTitle: measureById.get(plan.measureId)?.title ?? '',
      status: plan.status,
      ownerName: plan.ownerName,
      dueDate: plan.dueDate,
      decisions: plan.decisions,
    })),
    partnershipItems: partnered,
    risks,
    heatMap: matrix
      ? heatMapOf(
          matrix,
          riskRows.flatMap((r) => (r.now ? [r.now] : [])),
        )
      : null,
  });
}
