import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { textArray } from '../../../platform/db/rows.ts';

/**
 * For bulk writers of values: the series triggers skip each statement until the transaction ends,
 * and the writer calls refreshSeries once for the measures it touched (before committing).
 */
export async function deferSeriesRefresh(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT set_config('golden_thread.defer_series', 'on', true)`);
}

/** Rebuilds the packed series of the given measures (and turns the deferral off again). */
export async function refreshSeries(tx: Db, measureIds: readonly string[]): Promise<void> {
  await tx.execute(sql`SELECT set_config('golden_thread.defer_series', 'off', true)`);
  if (measureIds.length === 0) return;
  await tx.execute(sql`SELECT measure_series_refresh(${textArray(measureIds)}::uuid[])`);
}
