import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { decideRouteAccess, PUBLIC, type Principal } from '../../kernel/access/index.ts';
import { paths } from '../../kernel/paths.ts';
import { createAccessPolicy, type UnitAncestry } from '../access/policy.ts';

export const SESSION_COOKIE = 'gt_session';

/** A port the sign-in module fills: who a session cookie or an API token belongs to. */
export interface PrincipalSource {
  sessionFor(token: string): Promise<{ principal: Principal; csrfToken: string } | null>;
  principalForApiToken(token: string): Promise<Principal | null>;
}

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
      if (decision === 'allow') return;
      if (isApiRequest(request)) {
        const status = decision === 'sign-in' ? 401 : 403;
        return reply
          .code(status)
          .type('application/problem+json')
          .send({
            type: `about:blank`,
            title: status === 401 ? 'Unauthorized' : 'Forbidden',
            status,
            detail:
              status === 401
                ? 'Sign in or send an API token (Authorization: Bearer …)'
                : 'You do not have permission to do this',
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

/** Who is calling: an API token's owner, a session's person, or the public (left as set). */
async function resolvePrincipal(request: FastifyRequest, auth: PrincipalSource): Promise<void> {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) {
    const principal = await auth.principalForApiToken(bearer);
    if (principal) {
      request.principal = principal;
      request.viaApiToken = true;
    }
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const session = await auth.sessionFor(token);
  if (session) {
    request.principal = session.principal;
    request.csrfToken = session.csrfToken;
  }
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}
