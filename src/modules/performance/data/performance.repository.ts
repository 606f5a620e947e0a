/**
 * Read-only queries behind the performance views (dashboard, roll-up, framework health). They
 * read the STORED statuses (measure_statuses); nothing here computes a status. Every query filters
 * by organisation.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { rowsOf, textArray } from '../../../platform/db/rows.ts';
import { itemTypes, planTypes } from '../../framework/index.ts';
import { planItems, plans } from '../../plans/index.ts';
import { collectionRules } from '../../measures/index.ts';

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

/**
 * Measures (every active one, or the given ids of any status) each with its stored status for
 * the current period of its own frequency, in one query. `currentKeys` maps a frequency to the
 * key of its current period; a measure whose frequency is not in it gets no status.
 */
export async function measuresWithCurrentStatus(
  db: Db,
  organisationId: string,
  currentKeys: ReadonlyMap<string, string>,
  options: { measureIds?: readonly string[] | undefined; lean?: boolean | undefined } = {},
): Promise<{ measure: MeasureSummaryRow; status: StoredStatusRow | null }[]> {
  const { measureIds, lean = false } = options;
  if (measureIds && measureIds.length === 0) return [];
  // Lean: what counting and ranking need; the words (title, reason) and icons come back empty.
  const words = lean
    ? sql`'' AS title, '' AS "ragReason", NULL AS "directionPrevious", NULL AS "spcVariationIcon",
          NULL AS "spcAssurance", NULL::float8 AS "forecastProbability"`
    : sql`m.title, s.rag_reason AS "ragReason", s.direction_previous AS "directionPrevious",
          s.spc_variation_icon AS "spcVariationIcon", s.spc_assurance AS "spcAssurance",
          s.forecast_probability AS "forecastProbability"`;
  const keyOf = sql.join(
    [...currentKeys].map(([frequency, key]) => sql`WHEN ${frequency} THEN ${key}`),
    sql` `,
  );
  const rows = rowsOf<
    MeasureSummaryRow & Omit<StoredStatusRow, 'measureId' | 'periodKey'> & { periodKey: string | null }
  >(
    await db.execute(sql`
      SELECT m.id, m.code, m.frequency, m.unit, m.decimal_places AS "decimalPlaces", m.polarity,
             m.is_key AS "isKey", m.owner_unit_id AS "ownerUnitId", m.due_working_days AS "dueWorkingDays",
             s.period_key AS "periodKey", s.value, s.target_value AS "targetValue",
             s.target_lower AS "targetLower", s.target_upper AS "targetUpper", s.rag, ${words}
      FROM measures m
      LEFT JOIN measure_statuses s
        ON s.measure_id = m.id AND s.organisation_id = m.organisation_id AND s.breakdown_id IS NULL
       AND s.period_key = ${currentKeys.size ? sql`CASE m.frequency ${keyOf} END` : sql`NULL`}
      WHERE m.organisation_id = ${organisationId}
        AND ${measureIds ? sql`m.id = ANY(${textArray(measureIds)}::uuid[])` : sql`m.status = 'active'`}`),
  );
  return rows.map((row) => ({
    measure: {
      id: row.id,
      code: row.code,
      title: row.title,
      frequency: row.frequency,
      unit: row.unit,
      decimalPlaces: row.decimalPlaces,
      polarity: row.polarity,
      isKey: row.isKey,
      ownerUnitId: row.ownerUnitId,
      dueWorkingDays: row.dueWorkingDays,
    },
    status:
      row.periodKey === null
        ? null
        : {
            measureId: row.id,
            periodKey: row.periodKey,
            value: row.value,
            targetValue: row.targetValue,
            targetLower: row.targetLower,
            targetUpper: row.targetUpper,
            rag: row.rag,
            ragReason: row.ragReason,
            directionPrevious: row.directionPrevious,
            spcVariationIcon: row.spcVariationIcon,
            spcAssurance: row.spcAssurance,
            forecastProbability: row.forecastProbability,
          },
  }));
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

/** Measure ↔ item links for the given items (active measures only). */
export async function measureLinksOfItems(
  db: Db,
  organisationId: string,
  itemIds: readonly string[],
): Promise<{ itemId: string; measureId: string }[]> {
  if (itemIds.length === 0) return [];
  return rowsOf<{ itemId: string; measureId: string }>(
    await db.execute(sql`
      SELECT l.item_id AS "itemId", l.measure_id AS "measureId"
      FROM measure_item_links l
      JOIN measures m ON m.id = l.measure_id AND m.organisation_id = l.organisation_id
      WHERE l.organisation_id = ${organisationId} AND l.item_id = ANY(${textArray(itemIds)}::uuid[])
        AND m.status = 'active'`),
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
  /** When the value was first entered (its row created). */
  enteredAt: string;
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
    created_at: string | Date;
    submitted_at: string | Date | null;
  }>(
    await db.execute(sql`
      SELECT v.measure_id, v.period_key, v.value, v.status, v.updated_at, v.created_at,
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
      enteredAt: iso(row.created_at),
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

/** The council's working days after a period ends before a value is due, when it has set them. */
export async function collectionDueWorkingDays(db: Db, organisationId: string): Promise<number | null> {
  const [rule] = await db
    .select({ workingDays: collectionRules.workingDaysAfterPeriodEnd })
    .from(collectionRules)
    .where(eq(collectionRules.organisationId, organisationId));
  return rule?.workingDays ?? null;
}
