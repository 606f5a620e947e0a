/**
 * The route × role test, generated from the routes the app itself declares: every route, every
 * role and the signed-out public. The expectation comes from the role → permission table
 * (src/domain/access/roles.ts) through decideRouteAccess, never from the response; a route added
 * tomorrow is covered without touching this file.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemTypes, partners, planItems, plans, planTypes } from '../../src/schema.ts';
import { mayReadAppraisal } from '../../src/modules/plans/domain/index.ts';
import { decideRouteAccess, PUBLIC, type Principal, ROLES, type Role } from '../../src/kernel/access/index.ts';
import type { DeclaredRoute } from '../../src/platform/http/access-control.ts';
import { createTestApp, formBody } from '../helpers/test-app.ts';

type Who = Role | 'public';

interface Caller {
  who: Who;
  principal: Principal;
  cookie: string;
  csrf: string;
}

const t = await createTestApp('pglite');
/** Signing out ends the agent's session, so it goes last. */
const routes: DeclaredRoute[] = [...t.declaredRoutes].sort(
  (a, b) => Number(a.url === '/sign-out') - Number(b.url === '/sign-out'),
);
const callers = new Map<Who, Caller>();
/** 5xx answers: not a failure of access control, but a bug to report to the route's owner. */
const serverErrors: string[] = [];

const isApi = (url: string) => url.startsWith('/api/');

/** A concrete URL for a declared pattern: every :param a random UUID, a wildcard a real asset. */
function concreteUrl(pattern: string): string {
  return pattern.replace(/:\w+(\([^)]*\))?/g, () => randomUUID()).replace(/\*$/, 'app.css');
}

async function send(route: DeclaredRoute, caller: Caller, url: string): Promise<LightMyRequestResponse> {
  const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const headers: Record<string, string> = caller.cookie ? { cookie: caller.cookie } : {};
  if (method === 'GET') return t.app.inject({ method, url, headers });
  if (isApi(url)) {
    return t.app.inject({
      method,
      url,
      headers: { ...headers, 'x-csrf-token': caller.csrf, 'content-type': 'application/json' },
      payload: '{}',
    });
  }
  return t.app.inject({
    method,
    url,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody({ _csrf: caller.csrf }),
  });
}

beforeAll(async () => {
  const [partner] = await t.deps.database.db
    .insert(partners)
    .values({ organisationId: t.org.id, name: 'Route test partnership', kind: 'voluntary' })
    .returning();
  for (const role of ROLES) {
    const agent = await t.as(role, role === 'partner' ? { partnerId: partner!.id } : {});
    const principal = await t.deps.services.auth.principalFor(agent.personId);
    if (principal?.kind !== 'person') throw new Error(`no principal for the ${role} agent`);
    // The agent holds exactly the one role, organisation-wide: the table alone decides.
    expect(principal.grants).toEqual([{ role, unitId: null }]);
    callers.set(role, { who: role, principal, cookie: agent.cookie, csrf: agent.csrf });
  }
  // The signed-out public: a browser that has loaded the sign-in page (anonymous CSRF cookie + token).
  const page = await t.app.inject({ method: 'GET', url: '/sign-in' });
  const csrfCookie = page.cookies.find((cookie) => cookie.name === 'gt_csrf');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!csrfCookie || !token) throw new Error('the sign-in page gave no anonymous CSRF cookie and token');
  callers.set('public', { who: 'public', principal: PUBLIC, cookie: `gt_csrf=${csrfCookie.value}`, csrf: token });
});

afterAll(async () => {
  if (serverErrors.length > 0) {
    console.warn(`Routes answering 5xx on a random id (bugs for their owners):\n  ${serverErrors.join('\n  ')}`);
  }
  await t.close();
});

/**
 * Before the route × role run below, which signs every agent out at its end. The record case: an individual plan (an appraisal) and its objective, asked for by id on every
 * GET route of plans and items as every role. The route rule lets a role in; the appraisal rule
 * (src/modules/plans/domain/appraisal.ts) then decides: the owner's managers, HR and
 * administrators read it, and for everyone else it does not exist (404).
 */
describe('an individual plan for every role', () => {
  it('is answered by the appraisal rule once the route rule lets the role in', async () => {
    const db = t.deps.database.db;
    const organisationId = t.org.id;
    const owner = await t.as(null);
    const [type] = await db
      .insert(planTypes)
      .values({ organisationId, key: 'individual-plan', name: 'Individual plan', level: 6, templateSections: [] })
      .returning();
    const [itemType] = await db
      .insert(itemTypes)
      .values({ organisationId, key: 'individual-objective', name: 'Individual objective' })
      .returning();
    const [plan] = await db
      .insert(plans)
      .values({
        organisationId,
        lineageId: randomUUID(),
        planTypeId: type!.id,
        title: 'Route test appraisal',
        periodStart: '2025-04-01',
        periodEnd: '2026-03-31',
        owningUnitId: t.org.rootUnitId,
        ownerPersonId: owner.personId,
        status: 'approved',
      })
      .returning();
    const [item] = await db
      .insert(planItems)
      .values({ organisationId, planId: plan!.id, itemTypeId: itemType!.id, code: 'IO-1', title: 'Objective' })
      .returning();
    const byId = routes.filter((r) => r.method === 'GET' && /^(\/api\/v1)?\/(plans|items)\/:\w+/.test(r.url));
    expect(byId.length).toBeGreaterThan(4);
    const facts = { ownerPersonId: owner.personId, managersOfOwner: [], owningUnitAncestry: [t.org.rootUnitId] };
    const wrong: string[] = [];
    for (const route of byId) {
      const url = route.url.replace(/:\w+/, /^(\/api\/v1)?\/items\//.test(route.url) ? item!.id : plan!.id);
      for (const role of ROLES) {
        const caller = callers.get(role)!;
        if (decideRouteAccess(route.access, caller.principal) !== 'allow') continue;
        const status = (await send(route, caller, url)).statusCode;
        const readable = mayReadAppraisal(caller.principal, facts);
        if (readable ? status === 404 || status === 403 : status !== 404) wrong.push(`${role} ${url}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

const ALLOWED_PER_ROUTE = 3;
const REFUSED_PER_ROUTE = 2;
/** Each route's place among the routes with the same access rule: the turn its sample starts at. */
const placeInRule = new Map<DeclaredRoute, number>();
/** How many routes have each access rule (by its JSON). */
const routesInRule = new Map<string, number>();
for (const route of routes) {
  const key = JSON.stringify(route.access);
  placeInRule.set(route, routesInRule.get(key) ?? 0);
  routesInRule.set(key, (routesInRule.get(key) ?? 0) + 1);
}
/**
 * The roles asked on a route: of those the rule lets in (`allow`) or turns away (`deny`), a few,
 * the next few in turn for each route with the same access rule, so that across a rule's routes
 * every role is asked (checked below).
 */
function askedRolesFor(route: DeclaredRoute, outcome: 'allow' | 'deny' = 'allow'): Set<string> {
  const index = placeInRule.get(route)!;
  // Refusals are cheap (answered before the handler): a rule on too few routes to give each role it
  // turns away a turn asks more of them per route, so every refused role is asked.
  const perRoute =
    outcome === 'allow'
      ? ALLOWED_PER_ROUTE
      : Math.max(REFUSED_PER_ROUTE, Math.ceil(ROLES.length / routesInRule.get(JSON.stringify(route.access))!));
  const candidates = ROLES.filter((role) => decideRouteAccess(route.access, callers.get(role)!.principal) === outcome);
  const asked = new Set<string>();
  for (let step = 0; step < Math.min(perRoute, candidates.length); step += 1) {
    asked.add(candidates[(index * perRoute + step) % candidates.length]!);
  }
  return asked;
}

describe('every declared route for every role and the public', () => {
  it('declares routes at all (the app built)', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  /**
   * The signed-out public is asked on every route. Of the roles the rule lets in, whose requests
   * run the handler on the database, three are asked per route, and of those it turns away, two:
   * the next ones in turn for each route with the same access rule, so that across a rule's routes
   * every role is asked both ways (checked below). One hook applies every route's declared rule;
   * what each role may do is decideRouteAccess's, unit-tested. Asking every role on every route
   * had made this the suite's longest file (100 s) as the routes passed 550.
   */

  it.each(routes.map((route) => [`${route.method} ${route.url}`, route] as const))('%s', async (_name, route) => {
    const wrong: string[] = [];
    const asked = new Set([...askedRolesFor(route, 'allow'), ...askedRolesFor(route, 'deny'), 'public']);
    for (const who of [...ROLES, 'public'] as const) {
      const caller = callers.get(who)!;
      const expected = decideRouteAccess(route.access, caller.principal);
      if (!asked.has(who)) continue;
      const url = concreteUrl(route.url);
      const response = await send(route, caller, url);
      const status = response.statusCode;
      const location = String(response.headers.location ?? '');
      const toSignIn = status >= 300 && status < 400 && location.startsWith('/sign-in');
      if (status >= 500) serverErrors.push(`${route.method} ${url} as ${who}: ${status}`);
      const fine =
        expected === 'allow'
          ? status !== 401 && status !== 403 && !toSignIn
          : expected === 'deny'
            ? status === 403
            : isApi(route.url)
              ? status === 401
              : status === 302 && toSignIn;
      if (!fine) wrong.push(`${who}: expected ${expected}, got ${status}${location ? ` → ${location}` : ''}`);
    }
    expect(wrong, `access rule ${JSON.stringify(route.access)}`).toEqual([]);
  });
});

function routesByRule(): Map<string, DeclaredRoute[]> {
  const rulesOf = new Map<string, DeclaredRoute[]>();
  for (const route of routes) {
    const key = JSON.stringify(route.access);
    rulesOf.set(key, [...(rulesOf.get(key) ?? []), route]);
  }
  return rulesOf;
}

describe('the sample of roles asked', () => {
  it('asks every role the rule turns away on at least one route of each access rule', () => {
    const missed: string[] = [];
    for (const [rule, list] of routesByRule()) {
      const asked = new Set(list.flatMap((route) => [...askedRolesFor(route, 'deny')]));
      for (const role of ROLES) {
        const refused = decideRouteAccess(list[0]!.access, callers.get(role)!.principal) === 'deny';
        if (refused && !asked.has(role)) missed.push(`${role} under ${rule}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('asks every role the rule lets in on at least one route of each access rule', () => {
    const missed: string[] = [];
    for (const [rule, list] of routesByRule()) {
      const asked = new Set(list.flatMap((route) => [...askedRolesFor(route)]));
      const allowed = ROLES.filter(
        (role) => decideRouteAccess(list[0]!.access, callers.get(role)!.principal) === 'allow',
      );
      // A rule on too few routes to give every role it lets in a turn is asked as far as it goes.
      if (list.length * ALLOWED_PER_ROUTE < allowed.length) continue;
      for (const role of allowed) if (!asked.has(role)) missed.push(`${role} under ${rule}`);
    }
    expect(missed).toEqual([]);
  });
});

describe('the declared list is complete', () => {
  /** Every (method, path) Fastify will route, read from its route tree (HEAD is added by Fastify). */
  function knownRoutes(): { method: string; url: string }[] {
    const found: { method: string; url: string }[] = [];
    const stack: string[] = [];
    for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([^)]+)\))?$/.exec(line);
      if (!match) continue;
      const depth = match[1]!.length / 4;
      stack.length = depth;
      const path = (stack[depth - 1] ?? '') + match[2]!;
      stack.push(path);
      for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
        if (method && method !== 'HEAD') found.push({ method, url: path });
      }
    }
    return found;
  }

  it('covers every route Fastify knows, and nothing Fastify does not', () => {
    const known = knownRoutes();
    const declared = new Set(routes.map((route) => `${route.method} ${route.url}`));
    expect(declared.size).toBe(routes.length);
    // The tree printer drops the static prefix of a wildcard route ('/assets/*' prints as '/*').
    const isDeclared = ({ method, url }: { method: string; url: string }) =>
      declared.has(`${method} ${url}`) ||
      (url.endsWith('*') &&
        routes.some((r) => r.method === method && r.url.endsWith('*') && r.url.startsWith(url.slice(0, -1))));
    expect(known.filter((route) => !isDeclared(route))).toEqual([]);
    expect(known.length).toBe(routes.length);
    for (const route of routes) {
      expect(t.app.hasRoute({ method: route.method, url: route.url }), `${route.method} ${route.url}`).toBe(true);
    }
  });
});
