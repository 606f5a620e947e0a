import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { itemsApi } from './api/items.api.ts';
import { plansApi } from './api/plans.api.ts';
import {
  NO_ITEM_FUNDING,
  NO_ITEM_RISKS,
  type PlanPageFunding,
  type PlanPagePerformance,
  type PlanPageRisks,
} from './ports.ts';
import { createPlansServices } from './services.ts';
import { itemsRoutes } from './web/items.routes.ts';
import { planDocumentRoutes } from './web/plan-document.routes.ts';
import { plansRoutes } from './web/plans.routes.ts';

/** Plans at every level, their lifecycle and approval, their items and the golden thread. */
export function createPlansModule(deps: ServiceDeps) {
  const services = createPlansServices(deps);
  const web = (ports: {
    performance: PlanPagePerformance;
    risks?: PlanPageRisks;
    funding?: PlanPageFunding;
  }): ModuleWeb => {
    const pageServices = {
      ...services,
      performanceViews: ports.performance,
      itemRisks: ports.risks ?? NO_ITEM_RISKS,
      itemFunding: ports.funding ?? NO_ITEM_FUNDING,
    };
    return {
      views: fileURLToPath(new URL('./web/views', import.meta.url)),
      pages: async (app) => {
        await app.register(plansRoutes, { services: pageServices });
        await app.register(itemsRoutes, { services: pageServices });
        await app.register(planDocumentRoutes, { services: pageServices });
      },
      api: async (api) => {
        await api.register(plansApi, { services });
        await api.register(itemsApi, { services });
      },
    };
  };
  return { services, web };
}

export type { PlansServices } from './services.ts';
export type { ItemRisk, PlanPageFunding, PlanPagePerformance, PlanPageRisks } from './ports.ts';
export { planReadableBy } from './appraisal-access.ts';
export { planTypeUsage } from './data/plan-type-usage.repository.ts';
export { findItem, isSharedWith } from './data/items.repository.ts';
export { findPlan, isSharedWithPartner } from './data/plans.repository.ts';
export { contributionLinks, planEvents, planItemPartners, planItems, plans } from './data/plans.schema.ts';
export { plansStarting } from './data/plans-starting.repository.ts';
