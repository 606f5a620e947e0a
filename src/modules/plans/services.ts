import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createItemsService } from './items.service.ts';
import type { PlanPageFunding, PlanPagePerformance, PlanPageRisks } from './ports.ts';
import { createPlansService } from './plans.service.ts';

export function createPlansServices(deps: ServiceDeps) {
  return { plans: createPlansService(deps), items: createItemsService(deps) };
}

export type PlansServices = ReturnType<typeof createPlansServices>;

/** What the plan and item pages use: this module's services and the ports later modules fill. */
export type PlansPageServices = PlansServices & {
  performanceViews: PlanPagePerformance;
  itemRisks: PlanPageRisks;
  /** Optional so a test's fake need not give it: no budget shown. */
  itemFunding?: PlanPageFunding;
};
