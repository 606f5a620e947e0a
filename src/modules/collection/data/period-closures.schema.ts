import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { FREQUENCIES } from '../../../kernel/measurement/periods.ts';
import { people } from '../../organisation/index.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/**
 * A reporting period closed for the whole council once it has been reported. A row is one closure:
 * reopening fills in reopened_at/by and the reason and keeps the row, so the history stays; closing
 * again adds a new row. At most one closure of a period is open at a time.
 */
export const periodClosures = pgTable(
  'period_closures',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    frequency: text('frequency', { enum: FREQUENCIES }).notNull(),
    /** The canonical key of the closed period ('2026-27-Q2'). */
    periodKey: text('period_key').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid('closed_by'),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedBy: uuid('reopened_by'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('period_closures_open_key')
      .on(t.organisationId, t.periodKey)
      .where(sql`${t.reopenedAt} is null`),
    index('period_closures_org_idx').on(t.organisationId, t.frequency),
    tenantForeignKey('period_closures_closed_by_fk', t.organisationId, t.closedBy, people),
    tenantForeignKey('period_closures_reopened_by_fk', t.organisationId, t.reopenedBy, people),
  ],
);
