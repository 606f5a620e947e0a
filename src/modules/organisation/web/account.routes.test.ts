import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import type { OrganisationServices } from '../services.ts';
import { accountRoutes } from './account.routes.ts';
import { apiTokensRoutes } from './api-tokens.routes.ts';
import { authRoutes } from './auth.routes.ts';

// The words of the account, API token and sign-in pages, over fake services (see
// test/helpers/route-app.ts): titles, flashes and form messages, as people have always read them.
// What the services do — sessions, second factors, tokens, throttling — is in ../test/.
const ID = '00000000-0000-4000-8000-0000000000f1';

const sessions = { list: vi.fn(), end: vi.fn(), endOthers: vi.fn() };
const secondFactor = { status: vi.fn(), turnOff: vi.fn(), signInRules: vi.fn(), setSignInRules: vi.fn() };
const apiTokens = { list: vi.fn(), revoke: vi.fn() };
const auth = { attempt: vi.fn() };
const passwordLinks = { passwordMinLength: 12, check: vi.fn() };
const services = { sessions, secondFactor, apiTokens, auth, passwordLinks } as unknown as OrganisationServices;

describe('account, API token and sign-in pages’ words over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(accountRoutes, { services });
          await app.register(apiTokensRoutes, { services });
          await app.register(authRoutes, { services, secureCookies: false, clock: () => new Date() });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());

  /** A signed-out form post, as a browser makes it: with the CSRF cookie and token the sign-in page gave. */
  async function signedOutPost(url: string, form: Record<string, string>) {
    const page = await t.public.get('/sign-in');
    const cookie = page.cookies.find((candidate) => candidate.name === 'gt_csrf')!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: `gt_csrf=${cookie.value}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
    });
  }
  beforeEach(() => {
    for (const fake of [sessions, secondFactor, apiTokens, auth].flatMap(Object.values)) fake.mockReset();
    passwordLinks.check.mockReset();
    sessions.list.mockResolvedValue([]);
    secondFactor.status.mockResolvedValue({ on: true, pending: null, recoveryCodesLeft: 3, required: false });
    secondFactor.signInRules.mockResolvedValue({
      administratorsNeedSecondFactor: false,
      secondFactorAfterSingleSignOn: false,
    });
    apiTokens.list.mockResolvedValue([]);
  });

  it('titles the account pages', async () => {
    const admin = t.as('administrator');
    expect((await admin.get('/account/sessions')).body).toContain('<title>Your sessions');
    expect((await admin.get('/account/second-factor')).body).toContain('<title>Your second factor');
    expect((await admin.get('/account/api-tokens')).body).toContain('<title>Your API tokens');
    expect((await admin.get('/council/sign-in-settings')).body).toContain('<title>Sign-in rules');
  });

  it('says which sessions have ended', async () => {
    const admin = t.as('administrator');
    sessions.end.mockResolvedValue({ ok: true, value: null });
    expect(t.flashOf(await admin.post(`/account/sessions/${ID}/end`))).toBe('That session has ended: it is signed out');
    sessions.endOthers.mockResolvedValue({ ok: true, value: { ended: 1 } });
    expect(t.flashOf(await admin.post('/account/sessions/end-others'))).toBe(
      'You have been signed out of 1 other session',
    );
    sessions.endOthers.mockResolvedValue({ ok: true, value: { ended: 3 } });
    expect(t.flashOf(await admin.post('/account/sessions/end-others'))).toBe(
      'You have been signed out of 3 other sessions',
    );
  });

  it('asks for a code to turn the second factor off, and says when it is off', async () => {
    const admin = t.as('administrator');
    const blank = await admin.post('/account/second-factor/off', { code: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter the 6-digit code from your authenticator app');
    expect(secondFactor.turnOff).not.toHaveBeenCalled();
    secondFactor.turnOff.mockResolvedValue({ ok: true, value: null });
    expect(t.flashOf(await admin.post('/account/second-factor/off', { code: '123456' }))).toBe(
      'Your second factor is turned off',
    );
  });

  it('asks for both sign-in rules, and says when they are saved', async () => {
    const admin = t.as('administrator');
    const blank = await admin.post('/council/sign-in-settings', {});
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Select whether administrators need a second factor');
    expect(blank.body).toContain('Select whether people must use their second factor after single sign-on');
    secondFactor.setSignInRules.mockResolvedValue({ ok: true, value: null });
    const saved = await admin.post('/council/sign-in-settings', {
      administratorsNeedSecondFactor: 'yes',
      secondFactorAfterSingleSignOn: 'no',
    });
    expect(t.flashOf(saved)).toBe('Sign-in rules saved');
  });

  it('says a revoked token no longer works', async () => {
    apiTokens.revoke.mockResolvedValue({ ok: true, value: { name: 'Power BI' } });
    const revoked = await t.as('administrator').post(`/account/api-tokens/${ID}/revoke`);
    expect(t.flashOf(revoked)).toBe('Token Power BI revoked: it no longer works');
  });

  it.each([
    [30, '1 minute'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [900, '15 minutes'],
  ])('tells someone throttled for %i seconds to wait %s', async (seconds, wait) => {
    auth.attempt.mockResolvedValue({ kind: 'throttled', retryAfterSeconds: seconds });
    const page = await signedOutPost('/sign-in', { email: 'a@example.gov.uk', password: 'whatever' });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain(
      `There have been too many attempts to sign in. Wait ${wait} before trying again, or reset your password`,
    );
  });

  it('says why a link to set a password cannot be used', async () => {
    passwordLinks.check.mockResolvedValue('expired');
    const page = await t.public.get('/set-password?token=abc');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('This link has expired. Ask the person who added you for a new one');
  });
});
