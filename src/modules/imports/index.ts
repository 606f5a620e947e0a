import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { StatusRecalculation } from '../collection/index.ts';
import { importsApi } from './api/imports.api.ts';
import { createImportsServices } from './services.ts';
import type { OfficialPosition } from './ports.ts';
import type { ProcessLimitsSource } from '../measures/index.ts';
import { importsRoutes } from './web/imports.routes.ts';

/** Bulk data in CSV and Excel: measures, breakdowns, targets and values, checked in full first. */
export function createImportsModule(
  deps: ServiceDeps & { statuses: StatusRecalculation; official: OfficialPosition; processLimits: ProcessLimitsSource },
) {
  const services = createImportsServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(importsRoutes, { services });
    },
    api: async (api) => {
      await api.register(importsApi, { services });
    },
  };
  return { services, web };
}

export type { ImportOptions } from './import-export.service.ts';
export type { OfficialPosition } from './ports.ts';
export { CLI_LIMITS } from './import-export.service.ts';
/** Reading a CSV or XLSX upload with the workbook guard, for modules with their own imports (money). */
export { FileProblem, readTable, type FileFormat } from './import-files.ts';
