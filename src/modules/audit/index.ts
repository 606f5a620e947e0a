import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { auditApi } from './api/audit.api.ts';
import { createAuditServices } from './services.ts';
import { auditRoutes } from './web/audit.routes.ts';

/** The audit trail: who changed what and when, for auditors (the platform writes it). */
export function createAuditModule(deps: ServiceDeps) {
  const services = createAuditServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(auditRoutes, { services });
    },
    api: async (api) => {
      await api.register(auditApi, { services });
    },
  };
  return { services, web };
}
