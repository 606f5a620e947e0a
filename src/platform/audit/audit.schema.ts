import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../tenancy/organisations.schema.ts';
import { tenantPrimaryKey } from '../tenancy/tenant-keys.ts';

/**
 * Append-only: a trigger in the migration refuses UPDATE and DELETE. Written in the same
 * transaction as the change it records.
 *
 * Tamper-evident: a trigger (migration 0019, docs/decisions/0014-audit-hash-chain.md) numbers each
 * row within its organisation (`chain_seq`) and sets `hash` to the SHA-256 of the row's canonical
 * form, which includes the previous row's hash (`prev_hash`). Whatever the app sends for these three
 * columns is overwritten, so the defaults below are never what is stored.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorPersonId: uuid('actor_person_id'),
    actorLabel: text('actor_label').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    reason: text('reason').notNull().default(''),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull().default(0),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('audit_events_entity_idx').on(t.organisationId, t.entityType, t.entityId),
    index('audit_events_at_idx').on(t.organisationId, t.at),
    uniqueIndex('audit_events_chain_idx').on(t.organisationId, t.chainSeq),
  ],
);
