import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { decideRouteAccess, PUBLIC, type Principal } from '../../kernel/access/index.ts';
import { paths } from '../../kernel/paths.ts';
import { words } from '../words/index.ts';
import { createAccessPolicy, type UnitAncestry } from '../access/policy.ts';

export const SESSION_COOKIE = 'gt_session';

/** A port the sign-in module fills: who a session cookie or an API token belongs to. */
export interface PrincipalSource {
  sessionFor(
    token: string,
  ): Promise<{ principal: Principal; csrfToken: string; mustEnrolSecondFactor?: boolean } | null>;
  /** The token's owner and scope: a read token may only GET. */
  principalForApiToken(token: string): Promise<{ principal: Principal; scope: 'read' | 'write' } | null>;
}

/** Where a person who must turn on a second factor is sent (the organisation module's page). */
export const SECOND_FACTOR_PATH = paths.secondFactor();
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes registered so far with their declared access: the route × role test walks this list. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: NonNullable<import('fastify').FastifyContextConfig['access']>;
}

/**
 * Deny by default. Every route must declare `config.access`; a route without one throws while the
 * app is being built, so it can never be served. Each request is then checked before its body is read.
 */
export const accessControl = fp(
  async (
    app: FastifyInstance,
    options: {
      auth: PrincipalSource;
      declaredRoutes: DeclaredRoute[];
      /** The unit tree for `request.policy` (the organisation module fills it); without one, only whole-organisation grants reach a unit. */
      ancestry?: UnitAncestry;
    },
  ) => {
    const ancestry: UnitAncestry = options.ancestry ?? (async () => []);
    // Decorated empty (Fastify refuses shared object defaults) and set on every request below.
    app.decorateRequest('principal', null as never);
    app.decorateRequest('csrfToken', undefined);
    app.decorateRequest('viaApiToken', false);
    app.decorateRequest('tokenScope', null);
    app.decorateRequest('mustEnrolSecondFactor', false);
    app.decorateRequest('policy', null as never);
    app.decorateRequest('caller', function caller(this: FastifyRequest) {
      if (this.principal.kind !== 'person') throw new Error('caller() used on a route open to the public');
      return this.principal;
    });

    app.addHook('onRoute', (route) => {
      const access = route.config?.access;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!access) {
        throw new Error(`Route ${methods.join(',')} ${route.url} declares no access rule (config.access)`);
      }
      // HEAD routes must declare access too (Fastify's automatic ones copy their GET's rule), but
      // only the other methods are listed: a HEAD answers exactly as its GET does.
      for (const method of methods) {
        if (method !== 'HEAD') options.declaredRoutes.push({ method, url: route.url, access });
      }
      if (route.config?.static && access !== 'public') {
        throw new Error(`Route ${route.url} is static but not public: static routes skip the session lookup`);
      }
    });

    // Pages and answers for someone signed in, and every API answer, hold what no shared or
    // browser cache should keep (the back button on a shared PC, a proxy): no-store. Static files
    // keep the caching their routes give them.
    app.addHook('onSend', async (request, reply) => {
      if (request.routeOptions.config?.static) return;
      if (request.principal?.kind === 'person' || isApiRequest(request)) reply.header('cache-control', 'no-store');
    });

    // onRequest: the principal is resolved and the route's rule decided before any body is read or
    // parsed (JSON, form or multipart), so a caller without access is refused without the server
    // buffering an upload, and never learns the API's input rules from a validation error.
    app.addHook('onRequest', async (request, reply) => {
      request.principal = PUBLIC;
      // One policy per request: each unit's ancestry is loaded at most once, whatever is checked.
      request.policy = createAccessPolicy(ancestry);
      // Static files (styles, scripts, fonts) are public and carry the cookie on every request:
      // looking up its session would cost a query per asset for nothing.
      if (request.routeOptions.config.static) return;
      await resolvePrincipal(request, options.auth);
      const access = request.routeOptions.config.access;
      // Unmatched requests (404) have no route config; they are answered by the not-found handler.
      if (!access) return;
      const decision = decideRouteAccess(access, request.principal);
      if (decision === 'allow') return refuseBeyondToken(request, reply);
      if (isApiRequest(request)) {
        const status = decision === 'sign-in' ? 401 : 403;
        return reply
          .code(status)
          .type('application/problem+json')
          .send({
            type: `about:blank`,
            title: status === 401 ? 'Unauthorized' : 'Forbidden',
            status,
            detail: status === 401 ? words.httpRefusals.signInOrToken : words.httpRefusals.noPermission,
          });
      }
      if (decision === 'sign-in') {
        return reply.redirect(`${paths.signIn()}?returnTo=${encodeURIComponent(request.url)}`);
      }
      return reply.code(403).render('pages/errors/forbidden.njk', {}, 403);
    });
  },
  { name: 'access-control', dependencies: ['@fastify/cookie'] },
);

/**
 * What an allowed request may still not do: an API token may not reach what only a signed-in person
 * may (making tokens, sessions, second factor: `config.sessionOnly`), a read token may not change
 * anything, and an administrator who must turn on a second factor may do nothing else first.
 */
async function refuseBeyondToken(request: FastifyRequest, reply: FastifyReply) {
  const config = request.routeOptions.config;
  if (
    request.viaApiToken &&
    (config.sessionOnly || (request.tokenScope === 'read' && !SAFE_METHODS.has(request.method)))
  ) {
    const detail = config.sessionOnly ? words.httpRefusals.tokensOnlyBySession : words.httpRefusals.readOnlyToken;
    return reply
      .code(403)
      .type('application/problem+json')
      .send({ type: 'about:blank', title: 'Forbidden', status: 403, detail });
  }
  if (request.mustEnrolSecondFactor && !config.duringEnrolment && config.access !== 'public') {
    if (isApiRequest(request)) {
      return reply.code(403).type('application/problem+json').send({
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: words.httpRefusals.secondFactorFirst,
      });
    }
    return reply.redirect(SECOND_FACTOR_PATH);
  }
}

/** Who is calling: an API token's owner, a session's person, or the public (left as set). */
async function resolvePrincipal(request: FastifyRequest, auth: PrincipalSource): Promise<void> {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) {
    const found = await auth.principalForApiToken(bearer);
    if (found) {
      request.principal = found.principal;
      request.viaApiToken = true;
      request.tokenScope = found.scope;
    }
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const session = await auth.sessionFor(token);
  if (session) {
    request.principal = session.principal;
    request.csrfToken = session.csrfToken;
    request.mustEnrolSecondFactor = session.mustEnrolSecondFactor ?? false;
  }
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}
