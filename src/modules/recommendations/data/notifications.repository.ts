import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { people, units } from '../../organisation/index.ts';
import { LIVE_STATUSES } from '../domain/vocabulary.ts';
import {
  recommendationHistory,
  recommendationNotifications,
  recommendationReports,
  recommendations,
} from './recommendations.schema.ts';
import { phraseText } from '../../../kernel/phrase.ts';

export interface DueRecommendation {
  id: string;
  organisationId: string;
  reference: string;
  dueDate: string;
  unitId: string | null;
  ownerPersonId: string;
  ownerName: string;
  ownerEmail: string;
  ownerStatus: string;
  ownerUnitId: string | null;
  reportTitle: string;
  source: string;
}

/** Every council's recommendations still being worked on whose due date has come. */
export async function dueRecommendations(db: Db, today: string): Promise<DueRecommendation[]> {
  const rows = await db
    .select({
      id: recommendations.id,
      organisationId: recommendations.organisationId,
      reference: recommendations.reference,
      dueDate: recommendations.dueDate,
      unitId: recommendations.unitId,
      ownerPersonId: recommendations.ownerPersonId,
      ownerName: people.name,
      ownerEmail: people.email,
      ownerStatus: people.status,
      ownerUnitId: people.unitId,
      reportTitle: recommendationReports.title,
      source: recommendationReports.source,
    })
    .from(recommendations)
    .innerJoin(recommendationReports, eq(recommendationReports.id, recommendations.reportId))
    .innerJoin(people, eq(people.id, recommendations.ownerPersonId))
    .where(and(inArray(recommendations.status, [...LIVE_STATUSES]), lte(recommendations.dueDate, today)));
  return rows.flatMap((row) => (row.dueDate === null ? [] : [{ ...row, dueDate: row.dueDate }]));
}

/** A unit's head, or the nearest head above it: the person an overdue recommendation escalates to. */
export async function unitHeads(db: Db, organisationId: string, unitId: string) {
  const rows = await db
    .select({ id: units.id, parentId: units.parentId, headPersonId: units.headPersonId })
    .from(units)
    .where(eq(units.organisationId, organisationId));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const heads: string[] = [];
  const seen = new Set<string>();
  for (
    let here = byId.get(unitId);
    here && !seen.has(here.id);
    here = here.parentId ? byId.get(here.parentId) : undefined
  ) {
    seen.add(here.id);
    if (here.headPersonId) heads.push(here.headPersonId);
  }
  return heads;
}

export async function personById(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, email: people.email, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return row;
}

/** Claims a notification before it is sent: null when it was sent (or claimed) already. */
export async function claimNotification(
  db: Db,
  values: { organisationId: string; recommendationId: string; kind: string; dueDate: string; personId: string },
): Promise<string | null> {
  const [row] = await db
    .insert(recommendationNotifications)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: recommendationNotifications.id });
  return row?.id ?? null;
}

/** Marks a claimed notification sent and says so in the recommendation's history, together. */
export async function recordSent(
  db: Db,
  claim: string,
  history: { organisationId: string; recommendationId: string; summary: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(recommendationNotifications)
      .set({ sentAt: sql`now()` })
      .where(eq(recommendationNotifications.id, claim));
    await tx
      .insert(recommendationHistory)
      .values({ ...history, kind: 'notified', actorLabel: phraseText('auditActors.recommendationNotices') });
  });
}

/** Gives a claim back after a failed send, so the next run tries again. */
export async function releaseClaim(db: Db, claim: string): Promise<void> {
  await db.delete(recommendationNotifications).where(eq(recommendationNotifications.id, claim));
}
