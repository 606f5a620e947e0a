import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { StatusRecalculation } from '../collection/index.ts';
import { createImportExportService } from './import-export.service.ts';

export function createImportsServices(deps: ServiceDeps & { statuses: StatusRecalculation }) {
  return { importExport: createImportExportService(deps) };
}

export type ImportsServices = ReturnType<typeof createImportsServices>;
