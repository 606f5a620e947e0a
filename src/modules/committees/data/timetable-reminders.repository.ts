/** The reminder job's queries over the timetable: every council's reporting meetings and who to tell. */
import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { governanceBodies, people, roleAssignments } from '../../organisation/index.ts';
import type { RemindedDeadline } from '../domain/deadline-reminders.ts';
import { meetings, timetableReminders } from './committees.schema.ts';

/** Meetings of every council between two dates, with whether their body receives performance reports. */
export function meetingsBetween(db: Db, from: string, to: string) {
  return db
    .select({
      id: meetings.id,
      organisationId: meetings.organisationId,
      bodyName: governanceBodies.name,
      heldOn: meetings.heldOn,
      receivesReports: sql<boolean>`(${governanceBodies.frameworkRoles} && ARRAY['receives','scrutinises']::text[])`,
    })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(and(gte(meetings.heldOn, from), lte(meetings.heldOn, to)))
    .orderBy(asc(meetings.heldOn));
}

/** The council's active people holding a current performance-officer role (at any level). */
export function performanceOfficers(db: Db, organisationId: string) {
  return db
    .selectDistinct({ id: people.id, name: people.name, email: people.email })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.organisationId, organisationId),
        eq(roleAssignments.role, 'performance-officer'),
        isNull(roleAssignments.endedAt),
        eq(people.status, 'active'),
      ),
    )
    .orderBy(asc(people.email));
}

/** Takes the claim on a person's reminder of a deadline: false when another run already holds it. */
export async function claimReminder(
  db: Db,
  claim: { organisationId: string; meetingId: string; kind: RemindedDeadline; personId: string; remindedOn: string },
): Promise<boolean> {
  const rows = await db
    .insert(timetableReminders)
    .values(claim)
    .onConflictDoNothing()
    .returning({ meetingId: timetableReminders.meetingId });
  return rows.length > 0;
}

/** Gives a claim back after a failed send, so the next run tries again. */
export async function releaseReminder(db: Db, claim: { meetingId: string; kind: RemindedDeadline; personId: string }) {
  await db
    .delete(timetableReminders)
    .where(
      and(
        eq(timetableReminders.meetingId, claim.meetingId),
        eq(timetableReminders.kind, claim.kind),
        eq(timetableReminders.personId, claim.personId),
      ),
    );
}
