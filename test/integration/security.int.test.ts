import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, people, sessions, units } from '../../src/schema.ts';
import { newToken, sha256 } from '../../src/modules/organisation/auth.service.ts';
import { createTestApp, DATABASES, formBody, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';

const validUnit = (code: string) => ({ code, name: code, kind: 'team', parentId: null, headPersonId: null });

describe.each(DATABASES)('security on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  /** A browser's first visit to the sign-in page: its anonymous CSRF cookie and the form's token. */
  async function signInPage(cookie?: string): Promise<{ cookie: string; csrf: string }> {
    const page = await t.app.inject({ method: 'GET', url: '/sign-in', headers: cookie ? { cookie } : {} });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    const anonymous = page.cookies.find((c) => c.name === 'gt_csrf');
    if (!token) throw new Error('no CSRF field on the sign-in page');
    const cookies = [cookie, anonymous ? `gt_csrf=${anonymous.value}` : undefined].filter(Boolean);
    return { cookie: cookies.join('; '), csrf: token };
  }

  async function signIn(email: string, extra: { cookie?: string; returnTo?: string } = {}) {
    const { cookie, csrf } = await signInPage(extra.cookie);
    return t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({
        _csrf: csrf,
        email,
        password: TEST_PASSWORD,
        ...(extra.returnTo === undefined ? {} : { returnTo: extra.returnTo }),
      }),
    });
  }

  const sessionCookieOf = (response: LightMyRequestResponse) => response.cookies.find((c) => c.name === 'gt_session');

  describe('headers', () => {
    it.each(['/', '/sign-in', '/api/v1/units', '/no-such-page'])('sets the security headers on %s', async (url) => {
      const response = await t.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('same-origin');
    });

    it('lets no inline script run but the GOV.UK template one, allowed by its hash', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/sign-in' });
      const inline = [...page.body.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      expect(inline.length).toBeLessThanOrEqual(1);
      const csp = String(page.headers['content-security-policy']);
      for (const script of inline) {
        const { createHash } = await import('node:crypto');
        const hash = createHash('sha256').update(script!).digest('base64');
        expect(csp).toContain(`'sha256-${hash}'`);
      }
    });
  });

  describe('sessions', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie and sends the person where they were going', async () => {
      const agent = await t.as('viewer');
      const response = await signIn(agent.email, { returnTo: '/units' });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/units');
      const cookie = sessionCookieOf(response);
      expect(cookie).toBeDefined();
      expect(cookie!.httpOnly).toBe(true);
      expect(String(cookie!.sameSite).toLowerCase()).toBe('lax');
      expect(cookie!.path).toBe('/');
    });

    it('issues a new session token at every sign-in and never promotes one planted before it', async () => {
      const agent = await t.as('viewer');
      const planted = newToken();
      const first = sessionCookieOf(await signIn(agent.email, { cookie: `gt_session=${planted}` }))!.value;
      expect(first).not.toBe(planted);
      const second = sessionCookieOf(await signIn(agent.email, { cookie: `gt_session=${first}` }))!.value;
      expect(second).not.toBe(first);
      // The planted token means nothing; both real sessions work on their own.
      const plantedVisit = await t.app.inject({
        method: 'GET',
        url: '/units',
        headers: { cookie: `gt_session=${planted}` },
      });
      expect(plantedVisit.statusCode).toBe(302);
      expect(plantedVisit.headers.location).toMatch(/^\/sign-in/);
      for (const token of [first, second]) {
        const visit = await t.app.inject({ method: 'GET', url: '/units', headers: { cookie: `gt_session=${token}` } });
        expect(visit.statusCode).toBe(200);
      }
      // Only hashes are stored (the agent's own first session, then these two): no usable token.
      const stored = (
        await t.deps.database.db.select().from(sessions).where(eq(sessions.personId, agent.personId))
      ).map((s) => s.tokenHash);
      expect(stored).toHaveLength(3);
      expect(stored).toEqual(expect.arrayContaining([sha256(first), sha256(second)]));
      expect(stored).not.toContain(sha256(planted));
      expect(stored).not.toContain(first);
    });

    it('deletes the session on sign-out, so the old cookie leads back to sign-in', async () => {
      const agent = await t.as('viewer');
      const signOut = await agent.post('/sign-out');
      expect(signOut.statusCode).toBe(302);
      const cleared = sessionCookieOf(signOut);
      expect(cleared?.value ?? '').toBe('');
      const stored = await t.deps.database.db.select().from(sessions).where(eq(sessions.personId, agent.personId));
      expect(stored).toEqual([]);
      const after = await agent.get('/units');
      expect(after.statusCode).toBe(302);
      expect(after.headers.location).toBe('/sign-in?returnTo=%2Funits');
      expect((await agent.api('GET', '/api/v1/units')).statusCode).toBe(401);
    });

    // Asked of a password the app itself stores (a new council's administrator), not of the test
    // people's, whose hash the test helper makes cheap on purpose.
    it("stores passwords as argon2id at OWASP's minimum cost or more (19 MiB, two passes)", async () => {
      const created = await t.deps.services.organisations.create({
        name: 'Hash Check Council',
        slug: `hash-check-${kind}`,
        type: 'District council',
        financialYearStartMonth: 4,
        adminName: 'Hash Check',
        adminEmail: `hash.check.${kind}@test.example`,
        adminPassword: TEST_PASSWORD,
      });
      if (!created.ok) throw new Error(`the council was not created: ${JSON.stringify(created)}`);
      const [row] = await t.deps.database.db.select().from(people).where(eq(people.id, created.value.adminPersonId));
      const cost = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/.exec(row!.passwordHash ?? '');
      expect(cost, row!.passwordHash ?? 'no hash').not.toBeNull();
      expect(Number(cost![1])).toBeGreaterThanOrEqual(19_456);
      expect(Number(cost![2])).toBeGreaterThanOrEqual(2);
    });
  });

  describe('sign-in never redirects off the site', () => {
    // Browsers read a backslash as a slash: to them a Location of /\evil.example is //evil.example.
    // Browsers drop tabs and newlines from a URL, so /<tab>/evil.example is //evil.example too; and a
    // control or non-Latin-1 character cannot go in a Location header at all (it was a 500).
    it.each([
      '//evil.example',
      'https://evil.example/',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/%09/evil.example',
      '/%2F/evil.example',
      '/%5Cevil.example',
      '/\n/evil.example',
      '/%0d%0aSet-Cookie:%20x=evil.example',
      '/ /evil.example',
      '/\u20ac/evil.example',
      '/%E2%80%A8/evil.example',
      '/%ZZ/evil.example',
    ])('ignores returnTo=%j', async (returnTo) => {
      const agent = await t.as('viewer');
      const response = await signIn(agent.email, { returnTo });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/');
      const page = await t.app.inject({ method: 'GET', url: `/sign-in?returnTo=${encodeURIComponent(returnTo)}` });
      expect(page.body).not.toContain('evil.example');
    });

    it('keeps a same-site path, query and all', async () => {
      const agent = await t.as('viewer');
      const response = await signIn(agent.email, { returnTo: '/people?show=all' });
      expect(response.headers.location).toBe('/people?show=all');
    });
  });

  describe('CSRF', () => {
    it('refuses a form post without the token, and one with another session’s token', async () => {
      const admin = await t.as('administrator');
      const other = await t.as('administrator');
      for (const payload of ['code=NOCSRF&name=x&kind=team', `code=NOCSRF&name=x&kind=team&_csrf=${other.csrf}`]) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/units/new',
          headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload,
        });
        expect(response.statusCode).toBe(403);
      }
      expect(await t.deps.database.db.select().from(units).where(eq(units.code, 'NOCSRF'))).toEqual([]);
    });

    it('refuses an API call riding on the session cookie without the x-csrf-token header', async () => {
      const admin = await t.as('administrator');
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: { cookie: admin.cookie, 'content-type': 'application/json' },
        payload: JSON.stringify(validUnit('COOKIEONLY')),
      });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(await t.deps.database.db.select().from(units).where(eq(units.code, 'COOKIEONLY'))).toEqual([]);
    });

    it('lets a Bearer API token through without a CSRF token, and refuses a revoked one', async () => {
      const admin = await t.as('administrator');
      const token = newToken();
      const [row] = await t.deps.database.db
        .insert(apiTokens)
        .values({
          organisationId: admin.organisationId,
          personId: admin.personId,
          name: 'CI',
          tokenHash: sha256(token),
        })
        .returning();
      const call = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/units',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload: JSON.stringify(validUnit(`BEARER${Math.random().toString(36).slice(2, 6)}`)),
        });
      expect((await call()).statusCode).toBe(201);
      await t.deps.database.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, row!.id));
      expect((await call()).statusCode).toBe(401);
    });
  });

  describe('problem JSON on the API', () => {
    const problemShape = (status: number) => ({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    });

    it('answers an unknown API path with a 404 problem', async () => {
      const viewer = await t.as('viewer');
      const response = await viewer.api('GET', '/api/v1/no-such-thing');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject(problemShape(404));
    });

    it('answers a missing row with a 404 problem', async () => {
      const viewer = await t.as('viewer');
      const response = await viewer.api('GET', '/api/v1/units/00000000-0000-4000-8000-000000000000');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ ...problemShape(404), code: 'not_found' });
    });

    it('answers a malformed id and a bad body with 400 problems naming the field', async () => {
      const admin = await t.as('administrator');
      const badId = await admin.api('GET', '/api/v1/units/not-a-uuid');
      expect(badId.statusCode).toBe(400);
      expect(badId.headers['content-type']).toContain('application/problem+json');
      expect(badId.json()).toMatchObject({ ...problemShape(400), errors: [{ field: 'id' }] });
      const badBody = await admin.api('POST', '/api/v1/units', { ...validUnit('X'), kind: 42 });
      expect(badBody.statusCode).toBe(400);
      expect(badBody.json()).toMatchObject({ ...problemShape(400), code: 'invalid' });
      expect(badBody.json().errors.map((e: { field: string }) => e.field)).toContain('kind');
    });

    it('never shows the internals of a 401', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/units' });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject(problemShape(401));
    });
  });
});
