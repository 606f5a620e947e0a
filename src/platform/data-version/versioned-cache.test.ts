import { describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import type { Caller } from '../services/caller.ts';
import { createVersionedCache } from './versioned-cache.ts';
import { viewerAccessKey } from './viewer-key.ts';

/** Versions per council, changed by the test as a write would; the cache never sees a real database. */
function councils(initial: Record<string, number>) {
  const versions = new Map(Object.entries(initial));
  return {
    readVersion: async (_db: Db, organisationId: string) => versions.get(organisationId) ?? 0,
    write: (organisationId: string) => versions.set(organisationId, (versions.get(organisationId) ?? 0) + 1),
  };
}

const db = {} as Db;

/** A computation that says how often it ran and what it saw. */
function counter(label: string) {
  let runs = 0;
  return {
    compute: async () => `${label} ${++runs}`,
    runs: () => runs,
  };
}

describe('versioned cache', () => {
  it('serves the kept model while the council is at the version it was built at', async () => {
    const data = councils({ a: 3 });
    const cache = createVersionedCache<string>({ maxEntries: 10, readVersion: data.readVersion });
    const model = counter('model');
    expect(await cache.get(db, 'a', 'council', model.compute)).toBe('model 1');
    expect(await cache.get(db, 'a', 'council', model.compute)).toBe('model 1');
    expect(model.runs()).toBe(1);
    expect(cache.counts()).toEqual({ hits: 1, misses: 1, entries: 1 });
  });

  it('recomputes after a write to the council and never serves the older model again', async () => {
    const data = councils({ a: 1 });
    const cache = createVersionedCache<string>({ maxEntries: 10, readVersion: data.readVersion });
    const model = counter('model');
    await cache.get(db, 'a', 'council', model.compute);
    data.write('a');
    expect(await cache.get(db, 'a', 'council', model.compute)).toBe('model 2');
    expect(await cache.get(db, 'a', 'council', model.compute)).toBe('model 2');
    expect(model.runs()).toBe(2);
  });

  it("keeps a council's model when another council writes", async () => {
    const data = councils({ a: 1, b: 1 });
    const cache = createVersionedCache<string>({ maxEntries: 10, readVersion: data.readVersion });
    const ofA = counter('a');
    const ofB = counter('b');
    await cache.get(db, 'a', 'council', ofA.compute);
    await cache.get(db, 'b', 'council', ofB.compute);
    data.write('b');
    expect(await cache.get(db, 'a', 'council', ofA.compute)).toBe('a 1');
    expect(await cache.get(db, 'b', 'council', ofB.compute)).toBe('b 2');
  });

  it('keeps models of different keys and councils apart', async () => {
    const data = councils({ a: 1, b: 1 });
    const cache = createVersionedCache<string>({ maxEntries: 10, readVersion: data.readVersion });
    expect(await cache.get(db, 'a', 'unit:1', async () => 'a unit 1')).toBe('a unit 1');
    expect(await cache.get(db, 'a', 'unit:2', async () => 'a unit 2')).toBe('a unit 2');
    expect(await cache.get(db, 'b', 'unit:1', async () => 'b unit 1')).toBe('b unit 1');
    expect(await cache.get(db, 'a', 'unit:1', async () => 'recomputed')).toBe('a unit 1');
  });

  it('shares one computation between requests asking at once', async () => {
    const data = councils({ a: 1 });
    const cache = createVersionedCache<string>({ maxEntries: 10, readVersion: data.readVersion });
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const model = counter('model');
    const slow = async () => {
      await gate;
      return model.compute();
    };
    const asked = [cache.get(db, 'a', 'council', slow), cache.get(db, 'a', 'council', slow)];
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    expect(await Promise.all(asked)).toEqual(['model 1', 'model 1']);
    expect(model.runs()).toBe(1);
  });

  it('does not let a slow computation of an older version replace a newer model', async () => {
    const data = councils({ a: 1 });
    const cache = createVersionedCache<string>({ maxEntries: 10, readVersion: data.readVersion });
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const older = cache.get(db, 'a', 'council', async () => {
      await gate;
      return 'built at 1';
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    data.write('a');
    expect(await cache.get(db, 'a', 'council', async () => 'built at 2')).toBe('built at 2');
    release();
    expect(await older).toBe('built at 1');
    expect(await cache.get(db, 'a', 'council', async () => 'recomputed')).toBe('built at 2');
  });

  it('forgets a failed computation, so the next request tries again', async () => {
    const data = councils({ a: 1 });
    const cache = createVersionedCache<string>({ maxEntries: 10, readVersion: data.readVersion });
    await expect(
      cache.get(db, 'a', 'council', async () => {
        throw new Error('database went away');
      }),
    ).rejects.toThrow('database went away');
    expect(await cache.get(db, 'a', 'council', async () => 'model')).toBe('model');
  });

  it('drops the least recently used model when full', async () => {
    const data = councils({ a: 1 });
    const cache = createVersionedCache<string>({ maxEntries: 2, readVersion: data.readVersion });
    await cache.get(db, 'a', 'one', async () => 'one');
    await cache.get(db, 'a', 'two', async () => 'two');
    await cache.get(db, 'a', 'one', async () => 'one again');
    await cache.get(db, 'a', 'three', async () => 'three');
    expect(cache.counts().entries).toBe(2);
    expect(await cache.get(db, 'a', 'one', async () => 'one again')).toBe('one');
    expect(await cache.get(db, 'a', 'two', async () => 'two again')).toBe('two again');
  });

  it('refuses a size that could hold nothing', () => {
    expect(() => createVersionedCache({ maxEntries: 0 })).toThrow('at least one entry, not 0');
  });
});

describe('viewer access key', () => {
  const person = (overrides: Partial<Caller> = {}): Caller => ({
    kind: 'person',
    personId: 'p1',
    organisationId: 'a',
    name: 'Ann',
    partnerId: null,
    grants: [
      { role: 'viewer', unitId: null },
      { role: 'data-entry', unitId: 'u1' },
    ],
    ...overrides,
  });

  it('is the same for two people with the same grants, in any order', () => {
    const other = person({ personId: 'p2', name: 'Bo', grants: [...person().grants].reverse() });
    expect(viewerAccessKey(other)).toBe(viewerAccessKey(person()));
  });

  it.each([
    ['a grant at another unit', { grants: [{ role: 'viewer', unitId: 'u2' }] }],
    ['one grant fewer', { grants: [{ role: 'viewer', unitId: null }] }],
    ['a partnership', { partnerId: 'partner-1' }],
  ] as const)('differs for %s', (_, overrides) => {
    expect(viewerAccessKey(person(overrides as Partial<Caller>))).not.toBe(viewerAccessKey(person()));
  });
});
