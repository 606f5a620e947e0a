/**
 * Each measure's whole-measure values, packed into one row, kept by triggers on measure_values
 * (migration 0004). It is a storage layout of the values, like an index, not a second source of
 * truth: the recompute of every status reads 5,000 rows instead of 600,000 (decision 0010).
 *
 * The lists are comma-separated and in the same order (any order of periods); an empty item is a
 * null. float8 as text round-trips exactly. `statuses` holds each value's sign-off status, so the
 * recompute can keep to official figures (migration 0006).
 */
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { measures } from './measures.schema.ts';
import { tenantForeignKey, tenantOrganisationId } from '../../../platform/tenancy/tenant-keys.ts';

export const measureSeries = pgTable(
  'measure_series',
  {
    measureId: uuid('measure_id').notNull(),
    organisationId: tenantOrganisationId(),
    periodKeys: text('period_keys').notNull(),
    vals: text('vals').notNull(),
    nums: text('nums').notNull(),
    dens: text('dens').notNull(),
    statuses: text('statuses').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.organisationId] }),
    index('measure_series_org_idx').on(t.organisationId),
    tenantForeignKey('measure_series_measure_id_fk', t.organisationId, t.measureId, measures),
  ],
);
