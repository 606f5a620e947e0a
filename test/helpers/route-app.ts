/**
 * The real app (every platform plugin: access control, CSRF, views, error pages) over a module's
 * pages built on FAKE services: for route tests of page and API behaviour (status codes, redirects,
 * error summaries, problem JSON) that need no database. They run in the unit project, in
 * milliseconds; what the services do with SQL stays in the integration tests.
 *
 *   const app = await buildRouteApp([{ views, pages: (app) => app.register(routes, { services: fakes }) }]);
 *   const manager = app.as('manager');
 *   const page = await manager.post('/measures/new', { code: '' });
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Deps } from '../../src/container.ts';
import type { Principal, Role } from '../../src/kernel/access/index.ts';
import { asClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { PrincipalSource } from '../../src/platform/http/access-control.ts';
import { createMemoryRateCounter } from '../../src/platform/http/rate-limits.ts';
import type { ModuleWeb } from '../../src/platform/module.ts';
import { requestsAs, type Requests } from './test-app.ts';
import { refuseUnsaidPhrases } from './unsaid-phrases.ts';

export const ROUTE_TEST_ORGANISATION = '00000000-0000-4000-8000-000000000001';

export interface RouteAgent extends Requests {
  principal: Principal;
  /** The session cookie header ('' for the public). */
  cookie: string;
}

export interface RouteApp {
  app: FastifyInstance;
  /** Someone signed in holding the role over the whole organisation (null: no role at all). */
  as(role: Role | null): RouteAgent;
  /** Someone not signed in. */
  public: RouteAgent;
  /** The flash message a response leaves for the next page (post/redirect/get), or null. */
  flashOf(response: LightMyRequestResponse): string | null;
  close(): Promise<void>;
}

export async function buildRouteApp(web: ModuleWeb[]): Promise<RouteApp> {
  const sessions = new Map<string, { principal: Principal; csrfToken: string }>();
  const auth: PrincipalSource = {
    sessionFor: async (token) => sessions.get(token) ?? null,
    principalForApiToken: async () => null,
  };
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
  // Only what buildApp reads: no database, and no services but sign-in and the navigation's one
  // question (everyone may sign off, so every entry their grants allow shows); the pages bring their fakes.
  const signOffQueue = { mayTakeSomeStep: async () => true };
  const deps = { config, services: { auth, signOffQueue }, web, clock: asClock(() => new Date()) } as unknown as Deps;
  // No database here: rate limits counted in memory.
  const app = await buildApp(deps, { rateCounter: createMemoryRateCounter(deps.clock) });
  refuseUnsaidPhrases(app);
  await app.ready();

  function agent(principal: Principal, token: string | null): RouteAgent {
    const csrfToken = `csrf-${token ?? 'public'}`;
    if (token) sessions.set(token, { principal, csrfToken });
    const cookie = token ? `gt_session=${token}` : '';
    return { principal, cookie, ...requestsAs(app, cookie, csrfToken) };
  }

  let people = 0;
  return {
    app,
    as: (role) => {
      people += 1;
      const principal: Principal = {
        kind: 'person',
        personId: `00000000-0000-4000-9000-${String(people).padStart(12, '0')}`,
        organisationId: ROUTE_TEST_ORGANISATION,
        name: `${role ?? 'Nobody'} ${people}`,
        partnerId: null,
        grants: role ? [{ role, unitId: null }] : [],
      };
      return agent(principal, `session-${people}`);
    },
    public: agent({ kind: 'public' }, null),
    flashOf: (response) => {
      const cookie = response.cookies.find((candidate) => candidate.name === 'gt_flash');
      if (!cookie) return null;
      const unsigned = app.unsignCookie(cookie.value);
      return unsigned.valid && unsigned.value ? (JSON.parse(unsigned.value) as { message: string }).message : null;
    },
    close: () => app.close(),
  };
}
