/** SQL for meetings, their agendas and decisions, and members' requests; every query keyed by council. */
import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/db.ts';
import { governanceBodies, governanceBodyMembers, people, units } from '../../organisation/index.ts';
import type { RequestStatus } from '../domain/vocabulary.ts';
import { agendaItems, meetings, memberRequests, statutoryReturns } from './committees.schema.ts';

export type MeetingValues = typeof meetings.$inferInsert;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type RequestValues = typeof memberRequests.$inferInsert;

export interface MeetingRow {
  id: string;
  bodyId: string;
  bodyName: string;
  heldOn: string;
  startsAt: string;
  location: string;
  title: string;
  itemCount: number;
}

const meetingColumns = {
  id: meetings.id,
  bodyId: meetings.bodyId,
  bodyName: governanceBodies.name,
  heldOn: meetings.heldOn,
  startsAt: meetings.startsAt,
  location: meetings.location,
  title: meetings.title,
  itemCount: sql<number>`(SELECT count(*)::int FROM agenda_items a WHERE a.meeting_id = ${meetings.id})`,
};

export function listMeetings(
  db: Db,
  organisationId: string,
  filter: { bodyId?: string; from?: string; before?: string } = {},
): Promise<MeetingRow[]> {
  const where: SQL[] = [eq(meetings.organisationId, organisationId)];
  if (filter.bodyId) where.push(eq(meetings.bodyId, filter.bodyId));
  if (filter.from) where.push(gte(meetings.heldOn, filter.from));
  if (filter.before) where.push(lt(meetings.heldOn, filter.before));
  return db
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(and(...where))
    .orderBy(asc(meetings.heldOn), asc(meetings.startsAt), asc(governanceBodies.name));
}

export async function findMeeting(db: Db, organisationId: string, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(and(eq(meetings.organisationId, organisationId), eq(meetings.id, id)));
  return row;
}

export async function insertMeeting(db: Db, values: MeetingValues): Promise<string> {
  const [row] = await db.insert(meetings).values(values).returning({ id: meetings.id });
  if (!row) throw new Error('insert into meetings returned no row');
  return row.id;
}

export async function meetingOn(db: Db, organisationId: string, bodyId: string, heldOn: string) {
  const [row] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.organisationId, organisationId), eq(meetings.bodyId, bodyId), eq(meetings.heldOn, heldOn)));
  return row;
}

export async function findBody(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: governanceBodies.id, name: governanceBodies.name })
    .from(governanceBodies)
    .where(and(eq(governanceBodies.organisationId, organisationId), eq(governanceBodies.id, id)));
  return row;
}

export function listBodies(db: Db, organisationId: string) {
  return db
    .select({ id: governanceBodies.id, name: governanceBodies.name })
    .from(governanceBodies)
    .where(eq(governanceBodies.organisationId, organisationId))
    .orderBy(asc(governanceBodies.name));
}

/** Whether the person sits on the body (any role on it: chair, member, co-opted). */
export async function sitsOn(db: Db, bodyId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ bodyId: governanceBodyMembers.bodyId })
    .from(governanceBodyMembers)
    .where(and(eq(governanceBodyMembers.bodyId, bodyId), eq(governanceBodyMembers.personId, personId)));
  return row !== undefined;
}

export async function bodiesOf(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .select({ bodyId: governanceBodyMembers.bodyId })
    .from(governanceBodyMembers)
    .where(eq(governanceBodyMembers.personId, personId));
  return rows.map((row) => row.bodyId);
}

export async function findPerson(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, email: people.email, status: people.status, unitId: people.unitId })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return row;
}

export function listActivePeople(db: Db, organisationId: string) {
  return db
    .select({ id: people.id, name: people.name, jobTitle: people.jobTitle })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.status, 'active')))
    .orderBy(asc(people.name));
}

/** The head of the person's unit, who hears of an overdue request (none when the unit has no head). */
export async function managerOf(db: Db, organisationId: string, personId: string) {
  const head = alias(people, 'head');
  const [row] = await db
    .select({ id: head.id, name: head.name, email: head.email })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .innerJoin(head, eq(head.id, units.headPersonId))
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  return row && row.id !== personId ? row : undefined;
}

// --- agenda items --------------------------------------------------------------------------------

export interface AgendaEntry extends AgendaItemRow {
  leadOfficerName: string | null;
  decidedByName: string | null;
}

const leadOfficer = alias(people, 'lead_officer');
const decidedBy = alias(people, 'decided_by');

function agendaSelect(db: Db) {
  return db
    .select({ item: agendaItems, leadOfficerName: leadOfficer.name, decidedByName: decidedBy.name })
    .from(agendaItems)
    .leftJoin(leadOfficer, eq(leadOfficer.id, agendaItems.leadOfficerPersonId))
    .leftJoin(decidedBy, eq(decidedBy.id, agendaItems.decidedByPersonId));
}

const flatten = (row: { item: AgendaItemRow; leadOfficerName: string | null; decidedByName: string | null }) => ({
  ...row.item,
  leadOfficerName: row.leadOfficerName,
  decidedByName: row.decidedByName,
});

export async function listAgenda(db: Db, organisationId: string, meetingId: string): Promise<AgendaEntry[]> {
  const rows = await agendaSelect(db)
    .where(and(eq(agendaItems.organisationId, organisationId), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position));
  return rows.map(flatten);
}

export async function findAgendaItem(db: Db, organisationId: string, id: string): Promise<AgendaEntry | undefined> {
  const [row] = await agendaSelect(db).where(
    and(eq(agendaItems.organisationId, organisationId), eq(agendaItems.id, id)),
  );
  return row && flatten(row);
}

/** Locks the meeting's agenda while an item is added, so two additions never share a position. */
export async function nextPosition(db: Db, meetingId: string): Promise<number> {
  await db.execute(sql`SELECT id FROM meetings WHERE id = ${meetingId} FOR UPDATE`);
  const [row] = await db
    .select({ last: sql<number>`coalesce(max(${agendaItems.position}), 0)::int` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  return (row?.last ?? 0) + 1;
}

export async function insertAgendaItem(db: Db, values: typeof agendaItems.$inferInsert): Promise<string> {
  const [row] = await db.insert(agendaItems).values(values).returning({ id: agendaItems.id });
  if (!row) throw new Error('insert into agenda_items returned no row');
  return row.id;
}

export async function recordDecision(
  db: Db,
  id: string,
  values: Pick<AgendaItemRow, 'outcome' | 'minuteReference' | 'decisionNotes' | 'decidedOn' | 'decidedByPersonId'>,
): Promise<void> {
  await db.update(agendaItems).set(values).where(eq(agendaItems.id, id));
}

/** Items carried on from this one (the next stages of its route). */
export async function onwardItems(db: Db, organisationId: string, itemId: string) {
  return db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      heldOn: meetings.heldOn,
      bodyName: governanceBodies.name,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(and(eq(agendaItems.organisationId, organisationId), eq(agendaItems.referredFromItemId, itemId)));
}

/** Every agenda item about a record (a report, a plan), oldest meeting first: the record's route. */
export async function itemsAbout(db: Db, organisationId: string, subjectKind: string, subjectIds: string[]) {
  if (subjectIds.length === 0) return [];
  return db
    .select({
      id: agendaItems.id,
      subjectId: agendaItems.subjectId,
      meetingId: meetings.id,
      heldOn: meetings.heldOn,
      bodyName: governanceBodies.name,
      outcome: agendaItems.outcome,
      minuteReference: agendaItems.minuteReference,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(
      and(
        eq(agendaItems.organisationId, organisationId),
        sql`${agendaItems.subjectKind} = ${subjectKind}`,
        inArray(agendaItems.subjectId, subjectIds),
      ),
    )
    .orderBy(asc(meetings.heldOn));
}

// --- members' requests ------------------------------------------------------------------------------

export interface RequestRow {
  id: string;
  kind: (typeof memberRequests.$inferSelect)['kind'];
  status: RequestStatus;
  question: string;
  answer: string;
  closeNote: string;
  raisedOn: string;
  dueOn: string;
  answeredOn: string | null;
  closedOn: string | null;
  remindedOn: string | null;
  escalatedOn: string | null;
  meetingId: string | null;
  agendaItemId: string | null;
  raisedByPersonId: string;
  raisedByName: string;
  addresseePersonId: string;
  addresseeName: string;
  addresseeEmail: string;
}

const raisedBy = alias(people, 'raised_by');
const addressee = alias(people, 'addressee');

export function listRequests(
  db: Db,
  organisationId: string,
  filter: { status?: RequestStatus; personId?: string; meetingId?: string; ids?: string[] } = {},
): Promise<RequestRow[]> {
  const where: SQL[] = [eq(memberRequests.organisationId, organisationId)];
  if (filter.status) where.push(eq(memberRequests.status, filter.status));
  if (filter.meetingId) where.push(eq(memberRequests.meetingId, filter.meetingId));
  if (filter.ids)
    where.push(inArray(memberRequests.id, filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']));
  if (filter.personId)
    where.push(
      sql`(${memberRequests.raisedByPersonId} = ${filter.personId} OR ${memberRequests.addresseePersonId} = ${filter.personId})`,
    );
  return db
    .select({
      id: memberRequests.id,
      kind: memberRequests.kind,
      status: memberRequests.status,
      question: memberRequests.question,
      answer: memberRequests.answer,
      closeNote: memberRequests.closeNote,
      raisedOn: memberRequests.raisedOn,
      dueOn: memberRequests.dueOn,
      answeredOn: memberRequests.answeredOn,
      closedOn: memberRequests.closedOn,
      remindedOn: memberRequests.remindedOn,
      escalatedOn: memberRequests.escalatedOn,
      meetingId: memberRequests.meetingId,
      agendaItemId: memberRequests.agendaItemId,
      raisedByPersonId: memberRequests.raisedByPersonId,
      raisedByName: raisedBy.name,
      addresseePersonId: memberRequests.addresseePersonId,
      addresseeName: addressee.name,
      addresseeEmail: addressee.email,
    })
    .from(memberRequests)
    .innerJoin(raisedBy, eq(raisedBy.id, memberRequests.raisedByPersonId))
    .innerJoin(addressee, eq(addressee.id, memberRequests.addresseePersonId))
    .where(and(...where))
    .orderBy(asc(memberRequests.dueOn), desc(memberRequests.createdAt));
}

export async function findRequest(db: Db, organisationId: string, id: string): Promise<RequestRow | undefined> {
  const [row] = await listRequests(db, organisationId, { ids: [id] });
  return row;
}

export async function insertRequest(db: Db, values: RequestValues): Promise<string> {
  const [row] = await db.insert(memberRequests).values(values).returning({ id: memberRequests.id });
  if (!row) throw new Error('insert into member_requests returned no row');
  return row.id;
}

export async function updateRequest(db: Db, id: string, values: Partial<RequestValues>): Promise<void> {
  await db.update(memberRequests).set(values).where(eq(memberRequests.id, id));
}

/** Open requests past their due date, for every council (the reminder job). */
export function overdueRequests(db: Db, today: string) {
  return db
    .select({ id: memberRequests.id, organisationId: memberRequests.organisationId })
    .from(memberRequests)
    .where(and(eq(memberRequests.status, 'open'), lt(memberRequests.dueOn, today)));
}

// --- statutory returns and the timetable's meetings ------------------------------------------------------

export interface ReturnRow {
  id: string;
  title: string;
  recipient: string;
  dueOn: string;
  status: (typeof statutoryReturns.$inferSelect)['status'];
  submittedOn: string | null;
  notes: string;
  ownerPersonId: string;
  ownerName: string;
}

export function listReturns(db: Db, organisationId: string, ids?: string[]): Promise<ReturnRow[]> {
  const where: SQL[] = [eq(statutoryReturns.organisationId, organisationId)];
  if (ids) where.push(inArray(statutoryReturns.id, ids));
  return db
    .select({
      id: statutoryReturns.id,
      title: statutoryReturns.title,
      recipient: statutoryReturns.recipient,
      dueOn: statutoryReturns.dueOn,
      status: statutoryReturns.status,
      submittedOn: statutoryReturns.submittedOn,
      notes: statutoryReturns.notes,
      ownerPersonId: statutoryReturns.ownerPersonId,
      ownerName: people.name,
    })
    .from(statutoryReturns)
    .innerJoin(people, eq(people.id, statutoryReturns.ownerPersonId))
    .where(and(...where))
    .orderBy(asc(statutoryReturns.dueOn), asc(statutoryReturns.title));
}

export async function insertReturn(db: Db, values: typeof statutoryReturns.$inferInsert): Promise<string> {
  const [row] = await db.insert(statutoryReturns).values(values).returning({ id: statutoryReturns.id });
  if (!row) throw new Error('insert into statutory_returns returned no row');
  return row.id;
}

export async function updateReturn(db: Db, id: string, values: Partial<typeof statutoryReturns.$inferInsert>) {
  await db.update(statutoryReturns).set(values).where(eq(statutoryReturns.id, id));
}

/** Meetings in a window with whether their body receives or scrutinises performance (its framework roles). */
export function timetableMeetings(db: Db, organisationId: string, from: string, to: string) {
  return db
    .select({
      id: meetings.id,
      bodyName: governanceBodies.name,
      heldOn: meetings.heldOn,
      receivesReports: sql<boolean>`(${governanceBodies.frameworkRoles} && ARRAY['receives','scrutinises']::text[])`,
    })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(and(eq(meetings.organisationId, organisationId), gte(meetings.heldOn, from), lte(meetings.heldOn, to)))
    .orderBy(asc(meetings.heldOn));
}
