import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import { createBreakdownsService } from './breakdowns.service.ts';
import { createMeasuresService } from './measures.service.ts';
import type {
  MeasurePageActions,
  MeasurePageImprovementPlan,
  MeasurePagePerformance,
  MeasurePageRisks,
  TargetPorts,
} from './ports.ts';

export function createMeasuresServices(deps: ServiceDeps & TargetPorts) {
  const measures = createMeasuresService(deps);
  return { measures, breakdowns: createBreakdownsService({ ...deps, measures }) };
}

export type MeasuresServices = ReturnType<typeof createMeasuresServices>;

/** What the measure pages use: this module's services, people and units, and the performance, improvement-plan and actions ports. */
export type MeasuresPageServices = MeasuresServices &
  Pick<OrganisationServices, 'people' | 'structure'> & {
    performanceViews: MeasurePagePerformance;
    improvementPlanView?: MeasurePageImprovementPlan | undefined;
    riskView?: MeasurePageRisks | undefined;
    actionsView?: MeasurePageActions | undefined;
  };
