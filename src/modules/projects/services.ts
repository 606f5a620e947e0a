import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createDeliveryService } from './delivery.service.ts';
import { createProgrammesService } from './programmes.service.ts';
import { createProjectsService } from './projects.service.ts';

export function createProjectsServices(deps: ServiceDeps) {
  return {
    programmes: createProgrammesService(deps),
    projects: createProjectsService(deps),
    projectDelivery: createDeliveryService(deps),
  };
}

export type ProjectsServices = ReturnType<typeof createProjectsServices>;
