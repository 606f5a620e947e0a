import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, passwordLinks, secondFactors, sessions, signInSettings } from '../../../schema.ts';
import { secretBoxFor } from '../../../container.ts';
import { sealPlainSecondFactorSecrets } from '../index.ts';
import { totp } from '../../../platform/security/totp.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { createPasswordLinksService } from '../password-links.service.ts';
import {
  type Agent,
  createTestApp,
  formBody,
  PAGE_DATABASES,
  TEST_PASSWORD,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';

/**
 * Password reset, the second factor, "Your sessions" and no-store, through HTTP. PGlite only: page
 * and API behaviour over ordinary reads and writes (the throttle's SQL runs on both databases in
 * sign-in-throttle.int.test.ts).
 */
describe.each(PAGE_DATABASES)('account security on %s', (kind) => {
  let t: TestApp;
  let now = new Date('2026-03-02T09:00:10Z');
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
  });
  afterAll(async () => t?.close());

  const db = () => t.deps.database.db;
  const actionsOf = async (personId: string) =>
    (await db().select().from(auditEvents).where(eq(auditEvents.entityId, personId))).map((e) => e.action);
  const sessionCookieOf = (response: LightMyRequestResponse) =>
    response.cookies.find((c) => c.name === 'gt_session')?.value;

  /** The signed-out public's form posts: the anonymous CSRF cookie and token from the sign-in page. */
  async function publicPost(url: string, form: Record<string, string>, extraCookie = '') {
    const page = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const anonymous = page.cookies.find((c) => c.name === 'gt_csrf');
    const cookie = [`gt_csrf=${anonymous?.value}`, extraCookie].filter(Boolean).join('; ');
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ _csrf: csrf, ...form }),
    });
  }

  async function makeToken(agent: Agent): Promise<string> {
    const created = await agent.post('/account/api-tokens', { name: 'Script', scope: 'write', days: '30' });
    return /id="new-token">([^<]+)</.exec(created.body)![1]!;
  }
  const bearer = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { authorization: `Bearer ${token}` } });

  it('resets a forgotten password by an e-mailed single-use link that ends every session and token', async () => {
    const person = await t.as('manager');
    const token = await makeToken(person);
    const second = await t.deps.services.auth.signIn(person.email, TEST_PASSWORD);
    expect((await person.get('/')).statusCode).toBe(200);
    expect((await bearer(token)).statusCode).toBe(200);

    // The page says the same for an address no one holds, and makes a link only for a real one.
    const known = await publicPost('/forgot-password', { email: person.email.toUpperCase() });
    const unknown = await publicPost('/forgot-password', { email: 'nobody.at.all@test.example' });
    expect(known.statusCode).toBe(200);
    expect(unknown.body.replace('nobody.at.all@test.example', 'X')).toBe(
      known.body.replace(person.email.toUpperCase(), 'X'),
    );
    const links = await db().select().from(passwordLinks).where(eq(passwordLinks.personId, person.personId));
    expect(links.map((link) => link.purpose)).toEqual(['reset']);
    expect(links[0]!.expiresAt.getTime() - now.getTime()).toBe(3600_000);

    // The e-mail: what the service sends (the test app has no SMTP, so a service with a mailer).
    const sent: MailMessage[] = [];
    const withMail = createPasswordLinksService(
      { db: db(), clock: t.deps.clock },
      { baseUrl: 'http://localhost', mailer: async (message) => void sent.push(message) },
    );
    now = new Date(now.getTime() + 6 * 60_000); // past the resend pause
    await withMail.requestReset(person.email);
    expect(sent).toHaveLength(1);
    const link = /(\/set-password\?token=\S+)/.exec(sent[0]!.text)![1]!;
    const resetToken = decodeURIComponent(link.split('token=')[1]!);

    const tooCommon = await publicPost('/set-password', {
      token: resetToken,
      password: 'password123456',
      confirmPassword: 'password123456',
    });
    expect(tooCommon.statusCode).toBe(400);
    expect(tooCommon.body).toContain('not on the list of commonly used passwords');
    const done = await publicPost('/set-password', {
      token: resetToken,
      password: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase',
    });
    expect(done.statusCode).toBe(302);

    // Every old session and API token is dead; the new password works; the link is spent.
    expect((await person.get('/account/sessions')).statusCode).toBe(302);
    expect(await t.deps.services.auth.sessionFor(second!.token)).toBeNull();
    expect((await bearer(token)).statusCode).toBe(401);
    expect(await t.deps.services.auth.signIn(person.email, 'a brand new passphrase')).not.toBeNull();
    const again = await publicPost('/set-password', {
      token: resetToken,
      password: 'yet another passphrase',
      confirmPassword: 'yet another passphrase',
    });
    expect(again.statusCode).toBe(400);
    expect(await actionsOf(person.personId)).toEqual(
      expect.arrayContaining(['password-reset-asked', 'reset-password']),
    );
    const [reset] = (await db().select().from(auditEvents).where(eq(auditEvents.entityId, person.personId))).filter(
      (event) => event.action === 'reset-password',
    );
    expect(reset!.newValue).toMatchObject({ sessionsEnded: 2, tokensRevoked: 1 });
  });

  it('turns on a TOTP second factor, then asks for a code at sign-in, taking each code and recovery code once', async () => {
    const person = await t.as('viewer');
    expect((await person.post('/account/second-factor')).statusCode).toBe(302);
    const page = await person.get('/account/second-factor');
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.body)![1]!;
    const wrong = await person.post('/account/second-factor/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    const on = await person.post('/account/second-factor/confirm', { code: totp(secret, now) });
    expect(on.statusCode).toBe(200);
    const recovery = [...on.body.matchAll(/<li><code>([a-z2-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
    expect(recovery).toHaveLength(10);

    // The password alone no longer signs in: it leads to the code page.
    const first = await publicPost('/sign-in', { email: person.email, password: TEST_PASSWORD });
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toContain('/sign-in/code');
    expect(sessionCookieOf(first)).toBeUndefined();
    const pending = first.cookies.find((c) => c.name === 'gt_pending')!;
    const pendingCookie = `gt_pending=${pending.value}`;

    // The code just used to turn it on is refused (used once); the next step's code works.
    const reused = await publicPost('/sign-in/code', { code: totp(secret, now) }, pendingCookie);
    expect(reused.statusCode).toBe(400);
    now = new Date(now.getTime() + 30_000);
    const good = await publicPost('/sign-in/code', { code: totp(secret, now) }, pendingCookie);
    expect(good.statusCode).toBe(302);
    expect(sessionCookieOf(good)).toBeTruthy();

    // A recovery code works once.
    const viaRecovery = await publicPost('/sign-in/code', { code: recovery[0]!.toUpperCase() }, pendingCookie);
    expect(sessionCookieOf(viaRecovery)).toBeTruthy();
    const spent = await publicPost('/sign-in/code', { code: recovery[0]! }, pendingCookie);
    expect(spent.statusCode).toBe(400);
    expect(spent.body).toContain('unused recovery code');

    // Without having given the password, no code page at all.
    const noPassword = await publicPost('/sign-in/code', { code: recovery[1]! });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.body).toContain('Signing in took too long');
    expect(sessionCookieOf(noPassword)).toBeUndefined();
    expect(await actionsOf(person.personId)).toEqual(
      expect.arrayContaining(['second-factor-on', 'second-factor-failed', 'sign-in']),
    );
    // Each session's audit row says how both steps were passed.
    const signIns = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, person.personId), eq(auditEvents.action, 'sign-in')));
    expect(signIns.map((event) => event.newValue)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'password', secondFactor: 'app' }),
        expect.objectContaining({ method: 'password', secondFactor: 'recovery code' }),
      ]),
    );

    // Turned off with a code; audited.
    now = new Date(now.getTime() + 30_000);
    const off = await person.post('/account/second-factor/off', { code: totp(secret, now) });
    expect(off.statusCode).toBe(302);
    expect(await actionsOf(person.personId)).toContain('second-factor-off');
  });

  it('keeps the TOTP secret sealed at rest, and seals one an earlier version stored in the clear', async () => {
    const person = await t.as('viewer');
    await person.post('/account/second-factor');
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec((await person.get('/account/second-factor')).body)![1]!;
    const storedSecret = async () =>
      (await db().select().from(secondFactors).where(eq(secondFactors.personId, person.personId)))[0]!.secret;
    const sealed = await storedSecret();
    expect(sealed).toMatch(/^gcm1:/);
    expect(sealed).not.toContain(secret);

    // As an earlier version left it: the plain base32 secret. Starting the app seals it.
    await db().update(secondFactors).set({ secret }).where(eq(secondFactors.personId, person.personId));
    expect(await sealPlainSecondFactorSecrets(db(), secretBoxFor(t.deps.config))).toBeGreaterThanOrEqual(1);
    expect(await storedSecret()).toMatch(/^gcm1:/);
    expect(await sealPlainSecondFactorSecrets(db(), secretBoxFor(t.deps.config))).toBe(0);
    now = new Date(now.getTime() + 30_000);
    const on = await person.post('/account/second-factor/confirm', { code: totp(secret, now) });
    expect(on.statusCode).toBe(200);

    // A sealed secret moved onto another person's row does not open: no code is accepted for them.
    const other = await t.as('viewer');
    await other.post('/account/second-factor');
    await db()
      .update(secondFactors)
      .set({ secret: await storedSecret() })
      .where(eq(secondFactors.personId, other.personId));
    const moved = await other.get('/account/second-factor');
    expect(moved.statusCode).toBe(500);
    expect(moved.body).not.toContain(secret);
  });

  it('makes administrators turn on a second factor first when the council requires it', async () => {
    const admin = await t.as('administrator');
    const manager = await t.as('manager');
    expect((await manager.get('/council/sign-in-settings')).statusCode).toBe(403);
    const saved = await admin.post('/council/sign-in-settings', {
      administratorsNeedSecondFactor: 'yes',
      secondFactorAfterSingleSignOn: 'no',
    });
    expect(saved.statusCode).toBe(302);
    const page = await admin.get('/plans');
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/account/second-factor');
    expect((await admin.api('GET', '/api/v1/units')).statusCode).toBe(403);
    expect((await admin.get('/account/second-factor')).body).toContain('requires administrators');
    // Others carry on as before.
    expect((await manager.get('/plans')).statusCode).toBe(200);
    // Nor can the administrator lift the rule without enrolling first.
    const dodge = await admin.post('/council/sign-in-settings', {
      administratorsNeedSecondFactor: 'no',
      secondFactorAfterSingleSignOn: 'no',
    });
    expect(dodge.headers.location).toBe('/account/second-factor');
    await db().update(signInSettings).set({ administratorsNeedSecondFactor: false });
    expect((await admin.get('/plans')).statusCode).toBe(200);
  });

  it('lists your sessions and ends the one you choose, or every other one', async () => {
    const person = await t.as('viewer');
    const other = (await t.deps.services.auth.signIn(person.email, TEST_PASSWORD))!;
    const third = (await t.deps.services.auth.signIn(person.email, TEST_PASSWORD))!;
    const page = await person.get('/account/sessions');
    expect(page.statusCode).toBe(200);
    const ids = [...page.body.matchAll(/\/account\/sessions\/([0-9a-f-]{36})\/end/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(2); // the other two; this one has no button
    expect(page.body).toContain('This session');
    const [otherRow] = await db()
      .select()
      .from(sessions)
      .where(and(eq(sessions.personId, person.personId), eq(sessions.csrfToken, other.session.csrfToken)));
    expect((await person.post(`/account/sessions/${otherRow!.id}/end`)).statusCode).toBe(302);
    expect(await t.deps.services.auth.sessionFor(other.token)).toBeNull();
    expect(await t.deps.services.auth.sessionFor(third.token)).not.toBeNull();
    // Someone else's session is not yours to end.
    const stranger = await t.as('viewer');
    const [thirdRow] = await db()
      .select()
      .from(sessions)
      .where(and(eq(sessions.personId, person.personId), eq(sessions.csrfToken, third.session.csrfToken)));
    expect((await stranger.post(`/account/sessions/${thirdRow!.id}/end`)).statusCode).toBe(404);
    expect((await person.post('/account/sessions/end-others')).statusCode).toBe(302);
    expect(await t.deps.services.auth.sessionFor(third.token)).toBeNull();
    expect((await person.get('/account/sessions')).statusCode).toBe(200);
    expect(await actionsOf(person.personId)).toEqual(expect.arrayContaining(['session-ended', 'sessions-ended']));
  });

  it('marks every signed-in page and API answer no-store, and leaves static files cacheable', async () => {
    const person = await t.as('manager');
    for (const url of ['/', '/plans', '/account/sessions']) {
      expect((await person.get(url)).headers['cache-control'], url).toBe('no-store');
    }
    expect((await person.api('GET', '/api/v1/units')).headers['cache-control']).toBe('no-store');
    expect((await bearer(await makeToken(person))).headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units' })).headers['cache-control']).toBe('no-store');
    const css = await t.app.inject({ method: 'GET', url: '/assets/app.css', headers: { cookie: person.cookie } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).not.toBe('no-store');
  });
});
