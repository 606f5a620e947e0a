import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { fail, ok, type Result } from '../../../kernel/result.ts';
import type { PreparedFile } from '../report-files.service.ts';
import type { Document } from '../../../platform/documents/document.ts';
import type { ReportsServices } from '../services.ts';
import { reportFilesRoutes } from './report-files.routes.ts';

// The issued report's files over fake services: the web page made at once; a Word, PDF or Excel
// file not made yet offered to be prepared, preparing it going to the background job's page, and a
// file made already sent as it was kept. What the job does is in ../test/reports.int.test.ts.
const REPORT = '00000000-0000-4000-8000-0000000000e1';
const JOB = '00000000-0000-4000-8000-0000000000b1';

const document: Document = { title: 'Quarterly report', subtitle: 'Q2', facts: [], sections: [] };
const notFound = fail({ code: 'not_found' as const, message: 'The issued report was not found' });

const reports = { documentFor: vi.fn(async () => ok(document)) };
const reportFiles = {
  file: vi.fn(async (_c: unknown, id: string, _f: string, revision?: number) =>
    id === REPORT
      ? ok({ revision: revision ?? 2, title: 'Quarterly report', content: null as Buffer | null })
      : notFound,
  ),
  prepare: vi.fn(async (_c: unknown, id: string, _f: string, revision?: number): Promise<Result<PreparedFile>> =>
    id === REPORT ? ok({ ready: false, revision: revision ?? 2, jobId: JOB }) : notFound,
  ),
};
const services = { reports, reportFiles } as unknown as ReportsServices;

describe('issued report files', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(reportFilesRoutes, { services });
        },
      },
    ]);
  });
  afterAll(async () => t.close());
  beforeEach(() => vi.clearAllMocks());

  it('makes the web page at once, from the frozen revision asked for', async () => {
    const page = await t.as('viewer').get(`/issued-reports/${REPORT}/report.html?revision=1`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-disposition']).toBe('attachment; filename="Quarterly-report.html"');
    expect(page.body).toContain('Quarterly report');
    expect(reports.documentFor).toHaveBeenCalledWith(expect.anything(), REPORT, 1);
  });

  it('offers to prepare a file not made yet, with a form that works without JavaScript', async () => {
    const page = await t.as('viewer').get(`/issued-reports/${REPORT}/report.pdf`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('The PDF of revision 2 has not been made yet');
    expect(page.body).toContain(`<form method="post" action="/issued-reports/${REPORT}/report.pdf?revision=2"`);
    expect(page.body).toContain('Prepare the PDF');
    expect(reportFiles.file).toHaveBeenCalledWith(expect.anything(), REPORT, 'pdf', undefined);
  });

  it('preparing a file queues its job and goes to the job’s page; one made already goes to the file', async () => {
    const queued = await t.as('viewer').post(`/issued-reports/${REPORT}/report.docx?revision=1`);
    expect(queued.statusCode).toBe(303);
    expect(queued.headers.location).toBe(`/jobs/${JOB}`);
    expect(reportFiles.prepare).toHaveBeenCalledWith(expect.anything(), REPORT, 'docx', 1);
    reportFiles.prepare.mockResolvedValueOnce(ok({ ready: true, revision: 1 }));
    const ready = await t.as('viewer').post(`/issued-reports/${REPORT}/report.xlsx?revision=1`);
    expect(ready.headers.location).toBe(`/issued-reports/${REPORT}/report.xlsx?revision=1`);
  });

  it('sends a file made already as it was kept', async () => {
    reportFiles.file.mockResolvedValueOnce(
      ok({ revision: 2, title: 'Quarterly report', content: Buffer.from('PK-docx') }),
    );
    const file = await t.as('viewer').get(`/issued-reports/${REPORT}/report.docx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(file.headers['content-disposition']).toBe('attachment; filename="Quarterly-report.docx"');
    expect(file.rawPayload.toString()).toBe('PK-docx');
  });

  it('says why a file made in the request could not be made; another council’s report is not found', async () => {
    reportFiles.prepare.mockResolvedValueOnce(
      fail({ code: 'invalid_state', message: 'The PDF could not be made (no browser). Nothing was kept: try again.' }),
    );
    const failed = await t.as('viewer').post(`/issued-reports/${REPORT}/report.pdf`);
    expect(failed.statusCode).toBe(500);
    expect(failed.body).toContain('There is a problem');
    expect(failed.body).toContain('The PDF could not be made (no browser)');
    const other = '00000000-0000-4000-8000-0000000000e9';
    expect((await t.as('viewer').get(`/issued-reports/${other}/report.pdf`)).statusCode).toBe(404);
    expect((await t.as('viewer').post(`/issued-reports/${other}/report.pdf`)).statusCode).toBe(404);
    expect((await t.as('partner').get(`/issued-reports/${REPORT}/report.pdf`)).statusCode).toBe(403);
  });
});
