/**
 * Risk registers: the council's versioned matrix, its categories with appetite, registers, risks,
 * their append-only assessments (each on the matrix version it was scored on), controls, links to
 * plan items and measures, events (escalation, closure) and the review reminders already sent.
 * Enumerations are text columns whose values the domain (../domain) lists and checks.
 */
import { sql } from 'drizzle-orm';
import {
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
import { actions } from '../../actions/index.ts';
import { measures } from '../../measures/index.ts';
import { people, units } from '../../organisation/index.ts';
import { planItems } from '../../plans/index.ts';
import type { Band, ScalePoint } from '../domain/matrix.ts';
import {
  CONTROL_EFFECTIVENESS,
  REGISTER_LEVELS,
  REVIEW_FREQUENCIES,
  RISK_STATUSES,
  RISK_TYPES,
} from '../domain/risk.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/** Each version of the council's matrix; a version an assessment uses is never changed. */
export const riskMatrices = pgTable(
  'risk_matrices',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    version: integer('version').notNull(),
    /** 4 | 5 */
    size: integer('size').notNull(),
    likelihood: jsonb('likelihood').$type<ScalePoint[]>().notNull(),
    impact: jsonb('impact').$type<ScalePoint[]>().notNull(),
    bands: jsonb('bands').$type<Band[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('risk_matrices_org_version_key').on(t.organisationId, t.version),
    tenantPrimaryKey(t),
    tenantForeignKey('risk_matrices_created_by_fk', t.organisationId, t.createdBy, people),
  ],
);

/** The council's categories of risk and the highest current score it accepts in each. */
export const riskCategories = pgTable(
  'risk_categories',
  {
    organisationId: tenantOrganisationId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** null: no appetite set, any score accepted. */
    appetite: integer('appetite'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
);

export const riskRegisters = pgTable(
  'risk_registers',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    name: text('name').notNull(),
    /** strategic | directorate | service | project | partnership */
    level: text('level', { enum: REGISTER_LEVELS }).notNull(),
    unitId: uuid('unit_id').notNull(),
    ownerPersonId: uuid('owner_person_id').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('risk_registers_org_idx').on(t.organisationId),
    tenantPrimaryKey(t),
    tenantForeignKey('risk_registers_unit_id_fk', t.organisationId, t.unitId, units),
    tenantForeignKey('risk_registers_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
  ],
);

export const risks = pgTable(
  'risks',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    registerId: uuid('register_id').notNull(),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    cause: text('cause').notNull(),
    event: text('event').notNull(),
    effect: text('effect').notNull(),
    ownerPersonId: uuid('owner_person_id').notNull(),
    /** threat | opportunity */
    type: text('type', { enum: RISK_TYPES }).notNull(),
    /** A code of the council's risk_categories. */
    category: text('category').notNull(),
    /** monthly | quarterly | six-monthly */
    reviewFrequency: text('review_frequency', { enum: REVIEW_FREQUENCIES }).notNull(),
    nextReviewOn: date('next_review_on', { mode: 'string' }).notNull(),
    /** open | closed */
    status: text('status', { enum: RISK_STATUSES }).notNull().default('open'),
    closedReason: text('closed_reason'),
    closedOn: date('closed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('risks_org_reference_key').on(t.organisationId, sql`lower(${t.reference})`),
    index('risks_register_idx').on(t.registerId),
    tenantPrimaryKey(t),
    tenantForeignKey('risks_register_id_fk', t.organisationId, t.registerId, riskRegisters),
    tenantForeignKey('risks_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
  ],
);

/** Every assessment of a risk, append-only: the latest is its current position. */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    riskId: uuid('risk_id').notNull(),
    matrixId: uuid('matrix_id').notNull(),
    inherentLikelihood: integer('inherent_likelihood').notNull(),
    inherentImpact: integer('inherent_impact').notNull(),
    currentLikelihood: integer('current_likelihood').notNull(),
    currentImpact: integer('current_impact').notNull(),
    targetLikelihood: integer('target_likelihood').notNull(),
    targetImpact: integer('target_impact').notNull(),
    commentary: text('commentary').notNull().default(''),
    assessedBy: uuid('assessed_by'),
    assessedByName: text('assessed_by_name').notNull(),
    /** The London date of the assessment: heat maps at a past date read by it. */
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('risk_assessments_risk_idx').on(t.riskId, t.assessedAt),
    index('risk_assessments_matrix_idx').on(t.matrixId),
    tenantForeignKey('risk_assessments_risk_id_fk', t.organisationId, t.riskId, risks),
    tenantForeignKey('risk_assessments_matrix_id_fk', t.organisationId, t.matrixId, riskMatrices),
    tenantForeignKey('risk_assessments_assessed_by_fk', t.organisationId, t.assessedBy, people),
  ],
);

export const riskControls = pgTable(
  'risk_controls',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    riskId: uuid('risk_id').notNull(),
    description: text('description').notNull(),
    ownerPersonId: uuid('owner_person_id').notNull(),
    /** effective | partly-effective | not-effective */
    effectiveness: text('effectiveness', { enum: CONTROL_EFFECTIVENESS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('risk_controls_risk_idx').on(t.riskId),
    tenantForeignKey('risk_controls_risk_id_fk', t.organisationId, t.riskId, risks),
    tenantForeignKey('risk_controls_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
  ],
);

/** What a risk concerns: a plan item (an objective), a measure or an action (one of the three per row). */
export const riskLinks = pgTable(
  'risk_links',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    riskId: uuid('risk_id').notNull(),
    // A link goes with what it points at: removing a plan item must not fail on a risk's link to it.
    itemId: uuid('item_id'),
    measureId: uuid('measure_id'),
    actionId: uuid('action_id'),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('risk_links_risk_idx').on(t.riskId),
    index('risk_links_item_idx').on(t.organisationId, t.itemId),
    index('risk_links_measure_idx').on(t.organisationId, t.measureId),
    index('risk_links_action_idx').on(t.organisationId, t.actionId),
    tenantForeignKey('risk_links_risk_id_fk', t.organisationId, t.riskId, risks),
    tenantForeignKey('risk_links_item_id_fk', t.organisationId, t.itemId, planItems).onDelete('cascade'),
    tenantForeignKey('risk_links_measure_id_fk', t.organisationId, t.measureId, measures).onDelete('cascade'),
    tenantForeignKey('risk_links_action_id_fk', t.organisationId, t.actionId, actions).onDelete('cascade'),
  ],
);

/** The story of a risk besides its assessments: escalations, de-escalations, closure. */
export const riskEvents = pgTable(
  'risk_events',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    riskId: uuid('risk_id').notNull(),
    /** escalated | de-escalated | moved | closed | reopened */
    kind: text('kind').notNull(),
    fromRegisterId: uuid('from_register_id'),
    toRegisterId: uuid('to_register_id'),
    reason: text('reason').notNull(),
    byPersonId: uuid('by_person_id'),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('risk_events_risk_idx').on(t.riskId),
    tenantForeignKey('risk_events_risk_id_fk', t.organisationId, t.riskId, risks),
    tenantForeignKey('risk_events_from_register_id_fk', t.organisationId, t.fromRegisterId, riskRegisters),
    tenantForeignKey('risk_events_to_register_id_fk', t.organisationId, t.toRegisterId, riskRegisters),
    tenantForeignKey('risk_events_by_person_id_fk', t.organisationId, t.byPersonId, people),
  ],
);

/** Each overdue review's reminder, sent once: the key is the risk and the review date missed. */
export const riskReviewReminders = pgTable(
  'risk_review_reminders',
  {
    organisationId: tenantOrganisationId(),
    riskId: uuid('risk_id').notNull(),
    reviewDueOn: date('review_due_on', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.riskId, t.reviewDueOn, t.organisationId] }),
    tenantForeignKey('risk_review_reminders_risk_id_fk', t.organisationId, t.riskId, risks),
  ],
);
