import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditEvents } from '../../../schema.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

describe.each(DATABASES)('API tokens on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const tokenFrom = (html: string) => /<code class="app-token" id="new-token">([^<]+)<\/code>/.exec(html)?.[1];
  const bearer = (token: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('creates a token shown once, which reaches the API as its owner, and stops working when revoked', async () => {
    const manager = await t.as('manager');
    const created = await manager.post('/account/api-tokens', { name: 'Power BI' });
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
    const response = await manager.post('/account/api-tokens', { name: '  ' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#name"');
    expect((await t.deps.database.db.select().from(apiTokens)).length).toBe(before);
  });

  it("lists only your own tokens and will not revoke someone else's", async () => {
    const owner = await t.as('manager');
    await owner.post('/account/api-tokens', { name: 'Owner token' });
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
    const token = tokenFrom((await leaver.post('/account/api-tokens', { name: 'Script' })).body)!;
    expect((await bearer(token, '/api/v1/units')).statusCode).toBe(200);
    const admin = await t.as('administrator');
    await admin.api('POST', `/api/v1/people/${leaver.personId}/leave`, { leftOn: '2025-01-01' });
    expect((await bearer(token, '/api/v1/units')).statusCode).toBe(401);
  });
});
