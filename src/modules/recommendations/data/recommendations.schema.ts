import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { governanceBodies, people, units } from '../../organisation/index.ts';
import { PRIORITIES, RESPONSES, SOURCES, STATUSES } from '../domain/vocabulary.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/** A report that made recommendations: an audit report, an inspection, a peer review, a survey … */
export const recommendationReports = pgTable(
  'recommendation_reports',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    source: text('source', { enum: SOURCES }).notNull(),
    title: text('title').notNull(),
    reference: text('reference').notNull().default(''),
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recommendation_reports_org_idx').on(t.organisationId, t.reportDate), tenantPrimaryKey(t)],
);

/** One recommendation, tracked from the council's response to the evidence that closed it. */
export const recommendations = pgTable(
  'recommendations',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    reportId: uuid('report_id').notNull(),
    reference: text('reference').notNull().default(''),
    priority: text('priority', { enum: PRIORITIES }).notNull(),
    text: text('text').notNull(),
    ownerPersonId: uuid('owner_person_id').notNull(),
    unitId: uuid('unit_id'),
    response: text('response', { enum: RESPONSES }),
    responseReason: text('response_reason').notNull().default(''),
    agreedAction: text('agreed_action').notNull().default(''),
    /** As first agreed; never changed by a revision (each revision is kept below). */
    originalDueDate: date('original_due_date', { mode: 'string' }),
    /** The due date in force: the latest revision's, else the original. */
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: STATUSES }).notNull().default('open'),
    /** The day it was implemented, closed or superseded (when its age stops). */
    finishedOn: date('finished_on', { mode: 'string' }),
    closureEvidence: text('closure_evidence').notNull().default(''),
    closureLink: text('closure_link').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recommendations_org_status_idx').on(t.organisationId, t.status, t.dueDate),
    index('recommendations_report_idx').on(t.reportId),
    index('recommendations_owner_idx').on(t.ownerPersonId),
    tenantPrimaryKey(t),
    tenantForeignKey('recommendations_report_id_fk', t.organisationId, t.reportId, recommendationReports),
    tenantForeignKey('recommendations_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
    tenantForeignKey('recommendations_unit_id_fk', t.organisationId, t.unitId, units),
  ],
);

/** Every change of due date, kept; an extension a committee agreed names the body and its minute. */
export const recommendationDueDateRevisions = pgTable(
  'recommendation_due_date_revisions',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    recommendationId: uuid('recommendation_id').notNull(),
    previousDueDate: date('previous_due_date', { mode: 'string' }),
    newDueDate: date('new_due_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    bodyId: uuid('body_id'),
    decisionReference: text('decision_reference').notNull().default(''),
    decidedOn: date('decided_on', { mode: 'string' }),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('recommendation_revisions_rec_idx').on(t.recommendationId),
    tenantForeignKey(
      'recommendation_due_date_revisions_recommendation_id_fk',
      t.organisationId,
      t.recommendationId,
      recommendations,
    ),
    tenantForeignKey('recommendation_due_date_revisions_body_id_fk', t.organisationId, t.bodyId, governanceBodies),
  ],
);

/** What happened to a recommendation, in order, as its page shows it. */
export const recommendationHistory = pgTable(
  'recommendation_history',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    recommendationId: uuid('recommendation_id').notNull(),
    /** created | response | revised | status | notified */
    kind: text('kind').notNull(),
    /** A stored phrase (storePhrase) saying what changed. */
    summary: text('summary').notNull(),
    note: text('note').notNull().default(''),
    actorLabel: text('actor_label').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('recommendation_history_rec_idx').on(t.recommendationId, t.at),
    tenantForeignKey(
      'recommendation_history_recommendation_id_fk',
      t.organisationId,
      t.recommendationId,
      recommendations,
    ),
  ],
);

/** Each reminder and escalation sent, so each is sent once for the due date it was about. */
export const recommendationNotifications = pgTable(
  'recommendation_notifications',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    recommendationId: uuid('recommendation_id').notNull(),
    /** due | escalation */
    kind: text('kind').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    personId: uuid('person_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('recommendation_notifications_once_key').on(t.recommendationId, t.kind, t.dueDate, t.organisationId),
    tenantForeignKey(
      'recommendation_notifications_recommendation_id_fk',
      t.organisationId,
      t.recommendationId,
      recommendations,
    ),
    tenantForeignKey('recommendation_notifications_person_id_fk', t.organisationId, t.personId, people),
  ],
);

/** The council's own rule: how many days overdue before the owner's unit head is told. */
export const recommendationSettings = pgTable('recommendation_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  escalateAfterDays: integer('escalate_after_days').notNull().default(30),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});
