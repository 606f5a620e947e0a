import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { fail, ok, type Result } from '../../../kernel/result.ts';
import { strFromU8, unzipSync } from 'fflate';
import { createDraftFilesService } from '../draft-files.service.ts';
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

const DEF = '00000000-0000-4000-8000-0000000000d1';
const draftDocument: Document = {
  title: 'Quarterly report',
  subtitle: 'Q2',
  facts: [{ label: 'Status', value: 'Draft: not issued' }],
  sections: [{ id: 'summary', heading: 'Summary', blocks: [{ kind: 'paragraph', text: 'Figures as they stand.' }] }],
};
const reports = {
  documentFor: vi.fn(async () => ok(document)),
  draftDocumentFor: vi.fn(async (_c: unknown, id: string, periodKey: string) =>
    id !== DEF
      ? fail({ code: 'not_found' as const, message: 'The report definition was not found' })
      : periodKey === '2025-26-Q2'
        ? ok(draftDocument)
        : fail({ code: 'invalid' as const, message: 'Enter a quarterly period such as 2025-26-Q2' }),
  ),
};
// The real draft files service (it keeps nothing: no database), printing PDFs with a fake printer
// that shows the HTML it was given.
const printPdf = vi.fn(async (html: string) => Buffer.from(`%PDF-fake ${html}`));
const draftFiles = createDraftFilesService({ reports, printPdf });
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
const services = { reports, reportFiles, draftFiles } as unknown as ReportsServices;

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

describe('draft report files', () => {
  let t: RouteApp;
  const draftUrl = (format: string, period = '2025-26-Q2') => `/reports/${DEF}/periods/${period}/draft.${format}`;
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

  it('makes the Word, Excel and PDF files of a draft on request, each marked DRAFT in its title and file name', async () => {
    const viewer = t.as('viewer');
    const docx = await viewer.get(draftUrl('docx'));
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toBe('attachment; filename="Quarterly-report-2025-26-Q2-DRAFT.docx"');
    expect(Number(docx.headers['content-length'])).toBe(docx.rawPayload.length);
    const word = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
    expect(word).toContain('DRAFT: Quarterly report');
    expect(word).toContain('Draft: not issued');

    const xlsx = await viewer.get(draftUrl('xlsx'));
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="Quarterly-report-2025-26-Q2-DRAFT.xlsx"');
    const sheets = unzipSync(new Uint8Array(xlsx.rawPayload));
    const strings = strFromU8(sheets['xl/sharedStrings.xml'] ?? new Uint8Array());
    const firstSheet = strFromU8(sheets['xl/worksheets/sheet1.xml']!);
    expect(strings + firstSheet).toContain('DRAFT: Quarterly report');

    const pdf = await viewer.get(draftUrl('pdf'));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="Quarterly-report-2025-26-Q2-DRAFT.pdf"');
    expect(pdf.rawPayload.toString()).toContain('<h1>DRAFT: Quarterly report</h1>');

    const html = await viewer.get(draftUrl('html'));
    expect(html.headers['content-disposition']).toBe('attachment; filename="Quarterly-report-2025-26-Q2-DRAFT.html"');
    expect(html.body).toContain('<h1>DRAFT: Quarterly report</h1>');
    // Made from the draft each time, never from (or into) the issued report's kept files.
    expect(reports.draftDocumentFor).toHaveBeenCalledTimes(4);
    expect(reports.draftDocumentFor).toHaveBeenCalledWith(expect.anything(), DEF, '2025-26-Q2');
    expect(reportFiles.file).not.toHaveBeenCalled();
    expect(reportFiles.prepare).not.toHaveBeenCalled();
  });

  it('refuses a bad period naming it, says why a file could not be made, and hides another council’s draft', async () => {
    const viewer = t.as('viewer');
    const bad = await viewer.get(draftUrl('docx', '2025-Q9'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a quarterly period such as 2025-26-Q2');
    printPdf.mockRejectedValueOnce(new Error('no browser'));
    const failed = await viewer.get(draftUrl('pdf'));
    expect(failed.statusCode).toBe(500);
    expect(failed.body).toContain('The PDF of the draft could not be made (no browser)');
    const other = '00000000-0000-4000-8000-0000000000d9';
    expect((await viewer.get(`/reports/${other}/periods/2025-26-Q2/draft.xlsx`)).statusCode).toBe(404);
    expect((await t.as('partner').get(draftUrl('docx'))).statusCode).toBe(403);
  });
});
