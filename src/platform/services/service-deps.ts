import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';

/** What every service is built with in the composition root. */
export interface ServiceDeps {
  db: Db;
  /**
   * For read-only reporting reads (dashboards, report drafts): the read replica when one is set
   * (READ_DATABASE_URL), else absent and `db` is used. A moment behind `db`: never for a read that
   * must see the caller's own write, nor inside a transaction.
   */
  readDb?: Db;
  clock: Clock;
}
