import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import { reportsApi } from './api/reports.api.ts';
import type { ReportsDeps } from './ports.ts';
import { createReportsServices } from './services.ts';
import { reportFilesRoutes } from './web/report-files.routes.ts';
import { reportSettingsRoutes } from './web/report-settings.routes.ts';
import { reportsRoutes } from './web/reports.routes.ts';

/**
 * The quarterly report: report definitions (audience, scope, cadence, sections), the report for a
 * period assembled from the other modules' stored figures into the neutral Document, "what changed
 * since last quarter", the exception gate, and issue, which freezes the document (corrections are
 * new revisions). Reads the modules before it through their index.ts and its ports (money, framework
 * health); the exception margin is the council's report setting.
 */
export function createReportsModule(deps: ReportsDeps) {
  const services = createReportsServices(deps);
  const web: ModuleWeb = {
    views: fileURLToPath(new URL('./web/views', import.meta.url)),
    pages: async (app) => {
      await app.register(reportsRoutes, { services, clock: deps.clock });
      await app.register(reportFilesRoutes, { services });
      await app.register(reportSettingsRoutes, { services });
    },
    api: async (api) => {
      await api.register(reportsApi, { services });
    },
  };
  /**
   * The document of a report, for the Word, Excel and PDF downloads: an issued report's frozen
   * revision (the latest when none is given).
   */
  const documentFor = (...args: Parameters<typeof services.reports.documentFor>) =>
    services.reports.documentFor(...args);
  return { services, web, documentFor };
}

export { installBuiltInDefinitions } from './reports.service.ts';
export { healthSourceFrom } from './health-source.ts';
export { moneySourceFrom } from './money-source.ts';
export { issuedReportChoices, issuedReportDates, issuedReportExists } from './issued-reports.read.ts';
