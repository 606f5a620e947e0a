import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createCommitteesService } from './committees.service.ts';
import { createReturnsService } from './returns.service.ts';

export function createCommitteesServices(deps: ServiceDeps) {
  return { committees: createCommitteesService(deps), committeeReturns: createReturnsService(deps) };
}
