import { and, asc, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/db.ts';
import { governanceBodies, people, units } from '../../organisation/index.ts';
import { LIVE_STATUSES, type Priority, type Source, type Status } from '../domain/vocabulary.ts';
import {
  recommendationDueDateRevisions,
  recommendationHistory,
  recommendationReports,
  recommendations,
  recommendationSettings,
} from './recommendations.schema.ts';

export type ReportRow = typeof recommendationReports.$inferSelect;
export type RecommendationValues = typeof recommendations.$inferInsert;

export interface PersonFact {
  id: string;
  name: string;
  email: string;
  status: string;
  unitId: string | null;
}

export async function findPerson(db: Db, organisationId: string, id: string): Promise<PersonFact | undefined> {
  const [row] = await db
    .select({ id: people.id, name: people.name, email: people.email, status: people.status, unitId: people.unitId })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return row;
}

export async function findUnit(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name, headPersonId: units.headPersonId, parentId: units.parentId })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.id, id)));
  return row;
}

export async function findBody(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: governanceBodies.id, name: governanceBodies.name })
    .from(governanceBodies)
    .where(and(eq(governanceBodies.organisationId, organisationId), eq(governanceBodies.id, id)));
  return row;
}

// --- reports ----------------------------------------------------------------------------------------

export async function insertReport(db: Db, values: typeof recommendationReports.$inferInsert): Promise<ReportRow> {
  const [row] = await db.insert(recommendationReports).values(values).returning();
  if (!row) throw new Error('insert into recommendation_reports returned no row');
  return row;
}

export async function findReport(db: Db, organisationId: string, id: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(recommendationReports)
    .where(and(eq(recommendationReports.organisationId, organisationId), eq(recommendationReports.id, id)));
  return row;
}

export function listReports(db: Db, organisationId: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(recommendationReports)
    .where(eq(recommendationReports.organisationId, organisationId))
    .orderBy(desc(recommendationReports.reportDate), asc(recommendationReports.title));
}

// --- recommendations ----------------------------------------------------------------------------------

export interface RecommendationRow {
  id: string;
  organisationId: string;
  reportId: string;
  reference: string;
  priority: Priority;
  text: string;
  ownerPersonId: string;
  ownerName: string;
  unitId: string | null;
  unitName: string | null;
  response: 'accepted' | 'partly-accepted' | 'rejected' | null;
  responseReason: string;
  agreedAction: string;
  originalDueDate: string | null;
  dueDate: string | null;
  status: Status;
  finishedOn: string | null;
  closureEvidence: string;
  closureLink: string;
  source: Source;
  reportTitle: string;
  reportReference: string;
  reportDate: string;
}

export interface RegisterFilter {
  source?: Source;
  reportId?: string;
  ownerPersonId?: string;
  unitId?: string;
  status?: Status;
  /** Only those past their due date and still being worked on, as of this date. */
  overdueOn?: string;
}

const owner = alias(people, 'owner');

function selectRecommendations(db: Db) {
  return db
    .select({
      id: recommendations.id,
      organisationId: recommendations.organisationId,
      reportId: recommendations.reportId,
      reference: recommendations.reference,
      priority: recommendations.priority,
      text: recommendations.text,
      ownerPersonId: recommendations.ownerPersonId,
      ownerName: owner.name,
      unitId: recommendations.unitId,
      unitName: units.name,
      response: recommendations.response,
      responseReason: recommendations.responseReason,
      agreedAction: recommendations.agreedAction,
      originalDueDate: recommendations.originalDueDate,
      dueDate: recommendations.dueDate,
      status: recommendations.status,
      finishedOn: recommendations.finishedOn,
      closureEvidence: recommendations.closureEvidence,
      closureLink: recommendations.closureLink,
      source: recommendationReports.source,
      reportTitle: recommendationReports.title,
      reportReference: recommendationReports.reference,
      reportDate: recommendationReports.reportDate,
    })
    .from(recommendations)
    .innerJoin(recommendationReports, eq(recommendationReports.id, recommendations.reportId))
    .innerJoin(owner, eq(owner.id, recommendations.ownerPersonId))
    .leftJoin(units, eq(units.id, recommendations.unitId));
}

export async function findRecommendation(
  db: Db,
  organisationId: string,
  id: string,
): Promise<RecommendationRow | undefined> {
  const [row] = await selectRecommendations(db).where(
    and(eq(recommendations.organisationId, organisationId), eq(recommendations.id, id)),
  );
  return row;
}

export function listRecommendations(
  db: Db,
  organisationId: string,
  filter: RegisterFilter = {},
): Promise<RecommendationRow[]> {
  const where: SQL[] = [eq(recommendations.organisationId, organisationId)];
  if (filter.source) where.push(eq(recommendationReports.source, filter.source));
  if (filter.reportId) where.push(eq(recommendations.reportId, filter.reportId));
  if (filter.ownerPersonId) where.push(eq(recommendations.ownerPersonId, filter.ownerPersonId));
  if (filter.unitId) where.push(eq(recommendations.unitId, filter.unitId));
  if (filter.status) where.push(eq(recommendations.status, filter.status));
  if (filter.overdueOn) {
    where.push(inArray(recommendations.status, [...LIVE_STATUSES]), lt(recommendations.dueDate, filter.overdueOn));
  }
  return selectRecommendations(db)
    .where(and(...where))
    .orderBy(
      desc(recommendationReports.reportDate),
      asc(recommendationReports.title),
      asc(recommendations.reference),
      asc(recommendations.createdAt),
    );
}

export async function insertRecommendations(db: Db, values: RecommendationValues[]): Promise<{ id: string }[]> {
  if (values.length === 0) return [];
  return db.insert(recommendations).values(values).returning({ id: recommendations.id });
}

export async function updateRecommendation(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<RecommendationValues>,
): Promise<void> {
  await db
    .update(recommendations)
    .set(values)
    .where(and(eq(recommendations.organisationId, organisationId), eq(recommendations.id, id)));
}

// --- revisions and history -------------------------------------------------------------------------

export async function insertRevision(db: Db, values: typeof recommendationDueDateRevisions.$inferInsert) {
  await db.insert(recommendationDueDateRevisions).values(values);
}

export function listRevisions(db: Db, organisationId: string, recommendationId: string) {
  return db
    .select({
      previousDueDate: recommendationDueDateRevisions.previousDueDate,
      newDueDate: recommendationDueDateRevisions.newDueDate,
      reason: recommendationDueDateRevisions.reason,
      bodyName: governanceBodies.name,
      decisionReference: recommendationDueDateRevisions.decisionReference,
      decidedOn: recommendationDueDateRevisions.decidedOn,
      recordedBy: recommendationDueDateRevisions.recordedBy,
      recordedAt: recommendationDueDateRevisions.recordedAt,
    })
    .from(recommendationDueDateRevisions)
    .leftJoin(governanceBodies, eq(governanceBodies.id, recommendationDueDateRevisions.bodyId))
    .where(
      and(
        eq(recommendationDueDateRevisions.organisationId, organisationId),
        eq(recommendationDueDateRevisions.recommendationId, recommendationId),
      ),
    )
    .orderBy(asc(recommendationDueDateRevisions.recordedAt));
}

export async function insertHistory(db: Db, values: (typeof recommendationHistory.$inferInsert)[]) {
  if (values.length > 0) await db.insert(recommendationHistory).values(values);
}

export function listHistory(db: Db, organisationId: string, recommendationId: string) {
  return db
    .select({
      kind: recommendationHistory.kind,
      summary: recommendationHistory.summary,
      note: recommendationHistory.note,
      actorLabel: recommendationHistory.actorLabel,
      at: recommendationHistory.at,
    })
    .from(recommendationHistory)
    .where(
      and(
        eq(recommendationHistory.organisationId, organisationId),
        eq(recommendationHistory.recommendationId, recommendationId),
      ),
    )
    .orderBy(asc(recommendationHistory.at), asc(recommendationHistory.id));
}

// --- settings ---------------------------------------------------------------------------------------

export const DEFAULT_ESCALATE_AFTER_DAYS = 30;

export async function escalateAfterDays(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ days: recommendationSettings.escalateAfterDays })
    .from(recommendationSettings)
    .where(eq(recommendationSettings.organisationId, organisationId));
  return row?.days ?? DEFAULT_ESCALATE_AFTER_DAYS;
}

export async function saveEscalateAfterDays(db: Db, organisationId: string, days: number): Promise<void> {
  await db
    .insert(recommendationSettings)
    .values({ organisationId, escalateAfterDays: days })
    .onConflictDoUpdate({ target: recommendationSettings.organisationId, set: { escalateAfterDays: days } });
}

// --- choices for the forms ------------------------------------------------------------------------

export function activePeople(db: Db, organisationId: string) {
  return db
    .select({ id: people.id, name: people.name, email: people.email, jobTitle: people.jobTitle })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.status, 'active')))
    .orderBy(asc(people.name));
}

export function activeUnits(db: Db, organisationId: string) {
  return db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.active, true)))
    .orderBy(asc(units.name));
}

export function bodies(db: Db, organisationId: string) {
  return db
    .select({ id: governanceBodies.id, name: governanceBodies.name })
    .from(governanceBodies)
    .where(eq(governanceBodies.organisationId, organisationId))
    .orderBy(asc(governanceBodies.name));
}

/** Everyone, leavers included, so an import can say that a named owner has left. */
export function allPeople(db: Db, organisationId: string) {
  return db
    .select({ id: people.id, name: people.name, email: people.email, status: people.status })
    .from(people)
    .where(eq(people.organisationId, organisationId));
}
