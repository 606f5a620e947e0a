import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { governanceBodies, people, units } from '../../organisation/index.ts';
import { planItems, plans } from '../../plans/index.ts';
import { DELIVERY_RAGS, PROJECT_STATUSES } from '../domain/project.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/** A programme groups projects under one sponsor and manager (a digital programme, a capital programme). */
export const programmes = pgTable(
  'programmes',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sponsorPersonId: uuid('sponsor_person_id'),
    managerPersonId: uuid('manager_person_id'),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('programmes_org_code_key').on(t.organisationId, sql`lower(${t.code})`),
    tenantPrimaryKey(t),
    tenantForeignKey('programmes_sponsor_person_id_fk', t.organisationId, t.sponsorPersonId, people),
    tenantForeignKey('programmes_manager_person_id_fk', t.organisationId, t.managerPersonId, people),
    tenantForeignKey('programmes_unit_id_fk', t.organisationId, t.unitId, units),
  ],
);

export const projects = pgTable(
  'projects',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    programmeId: uuid('programme_id'),
    planId: uuid('plan_id'),
    unitId: uuid('unit_id'),
    sponsorPersonId: uuid('sponsor_person_id').notNull(),
    managerPersonId: uuid('manager_person_id').notNull(),
    boardId: uuid('board_id'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** The end date in force: the original, or the latest revision of it. */
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** The end date first agreed, kept once the end date is revised (null until then). */
    originalEndDate: date('original_end_date', { mode: 'string' }),
    endDateReason: text('end_date_reason').notNull().default(''),
    /** Whole pence (kernel Money); null when no budget is recorded. */
    budgetPence: bigint('budget_pence', { mode: 'number' }),
    key: boolean('key').notNull().default(false),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('proposed'),
    /** Why it was cancelled (or put on hold). */
    statusReason: text('status_reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('projects_org_code_key').on(t.organisationId, sql`lower(${t.code})`),
    index('projects_org_status_idx').on(t.organisationId, t.status),
    index('projects_programme_idx').on(t.programmeId),
    tenantPrimaryKey(t),
    tenantForeignKey('projects_programme_id_fk', t.organisationId, t.programmeId, programmes),
    tenantForeignKey('projects_plan_id_fk', t.organisationId, t.planId, plans),
    tenantForeignKey('projects_unit_id_fk', t.organisationId, t.unitId, units),
    tenantForeignKey('projects_sponsor_person_id_fk', t.organisationId, t.sponsorPersonId, people),
    tenantForeignKey('projects_manager_person_id_fk', t.organisationId, t.managerPersonId, people),
    tenantForeignKey('projects_board_id_fk', t.organisationId, t.boardId, governanceBodies),
  ],
);

/** The plan items a project contributes to, as an action does (feeds their roll-up). */
export const projectItems = pgTable(
  'project_items',
  {
    organisationId: tenantOrganisationId(),
    projectId: uuid('project_id').notNull(),
    itemId: uuid('item_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.itemId, t.organisationId] }),
    index('project_items_item_idx').on(t.itemId),
    tenantForeignKey('project_items_project_id_fk', t.organisationId, t.projectId, projects).onDelete('cascade'),
    tenantForeignKey('project_items_item_id_fk', t.organisationId, t.itemId, planItems),
  ],
);

export const projectStages = pgTable(
  'project_stages',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    projectId: uuid('project_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('project_stages_position_key').on(t.projectId, t.position, t.organisationId),
    tenantPrimaryKey(t),
    tenantForeignKey('project_stages_project_id_fk', t.organisationId, t.projectId, projects).onDelete('cascade'),
  ],
);

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    projectId: uuid('project_id').notNull(),
    stageId: uuid('stage_id'),
    title: text('title').notNull(),
    /** Never changed once set: a revision goes in revised_due_date with its reason. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    revisedDueDate: date('revised_due_date', { mode: 'string' }),
    revisionReason: text('revision_reason').notNull().default(''),
    completedOn: date('completed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('project_milestones_project_idx').on(t.projectId),
    tenantForeignKey('project_milestones_project_id_fk', t.organisationId, t.projectId, projects).onDelete('cascade'),
    tenantForeignKey('project_milestones_stage_id_fk', t.organisationId, t.stageId, projectStages),
  ],
);

/** Highlight reports: append-only, an update never overwrites the one before. */
export const projectUpdates = pgTable(
  'project_updates',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    projectId: uuid('project_id').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    authorPersonId: uuid('author_person_id'),
    /** Who, in words, as it will read even after the person has left. */
    authorName: text('author_name').notNull(),
    timeRag: text('time_rag', { enum: DELIVERY_RAGS }).notNull(),
    timeCommentary: text('time_commentary').notNull().default(''),
    costRag: text('cost_rag', { enum: DELIVERY_RAGS }).notNull(),
    costCommentary: text('cost_commentary').notNull().default(''),
    scopeRag: text('scope_rag', { enum: DELIVERY_RAGS }).notNull(),
    scopeCommentary: text('scope_commentary').notNull().default(''),
    qualityRag: text('quality_rag', { enum: DELIVERY_RAGS }).notNull(),
    qualityCommentary: text('quality_commentary').notNull().default(''),
    overallRag: text('overall_rag', { enum: DELIVERY_RAGS }).notNull(),
    percentComplete: integer('percent_complete').notNull(),
    commentary: text('commentary').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('project_updates_project_idx').on(t.projectId, t.reportedOn),
    tenantForeignKey('project_updates_project_id_fk', t.organisationId, t.projectId, projects).onDelete('cascade'),
    tenantForeignKey('project_updates_author_person_id_fk', t.organisationId, t.authorPersonId, people),
  ],
);
