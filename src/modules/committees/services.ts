import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createCommitteesService } from './committees.service.ts';

export function createCommitteesServices(deps: ServiceDeps) {
  return { committees: createCommitteesService(deps) };
}
