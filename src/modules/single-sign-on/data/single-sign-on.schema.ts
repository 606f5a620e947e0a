import { index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../../../kernel/access/roles.ts';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';
import { people, units } from '../../organisation/index.ts';

/**
 * A council's OpenID Connect provider (Entra ID, Google Workspace, any standard one): at most one
 * per council. The client secret is kept sealed (AES-256-GCM under a key derived from the app's
 * SESSION_SECRET), never as typed, so a copy of the database alone does not give it away.
 */
export const singleSignOnProviders = pgTable(
  'single_sign_on_providers',
  {
    id: tenantId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .unique()
      .references(() => organisations.id),
    /** What the sign-in button says: "Sign in with <displayName>". */
    displayName: text('display_name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    sealedClientSecret: text('sealed_client_secret').notNull(),
    /** The ID token claim whose values are mapped to roles: 'groups' for Entra ID group ids, 'roles' for app roles. */
    claim: text('claim').notNull().default('groups'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantPrimaryKey(t)],
);

/** One claim value (an Entra group's object id, an app role) giving a role, over a unit or the whole council. */
export const singleSignOnMappings = pgTable(
  'single_sign_on_mappings',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    claimValue: text('claim_value').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** Null: the role over the whole council. */
    unitId: uuid('unit_id'),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('single_sign_on_mappings_org_idx').on(t.organisationId),
    tenantForeignKey('single_sign_on_mappings_unit_id_fk', t.organisationId, t.unitId, units),
  ],
);

/** Who a provider's subject is here: made at the first sign-in (a just-in-time account). */
export const singleSignOnIdentities = pgTable(
  'single_sign_on_identities',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    personId: uuid('person_id').notNull(),
    lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('single_sign_on_identities_subject_key').on(t.organisationId, t.issuer, t.subject),
    unique('single_sign_on_identities_person_id_unique').on(t.personId, t.organisationId),
    tenantForeignKey('single_sign_on_identities_person_id_fk', t.organisationId, t.personId, people),
  ],
);
