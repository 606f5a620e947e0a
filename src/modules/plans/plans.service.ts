import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createPlanContext } from './plan-context.ts';
import { createPlanEditing } from './plan-editing.ts';
import { createPlanLifecycle } from './plan-lifecycle.ts';
import { createPlanReading } from './plan-reading.ts';

export type { Plan, PlanDetail } from './plans.types.ts';

/** Plans: reading, editing drafts and the lifecycle, sharing one context (split by use case). */
export function createPlansService(deps: ServiceDeps) {
  const context = createPlanContext(deps);
  return {
    ...createPlanReading(deps, context),
    ...createPlanEditing(deps, context),
    ...createPlanLifecycle(deps, context),
  };
}
