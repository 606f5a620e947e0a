/**
 * The values of a measure's breakdown categories for its latest periods (the breakdown view on
 * the measure page).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { rowsOf } from '../../../platform/db/rows.ts';

export interface BreakdownValueRow {
  breakdownId: string;
  periodKey: string;
  value: number | null;
  status: string;
}

/** Values of any category of the measure in the `periods` latest periods that have one. */
export async function latestBreakdownValues(
  db: Db,
  organisationId: string,
  measureId: string,
  periods: number,
): Promise<BreakdownValueRow[]> {
  const rows = rowsOf<{ breakdown_id: string; period_key: string; value: number | string | null; status: string }>(
    await db.execute(sql`
      SELECT v.breakdown_id, v.period_key, v.value, v.status
      FROM measure_values v
      WHERE v.organisation_id = ${organisationId} AND v.measure_id = ${measureId} AND v.breakdown_id IS NOT NULL
        AND v.period_key IN (
          SELECT DISTINCT p.period_key FROM measure_values p
          WHERE p.organisation_id = ${organisationId} AND p.measure_id = ${measureId} AND p.breakdown_id IS NOT NULL
          ORDER BY p.period_key DESC
          LIMIT ${periods}
        )`),
  );
  return rows.map((row) => ({
    breakdownId: row.breakdown_id,
    periodKey: row.period_key,
    value: row.value === null ? null : Number(row.value),
    status: row.status,
  }));
}
