import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createFrameworkService } from './framework.service.ts';
import type { PlanTypeUsage } from './ports.ts';

export function createFrameworkServices(deps: ServiceDeps & { usage: PlanTypeUsage }) {
  return { framework: createFrameworkService(deps) };
}

export type FrameworkServices = ReturnType<typeof createFrameworkServices>;
