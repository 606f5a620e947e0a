import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createAuditService } from './audit.service.ts';

export function createAuditServices(deps: ServiceDeps) {
  return { audit: createAuditService(deps) };
}

export type AuditServices = ReturnType<typeof createAuditServices>;
