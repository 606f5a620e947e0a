/**
 * The latest stored statuses of measures as a whole (no breakdown), newest first, a few per
 * measure: what a later module reads to see whether a measure has been red or in special-cause
 * concern for some periods running (the improvement plans' trigger). Reads only what the engine
 * stored; recomputes nothing.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { parsedRows, textArray } from '../../../platform/db/rows.ts';

export interface RecentStatus {
  measureId: string;
  periodKey: string;
  /** red | amber | green | no-data | overdue | no-target */
  rag: string;
  /** The latest SPC point is a special-cause concern. */
  spcConcern: boolean;
}

const row = z.object({
  measureId: z.string(),
  periodKey: z.string(),
  rag: z.string(),
  spcLatestType: z.string().nullable(),
});

/** Up to `perMeasure` statuses for each measure, newest period first (period keys sort as text). */
export async function recentStatuses(
  db: Db,
  organisationId: string,
  measureIds: readonly string[],
  perMeasure: number,
): Promise<RecentStatus[]> {
  if (measureIds.length === 0) return [];
  const rows = parsedRows(
    row,
    await db.execute(sql`
      SELECT measure_id AS "measureId", period_key AS "periodKey", rag, spc_latest_type AS "spcLatestType"
      FROM (
        SELECT s.*, row_number() OVER (PARTITION BY s.measure_id ORDER BY s.period_key DESC) AS position
        FROM measure_statuses s
        WHERE s.organisation_id = ${organisationId}
          AND s.measure_id = ANY(${textArray(measureIds)}::uuid[])
          AND s.breakdown_id IS NULL
      ) ranked
      WHERE position <= ${perMeasure}
      ORDER BY measure_id, period_key DESC`),
  );
  return rows.map((r) => ({
    measureId: r.measureId,
    periodKey: r.periodKey,
    rag: r.rag,
    spcConcern: r.spcLatestType === 'special-cause-concern',
  }));
}
