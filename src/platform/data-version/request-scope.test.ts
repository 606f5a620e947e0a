import { describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { readDataVersionInScope, readingVersionsOnce } from './request-scope.ts';

/** A database that answers the version query with the next number each time, counting the reads. */
function database() {
  let reads = 0;
  const db = { execute: async () => ({ rows: [{ version: String(++reads) }] }) } as unknown as Db;
  return { db, reads: () => reads };
}

/** Runs `body` inside a request scope, as the app's hook does for a page. */
function inRequest<T>(body: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => readingVersionsOnce(() => void body().then(resolve, reject)));
}

describe('data version read once per request', () => {
  it('reads a council’s version once in a request, however often it is asked', async () => {
    const primary = database();
    const seen = await inRequest(async () => [
      await readDataVersionInScope(primary.db, 'a'),
      await readDataVersionInScope(primary.db, 'a'),
    ]);
    expect(seen).toEqual([1, 1]);
    expect(primary.reads()).toBe(1);
  });

  it('reads again for another council, another database (the replica) and another request', async () => {
    const primary = database();
    const replica = database();
    await inRequest(async () => {
      expect(await readDataVersionInScope(primary.db, 'a')).toBe(1);
      expect(await readDataVersionInScope(primary.db, 'b')).toBe(2);
      expect(await readDataVersionInScope(replica.db, 'a')).toBe(1);
    });
    expect(await inRequest(() => readDataVersionInScope(primary.db, 'a'))).toBe(3);
    expect(primary.reads()).toBe(3);
    expect(replica.reads()).toBe(1);
  });

  it('reads every time outside a request (jobs, the CLI, writes)', async () => {
    const primary = database();
    expect(await readDataVersionInScope(primary.db, 'a')).toBe(1);
    expect(await readDataVersionInScope(primary.db, 'a')).toBe(2);
  });
});
