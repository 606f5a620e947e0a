/**
 * Actions (activity trackers), their links to plan items and measures, assignees, milestones,
 * progress updates (append-only), escalations, history, and the council's delivery settings.
 * Every table carries organisation_id (tenancy).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { people } from '../../organisation/index.ts';
import { planItems, plans } from '../../plans/index.ts';
import { measures } from '../../measures/index.ts';
import { ACTION_STATUSES, CLOSED_STATUSES } from '../domain/status.ts';
import { ANSWER_KINDS } from '../domain/action.ts';
import { ESCALATION_DECISIONS } from '../domain/escalation.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

export const actions = pgTable(
  'actions',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    planId: uuid('plan_id').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerPersonId: uuid('owner_person_id').notNull(),
    escalationOwnerPersonId: uuid('escalation_owner_person_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** Set at creation and never changed: the yardstick a revised date is read against. */
    originalDueDate: date('original_due_date', { mode: 'string' }).notNull(),
    revisedDueDate: date('revised_due_date', { mode: 'string' }),
    revisionReason: text('revision_reason').notNull().default(''),
    /** A revised date waiting for the council's approver; it counts only once approved. */
    pendingDueDate: date('pending_due_date', { mode: 'string' }),
    pendingReason: text('pending_reason').notNull().default(''),
    percentComplete: integer('percent_complete').notNull().default(0),
    /** The owner's judgement overriding the derived status (with its reason); null: derived stands. */
    judgedStatus: text('judged_status', { enum: ACTION_STATUSES }),
    judgementReason: text('judgement_reason').notNull().default(''),
    /** complete | cancelled | terminated; null while open. */
    closedStatus: text('closed_status', { enum: CLOSED_STATUSES }),
    closedReason: text('closed_reason').notNull().default(''),
    isKey: boolean('is_key').notNull().default(false),
    /** A recommendation or improvement plan it answers; those modules come later, so no FK. */
    answersKind: text('answers_kind', { enum: ANSWER_KINDS }),
    answersId: uuid('answers_id'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('actions_org_code_key').on(t.organisationId, sql`lower(${t.code})`),
    index('actions_org_plan_idx').on(t.organisationId, t.planId),
    index('actions_org_owner_idx').on(t.organisationId, t.ownerPersonId),
    index('actions_org_escalation_owner_idx').on(t.organisationId, t.escalationOwnerPersonId),
    index('actions_answers_idx').on(t.organisationId, t.answersKind, t.answersId),
    tenantPrimaryKey(t),
    tenantForeignKey('actions_plan_id_fk', t.organisationId, t.planId, plans),
    tenantForeignKey('actions_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
    tenantForeignKey('actions_escalation_owner_person_id_fk', t.organisationId, t.escalationOwnerPersonId, people),
  ],
);

export const actionAssignees = pgTable(
  'action_assignees',
  {
    organisationId: tenantOrganisationId(),
    actionId: uuid('action_id').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.personId, t.organisationId] }),
    index('action_assignees_person_idx').on(t.personId),
    tenantForeignKey('action_assignees_action_id_fk', t.organisationId, t.actionId, actions).onDelete('cascade'),
    tenantForeignKey('action_assignees_person_id_fk', t.organisationId, t.personId, people),
  ],
);

/** The plan items an action contributes to (same council). */
export const actionItemLinks = pgTable(
  'action_item_links',
  {
    organisationId: tenantOrganisationId(),
    actionId: uuid('action_id').notNull(),
    itemId: uuid('item_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.itemId, t.organisationId] }),
    index('action_item_links_item_idx').on(t.itemId),
    tenantForeignKey('action_item_links_action_id_fk', t.organisationId, t.actionId, actions).onDelete('cascade'),
    tenantForeignKey('action_item_links_item_id_fk', t.organisationId, t.itemId, planItems),
  ],
);

/** The measures an action contributes to (same council). */
export const actionMeasureLinks = pgTable(
  'action_measure_links',
  {
    organisationId: tenantOrganisationId(),
    actionId: uuid('action_id').notNull(),
    measureId: uuid('measure_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.measureId, t.organisationId] }),
    index('action_measure_links_measure_idx').on(t.measureId),
    tenantForeignKey('action_measure_links_action_id_fk', t.organisationId, t.actionId, actions).onDelete('cascade'),
    tenantForeignKey('action_measure_links_measure_id_fk', t.organisationId, t.measureId, measures),
  ],
);

export const actionMilestones = pgTable(
  'action_milestones',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    actionId: uuid('action_id').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('action_milestones_action_idx').on(t.actionId),
    tenantForeignKey('action_milestones_action_id_fk', t.organisationId, t.actionId, actions).onDelete('cascade'),
  ],
);

/** Progress updates: append-only, one row per update, never overwritten. */
export const actionUpdates = pgTable(
  'action_updates',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    actionId: uuid('action_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    percentComplete: integer('percent_complete').notNull(),
    /** The status that counted after this update (judged if stated, else derived). */
    status: text('status', { enum: ACTION_STATUSES }).notNull(),
    derivedStatus: text('derived_status', { enum: ACTION_STATUSES }).notNull(),
    judgedStatus: text('judged_status', { enum: ACTION_STATUSES }),
    statusReason: text('status_reason').notNull().default(''),
    commentary: text('commentary').notNull(),
    byPersonId: uuid('by_person_id'),
    byLabel: text('by_label').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('action_updates_action_idx').on(t.actionId, t.at),
    tenantForeignKey('action_updates_action_id_fk', t.organisationId, t.actionId, actions).onDelete('cascade'),
    tenantForeignKey('action_updates_by_person_id_fk', t.organisationId, t.byPersonId, people),
  ],
);

/** An escalation to the escalation owner, open until they record a decision. */
export const actionEscalations = pgTable(
  'action_escalations',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    actionId: uuid('action_id').notNull(),
    escalationOwnerPersonId: uuid('escalation_owner_person_id').notNull(),
    /** Why: { code: 'off-track-updates', updates } | { code: 'overdue-days', days } */
    trigger: jsonb('trigger').$type<Record<string, unknown>>().notNull(),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    decision: text('decision', { enum: ESCALATION_DECISIONS }),
    decisionReason: text('decision_reason').notNull().default(''),
    newDueDate: date('new_due_date', { mode: 'string' }),
    decidedByPersonId: uuid('decided_by_person_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('action_escalations_open_key')
      .on(t.actionId, t.organisationId)
      .where(sql`${t.decision} is null`),
    index('action_escalations_owner_idx').on(t.organisationId, t.escalationOwnerPersonId),
    tenantForeignKey('action_escalations_action_id_fk', t.organisationId, t.actionId, actions).onDelete('cascade'),
    tenantForeignKey(
      'action_escalations_escalation_owner_person_id_fk',
      t.organisationId,
      t.escalationOwnerPersonId,
      people,
    ),
    tenantForeignKey('action_escalations_decided_by_person_id_fk', t.organisationId, t.decidedByPersonId, people),
  ],
);

/** The action's history: creation, edits, date revisions, closure, escalations and decisions. */
export const actionEvents = pgTable(
  'action_events',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    actionId: uuid('action_id').notNull(),
    kind: text('kind').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    reason: text('reason').notNull().default(''),
    byPersonId: uuid('by_person_id'),
    byLabel: text('by_label').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('action_events_action_idx').on(t.actionId, t.at),
    tenantForeignKey('action_events_action_id_fk', t.organisationId, t.actionId, actions).onDelete('cascade'),
    tenantForeignKey('action_events_by_person_id_fk', t.organisationId, t.byPersonId, people),
  ],
);

/** The council's delivery settings (domain/settings.ts); no row means the defaults. */
export const deliverySettings = pgTable(
  'delivery_settings',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [tenantForeignKey('delivery_settings_updated_by_fk', t.organisationId, t.updatedBy, people)],
);
