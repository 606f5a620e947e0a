import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { frameworkApi } from './api/framework.api.ts';
import type { PlanTypeUsage } from './ports.ts';
import { createFrameworkServices } from './services.ts';
import { frameworkRoutes } from './web/framework.routes.ts';

/** The council's own framework: plan types, item types, template sections and approval steps. */
export function createFrameworkModule(deps: ServiceDeps & { usage: PlanTypeUsage }) {
  const services = createFrameworkServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(frameworkRoutes, { services });
    },
    api: async (api) => {
      await api.register(frameworkApi, { services });
    },
  };
  return { services, web };
}

export type { PlanTypeUsage } from './ports.ts';
export { installDefaultFramework } from './data/default-framework.seed.ts';
export type { InstalledFramework } from './data/default-framework.seed.ts';
export { listPlanTypeDetails, loadPlanTypeDetail } from './data/framework.repository.ts';
export type { ApprovalStepDetail, PlanTypeDetail } from './data/framework.repository.ts';
export { itemTypes, planTypeItemTypes, planTypes } from './data/framework.schema.ts';
