import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createItemsService } from './items.service.ts';
import type { PlanPagePerformance, PlanPageRisks } from './ports.ts';
import { createPlansService } from './plans.service.ts';

export function createPlansServices(deps: ServiceDeps) {
  return { plans: createPlansService(deps), items: createItemsService(deps) };
}

export type PlansServices = ReturnType<typeof createPlansServices>;

/** What the plan and item pages use: this module's services and the performance port. */
export type PlansPageServices = PlansServices & { performanceViews: PlanPagePerformance; itemRisks: PlanPageRisks };
