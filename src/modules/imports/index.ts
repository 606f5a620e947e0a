import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { StatusRecalculation } from '../collection/index.ts';
import { importsApi } from './api/imports.api.ts';
import { createImportsServices } from './services.ts';
import type { OfficialPosition } from './ports.ts';
import type { ProcessLimitsSource } from '../measures/index.ts';
import { importsRoutes } from './web/imports.routes.ts';

/** Bulk data in CSV and Excel: measures, breakdowns, targets and values, checked in full first. */
export function createImportsModule(
  deps: ServiceDeps & {
    statuses: StatusRecalculation;
    official: OfficialPosition;
    processLimits: ProcessLimitsSource;
    jobs: JobQueue;
    backgroundImportRows: number;
  },
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
/** Reading and writing spreadsheet files (CSV, and XLSX behind the workbook guard), for other modules' imports and exports. */
export { FileProblem, readTable, writeCsv, writeXlsx, XLSX_MIME, type FileFormat } from './import-files.ts';
export { WEB_LIMITS } from './import-outline.ts';
