import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { PerformanceDeps } from './ports.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { performanceApi } from './api/performance.api.ts';
import { settingsApi } from './api/settings.api.ts';
import { levelViewsApi } from './api/level-views.api.ts';
import { createPerformanceServices } from './services.ts';
import { measurePerformancePanel } from './web/measure-performance.presenter.ts';
import { performanceRoutes } from './web/performance.routes.ts';
import { levelViewsRoutes } from './web/level-views.routes.ts';
import { settingsRoutes } from './web/settings.routes.ts';

/**
 * The performance engine at work: stored statuses (RAG, direction, SPC, forecast), roll-ups,
 * dashboards, framework health and the council's performance settings. It fills the ports of the
 * modules before it (status recalculation, the measure page, the item and plan pages).
 */
export function createPerformanceModule(deps: PerformanceDeps) {
  const services = createPerformanceServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(performanceRoutes, { services });
      await app.register(levelViewsRoutes, { services });
      await app.register(settingsRoutes, { services });
    },
    api: async (api) => {
      await api.register(performanceApi, { services });
      await api.register(settingsApi, { services });
      await api.register(levelViewsApi, { services });
    },
  };
  const views = services.performanceViews;
  /** What the measure, item and plan pages show of performance: the ports those modules own. */
  const pagePerformance = {
    itemRollup: (caller: Caller, itemId: string) => views.itemRollup(caller, itemId),
    planRollup: (caller: Caller, planId: string) => views.planRollup(caller, planId),
    // The page draws the chart; the service and the API return its data only.
    ...measurePerformancePanel(views),
  };
  return { services, web, pagePerformance };
}

export { createPerformanceStatusService } from './performance-status.service.ts';
export { recalculateStatuses, REFRESH_EVERY_MS } from './recalculate.job.ts';
/** The council's official position, for the modules that hold figures before this one (a port). */
export { loadOfficialFrom } from './data/settings.repository.ts';
/** The latest process limits of measures' official figures, for the check of a target (a port). */
export { loadLatestProcessLimits } from './process-limits.ts';
/** Measures' latest stored statuses (RAG and SPC concern), for the improvement plans' trigger. */
export { recentStatuses } from './data/recent-statuses.repository.ts';
/** The roll-up port that actions and projects fill (types only). */
export type { RollupContribution, RollupContributions } from './ports.ts';
