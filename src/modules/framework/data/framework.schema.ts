import {
  boolean,
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
import { governanceBodies } from '../../organisation/index.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/**
 * The framework is data, not code: each council names its own plan types, the item types they
 * hold, their template sections and their approval steps (docs/decisions/0004).
 */
export const itemTypes = pgTable(
  'item_types',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('item_types_org_key').on(t.organisationId, t.key), tenantPrimaryKey(t)],
);

export interface TemplateSection {
  key: string;
  title: string;
  hint: string;
}

export const planTypes = pgTable(
  'plan_types',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** 1 = top of the golden thread (community strategy); larger numbers sit lower. */
    level: integer('level').notNull(),
    description: text('description').notNull().default(''),
    templateSections: jsonb('template_sections').$type<TemplateSection[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_types_org_key').on(t.organisationId, t.key), tenantPrimaryKey(t)],
);

/** Which plan types a plan type may sit under. */
export const planTypeParents = pgTable(
  'plan_type_parents',
  {
    organisationId: tenantOrganisationId(),
    planTypeId: uuid('plan_type_id').notNull(),
    parentPlanTypeId: uuid('parent_plan_type_id').notNull(),
  },
  (t) => [
    // Named: drizzle's name for it, the columns joined, passes PostgreSQL's 63-character limit.
    primaryKey({ name: 'plan_type_parents_pkey', columns: [t.planTypeId, t.parentPlanTypeId, t.organisationId] }),
    tenantForeignKey('plan_type_parents_plan_type_id_fk', t.organisationId, t.planTypeId, planTypes).onDelete(
      'cascade',
    ),
    tenantForeignKey(
      'plan_type_parents_parent_plan_type_id_fk',
      t.organisationId,
      t.parentPlanTypeId,
      planTypes,
    ).onDelete('cascade'),
  ],
);

/** Which item types a plan type may hold. */
export const planTypeItemTypes = pgTable(
  'plan_type_item_types',
  {
    organisationId: tenantOrganisationId(),
    planTypeId: uuid('plan_type_id').notNull(),
    itemTypeId: uuid('item_type_id').notNull(),
  },
  (t) => [
    // Named: drizzle's name for it, the columns joined, passes PostgreSQL's 63-character limit.
    primaryKey({ name: 'plan_type_item_types_pkey', columns: [t.planTypeId, t.itemTypeId, t.organisationId] }),
    tenantForeignKey('plan_type_item_types_plan_type_id_fk', t.organisationId, t.planTypeId, planTypes).onDelete(
      'cascade',
    ),
    tenantForeignKey('plan_type_item_types_item_type_id_fk', t.organisationId, t.itemTypeId, itemTypes).onDelete(
      'cascade',
    ),
  ],
);

/**
 * Approval steps in order. kind: 'owner' (the plan's owner signs off), 'role' (someone holding
 * the role at the plan's unit or above), 'body' (recorded for a governance body by one of its
 * members or a performance officer).
 */
export const approvalSteps = pgTable(
  'approval_steps',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    planTypeId: uuid('plan_type_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    role: text('role'),
    bodyId: uuid('body_id'),
    /**
     * Separation of duties: the step must be taken by someone who took no earlier step of this
     * approval round and did not submit the plan (so one officer cannot approve a plan end to end).
     */
    distinctPerson: boolean('distinct_person').notNull().default(false),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('approval_steps_type_position').on(t.planTypeId, t.position, t.organisationId),
    index('approval_steps_org_idx').on(t.organisationId),
    tenantForeignKey('approval_steps_plan_type_id_fk', t.organisationId, t.planTypeId, planTypes).onDelete('cascade'),
    tenantForeignKey('approval_steps_body_id_fk', t.organisationId, t.bodyId, governanceBodies),
  ],
);
