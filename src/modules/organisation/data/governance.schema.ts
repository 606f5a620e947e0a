import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people } from './organisation.schema.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/** Full Council, Cabinet, scrutiny panels, audit committee, partnership boards, ... */
export const governanceBodies = pgTable(
  'governance_bodies',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** What the body does in the framework: any of approves, scrutinises, receives. */
    frameworkRoles: text('framework_roles').array().notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('governance_bodies_org_name_key').on(t.organisationId, t.name), tenantPrimaryKey(t)],
);

export const governanceBodyMembers = pgTable(
  'governance_body_members',
  {
    organisationId: tenantOrganisationId(),
    bodyId: uuid('body_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role').notNull().default('member'),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.personId, t.organisationId] }),
    index('gbm_person_idx').on(t.personId),
    tenantForeignKey('governance_body_members_body_id_fk', t.organisationId, t.bodyId, governanceBodies).onDelete(
      'cascade',
    ),
    tenantForeignKey('governance_body_members_person_id_fk', t.organisationId, t.personId, people),
  ],
);
