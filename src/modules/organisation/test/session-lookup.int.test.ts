import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, people, roleAssignments, secondFactors, signInSettings } from '../../../schema.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

/**
 * Who a session cookie or an API token belongs to, read in one query on every request: the cases
 * the one query must answer as the separate reads did. Both databases: it is raw SQL (grants
 * aggregated as JSON, the second-factor facts as sub-selects).
 */
describe.each(DATABASES)('the session and token lookup on %s', (kind) => {
  let t: TestApp;
  let now = new Date('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
  });
  afterAll(async () => t?.close());

  const db = () => t.deps.database.db;
  const tokenOf = (cookie: string) => cookie.replace('gt_session=', '');
  const sessionOf = (cookie: string) => t.deps.services.auth.sessionFor(tokenOf(cookie));

  it('gives the person with each current grant, and none that has ended', async () => {
    const person = await t.as('viewer');
    await db()
      .insert(roleAssignments)
      .values({ organisationId: t.org.id, personId: person.personId, role: 'manager', unitId: t.org.rootUnitId });
    const ended = await db()
      .insert(roleAssignments)
      .values({ organisationId: t.org.id, personId: person.personId, role: 'data-entry', unitId: null, endedAt: now })
      .returning();
    expect(ended).toHaveLength(1);
    const session = await sessionOf(person.cookie);
    expect(session).toMatchObject({
      csrfToken: person.csrf,
      mustEnrolSecondFactor: false,
      principal: { kind: 'person', personId: person.personId, organisationId: t.org.id, partnerId: null },
    });
    const grants = session!.principal.kind === 'person' ? session!.principal.grants : [];
    expect(grants).toHaveLength(2);
    expect(grants).toEqual(
      expect.arrayContaining([
        { role: 'viewer', unitId: null },
        { role: 'manager', unitId: t.org.rootUnitId },
      ]),
    );
  });

  it('gives a person holding no role no grants, and a person who has left no session', async () => {
    const nobody = await t.as(null);
    const session = await sessionOf(nobody.cookie);
    expect(session?.principal).toMatchObject({ kind: 'person', personId: nobody.personId, grants: [] });
    await db().update(people).set({ status: 'left' }).where(eq(people.id, nobody.personId));
    expect(await sessionOf(nobody.cookie)).toBeNull();
  });

  it('ends a session when it expires, and knows no made-up token', async () => {
    const person = await t.as('viewer');
    expect(await sessionOf(person.cookie)).not.toBeNull();
    expect(await t.deps.services.auth.sessionFor('not-a-session')).toBeNull();
    const started = now;
    now = new Date(started.getTime() + 8 * 3600_000 + 1000);
    try {
      expect(await sessionOf(person.cookie)).toBeNull();
    } finally {
      now = started;
    }
  });

  it('makes an administrator enrol a second factor only when the council requires one and they have none confirmed', async () => {
    const admin = await t.as('administrator');
    const manager = await t.as('manager');
    const mustEnrol = async (cookie: string) => (await sessionOf(cookie))?.mustEnrolSecondFactor;
    // No settings row: not required.
    await db().delete(signInSettings).where(eq(signInSettings.organisationId, t.org.id));
    expect(await mustEnrol(admin.cookie)).toBe(false);
    await db()
      .insert(signInSettings)
      .values({ organisationId: t.org.id, administratorsNeedSecondFactor: true })
      .onConflictDoUpdate({ target: signInSettings.organisationId, set: { administratorsNeedSecondFactor: true } });
    try {
      expect(await mustEnrol(admin.cookie)).toBe(true);
      expect(await mustEnrol(manager.cookie)).toBe(false);
      // Started but not confirmed is no second factor yet.
      await db()
        .insert(secondFactors)
        .values({ organisationId: t.org.id, personId: admin.personId, secret: 'unconfirmed', createdAt: now });
      expect(await mustEnrol(admin.cookie)).toBe(true);
      await db().update(secondFactors).set({ confirmedAt: now }).where(eq(secondFactors.personId, admin.personId));
      expect(await mustEnrol(admin.cookie)).toBe(false);
    } finally {
      await db().update(signInSettings).set({ administratorsNeedSecondFactor: false });
    }
  });

  it('gives an API token’s owner with their grants and scope, marks it used, and refuses a revoked one', async () => {
    const owner = await t.as('manager', { unitId: t.org.rootUnitId });
    const made = await owner.post('/account/api-tokens', { name: 'Lookup', scope: 'read', days: '30' });
    const token = /id="new-token">([^<]+)</.exec(made.body)![1]!;
    const found = await t.deps.services.auth.principalForApiToken(token);
    expect(found).toMatchObject({
      scope: 'read',
      principal: { kind: 'person', personId: owner.personId, grants: [{ role: 'manager', unitId: t.org.rootUnitId }] },
    });
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.personId, owner.personId));
    expect(row!.lastUsedAt?.getTime()).toBe(now.getTime());
    await db().update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, row!.id));
    expect(await t.deps.services.auth.principalForApiToken(token)).toBeNull();
  });
});
