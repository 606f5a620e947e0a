import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
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
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { partners, people, units } from '../../organisation/index.ts';
import { LINK_KINDS } from '../domain/item.ts';
import { PLAN_STATUSES } from '../domain/lifecycle.ts';

/**
 * A plan version. Versions of the same plan share a lineage_id; an approved version is never
 * edited in place, it is superseded by an amendment or a roll-forward (docs/decisions/0006).
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    lineageId: uuid('lineage_id').notNull(),
    version: integer('version').notNull().default(1),
    /** original | amendment | refresh */
    versionKind: text('version_kind').notNull().default('original'),
    versionReason: text('version_reason').notNull().default(''),
    previousVersionId: uuid('previous_version_id'),
    planTypeId: uuid('plan_type_id')
      .notNull()
      .references(() => planTypes.id),
    parentPlanId: uuid('parent_plan_id'),
    title: text('title').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    owningUnitId: uuid('owning_unit_id')
      .notNull()
      .references(() => units.id),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
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
    uniqueIndex('plans_lineage_version_key').on(t.lineageId, t.version),
    index('plans_org_status_idx').on(t.organisationId, t.status),
    index('plans_parent_idx').on(t.parentPlanId),
    foreignKey({ columns: [t.parentPlanId], foreignColumns: [t.id] }),
    foreignKey({ columns: [t.previousVersionId], foreignColumns: [t.id] }),
  ],
);

/** Every lifecycle step with who, when and the comment: the plan's history. */
export const planEvents = pgTable(
  'plan_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorPersonId: uuid('actor_person_id').references(() => people.id),
    action: text('action').notNull(),
    stepPosition: integer('step_position'),
    stepName: text('step_name'),
    comment: text('comment').notNull().default(''),
    /** For a governance body's step: the date of the body's decision and its minute reference. */
    decisionDate: date('decision_date', { mode: 'string' }),
    minuteReference: text('minute_reference'),
  },
  (t) => [index('plan_events_plan_idx').on(t.planId, t.at)],
);

export const planItems = pgTable(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    parentItemId: uuid('parent_item_id'),
    /** The same item in the previous version of the plan: keeps history across versions. */
    previousItemId: uuid('previous_item_id'),
    itemTypeId: uuid('item_type_id')
      .notNull()
      .references(() => itemTypes.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    ownerUnitId: uuid('owner_unit_id').references(() => units.id),
    throughPartnership: boolean('through_partnership').notNull().default(false),
    position: integer('position').notNull().default(0),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_items_plan_code_key').on(t.planId, sql`lower(${t.code})`),
    index('plan_items_parent_idx').on(t.parentItemId),
    index('plan_items_org_idx').on(t.organisationId),
    foreignKey({ columns: [t.parentItemId], foreignColumns: [t.id] }),
    foreignKey({ columns: [t.previousItemId], foreignColumns: [t.id] }),
  ],
);

export const planItemPartners = pgTable(
  'plan_item_partners',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => planItems.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.partnerId] }), index('pip_partner_idx').on(t.partnerId)],
);

/**
 * "This item contributes to that item": many-to-many across plans, forming a DAG together with
 * the nesting of items (a child contributes to its parent).
 */
export const contributionLinks = pgTable(
  'contribution_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    fromItemId: uuid('from_item_id')
      .notNull()
      .references(() => planItems.id),
    toItemId: uuid('to_item_id')
      .notNull()
      .references(() => planItems.id),
    /** direct | indirect */
    kind: text('kind', { enum: LINK_KINDS }).notNull().default('direct'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contribution_links_pair_key').on(t.fromItemId, t.toItemId),
    index('contribution_links_to_idx').on(t.toItemId),
  ],
);
