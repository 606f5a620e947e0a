/**
 * Keeps the stored statuses current as the calendar moves on. A status depends on the date as
 * well as the data: a new month makes a new period the one being reported on, and a value not in
 * by its due date turns "overdue". Entering data recomputes only what it touches, so this job
 * recomputes every council's current statuses every six hours (in one process: see platform/jobs), or
 * from `npm run cli -- recalculate`. Statuses are derived data, so no audit row is written; the
 * council's data version is bumped instead, so that no page kept in memory shows the old statuses.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import type { PerformanceStatusService } from './performance-status.service.ts';

export interface RecalculateJob {
  db: Db;
  performance: Pick<PerformanceStatusService, 'recompute'>;
  log: (line: string) => void;
}

export interface RecalculateSummary {
  organisations: number;
  statuses: number;
}

/** Recomputes the current statuses of every organisation (or of the one with `slug`), one transaction each. */
export async function recalculateStatuses(job: RecalculateJob, slug?: string): Promise<RecalculateSummary> {
  const organisations = rowsOf<{ id: string; slug: string }>(
    await job.db.execute(
      slug
        ? sql`SELECT id, slug FROM organisations WHERE slug = ${slug}`
        : sql`SELECT id, slug FROM organisations ORDER BY slug`,
    ),
  );
  if (slug && organisations.length === 0) throw new Error(`No organisation has the short name ${slug}`);
  const summary: RecalculateSummary = { organisations: 0, statuses: 0 };
  for (const organisation of organisations) {
    const started = performance.now();
    // The recalculation moves the council's data version on itself (performance-status.service).
    const statuses = await job.db.transaction((tx) => job.performance.recompute(tx, organisation.id, 'all'));
    summary.organisations += 1;
    summary.statuses += statuses;
    job.log(`statuses: ${organisation.slug}: ${statuses} recomputed in ${Math.round(performance.now() - started)} ms`);
  }
  return summary;
}

/** How often the server recomputes statuses (the job scheduler runs it in one process only). */
export const REFRESH_EVERY_MS = 6 * 60 * 60 * 1000;
