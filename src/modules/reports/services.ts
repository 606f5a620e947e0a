import type { ReportsDeps } from './ports.ts';
import { createDraftFilesService } from './draft-files.service.ts';
import { createReportFilesService } from './report-files.service.ts';
import { createReportSettingsService } from './report-settings.service.ts';
import { createReportsService } from './reports.service.ts';

export function createReportsServices(deps: ReportsDeps) {
  const reports = createReportsService(deps);
  return {
    reports,
    reportSettings: createReportSettingsService(deps),
    // Word, PDF and Excel files are made by background jobs on the queue, when there is one.
    reportFiles: createReportFilesService({ db: deps.db, reports, jobs: deps.jobs, printPdf: deps.printPdf }),
    // A draft's files are made in the request and never kept (draft-files.service.ts).
    draftFiles: createDraftFilesService({ reports, printPdf: deps.printPdf }),
  };
}

export type ReportsServices = ReturnType<typeof createReportsServices>;
