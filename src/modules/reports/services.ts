import type { ReportsDeps } from './ports.ts';
import { createReportSettingsService } from './report-settings.service.ts';
import { createReportsService } from './reports.service.ts';

export function createReportsServices(deps: ReportsDeps) {
  return { reports: createReportsService(deps), reportSettings: createReportSettingsService(deps) };
}

export type ReportsServices = ReturnType<typeof createReportsServices>;
