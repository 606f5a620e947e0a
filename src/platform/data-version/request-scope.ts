import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../db/db.ts';
import { readDataVersion } from './data-version.ts';

/** The versions read in one page request: per database (primary or replica), per council. */
type VersionsRead = Map<Db, Map<string, Promise<number>>>;

const scope = new AsyncLocalStorage<VersionsRead>();

/**
 * Runs `next` (the rest of a request) in a scope where each council's data version is read from
 * each database once: a page asks for it for the navigation's kept answer and again for its kept
 * dashboard, one primary-key read saved a page. For requests that do not write (GET and HEAD)
 * only: a request that writes and then reads a kept model must see the version its write made.
 */
export function readingVersionsOnce(next: () => void): void {
  scope.run(new Map(), next);
}

/**
 * The council's data version (data-version.ts): in a request scope, the one read first in that
 * request from the same database; outside one (jobs, the CLI, a write), read every time.
 */
export function readDataVersionInScope(db: Db, organisationId: string): Promise<number> {
  const read = scope.getStore();
  if (!read) return readDataVersion(db, organisationId);
  let ofDb = read.get(db);
  if (!ofDb) read.set(db, (ofDb = new Map<string, Promise<number>>()));
  let version = ofDb.get(organisationId);
  if (!version) ofDb.set(organisationId, (version = readDataVersion(db, organisationId)));
  return version;
}
