import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { noSecretBox, type SecretBox } from '../../platform/security/secret-box.ts';
import { createApiTokensService } from './api-tokens.service.ts';
import { createAuthService } from './auth.service.ts';
import { createGovernanceService } from './governance.service.ts';
import { createOrganisationsService, type SetUpOrganisation } from './organisations.service.ts';
import { createPartnersService } from './partners.service.ts';
import { createPasswordLinksService, type PasswordLinkDeps } from './password-links.service.ts';
import { createPeopleService } from './people.service.ts';
import { createPortfoliosService } from './portfolios.service.ts';
import { createRolesService } from './roles.service.ts';
import { createStructureService } from './structure.service.ts';
import { createSecondFactorService } from './second-factor.service.ts';
import { createSessionsService } from './sessions.service.ts';

export type OrganisationDeps = ServiceDeps & {
  setUpOrganisation: SetUpOrganisation;
  passwordLinks?: PasswordLinkDeps;
  /** Seals second-factor secrets at rest (from configuration). */
  secrets?: SecretBox;
};

/** The organisation module's use cases: the council, its structure, people, roles and bodies. */
export function createOrganisationServices(deps: OrganisationDeps) {
  // Without one (benchmarks, CLI commands), second factors cannot be set up or checked.
  const secrets = deps.secrets ?? noSecretBox;
  return {
    auth: createAuthService(deps.db, deps.clock, secrets),
    organisations: createOrganisationsService(deps.db, deps.setUpOrganisation),
    structure: createStructureService(deps.db),
    people: createPeopleService(deps),
    roles: createRolesService(deps),
    portfolios: createPortfoliosService(deps),
    partners: createPartnersService(deps),
    governance: createGovernanceService(deps),
    apiTokens: createApiTokensService(deps),
    passwordLinks: createPasswordLinksService(deps, deps.passwordLinks ?? { baseUrl: 'http://localhost:3000' }),
    secondFactor: createSecondFactorService({ ...deps, secrets }),
    sessions: createSessionsService(deps),
  };
}

export type OrganisationServices = ReturnType<typeof createOrganisationServices>;
