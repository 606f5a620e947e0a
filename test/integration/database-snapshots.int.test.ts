import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, people } from '../../src/schema.ts';
import { createTestApp, DATABASES, type TestApp } from '../helpers/test-app.ts';

// The snapshots createTestApp starts from (test/helpers/database-snapshots.ts) are made once and
// copied, on both databases because the copying differs (a PGlite dump, a PostgreSQL template).
describe.each(DATABASES)('test databases from a snapshot on %s', (kind) => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    // On the real clock, like most demo tests: the snapshot they copy is made once per run.
    first = await createTestApp(kind, { demo: true });
    second = await createTestApp(kind, { demo: true });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('starts with the demo council loaded, and says how to sign in to it', async () => {
    expect(first.demo).not.toBeNull();
    const [council] = await first.deps.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, first.demo!.organisationId));
    expect(council?.name).toBe(first.demo!.organisationName);
    const account = first.demo!.accounts[0]!;
    const signedIn = await first.deps.services.auth.signIn(account.email, first.demo!.password);
    expect(signedIn).not.toBeNull();
  });

  it('gives each app its own copy: a change in one is not seen in the other', async () => {
    const { email } = first.demo!.accounts[0]!;
    expect(second.demo!.accounts[0]!.email).toBe(email);
    await first.deps.database.db
      .update(people)
      .set({ name: 'Changed in the first copy' })
      .where(eq(people.email, email));
    const [inFirst] = await first.deps.database.db.select().from(people).where(eq(people.email, email));
    const [inSecond] = await second.deps.database.db.select().from(people).where(eq(people.email, email));
    expect(inFirst?.name).toBe('Changed in the first copy');
    expect(inSecond?.name).toBe(first.demo!.accounts[0]!.name);
  });

  it('leaves the demo out unless asked for', async () => {
    const plain = await createTestApp(kind);
    try {
      expect(plain.demo).toBeNull();
      const all = await plain.deps.database.db.select().from(organisations);
      expect(all.map((o) => o.name)).toEqual(['Test Borough Council']);
    } finally {
      await plain.close();
    }
  });
});
