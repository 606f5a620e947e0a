import type { Principal, RouteAccess, SignedIn } from '../../kernel/access/index.ts';
import type { AccessPolicy } from '../access/policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares who may use it; a route without one stops the app from building. */
    access?: RouteAccess;
    /** A public static file: no session is looked up for it (see access-control.ts). */
    static?: boolean;
    /** Only a signed-in person, never an API token, may use it (making and managing tokens, sessions). */
    sessionOnly?: boolean;
    /** Open to an administrator who must first turn on a second factor (the enrolment page, sign-out). */
    duringEnrolment?: boolean;
    /** 'sign-in': posts count against the per-address sign-in rate limit (rate-limits.ts). */
    rateLimit?: 'sign-in';
  }
  interface FastifyRequest {
    principal: Principal;
    /** Set when the request came with a session cookie (forms need its CSRF token). */
    csrfToken: string | undefined;
    viaApiToken: boolean;
    /** The scope of the API token the request came with (null: none). */
    tokenScope: 'read' | 'write' | null;
    /** The session's person must turn on a second factor before anything else. */
    mustEnrolSecondFactor: boolean;
    /** The access policy of this request: `request.policy.can(request.caller(), permission, resource)`. */
    policy: AccessPolicy;
    /** The signed-in caller; only on routes that are not public (the access rule guarantees it). */
    caller(): SignedIn;
    /** What the service navigation needs beyond the grants, loaded for page requests (views.ts). */
    navigationFacts: Readonly<Record<string, boolean>> | null;
  }
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>, statusCode?: number): FastifyReply;
    /**
     * A page showing a model kept between requests: its content rendered once per model object
     * (with the context `contextOf` gives, built from that model alone, and nothing of the person
     * but their access), the layout around it for each request.
     */
    renderKept(template: string, keptFor: object, contextOf: () => Record<string, unknown>): FastifyReply;
    flash(message: string, kind?: 'success' | 'important'): FastifyReply;
  }
}

export {};
