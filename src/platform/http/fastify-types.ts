import type { Principal, RouteAccess, SignedIn } from '../../kernel/access/index.ts';
import type { AccessPolicy } from '../access/policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares who may use it; a route without one stops the app from building. */
    access?: RouteAccess;
    /** A public static file: no session is looked up for it (see access-control.ts). */
    static?: boolean;
  }
  interface FastifyRequest {
    principal: Principal;
    /** Set when the request came with a session cookie (forms need its CSRF token). */
    csrfToken: string | undefined;
    viaApiToken: boolean;
    /** The access policy of this request: `request.policy.can(request.caller(), permission, resource)`. */
    policy: AccessPolicy;
    /** The signed-in caller; only on routes that are not public (the access rule guarantees it). */
    caller(): SignedIn;
    /** What the service navigation needs beyond the grants, loaded for page requests (views.ts). */
    navigationFacts: Readonly<Record<string, boolean>> | null;
  }
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>, statusCode?: number): FastifyReply;
    flash(message: string, kind?: 'success' | 'important'): FastifyReply;
  }
}

export {};
