import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import './fastify-types.ts';
import type { Principal } from '../../kernel/access/index.ts';
import type { PrincipalSource } from './access-control.ts';
import { accessControl, type DeclaredRoute } from './access-control.ts';
import type { UnitAncestry } from '../access/policy.ts';

const VIEWER: Principal = {
  kind: 'person',
  personId: 'p1',
  organisationId: 'o1',
  name: 'Viewer',
  partnerId: null,
  grants: [{ role: 'viewer', unitId: null }],
};

/** Session lookups the fake made, to show which requests cost a query. */
let sessionLookups = 0;

const PLACE_MANAGER: Principal = {
  ...VIEWER,
  personId: 'p2',
  name: 'Manager',
  grants: [{ role: 'manager', unitId: 'place' }],
};

/** Only what the plugin calls: session tokens 'viewer' and 'manager' are signed in, nothing else is. */
const fakeAuth = {
  sessionFor: async (token: string) => {
    sessionLookups += 1;
    return token === 'viewer'
      ? { principal: VIEWER, csrfToken: 'c' }
      : token === 'manager'
        ? { principal: PLACE_MANAGER, csrfToken: 'c' }
        : null;
  },
  principalForApiToken: async () => null,
} as unknown as PrincipalSource;

async function tinyApp(declaredRoutes: DeclaredRoute[] = [], ancestry?: UnitAncestry): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifyCookie, { secret: 'x'.repeat(32) });
  await app.register(accessControl, { auth: fakeAuth, declaredRoutes, ...(ancestry ? { ancestry } : {}) });
  return app;
}

describe('access-control plugin: deny by default', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close().catch(() => {});
    app = undefined;
  });

  it('refuses to build an app with a route that declares no access rule', async () => {
    app = await tinyApp();
    app.get('/declared', { config: { access: 'public' } }, async () => 'ok');
    // Straight on the root instance, the registration itself throws.
    expect(() => app!.get('/forgotten', async () => 'should never be served')).toThrow(
      /GET \/forgotten declares no access rule/,
    );
  });

  it('makes ready() fail for an undeclared route inside a plugin, as buildApp registers them', async () => {
    app = await tinyApp();
    void app.register(async (child) => {
      child.get('/forgotten', async () => 'should never be served');
    });
    await expect(app.ready()).rejects.toThrow(/GET \/forgotten declares no access rule/);
  });

  it('also refuses an undeclared route inside an encapsulated plugin with a prefix', async () => {
    app = await tinyApp();
    void app.register(
      async (child) => {
        child.post('/things', async () => 'nope');
      },
      { prefix: '/api/v1' },
    );
    await expect(app.ready()).rejects.toThrow(/POST \/api\/v1\/things declares no access rule/);
  });

  it('records every declared route with its rule, and builds', async () => {
    const declared: DeclaredRoute[] = [];
    app = await tinyApp(declared);
    app.get('/open', { config: { access: 'public' } }, async () => 'ok');
    app.post('/plans', { config: { access: { permission: 'edit:plans' } } }, async () => 'ok');
    await app.ready();
    expect(declared).toEqual([
      { method: 'GET', url: '/open', access: 'public' },
      { method: 'POST', url: '/plans', access: { permission: 'edit:plans' } },
    ]);
  });

  it('answers 401 on the API, a sign-in redirect on pages, 403 without the permission', async () => {
    app = await tinyApp();
    app.get('/api/v1/plans', { config: { access: { permission: 'edit:plans' } } }, async () => 'ok');
    app.get('/plans', { config: { access: { permission: 'view:plans' } } }, async () => 'ok');
    app.get('/secret', { config: { access: { permission: 'view:audit' } } }, async () => 'ok');
    app.decorateReply(
      'render',
      function render(this: import('fastify').FastifyReply, _t: string, _c: unknown, status?: number) {
        return this.code(status ?? 200).send('forbidden page');
      },
    );
    await app.ready();
    expect((await app.inject({ url: '/api/v1/plans' })).statusCode).toBe(401);
    const page = await app.inject({ url: '/plans' });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Fplans');
    const viewer = { cookie: 'gt_session=viewer' };
    expect((await app.inject({ url: '/plans', headers: viewer })).statusCode).toBe(200);
    expect((await app.inject({ url: '/secret', headers: viewer })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/plans', headers: viewer })).statusCode).toBe(403);
  });

  it('decides access before the body is validated, so a refused caller learns nothing of the schema', async () => {
    app = await tinyApp();
    app.post(
      '/api/v1/units',
      {
        config: { access: { permission: 'manage:structure' } },
        schema: { body: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } } },
      },
      async () => 'created',
    );
    await app.ready();
    const asPublic = await app.inject({ method: 'POST', url: '/api/v1/units', payload: {} });
    expect(asPublic.statusCode).toBe(401);
    const asViewer = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie: 'gt_session=viewer' },
      payload: {},
    });
    expect(asViewer.statusCode).toBe(403);
  });

  it('refuses before the body is parsed: broken JSON from a signed-out caller is 401, not 400', async () => {
    app = await tinyApp();
    let handled = false;
    app.post('/api/v1/units', { config: { access: { permission: 'manage:structure' } } }, async () => {
      handled = true;
      return 'created';
    });
    app.post('/api/v1/open', { config: { access: 'public' } }, async () => 'ok');
    await app.ready();
    const broken = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { 'content-type': 'application/json' },
      payload: '{"code": ',
    });
    expect(broken.statusCode).toBe(401);
    expect(broken.headers['content-type']).toMatch(/application\/problem\+json/);
    const forbidden = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { 'content-type': 'application/json', cookie: 'gt_session=viewer' },
      payload: '{"code": ',
    });
    expect(forbidden.statusCode).toBe(403);
    expect(handled).toBe(false);
    // The same broken body on a route open to all does reach the parser: the 401 was not luck.
    const open = await app.inject({
      method: 'POST',
      url: '/api/v1/open',
      headers: { 'content-type': 'application/json' },
      payload: '{"code": ',
    });
    expect(open.statusCode).toBe(400);
  });

  it('looks up no session for a static route, even with the cookie, and one for any other route', async () => {
    app = await tinyApp();
    app.get('/assets/*', { config: { access: 'public', static: true } }, async () => 'body{}');
    app.get('/page', { config: { access: 'public' } }, async () => 'ok');
    await app.ready();
    sessionLookups = 0;
    const headers = { cookie: 'gt_session=viewer' };
    expect((await app.inject({ url: '/assets/app.css', headers })).statusCode).toBe(200);
    expect((await app.inject({ url: '/assets/app.js', headers })).statusCode).toBe(200);
    expect(sessionLookups).toBe(0);
    expect((await app.inject({ url: '/page', headers })).statusCode).toBe(200);
    expect(sessionLookups).toBe(1);
  });

  it('refuses to build a static route that is not public', async () => {
    app = await tinyApp();
    expect(() =>
      app!.get('/private-file', { config: { access: { permission: 'view:audit' }, static: true } }, async () => 'x'),
    ).toThrow(/static but not public/);
  });

  it("gives every request its own policy, which loads a unit's ancestry once for many checks", async () => {
    const loads: string[] = [];
    const ancestry: UnitAncestry = async (_organisationId, unitId) => {
      loads.push(unitId);
      return unitId === 'highways' ? ['highways', 'place', 'council'] : [unitId];
    };
    app = await tinyApp([], ancestry);
    app.get('/plans/:unit', { config: { access: { permission: 'view:plans' } } }, async (request) => {
      const { unit } = request.params as { unit: string };
      const caller = request.caller();
      const answers = [];
      for (const permission of ['edit:plans', 'submit:plans', 'approve:values'] as const) {
        answers.push(await request.policy.can(caller, permission, { unitId: unit }));
      }
      return answers;
    });
    await app.ready();
    const manager = { cookie: 'gt_session=manager' };
    expect((await app.inject({ url: '/plans/highways', headers: manager })).json()).toEqual([true, true, false]);
    expect((await app.inject({ url: '/plans/waste', headers: manager })).json()).toEqual([false, false, false]);
    expect((await app.inject({ url: '/plans/highways', headers: manager })).json()).toEqual([true, true, false]);
    // Once per request and unit; the third request loads again (a unit may have moved meanwhile).
    expect(loads).toEqual(['highways', 'waste', 'highways']);
  });
});
