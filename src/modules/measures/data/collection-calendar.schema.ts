/**
 * The collection calendar's tables, kept apart from the measures and their figures: the council's
 * collection rule, its non-working days, the periods locked against entry and the reminders
 * already sent.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { REMINDER_KINDS } from '../../../kernel/measurement/vocabulary.ts';
import { governanceBodies, people } from '../../organisation/index.ts';
import { measures } from './measures.schema.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });
const updatedAt = () => at('updated_at').notNull().defaultNow();

/** The organisation's collection calendar rule (one row per organisation; defaults if absent). */
export const collectionRules = pgTable(
  'collection_rules',
  {
    organisationId: tenantOrganisationId().primaryKey(),
    /** Data is due this many working days after the period ends (weekends and holidays skipped). */
    workingDaysAfterPeriodEnd: integer('working_days_after_period_end').notNull().default(15),
    /** A reminder goes this many working days before the due date. */
    reminderWorkingDaysBefore: integer('reminder_working_days_before').notNull().default(5),
    /** Overdue data escalates to the owner after this many working days … */
    escalateToOwnerAfterDays: integer('escalate_to_owner_after_days').notNull().default(5),
    /** … then to the owner's line manager after this many. */
    escalateToManagerAfterDays: integer('escalate_to_manager_after_days').notNull().default(10),
    /** Which bank holidays apply: england-and-wales | scotland | northern-ireland */
    holidayRegion: text('holiday_region').notNull().default('england-and-wales'),
    /** Value sign-off: verify-then-approve (submit → verify → approve) | approve-directly (submit → approve). */
    signOffChain: text('sign_off_chain').notNull().default('verify-then-approve'),
    /**
     * Who may take the verify step: permission (anyone holding verify:values at the measure's unit or
     * above, and the measure's named verifier) | role | unit-head | measure-verifier | body.
     */
    verifyWho: text('verify_who').notNull().default('permission'),
    /** The role (verify_who = role) or governance body (verify_who = body) that verifies. */
    verifyRole: text('verify_role'),
    verifyBodyId: uuid('verify_body_id'),
    /** Who may take the approve step: permission | role | unit-head | body (as for verify). */
    approveWho: text('approve_who').notNull().default('permission'),
    approveRole: text('approve_role'),
    approveBodyId: uuid('approve_body_id'),
    updatedBy: uuid('updated_by'),
    rowVersion: integer('row_version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantForeignKey('collection_rules_verify_body_id_fk', t.organisationId, t.verifyBodyId, governanceBodies),
    tenantForeignKey('collection_rules_approve_body_id_fk', t.organisationId, t.approveBodyId, governanceBodies),
    tenantForeignKey('collection_rules_updated_by_fk', t.organisationId, t.updatedBy, people),
  ],
);

/**
 * Days that are not working days besides weekends: bank holidays (source 'gov.uk') and local
 * closures (source 'local', e.g. a Christmas shutdown). Due dates are computed from these.
 */
export const nonWorkingDays = pgTable(
  'non_working_days',
  {
    organisationId: tenantOrganisationId(),
    day: date('day', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    /** gov.uk | local */
    source: text('source').notNull().default('local'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.day] })],
);

/**
 * A locked period: values cannot change. measure_id null locks the period for every measure of
 * the organisation. Reopening (performance officer, with a reason) stamps reopened_*; a new lock
 * is a new row.
 */
export const periodLocks = pgTable(
  'period_locks',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id'),
    periodKey: text('period_key').notNull(),
    lockedAt: at('locked_at').notNull().defaultNow(),
    lockedBy: uuid('locked_by'),
    reopenedAt: at('reopened_at'),
    reopenedBy: uuid('reopened_by'),
    reopenReason: text('reopen_reason').notNull().default(''),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('period_locks_current_key')
      .on(t.organisationId, sql`coalesce(${t.measureId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.periodKey)
      .where(sql`${t.reopenedAt} is null`),
    tenantForeignKey('period_locks_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('period_locks_locked_by_fk', t.organisationId, t.lockedBy, people),
    tenantForeignKey('period_locks_reopened_by_fk', t.organisationId, t.reopenedBy, people),
  ],
);

/** Reminders already sent, so a job run twice never mails twice. */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id').notNull(),
    periodKey: text('period_key').notNull(),
    personId: uuid('person_id').notNull(),
    /** before | overdue | escalation-owner | escalation-manager */
    kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
    sentAt: at('sent_at').notNull().defaultNow(),
    /** The SMTP message id, for tracing a complaint. */
    messageId: text('message_id').notNull().default(''),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('reminders_sent_key').on(t.measureId, t.periodKey, t.personId, t.kind, t.organisationId),
    index('reminders_sent_org_idx').on(t.organisationId, t.sentAt),
    tenantForeignKey('reminders_sent_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('reminders_sent_person_id_fk', t.organisationId, t.personId, people),
  ],
);
