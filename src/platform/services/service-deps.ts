import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';

/** What every service is built with in the composition root. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
}
