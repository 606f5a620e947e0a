/**
 * Read-only queries behind the performance views (dashboard, roll-up, framework health). They
 * read the STORED statuses (measure_statuses); nothing here computes a status. Every query filters
 * by organisation.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { rowsOf } from '../rows.ts';
import {
  itemTypes,
  measureItemLinks,
  measures,
  measureStatuses,
  planItems,
  plans,
  planTypes,
} from '../schema/index.ts';

export interface MeasureSummaryRow {
  id: string;
  code: string;
  title: string;
  frequency: string;
  unit: string;
  decimalPlaces: number;
  polarity: string;
  isKey: boolean;
  ownerUnitId: string | null;
  dueWorkingDays: number | null;
}

/** The stored columns the views read (not the whole row: dashboards read thousands). */
const STATUS_VIEW = {
  measureId: measureStatuses.measureId,
  periodKey: measureStatuses.periodKey,
  value: measureStatuses.value,
  targetValue: measureStatuses.targetValue,
  targetLower: measureStatuses.targetLower,
  targetUpper: measureStatuses.targetUpper,
  rag: measureStatuses.rag,
  ragReason: measureStatuses.ragReason,
  directionPrevious: measureStatuses.directionPrevious,
  spcVariationIcon: measureStatuses.spcVariationIcon,
  spcAssurance: measureStatuses.spcAssurance,
  forecastProbability: measureStatuses.forecastProbability,
};

export interface StoredStatusRow {
  measureId: string;
  periodKey: string;
  value: number | null;
  targetValue: number | null;
  targetLower: number | null;
  targetUpper: number | null;
  rag: string;
  ragReason: string;
  directionPrevious: string | null;
  spcVariationIcon: string | null;
  spcAssurance: string | null;
  forecastProbability: number | null;
}

/** Active measures of the organisation, with what the views need to place and show them. */
export async function listActiveMeasures(db: Db, organisationId: string): Promise<MeasureSummaryRow[]> {
  return db
    .select({
      id: measures.id,
      code: measures.code,
      title: measures.title,
      frequency: measures.frequency,
      unit: measures.unit,
      decimalPlaces: measures.decimalPlaces,
      polarity: measures.polarity,
      isKey: measures.isKey,
      ownerUnitId: measures.ownerUnitId,
      dueWorkingDays: measures.dueWorkingDays,
    })
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.status, 'active')))
    .orderBy(asc(measures.code));
}

/** Measures by id (any status), for roll-ups that name them. */
export async function measuresByIds(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<MeasureSummaryRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: measures.id,
      code: measures.code,
      title: measures.title,
      frequency: measures.frequency,
      unit: measures.unit,
      decimalPlaces: measures.decimalPlaces,
      polarity: measures.polarity,
      isKey: measures.isKey,
      ownerUnitId: measures.ownerUnitId,
      dueWorkingDays: measures.dueWorkingDays,
    })
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), inArray(measures.id, [...ids])));
}

/**
 * Stored statuses (whole measure, not breakdowns) for the given period keys; with measureIds,
 * for those measures only. The caller picks each measure's own current period from them.
 */
export async function statusesForPeriods(
  db: Db,
  organisationId: string,
  periodKeys: readonly string[],
  measureIds?: readonly string[],
): Promise<StoredStatusRow[]> {
  if (periodKeys.length === 0 || (measureIds && measureIds.length === 0)) return [];
  return db
    .select(STATUS_VIEW)
    .from(measureStatuses)
    .where(
      and(
        eq(measureStatuses.organisationId, organisationId),
        inArray(measureStatuses.periodKey, [...periodKeys]),
        isNull(measureStatuses.breakdownId),
        ...(measureIds ? [inArray(measureStatuses.measureId, [...measureIds])] : []),
      ),
    );
}

export interface ItemNodeRow {
  id: string;
  planId: string;
  parentItemId: string | null;
  code: string;
  title: string;
  position: number;
  typeKey: string;
  typeName: string;
}

/** Every item of the given plans, in plan order. */
export async function itemsOfPlans(db: Db, organisationId: string, planIds: readonly string[]): Promise<ItemNodeRow[]> {
  if (planIds.length === 0) return [];
  return db
    .select({
      id: planItems.id,
      planId: planItems.planId,
      parentItemId: planItems.parentItemId,
      code: planItems.code,
      title: planItems.title,
      position: planItems.position,
      typeKey: itemTypes.key,
      typeName: itemTypes.name,
    })
    .from(planItems)
    .innerJoin(itemTypes, eq(itemTypes.id, planItems.itemTypeId))
    .where(and(eq(planItems.organisationId, organisationId), inArray(planItems.planId, [...planIds])))
    .orderBy(asc(planItems.position), asc(planItems.code));
}

/** Measure ↔ item links for the given items. */
export async function measureLinksOfItems(
  db: Db,
  organisationId: string,
  itemIds: readonly string[],
): Promise<{ itemId: string; measureId: string }[]> {
  if (itemIds.length === 0) return [];
  return db
    .select({ itemId: measureItemLinks.itemId, measureId: measureItemLinks.measureId })
    .from(measureItemLinks)
    .innerJoin(measures, eq(measures.id, measureItemLinks.measureId))
    .where(
      and(
        eq(measureItemLinks.organisationId, organisationId),
        inArray(measureItemLinks.itemId, [...itemIds]),
        eq(measures.status, 'active'),
      ),
    );
}

export interface PlanSummaryRow {
  id: string;
  lineageId: string;
  title: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  owningUnitId: string;
  planTypeId: string;
  planTypeKey: string;
  planTypeName: string;
  planTypeLevel: number;
}

/** Plans of the organisation that are not archived, with their type. */
export async function listPlanSummaries(db: Db, organisationId: string): Promise<PlanSummaryRow[]> {
  return db
    .select({
      id: plans.id,
      lineageId: plans.lineageId,
      title: plans.title,
      status: plans.status,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      effectiveFrom: plans.effectiveFrom,
      effectiveTo: plans.effectiveTo,
      owningUnitId: plans.owningUnitId,
      planTypeId: plans.planTypeId,
      planTypeKey: planTypes.key,
      planTypeName: planTypes.name,
      planTypeLevel: planTypes.level,
    })
    .from(plans)
    .innerJoin(planTypes, eq(planTypes.id, plans.planTypeId))
    .where(and(eq(plans.organisationId, organisationId), sql`${plans.status} <> 'archived'`))
    .orderBy(asc(planTypes.level), asc(plans.title));
}

export interface CurrentValueRow {
  measureId: string;
  periodKey: string;
  value: number | null;
  status: string;
  updatedAt: string;
  /** When the value first left draft (submitted or further), from its workflow events. */
  submittedAt: string | null;
}

/**
 * The whole-measure values of the given (measure, period) pairs with when each was first
 * submitted: the first workflow event that moved it out of draft, or, for values written without
 * events (bulk loads), its last update when it is past draft.
 */
export async function currentValues(
  db: Db,
  organisationId: string,
  pairs: readonly { measureId: string; periodKey: string }[],
): Promise<CurrentValueRow[]> {
  if (pairs.length === 0) return [];
  const periodKeys = [...new Set(pairs.map((pair) => pair.periodKey))];
  const wanted = new Set(pairs.map((pair) => `${pair.measureId}|${pair.periodKey}`));
  const rows = rowsOf<{
    measure_id: string;
    period_key: string;
    value: number | null;
    status: string;
    updated_at: string | Date;
    submitted_at: string | Date | null;
  }>(
    await db.execute(sql`
      SELECT v.measure_id, v.period_key, v.value, v.status, v.updated_at,
             coalesce(
               (SELECT min(e.at) FROM measure_value_events e
                 WHERE e.value_id = v.id AND e.organisation_id = v.organisation_id
                   AND e.to_status NOT IN ('draft', 'returned')),
               CASE WHEN v.status NOT IN ('draft', 'returned') THEN v.updated_at END
             ) AS submitted_at
      FROM measure_values v
      WHERE v.organisation_id = ${organisationId}
        AND v.breakdown_id IS NULL
        AND v.period_key IN (${sql.join(
          periodKeys.map((key) => sql`${key}`),
          sql`, `,
        )})`),
  );
  const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());
  return rows
    .filter((row) => wanted.has(`${row.measure_id}|${row.period_key}`))
    .map((row) => ({
      measureId: row.measure_id,
      periodKey: row.period_key,
      value: row.value === null ? null : Number(row.value),
      status: row.status,
      updatedAt: iso(row.updated_at),
      submittedAt: row.submitted_at === null ? null : iso(row.submitted_at),
    }));
}

/** Measures a partner may see: those linked to an item shared with the partnership. */
export async function measureIdsSharedWithPartner(
  db: Db,
  organisationId: string,
  partnerId: string,
): Promise<Set<string>> {
  const rows = rowsOf<{ measure_id: string }>(
    await db.execute(sql`
      SELECT DISTINCT l.measure_id FROM measure_item_links l
      JOIN plan_item_partners p ON p.item_id = l.item_id
      WHERE l.organisation_id = ${organisationId} AND p.partner_id = ${partnerId}`),
  );
  return new Set(rows.map((row) => row.measure_id));
}
