/**
 * The improvement plans' SQL. Every query filters by organisation, so another council's ids are
 * simply not found.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { governanceBodies, governanceBodyMembers, people, units } from '../../organisation/index.ts';
import { measures } from '../../measures/index.ts';
import { DEFAULT_TRIGGER_RULE, TRIGGERS, type Trigger } from '../domain/trigger.ts';
import { OPEN_STATUSES } from '../domain/lifecycle.ts';
import {
  improvementPlanDecisions,
  improvementPlanEvents,
  improvementPlanRequests,
  improvementPlans,
  improvementPlanSettings,
} from './improvement-plans.schema.ts';

export type PlanRow = typeof improvementPlans.$inferSelect;
export type PlanInsert = typeof improvementPlans.$inferInsert;
export type EventRow = typeof improvementPlanEvents.$inferSelect;
export type RequestRow = typeof improvementPlanRequests.$inferSelect;

export interface Settings {
  panelBodyId: string | null;
  consecutivePeriods: number;
  triggers: Trigger[];
  isDefault: boolean;
}

const isTrigger = (value: string): value is Trigger => (TRIGGERS as readonly string[]).includes(value);

export async function loadSettings(db: Db, organisationId: string): Promise<Settings> {
  const [row] = await db
    .select()
    .from(improvementPlanSettings)
    .where(eq(improvementPlanSettings.organisationId, organisationId));
  if (!row)
    return {
      panelBodyId: null,
      ...DEFAULT_TRIGGER_RULE,
      triggers: [...DEFAULT_TRIGGER_RULE.triggers],
      isDefault: true,
    };
  return {
    panelBodyId: row.panelBodyId,
    consecutivePeriods: row.consecutivePeriods,
    triggers: row.triggers.filter(isTrigger),
    isDefault: false,
  };
}

export async function saveSettings(
  db: Db,
  organisationId: string,
  settings: { panelBodyId: string | null; consecutivePeriods: number; triggers: Trigger[] },
): Promise<void> {
  await db
    .insert(improvementPlanSettings)
    .values({ organisationId, ...settings })
    .onConflictDoUpdate({
      target: improvementPlanSettings.organisationId,
      set: { ...settings, updatedAt: sql`now()` },
    });
}

export interface MeasureFacts {
  id: string;
  code: string;
  title: string;
  frequency: string;
  ownerPersonId: string | null;
  ownerUnitId: string | null;
  isKey: boolean;
}

const measureColumns = {
  id: measures.id,
  code: measures.code,
  title: measures.title,
  frequency: measures.frequency,
  ownerPersonId: measures.ownerPersonId,
  ownerUnitId: measures.ownerUnitId,
  isKey: measures.isKey,
};

export async function findMeasure(db: Db, organisationId: string, id: string): Promise<MeasureFacts | undefined> {
  const [row] = await db
    .select(measureColumns)
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.id, id)));
  return row;
}

/** Active key measures: the ones the trigger looks at. */
export async function keyMeasures(db: Db, organisationId: string): Promise<MeasureFacts[]> {
  return db
    .select(measureColumns)
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.isKey, true), eq(measures.status, 'active')))
    .orderBy(asc(measures.code));
}

export async function measureOptions(db: Db, organisationId: string) {
  return db
    .select({ id: measures.id, code: measures.code, title: measures.title })
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.status, 'active')))
    .orderBy(asc(measures.code));
}

export async function peopleOptions(db: Db, organisationId: string) {
  return db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.status, 'active')))
    .orderBy(asc(people.name));
}

export async function personIn(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, email: people.email, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return row;
}

export async function unitOptions(db: Db, organisationId: string) {
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.organisationId, organisationId))
    .orderBy(asc(units.name));
}

export async function bodyOptions(db: Db, organisationId: string) {
  return db
    .select({ id: governanceBodies.id, name: governanceBodies.name })
    .from(governanceBodies)
    .where(eq(governanceBodies.organisationId, organisationId))
    .orderBy(asc(governanceBodies.name));
}

export async function findBody(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: governanceBodies.id, name: governanceBodies.name })
    .from(governanceBodies)
    .where(and(eq(governanceBodies.organisationId, organisationId), eq(governanceBodies.id, id)));
  return row;
}

export async function isBodyMember(db: Db, bodyId: string, personId: string): Promise<boolean> {
  const rows = await db
    .select({ personId: governanceBodyMembers.personId })
    .from(governanceBodyMembers)
    .where(and(eq(governanceBodyMembers.bodyId, bodyId), eq(governanceBodyMembers.personId, personId)));
  return rows.length > 0;
}

/** A plan with what its pages show of its measure and owner. */
export interface PlanListRow {
  plan: PlanRow;
  measureCode: string;
  measureTitle: string;
  measureFrequency: string;
  measureOwnerUnitId: string | null;
  ownerName: string | null;
}

function planSelect(db: Db) {
  return db
    .select({
      plan: improvementPlans,
      measureCode: measures.code,
      measureTitle: measures.title,
      measureFrequency: measures.frequency,
      measureOwnerUnitId: measures.ownerUnitId,
      ownerName: people.name,
    })
    .from(improvementPlans)
    .innerJoin(measures, eq(measures.id, improvementPlans.measureId))
    .leftJoin(people, eq(people.id, improvementPlans.ownerPersonId));
}

export async function listPlans(
  db: Db,
  organisationId: string,
  filters: { ownerPersonId?: string | null; unitId?: string | null; status?: string | null; measureId?: string },
): Promise<PlanListRow[]> {
  const conditions = [eq(improvementPlans.organisationId, organisationId)];
  if (filters.ownerPersonId) conditions.push(eq(improvementPlans.ownerPersonId, filters.ownerPersonId));
  if (filters.unitId) conditions.push(eq(measures.ownerUnitId, filters.unitId));
  if (filters.status) conditions.push(eq(improvementPlans.status, filters.status));
  if (filters.measureId) conditions.push(eq(improvementPlans.measureId, filters.measureId));
  return planSelect(db)
    .where(and(...conditions))
    .orderBy(desc(improvementPlans.createdAt));
}

export async function findPlan(db: Db, organisationId: string, id: string): Promise<PlanListRow | undefined> {
  const [row] = await planSelect(db).where(
    and(eq(improvementPlans.organisationId, organisationId), eq(improvementPlans.id, id)),
  );
  return row;
}

/** The measure's plan still being worked on, if any (at most one is allowed). */
export async function openPlanFor(db: Db, organisationId: string, measureId: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(improvementPlans)
    .where(
      and(
        eq(improvementPlans.organisationId, organisationId),
        eq(improvementPlans.measureId, measureId),
        inArray(improvementPlans.status, [...OPEN_STATUSES]),
      ),
    )
    .orderBy(desc(improvementPlans.createdAt))
    .limit(1);
  return row;
}

export async function insertPlan(db: Db, values: PlanInsert): Promise<PlanRow> {
  const [row] = await db.insert(improvementPlans).values(values).returning();
  return row!;
}

/** Changes the plan if it is still at the version read (null: someone changed it meanwhile). */
export async function updatePlan(
  db: Db,
  organisationId: string,
  id: string,
  rowVersion: number,
  changes: Partial<PlanInsert>,
): Promise<PlanRow | null> {
  const [row] = await db
    .update(improvementPlans)
    .set({ ...changes, rowVersion: rowVersion + 1, updatedAt: sql`now()` })
    .where(
      and(
        eq(improvementPlans.organisationId, organisationId),
        eq(improvementPlans.id, id),
        eq(improvementPlans.rowVersion, rowVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function decisionsOf(db: Db, organisationId: string, planId: string) {
  return db
    .select({
      decision: improvementPlanDecisions,
      bodyName: governanceBodies.name,
      recordedByName: people.name,
    })
    .from(improvementPlanDecisions)
    .leftJoin(governanceBodies, eq(governanceBodies.id, improvementPlanDecisions.bodyId))
    .leftJoin(people, eq(people.id, improvementPlanDecisions.recordedByPersonId))
    .where(
      and(eq(improvementPlanDecisions.organisationId, organisationId), eq(improvementPlanDecisions.planId, planId)),
    )
    .orderBy(asc(improvementPlanDecisions.recordedAt));
}

export async function insertDecision(db: Db, values: typeof improvementPlanDecisions.$inferInsert) {
  const [row] = await db.insert(improvementPlanDecisions).values(values).returning();
  return row!;
}

export async function eventsOf(db: Db, organisationId: string, planId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(improvementPlanEvents)
    .where(and(eq(improvementPlanEvents.organisationId, organisationId), eq(improvementPlanEvents.planId, planId)))
    .orderBy(asc(improvementPlanEvents.at), asc(improvementPlanEvents.id));
}

export async function insertEvent(db: Db, values: typeof improvementPlanEvents.$inferInsert): Promise<void> {
  await db.insert(improvementPlanEvents).values(values);
}

/** A request with its measure, for the work queue. */
export async function listRequests(
  db: Db,
  organisationId: string,
  filters: { ownerPersonId?: string | null; status?: string },
) {
  const conditions = [eq(improvementPlanRequests.organisationId, organisationId)];
  if (filters.ownerPersonId) conditions.push(eq(improvementPlanRequests.ownerPersonId, filters.ownerPersonId));
  if (filters.status) conditions.push(eq(improvementPlanRequests.status, filters.status));
  return db
    .select({
      request: improvementPlanRequests,
      measureCode: measures.code,
      measureTitle: measures.title,
      ownerName: people.name,
    })
    .from(improvementPlanRequests)
    .innerJoin(measures, eq(measures.id, improvementPlanRequests.measureId))
    .leftJoin(people, eq(people.id, improvementPlanRequests.ownerPersonId))
    .where(and(...conditions))
    .orderBy(asc(improvementPlanRequests.createdAt));
}

export async function findRequest(db: Db, organisationId: string, id: string): Promise<RequestRow | undefined> {
  const [row] = await db
    .select()
    .from(improvementPlanRequests)
    .where(and(eq(improvementPlanRequests.organisationId, organisationId), eq(improvementPlanRequests.id, id)));
  return row;
}

/** The request for this episode, made now, or null when one was already made (never asked twice). */
export async function insertRequest(
  db: Db,
  values: typeof improvementPlanRequests.$inferInsert,
): Promise<RequestRow | null> {
  const [row] = await db.insert(improvementPlanRequests).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function answerRequest(db: Db, organisationId: string, id: string, planId: string): Promise<void> {
  await db
    .update(improvementPlanRequests)
    .set({ status: 'answered', planId })
    .where(and(eq(improvementPlanRequests.organisationId, organisationId), eq(improvementPlanRequests.id, id)));
}

export async function countOpenRequestsFor(db: Db, organisationId: string, personId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(improvementPlanRequests)
    .where(
      and(
        eq(improvementPlanRequests.organisationId, organisationId),
        eq(improvementPlanRequests.ownerPersonId, personId),
        eq(improvementPlanRequests.status, 'open'),
      ),
    );
  return Number(row?.count ?? 0);
}

export async function organisationIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.createdAt));
  return rows.map((row) => row.id);
}

/** Measures that already have a plan still open (the job asks for none on them). */
export async function measuresWithOpenPlans(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ measureId: improvementPlans.measureId })
    .from(improvementPlans)
    .where(
      and(eq(improvementPlans.organisationId, organisationId), inArray(improvementPlans.status, [...OPEN_STATUSES])),
    );
  return new Set(rows.map((row) => row.measureId));
}

/** Measures with a request still waiting for a plan. */
export async function measuresWithOpenRequests(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ measureId: improvementPlanRequests.measureId })
    .from(improvementPlanRequests)
    .where(and(eq(improvementPlanRequests.organisationId, organisationId), eq(improvementPlanRequests.status, 'open')));
  return new Set(rows.map((row) => row.measureId));
}
