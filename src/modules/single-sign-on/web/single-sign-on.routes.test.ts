import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { paths } from '../../../kernel/paths.ts';
import type { SingleSignOnServices } from '../services.ts';
import { singleSignOnRoutes } from './single-sign-on.routes.ts';

// The way back from the provider, over fake services: where each outcome sends the person and
// which cookie it leaves. The provider itself, and the council's rule read from the database, are
// in ../test/single-sign-on.int.test.ts.
const PROVIDER_ID = '00000000-0000-4000-8000-0000000000a1';
const PERSON_ID = '00000000-0000-4000-8000-0000000000b2';

const singleSignOn = { providers: vi.fn(), begin: vi.fn(), complete: vi.fn(), signOutUrl: vi.fn() };
const services = { singleSignOn, singleSignOnSettings: {} } as unknown as SingleSignOnServices;
const cookieOf = (response: LightMyRequestResponse, name: string) =>
  response.cookies.find((cookie) => cookie.name === name);

describe('the single sign-on callback over fake services', () => {
  let r: RouteApp;

  beforeAll(async () => {
    r = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(singleSignOnRoutes, {
            services,
            secureCookies: false,
            clock: () => new Date(),
            baseUrl: 'http://localhost',
          });
        },
      },
    ]);
  });
  afterAll(() => r.close());
  beforeEach(() => {
    vi.resetAllMocks();
    singleSignOn.begin.mockResolvedValue({
      url: 'https://provider.example/authorize',
      pending: { providerId: PROVIDER_ID, state: 's', nonce: 'n', codeVerifier: 'v' },
    });
  });

  /** Leaves for the provider (from `start`), then comes back with the signed cookie the start left. */
  async function comeBack(from = paths.singleSignOnStart(PROVIDER_ID)) {
    const start = await r.public.get(from);
    expect(start.statusCode).toBe(302);
    return r.app.inject({
      method: 'GET',
      url: `${paths.singleSignOnCallback()}?code=c&state=s`,
      cookies: { gt_sso: cookieOf(start, 'gt_sso')!.value },
    });
  }

  it('sends a person the council asks for a code on to the code page, with no session yet', async () => {
    singleSignOn.complete.mockResolvedValue({
      kind: 'second-factor',
      personId: PERSON_ID,
      firstStep: { method: 'single sign-on', issuer: 'https://provider.example' },
    });
    const answer = await comeBack();
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe(`${paths.signInCode()}?returnTo=%2F`);
    expect(cookieOf(answer, 'gt_session')).toBeUndefined();
    const pending = cookieOf(answer, 'gt_pending')!;
    expect(pending.path).toBe(paths.signIn());
    const unsigned = r.app.unsignCookie(pending.value);
    expect(unsigned.valid).toBe(true);
    expect(unsigned.value?.split('.')[0]).toBe(PERSON_ID);
  });

  it('signs a person in straight away when no code is asked for', async () => {
    singleSignOn.complete.mockResolvedValue({
      kind: 'signed-in',
      token: 'new-token',
      session: { principal: { kind: 'public' }, csrfToken: 'x', mustEnrolSecondFactor: false },
    });
    const answer = await comeBack();
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe(paths.home());
    expect(cookieOf(answer, 'gt_session')?.value).toBe('new-token');
    expect(cookieOf(answer, 'gt_pending')).toBeUndefined();
  });

  it('sends an administrator the council requires a second factor of, who has none, to set one up', async () => {
    singleSignOn.complete.mockResolvedValue({
      kind: 'signed-in',
      token: 'new-token',
      session: { principal: { kind: 'public' }, csrfToken: 'x', mustEnrolSecondFactor: true },
    });
    const answer = await comeBack();
    expect(answer.headers.location).toBe(paths.secondFactor());
    expect(cookieOf(answer, 'gt_session')?.value).toBe('new-token');
  });

  describe('where the person was going before signing in', () => {
    const signedIn = {
      kind: 'signed-in',
      token: 'new-token',
      session: { principal: { kind: 'public' }, csrfToken: 'x', mustEnrolSecondFactor: false },
    };

    it('offers the buttons on to the provider carrying it, and the password sign-in too', async () => {
      singleSignOn.providers.mockResolvedValue([{ id: PROVIDER_ID, displayName: 'Test Council' }]);
      const page = await r.public.get(`${paths.singleSignOn()}?returnTo=%2Fmeasures%3Fq%3Dx`);
      expect(page.body).toContain(`href="${paths.singleSignOnStart(PROVIDER_ID)}?returnTo=%2Fmeasures%3Fq%3Dx"`);
      expect(page.body).toContain(`href="${paths.signIn()}?returnTo=%2Fmeasures%3Fq%3Dx"`);
    });

    it('goes there after the provider, straight away or after the code', async () => {
      singleSignOn.complete.mockResolvedValue(signedIn);
      const answer = await comeBack(`${paths.singleSignOnStart(PROVIDER_ID)}?returnTo=%2Fmeasures%3Fq%3Dx`);
      expect(answer.headers.location).toBe('/measures?q=x');

      singleSignOn.complete.mockResolvedValue({
        kind: 'second-factor',
        personId: PERSON_ID,
        firstStep: { method: 'single sign-on', issuer: 'https://provider.example' },
      });
      const held = await comeBack(`${paths.singleSignOnStart(PROVIDER_ID)}?returnTo=%2Fmeasures%3Fq%3Dx`);
      expect(held.headers.location).toBe(`${paths.signInCode()}?returnTo=%2Fmeasures%3Fq%3Dx`);
    });

    it.each([['//elsewhere.example/'], ['https://elsewhere.example/'], ['/\\elsewhere.example']])(
      'goes home instead of to another site (%s)',
      async (returnTo) => {
        singleSignOn.complete.mockResolvedValue(signedIn);
        const answer = await comeBack(
          `${paths.singleSignOnStart(PROVIDER_ID)}?returnTo=${encodeURIComponent(returnTo)}`,
        );
        expect(answer.headers.location).toBe(paths.home());
      },
    );
  });
});
