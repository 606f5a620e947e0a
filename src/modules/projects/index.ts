import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { projectsApi } from './api/projects.api.ts';
import { createProjectsServices } from './services.ts';
import { deliveryRoutes } from './web/delivery.routes.ts';
import { programmesRoutes } from './web/programmes.routes.ts';
import { projectsRoutes } from './web/projects.routes.ts';

/**
 * Projects and programmes: sponsor, manager and board, stages and milestones, budget, highlight
 * reports on time, cost, scope and quality; projects contribute to plan items like actions do.
 */
export function createProjectsModule(deps: ServiceDeps) {
  const services = createProjectsServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(programmesRoutes, { services });
      await app.register(projectsRoutes, { services, clock: deps.clock });
      await app.register(deliveryRoutes, { services, clock: deps.clock });
    },
    api: async (api) => {
      await api.register(projectsApi, { services });
    },
  };
  return { services, web };
}

export { createProjectRollupContributions, projectRollupContributions } from './rollup-contributions.ts';
export {
  programmes,
  projectItems,
  projectMilestones,
  projects,
  projectStages,
  projectUpdates,
} from './data/projects.schema.ts';
