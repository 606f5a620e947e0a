import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import { createSingleSignOnServices, type SingleSignOnOptions } from './services.ts';
import { singleSignOnRoutes } from './web/single-sign-on.routes.ts';

/**
 * Single sign-on through the council's OpenID Connect provider (Microsoft Entra ID, Google
 * Workspace, any standard provider): the administrator's provider and claim-to-role mappings,
 * sign-in with just-in-time accounts, and sign-out at the provider.
 */
export function createSingleSignOnModule(
  deps: ServiceDeps & { organisation: Pick<OrganisationServices, 'auth'> } & SingleSignOnOptions,
) {
  const services = createSingleSignOnServices(deps);
  const web = (options: { secureCookies: boolean }): ModuleWeb => ({
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(singleSignOnRoutes, {
        services,
        secureCookies: options.secureCookies,
        clock: deps.clock,
        baseUrl: deps.baseUrl.replace(/\/+$/, ''),
      });
    },
  });
  /** For organisation's sign-out: where to end a person's session at the provider. */
  const signOutElsewhere = (organisationId: string, personId: string) =>
    services.singleSignOn.signOutUrl(organisationId, personId);
  return { services, web, signOutElsewhere };
}

export type { SingleSignOnOptions } from './services.ts';
