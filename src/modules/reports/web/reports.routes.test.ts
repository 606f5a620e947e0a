import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { fail, ok, type Result } from '../../../kernel/result.ts';
import { asClock } from '../../../platform/clock.ts';
import type { Document } from '../../../platform/documents/document.ts';
import { reportsApi } from '../api/reports.api.ts';
import { SECTIONS } from '../domain/definitions.ts';
import type { GateGap } from '../domain/exceptions.ts';
import type { Definition, Draft, IssuedReport } from '../reports.service.ts';
import type { ReportsServices } from '../services.ts';
import { reportSettingsRoutes } from './report-settings.routes.ts';
import { reportsRoutes } from './reports.routes.ts';

// The report pages and API over fake services (test/helpers/route-app.ts): what each page shows,
// how a bad form and the gate's refusal read, and where issuing and correcting go. What the
// service does with the database is in ../test/reports.int.test.ts.
const DEF = '00000000-0000-4000-8000-0000000000d1';
const REPORT = '00000000-0000-4000-8000-0000000000e1';
const MEASURE = '00000000-0000-4000-8000-0000000000f1';

const definition: Definition = {
  id: DEF,
  builtIn: 'executive-quarterly',
  title: 'Quarterly performance report to the Executive',
  audience: 'executive',
  scopeKind: 'council',
  scopeId: null,
  cadence: 'quarterly',
  sections: [...SECTIONS],
  rowVersion: 1,
};

const document: Document = {
  title: definition.title,
  subtitle: 'Q2 2025/26',
  facts: [{ label: 'Council', value: 'Test council' }],
  sections: [
    {
      id: 'summary',
      heading: 'Summary',
      blocks: [
        {
          kind: 'chart',
          title: 'Measures by status',
          svg: '<svg role="img"><title>Measures by status</title></svg>',
          description: '1 green, 0 amber and 1 red measures.',
          table: {
            kind: 'table',
            caption: 'Measures by status',
            columns: [{ label: 'Status' }],
            rows: [[{ text: 'Red', tone: 'red' }]],
          },
        },
      ],
    },
    {
      id: 'what-changed',
      heading: 'What changed since the last period',
      blocks: [
        { kind: 'list', items: [{ text: 'M1 Missed calls moved from Green to Red.', href: `/measures/${MEASURE}` }] },
      ],
    },
  ],
};

const gap: GateGap = {
  measureId: MEASURE,
  code: 'M1',
  title: 'Missed calls',
  ownerName: 'Ann Owner',
  missing: ['commentary', 'remedial-action'],
};
const issued: IssuedReport = {
  report: { id: REPORT, definitionId: DEF, periodKey: '2025-26-Q2' },
  definition,
  revisions: [
    { revision: 1, reason: '', issuedByLabel: 'Pat Officer', issuedAt: '2025-11-20T10:00:00.000Z' },
    { revision: 2, reason: 'Figure corrected', issuedByLabel: 'Pat Officer', issuedAt: '2025-11-21T10:00:00.000Z' },
  ],
};

const draft = (gaps: GateGap[] = [gap]): Draft => ({
  definition,
  periodKey: '2025-26-Q2',
  document,
  gaps,
  issued: null,
});

const reports = {
  definitions: vi.fn(async () => ok([definition])),
  definition: vi.fn(async (_c: unknown, id: string) =>
    id === DEF ? ok(definition) : fail({ code: 'not_found' as const, message: 'not found' }),
  ),
  scopeChoices: vi.fn(async () => ({
    directorates: [{ id: '00000000-0000-4000-8000-00000000a001', name: 'Place' }],
    portfolios: [],
  })),
  createDefinition: vi.fn(async () => ok(definition)),
  updateDefinition: vi.fn(async () => ok(definition)),
  draft: vi.fn(async () => ok(draft())),
  issue: vi.fn(async (): Promise<Result<IssuedReport>> => ok(issued)),
  correct: vi.fn(async (): Promise<Result<IssuedReport>> => ok(issued)),
  issuedReport: vi.fn(async (_c: unknown, id: string) =>
    id === REPORT ? ok(issued) : fail({ code: 'not_found' as const, message: 'x' }),
  ),
  issuedFor: vi.fn(async () => ok([issued.report])),
  documentFor: vi.fn(async () => ok(document)),
  draftDocumentFor: vi.fn(async () => ok(document)),
};
const reportSettings = {
  mayChange: vi.fn(() => true),
  get: vi.fn(async () => ok({ exceptionMarginPercent: 12 })),
  save: vi.fn(async (_c: unknown, settings: { exceptionMarginPercent: number }) => ok(settings)),
};
const reportFiles = { prepared: vi.fn(async () => ['docx']) };
const services = { reports, reportSettings, reportFiles } as unknown as ReportsServices;

describe('report pages and API', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(reportsRoutes, { services, clock: asClock(() => new Date('2025-11-20T10:00:00Z')) });
          await app.register(reportSettingsRoutes, { services });
        },
        api: async (api) => {
          await api.register(reportsApi, { services });
        },
      },
    ]);
  });
  afterAll(async () => t.close());
  beforeEach(() => vi.clearAllMocks());

  it('lists the definitions, offering a new one only to those who manage the framework', async () => {
    const officer = await t.as('performance-officer').get('/reports');
    expect(officer.statusCode).toBe(200);
    expect(officer.body).toContain(definition.title);
    expect(officer.body).toContain('/reports/new');
    const viewer = await t.as('viewer').get('/reports');
    expect(viewer.statusCode).toBe(200);
    expect(viewer.body).not.toContain('/reports/new');
    expect((await t.as('partner').get('/reports')).statusCode).toBe(403);
  });

  it('the report settings page shows the council’s margin, refuses a bad one against its field and saves a good one', async () => {
    const officer = t.as('performance-officer');
    const page = await officer.get('/reports/settings');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="exceptionMarginPercent"[^>]*value="12"/);
    const bad = await officer.post('/reports/settings', { exceptionMarginPercent: '150' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The exception margin must be a whole number from 0 to 100');
    expect(reportSettings.save).not.toHaveBeenCalled();
    const saved = await officer.post('/reports/settings', { exceptionMarginPercent: '15' });
    expect(saved.statusCode).toBe(302);
    expect(t.flashOf(saved)).toBe('Report settings saved');
    expect(reportSettings.save).toHaveBeenCalledWith(expect.anything(), { exceptionMarginPercent: 15 });
    expect((await t.as('viewer').get('/reports/settings')).statusCode).toBe(403);
    // Someone who manages the framework only for a unit may not change a council-wide setting.
    reportSettings.mayChange.mockReturnValueOnce(false);
    expect((await officer.get('/reports/settings')).statusCode).toBe(403);
  });

  it('shows a bad definition form its errors against each field, saving nothing', async () => {
    const page = await t
      .as('performance-officer')
      .post('/reports/new', { title: '', audience: 'executive', scopeKind: 'directorate', cadence: 'weekly' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Enter a title for the report definition');
    expect(page.body).toContain('Choose how often the report goes');
    expect(page.body).toContain('Choose at least one section');
    expect(reports.createDefinition).not.toHaveBeenCalled();
    expect((await t.as('viewer').post('/reports/new', { title: 'x' })).statusCode).toBe(403);
  });

  it('saves a good definition and goes to it', async () => {
    const saved = await t.as('performance-officer').post('/reports/new', {
      title: 'Cabinet',
      audience: 'executive',
      scopeKind: 'council',
      scopeId: '',
      cadence: 'quarterly',
      sections: ['summary', 'key'],
    });
    expect(saved.statusCode).toBe(302);
    expect(saved.headers.location).toBe(`/reports/${DEF}`);
    expect(reports.createDefinition).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ sections: ['summary', 'key'], scopeId: null }),
    );
  });

  it('offers the current period on the definition page and goes to the draft for the chosen one', async () => {
    const page = await t.as('viewer').get(`/reports/${DEF}`);
    expect(page.body).toContain('value="2025-26-Q2"');
    const chosen = await t.as('viewer').get(`/reports/${DEF}?period=2025-26-Q1`);
    expect(chosen.headers.location).toBe(`/reports/${DEF}/periods/2025-26-Q1`);
  });

  it('renders the draft: facts, every chart with its data table, sentences linked to their evidence, its files, the print stylesheet', async () => {
    const page = await t.as('viewer').get(`/reports/${DEF}/periods/2025-26-Q2`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg role="img">');
    expect(page.body).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--s">Measures by status</caption>',
    );
    expect(page.body).toContain(
      `<a class="govuk-link" href="/measures/${MEASURE}">M1 Missed calls moved from Green to Red.</a>`,
    );
    expect(page.body).toContain('govuk-tag--red');
    expect(page.body).toContain('media="print" href="/reports-print.css"');
    expect(page.body).toContain('1 red measures lack commentary');
    // The draft downloads in every format, each made from the draft (marked DRAFT), not issued files.
    expect(page.body).toContain('Download this draft');
    for (const format of ['docx', 'pdf', 'xlsx', 'html']) {
      expect(page.body).toContain(`href="/reports/${DEF}/periods/2025-26-Q2/draft.${format}" download`);
    }
    const css = await t.as('viewer').get('/reports-print.css');
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).toContain('@page');
  });

  it('the gate lists each gap with its owner; issuing is offered only when there is none', async () => {
    const closed = await t.as('performance-officer').get(`/reports/${DEF}/periods/2025-26-Q2/gate`);
    expect(closed.body).toContain('Missed calls');
    expect(closed.body).toContain('commentary and a remedial action with an owner and a due date');
    expect(closed.body).toContain('Ann Owner');
    expect(closed.body).not.toContain('/issue"');
    reports.draft.mockResolvedValueOnce(ok(draft([])));
    const open = await t.as('performance-officer').get(`/reports/${DEF}/periods/2025-26-Q2/gate`);
    expect(open.body).toContain(`/reports/${DEF}/periods/2025-26-Q2/issue`);
  });

  it('a refused issue shows the gate again with the refusal; a good one goes to the issued report', async () => {
    reports.issue.mockResolvedValueOnce(
      fail({ code: 'invalid_state', message: 'The report cannot be issued: 1 red measures lack …' }),
    );
    const refused = await t.as('performance-officer').post(`/reports/${DEF}/periods/2025-26-Q2/issue`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('The report cannot be issued');
    const done = await t.as('performance-officer').post(`/reports/${DEF}/periods/2025-26-Q2/issue`);
    expect(done.headers.location).toBe(`/issued-reports/${REPORT}`);
    expect(t.flashOf(done)).toBe('Report issued as revision 1');
    expect((await t.as('viewer').post(`/reports/${DEF}/periods/2025-26-Q2/issue`)).statusCode).toBe(403);
  });

  it('shows an issued report from its snapshot with every revision, and a chosen revision', async () => {
    const page = await t.as('viewer').get(`/issued-reports/${REPORT}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Revision 2');
    expect(page.body).toContain('Figure corrected');
    expect(reports.documentFor).toHaveBeenCalledWith(expect.anything(), REPORT, undefined);
    // The Word file made already is a download; the PDF and Excel files not made yet, buttons that have them made.
    expect(reportFiles.prepared).toHaveBeenCalledWith(expect.anything(), REPORT, 2);
    expect(page.body).toMatch(/href="\/issued-reports\/[^"]+\/report\.docx\?revision=2" download/);
    expect(page.body).toMatch(/<form method="post" action="\/issued-reports\/[^"]+\/report\.pdf\?revision=2"/);
    expect(page.body).toContain('Prepare the Excel workbook');
    expect(page.body).not.toContain('Prepare the Word document');
    await t.as('viewer').get(`/issued-reports/${REPORT}/revisions/1`);
    expect(reports.documentFor).toHaveBeenLastCalledWith(expect.anything(), REPORT, 1);
    expect((await t.as('viewer').get(`/issued-reports/${DEF}`)).statusCode).toBe(404);
  });

  it('a correction needs its reason', async () => {
    reports.correct.mockResolvedValueOnce(
      fail({ code: 'invalid', message: 'Enter the reason for the correction', field: 'reason' }),
    );
    const refused = await t.as('performance-officer').post(`/issued-reports/${REPORT}/correct`, { reason: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the reason for the correction');
    const done = await t
      .as('performance-officer')
      .post(`/issued-reports/${REPORT}/correct`, { reason: 'Figure corrected' });
    expect(t.flashOf(done)).toBe('Correction issued as revision 2');
  });

  it('the API refuses issue while the gate has gaps, naming each gap as its own error', async () => {
    reports.issue.mockResolvedValueOnce(fail({ code: 'invalid_state', message: 'The report cannot be issued' }));
    const refused = await t
      .as('performance-officer')
      .api('POST', `/api/v1/report-definitions/${DEF}/periods/2025-26-Q2/issue`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([
      {
        field: 'M1',
        message:
          'M1 Missed calls (owner: Ann Owner) lacks commentary and a remedial action with an owner and a due date',
      },
    ]);
    const draftJson = await t.as('viewer').api('GET', `/api/v1/report-definitions/${DEF}/periods/2025-26-Q2`);
    expect(draftJson.json()).toMatchObject({ periodKey: '2025-26-Q2', issuedReportId: null, gaps: [{ code: 'M1' }] });
  });
});
