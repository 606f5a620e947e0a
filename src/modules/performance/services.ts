import type { PerformanceDeps } from './ports.ts';
import { createPerformanceSettingsService } from './performance-settings.service.ts';
import { createPerformanceStatusService } from './performance-status.service.ts';
import { createPerformanceViewsService } from './performance-views.service.ts';

export function createPerformanceServices(deps: PerformanceDeps) {
  const performance = createPerformanceStatusService(deps);
  return {
    performance,
    performanceViews: createPerformanceViewsService(deps),
    performanceSettings: createPerformanceSettingsService({ ...deps, statuses: performance }),
  };
}

export type PerformanceServices = ReturnType<typeof createPerformanceServices>;
