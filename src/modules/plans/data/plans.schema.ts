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
import { itemTypes, planTypes } from '../../framework/index.ts';
import { partners, people, units } from '../../organisation/index.ts';
import { LINK_KINDS } from '../domain/item.ts';
import { PLAN_STATUSES } from '../domain/lifecycle.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/**
 * A plan version. Versions of the same plan share a lineage_id; an approved version is never
 * edited in place, it is superseded by an amendment or a roll-forward (docs/decisions/0006).
 */
export const plans = pgTable(
  'plans',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    lineageId: uuid('lineage_id').notNull(),
    version: integer('version').notNull().default(1),
    /** original | amendment | refresh */
    versionKind: text('version_kind').notNull().default('original'),
    versionReason: text('version_reason').notNull().default(''),
    previousVersionId: uuid('previous_version_id'),
    planTypeId: uuid('plan_type_id').notNull(),
    parentPlanId: uuid('parent_plan_id'),
    title: text('title').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    owningUnitId: uuid('owning_unit_id').notNull(),
    ownerPersonId: uuid('owner_person_id'),
    sections: jsonb('sections').$type<Record<string, string>>().notNull().default({}),
    /** draft | submitted | in-approval | approved | superseded | archived */
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
    /** Position of the next approval step to take while in approval (1-based). */
    nextStep: integer('next_step'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The version is in force from effective_from until effective_to (exclusive), when set. */
    effectiveFrom: date('effective_from', { mode: 'string' }),
    effectiveTo: date('effective_to', { mode: 'string' }),
    /** Incremented on every write: a stale form gets a conflict, never a silent overwrite. */
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plans_lineage_version_key').on(t.lineageId, t.version, t.organisationId),
    index('plans_org_status_idx').on(t.organisationId, t.status),
    index('plans_parent_idx').on(t.parentPlanId),
    tenantForeignKey('plans_parent_plan_id_fk', t.organisationId, t.parentPlanId, t),
    tenantForeignKey('plans_previous_version_id_fk', t.organisationId, t.previousVersionId, t),
    tenantPrimaryKey(t),
    tenantForeignKey('plans_plan_type_id_fk', t.organisationId, t.planTypeId, planTypes),
    tenantForeignKey('plans_owning_unit_id_fk', t.organisationId, t.owningUnitId, units),
    tenantForeignKey('plans_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
  ],
);

/** Every lifecycle step with who, when and the comment: the plan's history. */
export const planEvents = pgTable(
  'plan_events',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    planId: uuid('plan_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorPersonId: uuid('actor_person_id'),
    action: text('action').notNull(),
    stepPosition: integer('step_position'),
    stepName: text('step_name'),
    comment: text('comment').notNull().default(''),
    /** For a governance body's step: the date of the body's decision and its minute reference. */
    decisionDate: date('decision_date', { mode: 'string' }),
    minuteReference: text('minute_reference'),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('plan_events_plan_idx').on(t.planId, t.at),
    tenantForeignKey('plan_events_plan_id_fk', t.organisationId, t.planId, plans),
    tenantForeignKey('plan_events_actor_person_id_fk', t.organisationId, t.actorPersonId, people),
  ],
);

export const planItems = pgTable(
  'plan_items',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    planId: uuid('plan_id').notNull(),
    parentItemId: uuid('parent_item_id'),
    /** The same item in the previous version of the plan: keeps history across versions. */
    previousItemId: uuid('previous_item_id'),
    itemTypeId: uuid('item_type_id').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerPersonId: uuid('owner_person_id'),
    ownerUnitId: uuid('owner_unit_id'),
    throughPartnership: boolean('through_partnership').notNull().default(false),
    position: integer('position').notNull().default(0),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_items_plan_code_key').on(t.planId, sql`lower(${t.code})`, t.organisationId),
    index('plan_items_parent_idx').on(t.parentItemId),
    index('plan_items_org_idx').on(t.organisationId),
    tenantForeignKey('plan_items_parent_item_id_fk', t.organisationId, t.parentItemId, t),
    tenantForeignKey('plan_items_previous_item_id_fk', t.organisationId, t.previousItemId, t),
    tenantPrimaryKey(t),
    tenantForeignKey('plan_items_plan_id_fk', t.organisationId, t.planId, plans),
    tenantForeignKey('plan_items_item_type_id_fk', t.organisationId, t.itemTypeId, itemTypes),
    tenantForeignKey('plan_items_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
    tenantForeignKey('plan_items_owner_unit_id_fk', t.organisationId, t.ownerUnitId, units),
  ],
);

export const planItemPartners = pgTable(
  'plan_item_partners',
  {
    organisationId: tenantOrganisationId(),
    itemId: uuid('item_id').notNull(),
    partnerId: uuid('partner_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.partnerId, t.organisationId] }),
    index('pip_partner_idx').on(t.partnerId),
    tenantForeignKey('plan_item_partners_item_id_fk', t.organisationId, t.itemId, planItems).onDelete('cascade'),
    tenantForeignKey('plan_item_partners_partner_id_fk', t.organisationId, t.partnerId, partners),
  ],
);

/**
 * "This item contributes to that item": many-to-many across plans, forming a DAG together with
 * the nesting of items (a child contributes to its parent).
 */
export const contributionLinks = pgTable(
  'contribution_links',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    fromItemId: uuid('from_item_id').notNull(),
    toItemId: uuid('to_item_id').notNull(),
    /** direct | indirect */
    kind: text('kind', { enum: LINK_KINDS }).notNull().default('direct'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('contribution_links_pair_key').on(t.fromItemId, t.toItemId, t.organisationId),
    index('contribution_links_to_idx').on(t.toItemId),
    tenantForeignKey('contribution_links_from_item_id_fk', t.organisationId, t.fromItemId, planItems),
    tenantForeignKey('contribution_links_to_item_id_fk', t.organisationId, t.toItemId, planItems),
  ],
);
