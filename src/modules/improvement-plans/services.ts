import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createImprovementPlansService } from './improvement-plans.service.ts';
import { noImplementingActions, type ImplementingActions } from './ports.ts';
import { createImprovementRequestsService, createImprovementSettingsService } from './requests.service.ts';

export interface ImprovementPlansDeps extends ServiceDeps {
  /** The actions that answer plans (the actions module, wired at merge); none until then. */
  actions?: ImplementingActions;
}

export function createImprovementPlansServices(deps: ImprovementPlansDeps) {
  return {
    improvementPlans: createImprovementPlansService(deps, deps.actions ?? noImplementingActions),
    improvementRequests: createImprovementRequestsService(deps),
    improvementSettings: createImprovementSettingsService(deps),
  };
}

export type ImprovementPlansServices = ReturnType<typeof createImprovementPlansServices>;
