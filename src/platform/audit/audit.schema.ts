import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../tenancy/organisations.schema.ts';

/**
 * Append-only: a trigger in the migration refuses UPDATE and DELETE. Written in the same
 * transaction as the change it records.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
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
  },
  (t) => [
    index('audit_events_entity_idx').on(t.organisationId, t.entityType, t.entityId),
    index('audit_events_at_idx').on(t.organisationId, t.at),
  ],
);
