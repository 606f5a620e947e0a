import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.ts';
import { rowsOf } from '../db/rows.ts';

/**
 * The council's data version (data-version.schema.ts): one primary-key read. Read it from the same
 * database the page's data is then read from (the replica, when the page reads there), and BEFORE
 * reading that data: a write committed in between then makes the data newer than its version,
 * never older, and the next request sees the new version and recomputes.
 */
export async function readDataVersion(db: Db, organisationId: string): Promise<number> {
  const rows = rowsOf<{ version: string | number }>(
    await db.execute(sql`SELECT version FROM organisation_data_versions WHERE organisation_id = ${organisationId}`),
  );
  return rows.length === 0 ? 0 : Number(rows[0]!.version);
}

/**
 * For a write of derived data that records no audit row (the statuses' recalculation as the
 * calendar moves on): call inside its transaction. Audited writes need not: the audit row bumps it.
 */
export async function bumpDataVersion(tx: Db, organisationId: string): Promise<void> {
  // The council's audit-chain lock first (the one audit_events_chain takes, migration 0020): an
  // audited write takes that lock and then, through the audit trigger, this row, so a transaction
  // that bumps before writing its audit row takes them in the same order. Re-entrant: the audit
  // row after it takes the lock again freely.
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext('golden-thread:audit-chain'), hashtext(${organisationId}::text))`,
  );
  await tx.execute(sql`
    INSERT INTO organisation_data_versions (organisation_id, version) VALUES (${organisationId}, 1)
    ON CONFLICT (organisation_id) DO UPDATE SET version = organisation_data_versions.version + 1`);
}
