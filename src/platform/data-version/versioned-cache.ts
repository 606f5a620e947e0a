import type { Db } from '../db/db.ts';
import { readDataVersionInScope } from './request-scope.ts';

/**
 * Computed models kept in the app process and served only while their council's data version is
 * the one they were built at (data-version.ts). The version is read from the database on every
 * look-up (once per page request: request-scope.ts), so several app processes on one database each see another's write on their next
 * request and recompute; nothing is ever served from an older version.
 *
 * The key must hold everything besides the council's data that the model depends on: the view,
 * its filters, the date when the model depends on it, and what about the person asking changes
 * the answer (their grants, their partnership, who they are for a "mine" view).
 */
export interface VersionedCache<T> {
  /**
   * The model for `key` at the council's current version (read from `db`, before computing): the
   * kept one when it was built at that version, else `compute()`'s, one computation shared by the
   * requests asking at once. `compute` must read from the same `db`.
   */
  get(db: Db, organisationId: string, key: string, compute: () => Promise<T>): Promise<T>;
  /** Look-ups served from memory (or joining a computation under way), and those computed. */
  counts(): { hits: number; misses: number; entries: number };
}

interface Entry<T> {
  version: number;
  value: T;
}

export function createVersionedCache<T>({
  maxEntries,
  readVersion = readDataVersionInScope,
}: {
  maxEntries: number;
  readVersion?: (db: Db, organisationId: string) => Promise<number>;
}): VersionedCache<T> {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new Error(`A versioned cache needs room for at least one entry, not ${maxEntries}`);
  }
  // A Map iterates in insertion order: a hit is moved to the end, so the first key is the least
  // recently used, the one dropped when the cache is full.
  const entries = new Map<string, Entry<T>>();
  const computing = new Map<string, Promise<T>>();
  let hits = 0;
  let misses = 0;

  function keep(fullKey: string, version: number, value: T) {
    const kept = entries.get(fullKey);
    // A slower computation from an older version must not replace a newer one's.
    if (kept && kept.version > version) return;
    entries.delete(fullKey);
    entries.set(fullKey, { version, value });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  return {
    async get(db, organisationId, key, compute) {
      const version = await readVersion(db, organisationId);
      const fullKey = `${organisationId}\u0000${key}`;
      const kept = entries.get(fullKey);
      if (kept && kept.version === version) {
        hits += 1;
        entries.delete(fullKey);
        entries.set(fullKey, kept);
        return kept.value;
      }
      const flightKey = `${fullKey}\u0000${version}`;
      const inFlight = computing.get(flightKey);
      if (inFlight) {
        hits += 1;
        return inFlight;
      }
      misses += 1;
      const computation = compute().then(
        (value) => {
          computing.delete(flightKey);
          keep(fullKey, version, value);
          return value;
        },
        (error: unknown) => {
          computing.delete(flightKey);
          throw error;
        },
      );
      computing.set(flightKey, computation);
      return computation;
    },
    counts: () => ({ hits, misses, entries: entries.size }),
  };
}
