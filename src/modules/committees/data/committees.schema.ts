import { customType, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { governanceBodies, people } from '../../organisation/index.ts';
import {
  DECISION_OUTCOMES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  RETURN_STATUSES,
  SUBJECT_KINDS,
} from '../domain/vocabulary.ts';
import { REMINDED_DEADLINES } from '../domain/deadline-reminders.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/** A meeting of a governance body: Cabinet, a scrutiny board, a performance panel … */
export const meetings = pgTable(
  'meetings',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    bodyId: uuid('body_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** 24-hour "HH:MM", or empty when not yet fixed. */
    startsAt: text('starts_at').notNull().default(''),
    location: text('location').notNull().default(''),
    /** Empty for an ordinary meeting; "Budget meeting", "Extraordinary meeting" otherwise. */
    title: text('title').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_org_date_idx').on(t.organisationId, t.heldOn),
    index('meetings_body_idx').on(t.bodyId),
    tenantPrimaryKey(t),
    tenantForeignKey('meetings_body_id_fk', t.organisationId, t.bodyId, governanceBodies),
  ],
);

/**
 * An item on a meeting's agenda, with its paper and, once taken, the body's decision. An item
 * referred or deferred to a later meeting appears there as a new item pointing back at this one,
 * so a report's route (panel → scrutiny → Cabinet) is the chain of items, each stage's minute and
 * recommendations carried to the next.
 */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    subjectKind: text('subject_kind', { enum: SUBJECT_KINDS }).notNull().default('paper'),
    /** The record the item is about (a report, an improvement plan, a recommendation), when it is one. */
    subjectId: uuid('subject_id'),
    paperTitle: text('paper_title').notNull().default(''),
    paperLink: text('paper_link').notNull().default(''),
    leadOfficerPersonId: uuid('lead_officer_person_id'),
    referredFromItemId: uuid('referred_from_item_id'),
    outcome: text('outcome', { enum: DECISION_OUTCOMES }),
    minuteReference: text('minute_reference').notNull().default(''),
    decisionNotes: text('decision_notes').notNull().default(''),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedByPersonId: uuid('decided_by_person_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agenda_items_meeting_idx').on(t.meetingId, t.position),
    index('agenda_items_referred_idx').on(t.referredFromItemId),
    index('agenda_items_subject_idx').on(t.organisationId, t.subjectKind, t.subjectId),
    tenantPrimaryKey(t),
    tenantForeignKey('agenda_items_meeting_id_fk', t.organisationId, t.meetingId, meetings),
    tenantForeignKey('agenda_items_lead_officer_person_id_fk', t.organisationId, t.leadOfficerPersonId, people),
    tenantForeignKey('agenda_items_referred_from_item_id_fk', t.organisationId, t.referredFromItemId, t),
    tenantForeignKey('agenda_items_decided_by_person_id_fk', t.organisationId, t.decidedByPersonId, people),
  ],
);

/** A member's request to an officer for an explanation or further work (seed 004 §6.1). */
export const memberRequests = pgTable(
  'member_requests',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    meetingId: uuid('meeting_id'),
    agendaItemId: uuid('agenda_item_id'),
    kind: text('kind', { enum: REQUEST_KINDS }).notNull(),
    raisedByPersonId: uuid('raised_by_person_id').notNull(),
    addresseePersonId: uuid('addressee_person_id').notNull(),
    question: text('question').notNull(),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('open'),
    answer: text('answer').notNull().default(''),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredByPersonId: uuid('answered_by_person_id'),
    closeNote: text('close_note').notNull().default(''),
    closedOn: date('closed_on', { mode: 'string' }),
    remindedOn: date('reminded_on', { mode: 'string' }),
    escalatedOn: date('escalated_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('member_requests_org_status_idx').on(t.organisationId, t.status, t.dueOn),
    index('member_requests_addressee_idx').on(t.addresseePersonId),
    tenantForeignKey('member_requests_meeting_id_fk', t.organisationId, t.meetingId, meetings),
    tenantForeignKey('member_requests_agenda_item_id_fk', t.organisationId, t.agendaItemId, agendaItems),
    tenantForeignKey('member_requests_raised_by_person_id_fk', t.organisationId, t.raisedByPersonId, people),
    tenantForeignKey('member_requests_addressee_person_id_fk', t.organisationId, t.addresseePersonId, people),
    tenantForeignKey('member_requests_answered_by_person_id_fk', t.organisationId, t.answeredByPersonId, people),
  ],
);

/** A statutory return the council owes (to a department, a regulator): seed 004 §2.1's single data list. */
export const statutoryReturns = pgTable(
  'statutory_returns',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    title: text('title').notNull(),
    recipient: text('recipient').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    ownerPersonId: uuid('owner_person_id').notNull(),
    status: text('status', { enum: RETURN_STATUSES }).notNull().default('not-started'),
    submittedOn: date('submitted_on', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('statutory_returns_org_due_idx').on(t.organisationId, t.dueOn),
    tenantForeignKey('statutory_returns_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
  ],
);

/** A council's own lead times for the timetable and the request escalation (defaults when no row). */
export const committeeSettings = pgTable('committee_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  dataDueDays: integer('data_due_days').notNull(),
  signOffDays: integer('sign_off_days').notNull(),
  reportIssuedDays: integer('report_issued_days').notNull(),
  escalateAfterDays: integer('escalate_after_days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per meeting deadline (data due, sign-off, report issued) and person reminded of it: the
 * claim the reminder job takes before it mails, so each person hears once; a failed send deletes it.
 */
export const timetableReminders = pgTable(
  'timetable_reminders',
  {
    organisationId: tenantOrganisationId(),
    meetingId: uuid('meeting_id').notNull(),
    kind: text('kind', { enum: REMINDED_DEADLINES }).notNull(),
    personId: uuid('person_id').notNull(),
    remindedOn: date('reminded_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    // Named: drizzle's name for it, the columns joined, passes PostgreSQL's 63-character limit.
    primaryKey({ name: 'timetable_reminders_pkey', columns: [t.meetingId, t.kind, t.personId, t.organisationId] }),
    tenantForeignKey('timetable_reminders_meeting_id_fk', t.organisationId, t.meetingId, meetings),
    tenantForeignKey('timetable_reminders_person_id_fk', t.organisationId, t.personId, people),
  ],
);

/** Bytes in a bytea column: a Buffer in, a Buffer out, on PGlite and PostgreSQL alike. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** A paper uploaded for an agenda item (PDF or DOCX), kept in the database beside the item's link. */
export const agendaItemPapers = pgTable(
  'agenda_item_papers',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    agendaItemId: uuid('agenda_item_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedByPersonId: uuid('uploaded_by_person_id'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('agenda_item_papers_item_idx').on(t.organisationId, t.agendaItemId),
    tenantForeignKey('agenda_item_papers_agenda_item_id_fk', t.organisationId, t.agendaItemId, agendaItems),
    tenantForeignKey('agenda_item_papers_uploaded_by_person_id_fk', t.organisationId, t.uploadedByPersonId, people),
  ],
);
