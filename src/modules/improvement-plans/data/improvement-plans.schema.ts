/**
 * Improvement plans for adverse performance: the council's settings (which panel agrees plans,
 * after how many periods a key measure needs one, and on which triggers), the requests the daily
 * job raises for measure owners, the plans themselves, the panel's decisions (kept, never
 * overwritten) and the plan's history of steps.
 */
import { date, doublePrecision, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { governanceBodies, people } from '../../organisation/index.ts';
import { measures } from '../../measures/index.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** One row per council that has changed the defaults (no row: the defaults apply). */
export const improvementPlanSettings = pgTable(
  'improvement_plan_settings',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    panelBodyId: uuid('panel_body_id'),
    consecutivePeriods: integer('consecutive_periods').notNull().default(2),
    /** Any of: red, spc-concern. */
    triggers: text('triggers').array().notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    tenantForeignKey('improvement_plan_settings_panel_body_id_fk', t.organisationId, t.panelBodyId, governanceBodies),
  ],
);

/**
 * A measure's owner asked for a plan, once per episode: an episode is a run of triggering periods,
 * named by the period it started in, so the same run is never asked about twice.
 */
export const improvementPlanRequests = pgTable(
  'improvement_plan_requests',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id').notNull(),
    ownerPersonId: uuid('owner_person_id'),
    episodeStartPeriod: text('episode_start_period').notNull(),
    latestPeriod: text('latest_period').notNull(),
    /** What triggered it: any of red, spc-concern. */
    reasons: text('reasons').array().notNull(),
    /** open | answered (a plan was made from it) */
    status: text('status').notNull().default('open'),
    planId: uuid('plan_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('improvement_plan_requests_episode_key').on(t.organisationId, t.measureId, t.episodeStartPeriod),
    index('improvement_plan_requests_owner_idx').on(t.organisationId, t.ownerPersonId, t.status),
    tenantPrimaryKey(t),
    tenantForeignKey('improvement_plan_requests_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('improvement_plan_requests_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
  ],
);

export const improvementPlans = pgTable(
  'improvement_plans',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id').notNull(),
    requestId: uuid('request_id'),
    ownerPersonId: uuid('owner_person_id'),
    problem: text('problem').notNull().default(''),
    rootCause: text('root_cause').notNull().default(''),
    expectedValue: doublePrecision('expected_value'),
    /** The measure's period by which the expected value should be reached. */
    expectedPeriod: text('expected_period'),
    /** When the plan should be complete. */
    dueDate: date('due_date'),
    /** draft | submitted | sent-back | agreed | in-progress | closed | withdrawn */
    status: text('status').notNull().default('draft'),
    agreedOn: date('agreed_on'),
    submittedOn: date('submitted_on'),
    closingSummary: text('closing_summary').notNull().default(''),
    /** Why it was closed with actions still open. */
    openActionsReason: text('open_actions_reason').notNull().default(''),
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('improvement_plans_org_measure_idx').on(t.organisationId, t.measureId),
    index('improvement_plans_org_status_idx').on(t.organisationId, t.status),
    tenantPrimaryKey(t),
    tenantForeignKey('improvement_plans_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('improvement_plans_request_id_fk', t.organisationId, t.requestId, improvementPlanRequests),
    tenantForeignKey('improvement_plans_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
  ],
);

/** The panel's decisions, one row each: a plan sent back and agreed later has two. */
export const improvementPlanDecisions = pgTable(
  'improvement_plan_decisions',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    planId: uuid('plan_id').notNull(),
    /** agreed | sent-back */
    outcome: text('outcome').notNull(),
    meetingDate: date('meeting_date').notNull(),
    minuteReference: text('minute_reference').notNull(),
    comments: text('comments').notNull().default(''),
    bodyId: uuid('body_id'),
    recordedByPersonId: uuid('recorded_by_person_id'),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('improvement_plan_decisions_plan_idx').on(t.organisationId, t.planId),
    tenantForeignKey('improvement_plan_decisions_plan_id_fk', t.organisationId, t.planId, improvementPlans),
    tenantForeignKey('improvement_plan_decisions_body_id_fk', t.organisationId, t.bodyId, governanceBodies),
    tenantForeignKey(
      'improvement_plan_decisions_recorded_by_person_id_fk',
      t.organisationId,
      t.recordedByPersonId,
      people,
    ),
  ],
);

/** Each step of a plan (created, edited, submitted, decided, started, closed, withdrawn), oldest first. */
export const improvementPlanEvents = pgTable(
  'improvement_plan_events',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    planId: uuid('plan_id').notNull(),
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    personId: uuid('person_id'),
    actorLabel: text('actor_label').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('improvement_plan_events_plan_idx').on(t.organisationId, t.planId),
    tenantForeignKey('improvement_plan_events_plan_id_fk', t.organisationId, t.planId, improvementPlans),
    tenantForeignKey('improvement_plan_events_person_id_fk', t.organisationId, t.personId, people),
  ],
);
