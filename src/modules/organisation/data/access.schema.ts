import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { partners, people, units } from './organisation.schema.ts';
import { ROLES } from '../../../kernel/access/roles.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

export const API_TOKEN_SCOPES = ['read', 'write'] as const;

/** A role held by a person over a unit and everything below it (null unit: the whole council). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    personId: uuid('person_id').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: uuid('unit_id'),
    partnerId: uuid('partner_id'),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('role_assignments_person_idx').on(t.personId),
    tenantForeignKey('role_assignments_person_id_fk', t.organisationId, t.personId, people),
    tenantForeignKey('role_assignments_unit_id_fk', t.organisationId, t.unitId, units),
    tenantForeignKey('role_assignments_partner_id_fk', t.organisationId, t.partnerId, partners),
    tenantForeignKey('role_assignments_granted_by_fk', t.organisationId, t.grantedBy, people),
  ],
);

/** Sessions live in the database so they can be revoked and survive a restart. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not leak usable sessions. */
    tokenHash: text('token_hash').notNull(),
    /** What the owner's "Your sessions" page names a session by: never the token or its hash. */
    id: uuid('id').notNull().defaultRandom(),
    organisationId: tenantOrganisationId(),
    personId: uuid('person_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The browser and address it was started from, so its owner can recognise it. */
    userAgent: text('user_agent').notNull().default(''),
    address: text('address').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.tokenHash, t.organisationId] }),
    index('sessions_person_idx').on(t.personId),
    uniqueIndex('sessions_id_key').on(t.id, t.organisationId),
    tenantForeignKey('sessions_person_id_fk', t.organisationId, t.personId, people),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** read: GET only; write: every method. Tokens made before scopes existed keep write. */
    scope: text('scope', { enum: API_TOKEN_SCOPES }).notNull().default('write'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null only for tokens made before expiry existed; new ones always expire. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash, t.organisationId),
    tenantForeignKey('api_tokens_person_id_fk', t.organisationId, t.personId, people),
  ],
);

/** set-password: made for a person by a manager; reset: asked for by the person from the sign-in page. */
export const PASSWORD_LINK_PURPOSES = ['set-password', 'reset'] as const;

/**
 * Single-use links for a person to set their own password. Only a SHA-256 of the token is kept;
 * used_at marks it spent, revoked_at marks it replaced by a newer link for the same person.
 */
export const passwordLinks = pgTable(
  'password_links',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    personId: uuid('person_id').notNull(),
    purpose: text('purpose', { enum: PASSWORD_LINK_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('password_links_hash_key').on(t.tokenHash, t.organisationId),
    index('password_links_person_idx').on(t.personId),
    tenantForeignKey('password_links_person_id_fk', t.organisationId, t.personId, people),
    tenantForeignKey('password_links_created_by_fk', t.organisationId, t.createdBy, people),
  ],
);
