import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createPerformanceSettingsService } from './performance-settings.service.ts';
import { createPerformanceStatusService } from './performance-status.service.ts';
import { createPerformanceViewsService } from './performance-views.service.ts';

export function createPerformanceServices(deps: ServiceDeps) {
  const performance = createPerformanceStatusService(deps);
  return {
    performance,
    performanceViews: createPerformanceViewsService(deps),
    performanceSettings: createPerformanceSettingsService({ ...deps, statuses: performance }),
  };
}

export type PerformanceServices = ReturnType<typeof createPerformanceServices>;
