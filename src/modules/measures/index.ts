import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import { measuresApi } from './api/measures.api.ts';
import type {
  MeasurePageActions,
  MeasurePageImprovementPlan,
  MeasurePagePerformance,
  MeasurePageRisks,
  TargetPorts,
} from './ports.ts';
import { createMeasuresServices } from './services.ts';
import { measuresRoutes } from './web/measures.routes.ts';

/** Measure definitions, their links to plan items, assignees, breakdowns and versioned targets. */
export function createMeasuresModule(deps: ServiceDeps & { organisation: OrganisationServices } & TargetPorts) {
  const services = createMeasuresServices(deps);
  const web = (ports: {
    performance: MeasurePagePerformance;
    improvementPlan?: MeasurePageImprovementPlan;
    risks?: MeasurePageRisks;
    actions?: MeasurePageActions;
  }): ModuleWeb => {
    const { people, structure } = deps.organisation;
    const pageServices = {
      ...services,
      people,
      structure,
      performanceViews: ports.performance,
      improvementPlanView: ports.improvementPlan,
      riskView: ports.risks,
      actionsView: ports.actions,
    };
    return {
      views: fileURLToPath(new URL('./web/views', import.meta.url)),
      pages: async (app) => {
        await app.register(measuresRoutes, { services: pageServices });
      },
      api: async (api) => {
        await api.register(measuresApi, { services });
      },
    };
  };
  return { services, web };
}

export type {
  MeasurePageActions,
  MeasurePageImprovementPlan,
  MeasurePagePerformance,
  MeasurePageRisks,
  ProcessLimitsSource,
} from './ports.ts';
export { targetWarnings } from './target-warnings.ts';
export { isVisibleToPartner } from './data/measures.repository.ts';
export * as measuresRepository from './data/measures.repository.ts';
export { breakdownInput } from './measure-links.service.ts';
export { deferSeriesRefresh, refreshSeries } from './data/series.repository.ts';
export { collectionRules, nonWorkingDays, periodLocks, remindersSent } from './data/collection-calendar.schema.ts';
export {
  measureAssignees,
  measureBreakdowns,
  measureItemLinks,
  measureStatuses,
  measureTargets,
  measureValueEvents,
  measureValues,
  measures,
  spcRebases,
} from './data/measures.schema.ts';
