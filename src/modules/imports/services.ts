import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { StatusRecalculation } from '../collection/index.ts';
import { createImportExportService } from './import-export.service.ts';
import type { OfficialPosition } from './ports.ts';
import type { ProcessLimitsSource } from '../measures/index.ts';

export function createImportsServices(
  deps: ServiceDeps & {
    statuses: StatusRecalculation;
    official: OfficialPosition;
    processLimits: ProcessLimitsSource;
  },
) {
  return { importExport: createImportExportService(deps) };
}

export type ImportsServices = ReturnType<typeof createImportsServices>;
