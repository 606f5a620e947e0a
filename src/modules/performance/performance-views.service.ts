/**
 * How the performance engine is used, one use case per file: the full picture of one measure
 * (measure-performance.service), the roll-up along the golden thread (rollups.service), the
 * corporate dashboard (dashboard.service) and framework health (framework-health.service).
 *
 * Only the single-measure picture is computed on request (one measure's history is small); the
 * roll-up, dashboard and health read the STORED statuses (measure_statuses, kept up to date by
 * performance-status.service when values or targets change), so no request recomputes the council.
 */
import type { PerformanceDeps } from './ports.ts';
import { createDashboardService } from './dashboard.service.ts';
import { createFrameworkHealthService } from './framework-health.service.ts';
import { createMeasurePerformanceService } from './measure-performance.service.ts';
import { createMeasureViewsService } from './measure-views.service.ts';
import { createRollupsService } from './rollups.service.ts';

export type * from './performance-views.types.ts';

/** The performance views composed into one face, as the API, the pages and the page ports use them. */
export function createPerformanceViewsService(deps: PerformanceDeps) {
  // The dashboards and the measure list behind their counts only read stored statuses, so they
  // read from the replica when there is one (docs/scaling.md); a moment's lag is harmless there.
  const reporting = { ...deps, db: deps.readDb ?? deps.db };
  return {
    ...createMeasurePerformanceService(deps),
    ...createRollupsService(deps),
    ...createDashboardService(reporting),
    ...createFrameworkHealthService(deps),
    ...createMeasureViewsService(reporting),
  };
}
