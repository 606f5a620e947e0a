import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { rowsOf } from '../../../platform/db/rows.ts';
import { people, units } from '../../organisation/index.ts';
import { planEvents, plans } from './plans.schema.ts';
import type { PlanStatus } from '../domain/lifecycle.ts';
import { planTypes } from '../../framework/index.ts';

export type PlanRow = typeof plans.$inferSelect;
export type PlanEventRow = typeof planEvents.$inferSelect;

/** Statuses (contract 3): draft | submitted | in-approval | approved | superseded | archived. */
export async function findPlan(db: Db, organisationId: string, planId: string): Promise<PlanRow | undefined> {
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.id, planId)));
  return rows[0];
}

/** The plan row locked for the rest of the transaction, so concurrent lifecycle steps queue up. */
export async function lockPlan(db: Db, organisationId: string, planId: string): Promise<PlanRow | undefined> {
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.id, planId)))
    .for('update');
  return rows[0];
}

export interface PlanListFilters {
  planTypeId?: string | undefined;
  owningUnitId?: string | undefined;
  status?: PlanStatus | undefined;
  /** The period overlaps these dates. */
  overlaps?: { start: string; end: string } | undefined;
  /** Only plans holding an item shared with this partner. */
  partnerId?: string | undefined;
  ids?: string[] | undefined;
}

export interface PlanListRow {
  id: string;
  lineageId: string;
  version: number;
  versionKind: string;
  title: string;
  planTypeId: string;
  planTypeName: string;
  planTypeLevel: number;
  owningUnitId: string;
  owningUnitName: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  parentPlanId: string | null;
  periodStart: string;
  periodEnd: string;
  status: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  approvedAt: Date | null;
}

/** A plan holds at least one item naming the partner. */
export function sharedWithPartner(partnerId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM plan_items pi JOIN plan_item_partners pip ON pip.item_id = pi.id
    WHERE pi.plan_id = ${plans.id} AND pip.partner_id = ${partnerId})`;
}

export async function listPlans(db: Db, organisationId: string, filters: PlanListFilters = {}): Promise<PlanListRow[]> {
  const conditions: SQL[] = [eq(plans.organisationId, organisationId)];
  if (filters.planTypeId) conditions.push(eq(plans.planTypeId, filters.planTypeId));
  if (filters.owningUnitId) conditions.push(eq(plans.owningUnitId, filters.owningUnitId));
  if (filters.status) conditions.push(eq(plans.status, filters.status));
  if (filters.overlaps) {
    conditions.push(sql`${plans.periodStart} <= ${filters.overlaps.end}`);
    conditions.push(sql`${plans.periodEnd} >= ${filters.overlaps.start}`);
  }
  if (filters.partnerId) conditions.push(sharedWithPartner(filters.partnerId));
  if (filters.ids) {
    if (filters.ids.length === 0) return [];
    conditions.push(inArray(plans.id, filters.ids));
  }
  return db
    .select({
      id: plans.id,
      lineageId: plans.lineageId,
      version: plans.version,
      versionKind: plans.versionKind,
      title: plans.title,
      planTypeId: plans.planTypeId,
      planTypeName: planTypes.name,
      planTypeLevel: planTypes.level,
      owningUnitId: plans.owningUnitId,
      owningUnitName: units.name,
      ownerPersonId: plans.ownerPersonId,
      ownerName: people.name,
      parentPlanId: plans.parentPlanId,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      status: plans.status,
      effectiveFrom: plans.effectiveFrom,
      effectiveTo: plans.effectiveTo,
      approvedAt: plans.approvedAt,
    })
    .from(plans)
    .innerJoin(planTypes, eq(planTypes.id, plans.planTypeId))
    .innerJoin(units, eq(units.id, plans.owningUnitId))
    .leftJoin(people, eq(people.id, plans.ownerPersonId))
    .where(and(...conditions))
    .orderBy(asc(planTypes.level), asc(plans.title), desc(plans.version));
}

/** Whether the plan holds an item shared with the partner. */
export async function isSharedWithPartner(
  db: Db,
  organisationId: string,
  planId: string,
  partnerId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.id, planId), sharedWithPartner(partnerId)));
  return rows.length > 0;
}

/** Every version of a plan, oldest first. */
export async function listVersions(db: Db, organisationId: string, lineageId: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.lineageId, lineageId)))
    .orderBy(asc(plans.version));
}

/** The distinct financial years (by first year) the organisation's plans cover, for the filter. */
export async function periodBounds(db: Db, organisationId: string): Promise<{ first: string; last: string } | null> {
  const result = await db.execute<{ first: string | null; last: string | null }>(sql`
    SELECT min(period_start)::text AS first, max(period_end)::text AS last FROM plans WHERE organisation_id = ${organisationId}`);
  const row = rowsOf<{ first: string | null; last: string | null }>(result)[0];
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

export async function insertPlan(db: Db, values: typeof plans.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(plans).values(values).returning();
  if (!row) throw new Error('insert into plans returned no row');
  return row;
}

/**
 * Writes the change only if the row is still at the version the writer read: a stale writer
 * gets undefined (a conflict), never a silent overwrite. Every write bumps row_version.
 */
export async function updatePlan(
  db: Db,
  organisationId: string,
  id: string,
  expectedRowVersion: number,
  values: Partial<Omit<typeof plans.$inferInsert, 'id' | 'organisationId' | 'rowVersion'>>,
): Promise<PlanRow | undefined> {
  const [row] = await db
    .update(plans)
    .set({ ...values, rowVersion: sql`${plans.rowVersion} + 1`, updatedAt: sql`now()` })
    .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id), eq(plans.rowVersion, expectedRowVersion)))
    .returning();
  return row;
}

export async function insertEvent(db: Db, values: typeof planEvents.$inferInsert): Promise<PlanEventRow> {
  const [row] = await db.insert(planEvents).values(values).returning();
  if (!row) throw new Error('insert into plan_events returned no row');
  return row;
}

/**
 * Events written in the same transaction share a timestamp; this keeps them in the order the
 * lifecycle takes them (a version is created before it is changed, submitted, approved...).
 */
const EVENT_ORDER = sql`CASE ${planEvents.action}
  WHEN 'created' THEN 0 WHEN 'amendment-started' THEN 0 WHEN 'roll-forward-started' THEN 0
  WHEN 'edited' THEN 1 WHEN 'submitted' THEN 2 WHEN 'returned' THEN 3 WHEN 'step-approved' THEN 4
  WHEN 'approved' THEN 5 WHEN 'amended' THEN 6 WHEN 'rolled-forward' THEN 6 WHEN 'superseded' THEN 7
  ELSE 8 END`;

export interface PlanEventView extends PlanEventRow {
  actorName: string | null;
}

/** A plan's events, oldest first, with who took each step. */
export async function listEvents(db: Db, organisationId: string, planIds: string[]): Promise<PlanEventView[]> {
  if (planIds.length === 0) return [];
  const rows = await db
    .select({ event: planEvents, actorName: people.name })
    .from(planEvents)
    .leftJoin(people, eq(people.id, planEvents.actorPersonId))
    .where(and(eq(planEvents.organisationId, organisationId), inArray(planEvents.planId, planIds)))
    .orderBy(asc(planEvents.at), EVENT_ORDER, asc(planEvents.stepPosition), asc(planEvents.id));
  return rows.map((row) => ({ ...row.event, actorName: row.actorName }));
}

/** Versions of the lineage not yet approved (draft, submitted, in approval). */
export async function openVersions(db: Db, organisationId: string, lineageId: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.organisationId, organisationId),
        eq(plans.lineageId, lineageId),
        inArray(plans.status, ['draft', 'submitted', 'in-approval']),
      ),
    );
}

/** Is the person a member of the governance body (of this organisation)? */
export async function isBodyMember(db: Db, organisationId: string, bodyId: string, personId: string): Promise<boolean> {
  const result = await db.execute<{ one: number }>(sql`
    SELECT 1 AS one FROM governance_body_members m JOIN governance_bodies b ON b.id = m.body_id
    WHERE b.organisation_id = ${organisationId} AND m.body_id = ${bodyId} AND m.person_id = ${personId}`);
  return rowsOf(result).length > 0;
}

/** The chain of parent plans above a plan (nearest first), to refuse a plan sitting under itself. */
export async function parentChain(db: Db, organisationId: string, planId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE chain(id, parent_plan_id, depth) AS (
      SELECT id, parent_plan_id, 0 FROM plans WHERE id = ${planId} AND organisation_id = ${organisationId}
      UNION ALL
      SELECT p.id, p.parent_plan_id, c.depth + 1 FROM plans p JOIN chain c ON p.id = c.parent_plan_id
      WHERE c.depth < 100 AND p.organisation_id = ${organisationId}
    )
    SELECT id FROM chain ORDER BY depth`);
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}
