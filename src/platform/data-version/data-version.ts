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
  await tx.execute(sql`
    INSERT INTO organisation_data_versions (organisation_id, version) VALUES (${organisationId}, 1)
    ON CONFLICT (organisation_id) DO UPDATE SET version = organisation_data_versions.version + 1`);
}
