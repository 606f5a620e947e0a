import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PARTNER_KINDS } from '../domain/partner.ts';
import { PERSON_STATUSES } from '../domain/person.ts';
import { UNIT_KINDS } from '../domain/unit.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** The organisation structure: council → directorate → service → team, any depth. */
export const units = pgTable(
  'units',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    headPersonId: uuid('head_person_id'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('units_org_code_key').on(t.organisationId, t.code),
    index('units_parent_idx').on(t.parentId),
    tenantForeignKey('units_parent_id_fk', t.organisationId, t.parentId, t),
    tenantPrimaryKey(t),
  ],
);

export const partners = pgTable(
  'partners',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    name: text('name').notNull(),
    kind: text('kind', { enum: PARTNER_KINDS }).notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('partners_org_name_key').on(t.organisationId, t.name), tenantPrimaryKey(t)],
);

export const people = pgTable(
  'people',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    jobTitle: text('job_title').notNull().default(''),
    unitId: uuid('unit_id'),
    lineManagerId: uuid('line_manager_id'),
    /** People who belong to a partner organisation see only what is shared with it. */
    partnerId: uuid('partner_id'),
    status: text('status', { enum: PERSON_STATUSES }).notNull().default('active'),
    leftOn: date('left_on', { mode: 'string' }),
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('people_org_email_key').on(t.organisationId, sql`lower(${t.email})`),
    index('people_unit_idx').on(t.unitId),
    tenantForeignKey('people_line_manager_id_fk', t.organisationId, t.lineManagerId, t),
    tenantPrimaryKey(t),
    tenantForeignKey('people_unit_id_fk', t.organisationId, t.unitId, units),
    tenantForeignKey('people_partner_id_fk', t.organisationId, t.partnerId, partners),
  ],
);

/** A cabinet member's portfolio of services. */
export const portfolios = pgTable(
  'portfolios',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    name: text('name').notNull(),
    holderPersonId: uuid('holder_person_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('portfolios_org_name_key').on(t.organisationId, t.name),
    tenantPrimaryKey(t),
    tenantForeignKey('portfolios_holder_person_id_fk', t.organisationId, t.holderPersonId, people),
  ],
);

export const portfolioUnits = pgTable(
  'portfolio_units',
  {
    organisationId: tenantOrganisationId(),
    portfolioId: uuid('portfolio_id').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.portfolioId, t.unitId, t.organisationId] }),
    tenantForeignKey('portfolio_units_portfolio_id_fk', t.organisationId, t.portfolioId, portfolios).onDelete(
      'cascade',
    ),
    tenantForeignKey('portfolio_units_unit_id_fk', t.organisationId, t.unitId, units),
  ],
);
