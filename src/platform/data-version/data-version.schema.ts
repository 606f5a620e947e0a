import { bigint, pgTable, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../tenancy/organisations.schema.ts';

/**
 * Each council's data version: a number that goes up in the same transaction as every write that
 * could change what a page built from the council's data shows, so that a computed page kept in
 * memory (a dashboard's model) is known to be current by reading one row. A trigger on
 * `audit_events` bumps it (every write records its audit row in its own transaction); writes of
 * derived data without an audit row (the statuses' recalculation) bump it themselves. An
 * organisation with no row yet is at version 0.
 */
export const organisationDataVersions = pgTable('organisation_data_versions', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  version: bigint('version', { mode: 'number' }).notNull(),
});
