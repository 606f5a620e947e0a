import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditEvents } from '../../../schema.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

describe.each(DATABASES)('API tokens on %s', (kind) => {
  let t: TestApp;
  let now = new Date('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
  });
  afterAll(async () => t?.close());

  const tokenFrom = (html: string) => /<code class="app-token" id="new-token">([^<]+)<\/code>/.exec(html)?.[1];
  const bearer = (token: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('creates a token shown once, which reaches the API as its owner, and stops working when revoked', async () => {
    const manager = await t.as('manager');
    const created = await manager.post('/account/api-tokens', { name: 'Power BI', scope: 'write', days: '90' });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const token = tokenFrom(created.body);
    expect(token).toBeTruthy();
    const [row] = await t.deps.database.db.select().from(apiTokens);
    expect(row!.tokenHash).not.toBe(token);
    expect(JSON.stringify((await t.deps.database.db.select().from(auditEvents)).map((e) => e.newValue))).not.toContain(
      token!,
    );
    const units = await bearer(token!, '/api/v1/units');
    expect(units.statusCode).toBe(200);
    expect(units.json().map((u: { id: string }) => u.id)).toContain(t.org.rootUnitId);
    const listed = await manager.get('/account/api-tokens');
    expect(listed.body).toContain('Power BI');
    expect(tokenFrom(listed.body)).toBeUndefined(); // never shown again
    expect(listed.body).not.toContain('Never'); // last used is now recorded
    const revoked = await manager.post(`/account/api-tokens/${row!.id}/revoke`);
    expect(revoked.statusCode).toBe(302);
    expect((await bearer(token!, '/api/v1/units')).statusCode).toBe(401);
    expect((await manager.post(`/account/api-tokens/${row!.id}/revoke`)).statusCode).toBe(409);
    const actions = (await t.deps.database.db.select().from(auditEvents))
      .filter((event) => event.entityId === row!.id)
      .map((event) => event.action);
    expect(actions).toEqual(['create', 'revoke']);
  });

  it('refuses a token without a name, writing nothing', async () => {
    const manager = await t.as('manager');
    const before = (await t.deps.database.db.select().from(apiTokens)).length;
    const response = await manager.post('/account/api-tokens', { name: '  ', scope: 'read', days: '30' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#name"');
    expect((await t.deps.database.db.select().from(apiTokens)).length).toBe(before);
  });

  it("lists only your own tokens and will not revoke someone else's", async () => {
    const owner = await t.as('manager');
    await owner.post('/account/api-tokens', { name: 'Owner token', scope: 'read', days: '30' });
    const [row] = (await t.deps.database.db.select().from(apiTokens)).filter(
      (token) => token.personId === owner.personId,
    );
    const someoneElse = await t.as('administrator');
    expect((await someoneElse.get('/account/api-tokens')).body).not.toContain('Owner token');
    expect((await someoneElse.post(`/account/api-tokens/${row!.id}/revoke`)).statusCode).toBe(404);
    const viewer = await t.as('viewer');
    expect((await viewer.get('/account/api-tokens')).statusCode).toBe(403);
  });

  it('stops the token of someone who has left', async () => {
    const leaver = await t.as('manager');
    const token = tokenFrom(
      (await leaver.post('/account/api-tokens', { name: 'Script', scope: 'read', days: '30' })).body,
    )!;
    expect((await bearer(token, '/api/v1/units')).statusCode).toBe(200);
    const admin = await t.as('administrator');
    await admin.api('POST', `/api/v1/people/${leaver.personId}/leave`, { leftOn: '2025-01-01' });
    expect((await bearer(token, '/api/v1/units')).statusCode).toBe(401);
  });

  it('refuses a token that would make a token, or revoke one: only a signed-in person may', async () => {
    const owner = await t.as('manager');
    const token = tokenFrom(
      (await owner.post('/account/api-tokens', { name: 'Minter', scope: 'write', days: '30' })).body,
    )!;
    const before = (await t.deps.database.db.select().from(apiTokens)).length;
    const minted = await t.app.inject({
      method: 'POST',
      url: '/account/api-tokens',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Child&scope=write&days=365',
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().detail).toContain('signed-in person');
    expect((await t.deps.database.db.select().from(apiTokens)).length).toBe(before);
    expect((await bearer(token, '/account/api-tokens')).statusCode).toBe(403);
    expect((await bearer(token, '/account/sessions')).statusCode).toBe(403);
  });

  it('lets a read-only token read but not write, says which scope and expiry it has, and stops it when it expires', async () => {
    const owner = await t.as('administrator');
    const created = await owner.post('/account/api-tokens', { name: 'Dashboard', scope: 'read', days: '30' });
    const token = tokenFrom(created.body)!;
    expect(created.body).toContain('Read only');
    expect((await bearer(token, '/api/v1/units')).statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ code: 'RO', name: 'Read only', kind: 'team', parentId: null, headPersonId: null }),
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().detail).toContain('may only read');
    const [row] = (await t.deps.database.db.select().from(apiTokens)).filter((r) => r.name === 'Dashboard');
    expect(row!.scope).toBe('read');
    expect(row!.expiresAt!.getTime() - now.getTime()).toBe(30 * 24 * 3600_000);
    now = new Date(now.getTime() + 31 * 24 * 3600_000);
    expect((await bearer(token, '/api/v1/units')).statusCode).toBe(401);
    const caller = (await t.deps.services.auth.principalFor(owner.personId)) as never;
    const listed = await t.deps.services.apiTokens.list(caller);
    expect(listed.find((listedToken) => listedToken.name === 'Dashboard')?.expired).toBe(true);
  });

  it('refuses a token with no scope or lifetime, naming each', async () => {
    const owner = await t.as('manager');
    const response = await owner.post('/account/api-tokens', { name: 'Half filled' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#scope"');
    expect(response.body).toContain('Select how long the token works for');
  });
});
