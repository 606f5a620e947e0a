import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import { governanceApi } from './api/governance.api.ts';
import { partnersApi } from './api/partners.api.ts';
import { peopleApi } from './api/people.api.ts';
import { portfoliosApi } from './api/portfolios.api.ts';
import { unitsApi } from './api/units.api.ts';
import { createOrganisationServices, type OrganisationDeps } from './services.ts';
import { apiTokensRoutes } from './web/api-tokens.routes.ts';
import { authRoutes, type SignOutElsewhere } from './web/auth.routes.ts';
import { accountRoutes } from './web/account.routes.ts';
import { governanceRoutes } from './web/governance.routes.ts';
import { partnersRoutes } from './web/partners.routes.ts';
import { peopleRoutes } from './web/people.routes.ts';
import { portfoliosRoutes } from './web/portfolios.routes.ts';
import { unitRoutes } from './web/units.routes.ts';

/**
 * The council itself: its structure of units, people and their roles, portfolios, partners,
 * governance bodies, sign-in and API tokens. Every other module builds on it.
 */
export function createOrganisationModule(deps: OrganisationDeps) {
  const services = createOrganisationServices(deps);
  const web = (options: { secureCookies: boolean; signOutElsewhere?: SignOutElsewhere }): ModuleWeb => ({
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(authRoutes, {
        services,
        secureCookies: options.secureCookies,
        clock: deps.clock,
        signOutElsewhere: options.signOutElsewhere,
      });
      await app.register(accountRoutes, { services });
      await app.register(unitRoutes, { services });
      await app.register(peopleRoutes, { services, clock: deps.clock });
      await app.register(portfoliosRoutes, { services });
      await app.register(partnersRoutes, { services });
      await app.register(governanceRoutes, { services });
      await app.register(apiTokensRoutes, { services });
    },
    api: async (api) => {
      await api.register(unitsApi, { services });
      await api.register(peopleApi, { services });
      await api.register(portfoliosApi, { services });
      await api.register(partnersApi, { services });
      await api.register(governanceApi, { services });
    },
  });
  return { services, web };
}

export type { OrganisationServices } from './services.ts';
export type { FirstStep, SessionInfo, SignInContext } from './auth.service.ts';
export { holdForSecondFactor, safeReturnTo, type SignOutElsewhere } from './web/auth.routes.ts';
export type { PasswordLinkDeps } from './password-links.service.ts';
export { sealPlainSecondFactorSecrets } from './second-factor.service.ts';
export { listUnits, unitDescendants } from './data/units.repository.ts';
export * as unitsRepository from './data/units.repository.ts';
// Single sign-on sets a person's roles to what the council's provider says, in its own transaction.
export * as rolesRepository from './data/roles.repository.ts';
export { mayForWholeOrganisation, unitAncestryIn } from './access.ts';
export { roleAssignments } from './data/access.schema.ts';
export { governanceBodies, governanceBodyMembers } from './data/governance.schema.ts';
export { partners, people, portfolioUnits, portfolios, units } from './data/organisation.schema.ts';
