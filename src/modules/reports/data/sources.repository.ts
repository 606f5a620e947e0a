/**
 * What a report reads of the modules before it, through the tables their index.ts publishes:
 * measures with their STORED statuses (never recomputed here), commentary, remedial actions,
 * improvement plans with their panel decisions, actions' stated statuses, and strategic risks.
 * Only reads; every query is scoped to the organisation.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { actionMeasureLinks, actions, actionUpdates } from '../../actions/index.ts';
import { improvementPlanDecisions, improvementPlans } from '../../improvement-plans/index.ts';
import { measureItemLinks, measures, measureStatuses, measureValues } from '../../measures/index.ts';
import { partners, people, portfolioUnits, unitDescendants } from '../../organisation/index.ts';
import { planItemPartners, planItems, plans } from '../../plans/index.ts';
import {
  DEFAULT_MATRIX,
  riskAssessments,
  riskMatrices,
  riskRegisters,
  risks,
  type Matrix,
  type MatrixSize,
} from '../../risks/index.ts';
import type { StoredStatus } from '../domain/report-data.ts';

/** The units a scope covers (each with everything below it); null for the whole council. */
export async function scopeUnits(
  db: Db,
  organisationId: string,
  scope: { kind: string; id: string | null },
): Promise<Set<string> | null> {
  if (scope.kind === 'council' || scope.id === null) return null;
  const roots =
    scope.kind === 'directorate'
      ? [scope.id]
      : (
          await db
            .select({ unitId: portfolioUnits.unitId })
            .from(portfolioUnits)
            .where(eq(portfolioUnits.portfolioId, scope.id))
        ).map((row) => row.unitId);
  const all = new Set<string>();
  for (const root of roots) for (const id of await unitDescendants(db, organisationId, root)) all.add(id);
  return all;
}

export interface MeasureRow {
  id: string;
  code: string;
  title: string;
  unit: string;
  decimalPlaces: number;
  polarity: string;
  frequency: string;
  isKey: boolean;
  measureType: string;
  ownerUnitId: string | null;
  ownerName: string | null;
}

export async function activeMeasures(
  db: Db,
  organisationId: string,
  unitIds: Set<string> | null,
): Promise<MeasureRow[]> {
  const rows = await db
    .select({
      id: measures.id,
      code: measures.code,
      title: measures.title,
      unit: measures.unit,
      decimalPlaces: measures.decimalPlaces,
      polarity: measures.polarity,
      frequency: measures.frequency,
      isKey: measures.isKey,
      measureType: measures.measureType,
      ownerUnitId: measures.ownerUnitId,
      ownerName: people.name,
    })
    .from(measures)
    .leftJoin(people, eq(people.id, measures.ownerPersonId))
    .where(and(eq(measures.organisationId, organisationId), eq(measures.status, 'active')))
    .orderBy(asc(measures.code));
  return unitIds === null ? rows : rows.filter((row) => row.ownerUnitId !== null && unitIds.has(row.ownerUnitId));
}

/** Stored statuses (whole measure, no breakdown) for the given measures and periods, keyed `measureId|periodKey`. */
export async function storedStatuses(
  db: Db,
  organisationId: string,
  measureIds: readonly string[],
  periodKeys: readonly string[],
): Promise<Map<string, StoredStatus>> {
  if (measureIds.length === 0 || periodKeys.length === 0) return new Map();
  const rows = await db
    .select({
      measureId: measureStatuses.measureId,
      periodKey: measureStatuses.periodKey,
      rag: measureStatuses.rag,
      value: measureStatuses.value,
      targetValue: measureStatuses.targetValue,
      targetLower: measureStatuses.targetLower,
      targetUpper: measureStatuses.targetUpper,
      directionPrevious: measureStatuses.directionPrevious,
      directionLastYear: measureStatuses.directionLastYear,
      spcLatestType: measureStatuses.spcLatestType,
      spcVariationIcon: measureStatuses.spcVariationIcon,
      forecastProbability: measureStatuses.forecastProbability,
    })
    .from(measureStatuses)
    .where(
      and(
        eq(measureStatuses.organisationId, organisationId),
        isNull(measureStatuses.breakdownId),
        inArray(measureStatuses.measureId, [...measureIds]),
        inArray(measureStatuses.periodKey, [...periodKeys]),
      ),
    );
  return new Map(rows.map(({ measureId, ...status }) => [`${measureId}|${status.periodKey}`, status as StoredStatus]));
}

/** The commentary given with each measure's figure for a period, keyed `measureId|periodKey`. */
export async function commentaryFor(
  db: Db,
  organisationId: string,
  measureIds: readonly string[],
  periodKeys: readonly string[],
): Promise<Map<string, string>> {
  if (measureIds.length === 0 || periodKeys.length === 0) return new Map();
  const rows = await db
    .select({
      measureId: measureValues.measureId,
      periodKey: measureValues.periodKey,
      commentary: measureValues.commentary,
    })
    .from(measureValues)
    .where(
      and(
        eq(measureValues.organisationId, organisationId),
        isNull(measureValues.breakdownId),
        inArray(measureValues.measureId, [...measureIds]),
        inArray(measureValues.periodKey, [...periodKeys]),
      ),
    );
  return new Map(rows.map((row) => [`${row.measureId}|${row.periodKey}`, row.commentary]));
}

/** The first plan item each measure is linked to (its priority in the report), by title. */
export async function priorityOf(
  db: Db,
  organisationId: string,
  measureIds: readonly string[],
): Promise<Map<string, string>> {
  if (measureIds.length === 0) return new Map();
  const rows = await db
    .select({ measureId: measureItemLinks.measureId, title: planItems.title })
    .from(measureItemLinks)
    .innerJoin(planItems, eq(planItems.id, measureItemLinks.itemId))
    .where(
      and(eq(measureItemLinks.organisationId, organisationId), inArray(measureItemLinks.measureId, [...measureIds])),
    )
    .orderBy(asc(planItems.code));
  const first = new Map<string, string>();
  for (const row of rows) if (!first.has(row.measureId)) first.set(row.measureId, row.title);
  return first;
}

/** Open actions linked to the measures: the remedial actions an exception names. */
export async function remedialActions(db: Db, organisationId: string, measureIds: readonly string[]) {
  if (measureIds.length === 0) return [];
  return db
    .select({
      measureId: actionMeasureLinks.measureId,
      id: actions.id,
      code: actions.code,
      title: actions.title,
      ownerName: people.name,
      dueDate: sql<string | null>`coalesce(${actions.revisedDueDate}, ${actions.originalDueDate})`,
    })
    .from(actionMeasureLinks)
    .innerJoin(actions, eq(actions.id, actionMeasureLinks.actionId))
    .leftJoin(people, eq(people.id, actions.ownerPersonId))
    .where(
      and(
        eq(actionMeasureLinks.organisationId, organisationId),
        inArray(actionMeasureLinks.measureId, [...measureIds]),
        isNull(actions.closedStatus),
      ),
    )
    .orderBy(asc(actions.code));
}

/**
 * Open actions in the report's scope with the status stated in their latest update on or before
 * each date. An action belongs where its plan does: the plan's owning unit places it in a
 * directorate or portfolio (unitIds null: the whole council).
 */
export async function actionStatuses(
  db: Db,
  organisationId: string,
  unitIds: Set<string> | null,
  on: string,
  before: string,
) {
  const rows = await db
    .select({
      id: actions.id,
      code: actions.code,
      title: actions.title,
      ownerName: people.name,
      dueDate: sql<string>`coalesce(${actions.revisedDueDate}, ${actions.originalDueDate})`,
      owningUnitId: plans.owningUnitId,
    })
    .from(actions)
    .innerJoin(plans, eq(plans.id, actions.planId))
    .leftJoin(people, eq(people.id, actions.ownerPersonId))
    .where(and(eq(actions.organisationId, organisationId), isNull(actions.closedStatus)))
    .orderBy(asc(actions.code));
  const open = rows
    .filter((row) => unitIds === null || unitIds.has(row.owningUnitId))
    .map(({ owningUnitId: _unit, ...action }) => action);
  if (open.length === 0) return [];
  const updates = await db
    .select({ actionId: actionUpdates.actionId, asOf: actionUpdates.asOf, status: actionUpdates.status })
    .from(actionUpdates)
    .where(and(eq(actionUpdates.organisationId, organisationId), lte(actionUpdates.asOf, on)))
    .orderBy(asc(actionUpdates.asOf), asc(actionUpdates.at));
  const latestOn = (actionId: string, date: string) =>
    updates.filter((u) => u.actionId === actionId && u.asOf <= date).at(-1)?.status ?? null;
  return open.map((action) => ({ ...action, now: latestOn(action.id, on), before: latestOn(action.id, before) }));
}

/** Improvement plans still open (or closed within the period) for the measures, with their panel decisions. */
export async function improvementPlansFor(db: Db, organisationId: string, measureIds: readonly string[]) {
  if (measureIds.length === 0) return [];
  const plans = await db
    .select({
      id: improvementPlans.id,
      measureId: improvementPlans.measureId,
      status: improvementPlans.status,
      ownerName: people.name,
      dueDate: improvementPlans.dueDate,
    })
    .from(improvementPlans)
    .leftJoin(people, eq(people.id, improvementPlans.ownerPersonId))
    .where(
      and(
        eq(improvementPlans.organisationId, organisationId),
        inArray(improvementPlans.measureId, [...measureIds]),
        sql`${improvementPlans.status} <> 'withdrawn'`,
      ),
    );
  if (plans.length === 0) return [];
  const decisions = await db
    .select({
      planId: improvementPlanDecisions.planId,
      outcome: improvementPlanDecisions.outcome,
      meetingDate: improvementPlanDecisions.meetingDate,
      minuteReference: improvementPlanDecisions.minuteReference,
    })
    .from(improvementPlanDecisions)
    .where(
      and(
        eq(improvementPlanDecisions.organisationId, organisationId),
        inArray(
          improvementPlanDecisions.planId,
          plans.map((plan) => plan.id),
        ),
      ),
    )
    .orderBy(asc(improvementPlanDecisions.meetingDate));
  return plans.map((plan) => ({ ...plan, decisions: decisions.filter((d) => d.planId === plan.id) }));
}

/** Open risks on the strategic registers, with the latest assessment on or before each date. */
export async function strategicRisks(db: Db, organisationId: string, on: string, before: string) {
  const open = await db
    .select({
      id: risks.id,
      reference: risks.reference,
      title: risks.title,
      category: risks.category,
      ownerName: people.name,
    })
    .from(risks)
    .innerJoin(riskRegisters, eq(riskRegisters.id, risks.registerId))
    .leftJoin(people, eq(people.id, risks.ownerPersonId))
    .where(
      and(eq(risks.organisationId, organisationId), eq(riskRegisters.level, 'strategic'), eq(risks.status, 'open')),
    )
    .orderBy(asc(risks.reference));
  if (open.length === 0) return [];
  const assessments = await db
    .select({
      riskId: riskAssessments.riskId,
      likelihood: riskAssessments.currentLikelihood,
      impact: riskAssessments.currentImpact,
      assessedOn: riskAssessments.assessedOn,
    })
    .from(riskAssessments)
    .where(
      and(
        eq(riskAssessments.organisationId, organisationId),
        inArray(
          riskAssessments.riskId,
          open.map((risk) => risk.id),
        ),
        lte(riskAssessments.assessedOn, on),
      ),
    )
    .orderBy(desc(riskAssessments.assessedOn), desc(riskAssessments.assessedAt));
  const latestOn = (riskId: string, date: string) =>
    assessments.find((a) => a.riskId === riskId && a.assessedOn <= date);
  return open.map((risk) => ({ ...risk, now: latestOn(risk.id, on), before: latestOn(risk.id, before) }));
}

/** The council's current risk matrix (the default until it sets its own). */
export async function currentRiskMatrix(db: Db, organisationId: string): Promise<Matrix> {
  const [row] = await db
    .select()
    .from(riskMatrices)
    .where(eq(riskMatrices.organisationId, organisationId))
    .orderBy(desc(riskMatrices.version))
    .limit(1);
  return row
    ? { size: row.size as MatrixSize, likelihood: row.likelihood, impact: row.impact, bands: row.bands }
    : DEFAULT_MATRIX;
}

/**
 * The priorities the council delivers through partnership: items of approved plans covering the
 * date, in scope by the plan's owning unit, marked as delivered through partnership or naming a
 * partner, each with its partners' names and the measures linked to it.
 */
export async function partnershipItems(db: Db, organisationId: string, unitIds: Set<string> | null, on: string) {
  const partnerOf = db
    .select({ itemId: planItemPartners.itemId })
    .from(planItemPartners)
    .where(eq(planItemPartners.itemId, planItems.id));
  const rows = await db
    .select({ id: planItems.id, code: planItems.code, title: planItems.title, owningUnitId: plans.owningUnitId })
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(
      and(
        eq(planItems.organisationId, organisationId),
        eq(plans.organisationId, organisationId),
        eq(plans.status, 'approved'),
        lte(plans.periodStart, on),
        gte(plans.periodEnd, on),
        or(eq(planItems.throughPartnership, true), sql`exists (${partnerOf})`),
      ),
    )
    .orderBy(asc(planItems.code));
  const items = rows.filter((row) => unitIds === null || unitIds.has(row.owningUnitId));
  if (items.length === 0) return [];
  const ids = items.map((item) => item.id);
  const [named, links] = await Promise.all([
    db
      .select({ itemId: planItemPartners.itemId, name: partners.name })
      .from(planItemPartners)
      .innerJoin(partners, eq(partners.id, planItemPartners.partnerId))
      .where(and(eq(partners.organisationId, organisationId), inArray(planItemPartners.itemId, ids)))
      .orderBy(asc(partners.name)),
    db
      .select({ itemId: measureItemLinks.itemId, measureId: measureItemLinks.measureId })
      .from(measureItemLinks)
      .where(and(eq(measureItemLinks.organisationId, organisationId), inArray(measureItemLinks.itemId, ids))),
  ]);
  return items.map(({ owningUnitId: _unit, ...item }) => ({
    ...item,
    partners: named.filter((n) => n.itemId === item.id).map((n) => n.name),
    measureIds: links.filter((l) => l.itemId === item.id).map((l) => l.measureId),
  }));
}
