import type { Db } from './platform/db/db.ts';
import { createApiTokensService } from './modules/organisation/api-tokens.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createAuthService } from './modules/organisation/auth.service.ts';
import { createBreakdownsService } from './modules/measures/breakdowns.service.ts';
import { createCollectionService } from './modules/collection/collection.service.ts';
import { createImportExportService } from './modules/imports/import-export.service.ts';
import { createFrameworkService } from './modules/framework/framework.service.ts';
import { createGovernanceService } from './modules/organisation/governance.service.ts';
import { createItemsService } from './modules/plans/items.service.ts';
import { createMeasuresService } from './modules/measures/measures.service.ts';
import { createOrganisationsService } from './modules/organisation/organisations.service.ts';
import { createPartnersService } from './modules/organisation/partners.service.ts';
import { createPeopleService } from './modules/organisation/people.service.ts';
import { createPerformanceSettingsService } from './modules/performance/performance-settings.service.ts';
import { createPerformanceStatusService } from './modules/performance/performance-status.service.ts';
import { createPerformanceViewsService } from './modules/performance/performance-views.service.ts';
import { createPlansService } from './modules/plans/plans.service.ts';
import { createPortfoliosService } from './modules/organisation/portfolios.service.ts';
import { createRolesService } from './modules/organisation/roles.service.ts';
import { createStructureService } from './modules/organisation/structure.service.ts';

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
