import type { ReportsDeps } from './ports.ts';
import { createReportsService } from './reports.service.ts';

export function createReportsServices(deps: ReportsDeps) {
  return { reports: createReportsService(deps) };
}

export type ReportsServices = ReturnType<typeof createReportsServices>;
