import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { people } from './organisation.schema.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/**
 * Failed sign-ins per key: an account (a hash of the e-mail address as typed, so an address no one
 * holds is throttled exactly like a real one) or a network address. The one table without an
 * organisation: a sign-in is tried before anyone knows which council, if any, the address belongs
 * to. Kept in the database so every app process sees the same count.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  /** 'account:<sha-256 of the lower-cased e-mail>' or 'address:<IP>'. */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** A person's TOTP second factor (RFC 6238): unconfirmed until they type a code from it. */
export const secondFactors = pgTable(
  'second_factors',
  {
    personId: uuid('person_id').notNull(),
    organisationId: tenantOrganisationId(),
    /** Base32, as the authenticator app was given it: needed to check each code. */
    secret: text('secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** The last 30-second step accepted: a code is never accepted twice. */
    lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.organisationId] }),
    tenantForeignKey('second_factors_person_id_fk', t.organisationId, t.personId, people),
  ],
);

/** Single-use recovery codes for when the authenticator is lost: only a SHA-256 of each is kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    personId: uuid('person_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('recovery_codes_person_idx').on(t.personId),
    tenantForeignKey('recovery_codes_person_id_fk', t.organisationId, t.personId, people),
  ],
);

/** The council's sign-in rules. No row: the defaults (a second factor is optional for everyone). */
export const signInSettings = pgTable('sign_in_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  administratorsNeedSecondFactor: boolean('administrators_need_second_factor').notNull().default(false),
  /**
   * A person with a second factor gives a code after single sign-on too. Off by default: the
   * council's identity provider (Entra ID) usually asks for its own second factor already.
   */
  secondFactorAfterSingleSignOn: boolean('second_factor_after_single_sign_on').notNull().default(false),
});
