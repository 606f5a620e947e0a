import type { Db } from '../data/db.ts';
import { createApiTokensService } from './api-tokens.service.ts';
import { createAuditService } from './audit.service.ts';
import { createAuthService } from './auth.service.ts';
import { createBreakdownsService } from './breakdowns.service.ts';
import { createCollectionService } from './collection.service.ts';
import { createImportExportService } from './import-export.service.ts';
import { createFrameworkService } from './framework.service.ts';
import { createGovernanceService } from './governance.service.ts';
import { createItemsService } from './items.service.ts';
import { createMeasuresService } from './measures.service.ts';
import { createOrganisationsService } from './organisations.service.ts';
import { createPartnersService } from './partners.service.ts';
import { createPeopleService } from './people.service.ts';
import { createPerformanceSettingsService } from './performance-settings.service.ts';
import { createPerformanceStatusService } from './performance-status.service.ts';
import { createPerformanceViewsService } from './performance.service.ts';
import { createPlansService } from './plans.service.ts';
import { createPortfoliosService } from './portfolios.service.ts';
import { createRolesService } from './roles.service.ts';
import { createStructureService } from './structure.service.ts';

export interface ServiceDeps {
  db: Db;
  clock: () => Date;
}

/** Every use case, built once in the composition root and handed to web, API, jobs and CLI. */
export function createServices(deps: ServiceDeps) {
  return {
    auth: createAuthService(deps.db, deps.clock),
    organisations: createOrganisationsService(deps.db),
    structure: createStructureService(deps.db),
    people: createPeopleService(deps),
    roles: createRolesService(deps),
    portfolios: createPortfoliosService(deps),
    partners: createPartnersService(deps),
    governance: createGovernanceService(deps),
    apiTokens: createApiTokensService(deps),
    framework: createFrameworkService(deps),
    plans: createPlansService(deps),
    items: createItemsService(deps),
    audit: createAuditService(deps),
    measures: createMeasuresService(deps),
    performance: createPerformanceStatusService(deps),
    performanceViews: createPerformanceViewsService(deps),
    performanceSettings: createPerformanceSettingsService(deps),
    collection: createCollectionService(deps),
    importExport: createImportExportService(deps),
    breakdowns: createBreakdownsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
