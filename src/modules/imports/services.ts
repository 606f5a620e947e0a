import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { StatusRecalculation } from '../collection/index.ts';
import { createImportExportService } from './import-export.service.ts';
import { createBackgroundImports } from './import-in-background.ts';
import type { OfficialPosition } from './ports.ts';
import type { ProcessLimitsSource } from '../measures/index.ts';

export function createImportsServices(
  deps: ServiceDeps & {
    statuses: StatusRecalculation;
    official: OfficialPosition;
    processLimits: ProcessLimitsSource;
    /** Where imports above `backgroundImportRows` rows are queued. */
    jobs: JobQueue;
    backgroundImportRows: number;
  },
) {
  const importExport = createImportExportService(deps);
  const backgroundImports = createBackgroundImports({
    jobs: deps.jobs,
    thresholdRows: deps.backgroundImportRows,
    importFile: (caller, kind, bytes, options) => importExport.importFile(caller, kind, bytes, options),
  });
  return { importExport, backgroundImports };
}

export type ImportsServices = ReturnType<typeof createImportsServices>;
