import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { asClock } from '../../../platform/clock.ts';
import { recommendationsApi } from '../api/recommendations.api.ts';
import { ageingOf } from '../domain/rules.ts';
import { summariseRegister } from '../domain/summary.ts';
import type { RegisterEntry } from '../recommendations.service.ts';
import type { RecommendationsServices } from '../services.ts';
import { recommendationChangeRoutes } from './recommendation-changes.routes.ts';
import { recommendationFilesRoutes } from './recommendation-files.routes.ts';
import { recommendationsRoutes } from './recommendations.routes.ts';
import { recommendationSettingsRoutes } from './recommendation-settings.routes.ts';

// The register's pages and API over fake services (test/helpers/route-app.ts): what each page
// shows, what a bad form is told, how a refusal reads, and where a good change goes. What the
// service does with the database is in ../test/recommendations.int.test.ts.
const ID = '00000000-0000-4000-8000-0000000000a1';
const REPORT_ID = '00000000-0000-4000-8000-0000000000b1';
const PERSON_ID = '00000000-0000-4000-8000-0000000000c1';
const TODAY = '2026-03-15';

const entry: RegisterEntry = {
  id: ID,
  organisationId: '00000000-0000-4000-8000-000000000001',
  reportId: REPORT_ID,
  reference: 'R1',
  priority: 'high',
  text: 'Document how each indicator is calculated',
  ownerPersonId: PERSON_ID,
  ownerName: 'Priya Shah',
  unitId: null,
  unitName: null,
  response: 'accepted',
  responseReason: '',
  agreedAction: 'Definitions for every indicator',
  originalDueDate: '2026-01-31',
  dueDate: '2026-01-31',
  status: 'in-progress',
  finishedOn: null,
  closureEvidence: '',
  closureLink: '',
  source: 'internal-audit',
  reportTitle: 'Data quality of performance indicators',
  reportReference: 'IA-25-07',
  reportDate: '2025-09-01',
  ageing: ageingOf({ raisedOn: '2025-09-01', dueDate: '2026-01-31', status: 'in-progress', finishedOn: null }, TODAY),
};
const report = {
  id: REPORT_ID,
  organisationId: entry.organisationId,
  source: 'internal-audit' as const,
  title: entry.reportTitle,
  reference: 'IA-25-07',
  reportDate: '2025-09-01',
  createdAt: new Date('2025-09-02T09:00:00Z'),
};
const action = {
  id: 'a1',
  code: 'ACT-7',
  title: 'Write indicator definitions',
  status: 'on-track',
  derivedStatus: 'on-track',
  percentComplete: 60,
  dueDate: '2026-04-30',
  overdue: false,
  href: '/actions/a1',
};

const recommendations = {
  register: vi.fn(),
  detail: vi.fn(),
  reports: vi.fn(),
  report: vi.fn(),
  choices: vi.fn(),
  createReport: vi.fn(),
  create: vi.fn(),
  respond: vi.fn(),
  revise: vi.fn(),
  changeStatus: vi.fn(),
  settings: vi.fn(),
  saveSettings: vi.fn(),
};
const recommendationFiles = { importFile: vi.fn(), exportFile: vi.fn() };
const services = { recommendations, recommendationFiles } as unknown as RecommendationsServices;
const refused = (code: string, message: string, field?: string) => ({ ok: false, error: { code, message, field } });

describe('recommendation pages and API over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    const clock = asClock(() => new Date(`${TODAY}T12:00:00Z`));
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(recommendationsRoutes, { services, clock });
          await app.register(recommendationChangeRoutes, { services });
          await app.register(recommendationFilesRoutes, { services, clock });
          await app.register(recommendationSettingsRoutes, { services });
        },
        api: async (api) => {
          await api.register(recommendationsApi, { services, clock });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    for (const fake of [...Object.values(recommendations), ...Object.values(recommendationFiles)]) fake.mockReset();
    recommendations.register.mockResolvedValue({ entries: [entry], summary: summariseRegister([entry]) });
    recommendations.detail.mockResolvedValue({
      ok: true,
      value: { recommendation: entry, revisions: [], history: [], actions: [action] },
    });
    recommendations.report.mockResolvedValue({
      ok: true,
      value: { report, entries: [entry], summary: summariseRegister([entry]) },
    });
    recommendations.reports.mockResolvedValue([report]);
    recommendations.choices.mockResolvedValue({
      reports: [report],
      people: [{ id: PERSON_ID, name: 'Priya Shah', email: 'p@example.org', jobTitle: 'Head of performance' }],
      units: [],
      bodies: [{ id: '00000000-0000-4000-8000-0000000000d1', name: 'Audit Committee' }],
    });
  });

  it('shows the register with its ageing, the overdue tag and the filters it was given', async () => {
    const page = await t.as('audit-member').get(`/recommendations?status=in-progress&overdue=yes&source=nonsense`);
    expect(page.statusCode).toBe(200);
    expect(recommendations.register).toHaveBeenCalledWith(expect.anything(), {
      source: undefined,
      reportId: undefined,
      ownerPersonId: undefined,
      unitId: undefined,
      status: 'in-progress',
      overdueOn: TODAY,
    });
    expect(page.body).toContain('Document how each indicator is calculated');
    expect(page.body).toContain('Overdue');
    expect(page.body).toContain('6 to 12 months');
    expect(page.body).toContain('Clear filters');
    // An audit committee member reads the register but is not offered changes.
    expect(page.body).not.toContain('Add a recommendation');
  });

  it('shows a recommendation with the actions implementing it and a link to add one', async () => {
    const page = await t.as('manager').get(`/recommendations/${ID}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ACT-7 Write indicator definitions');
    expect(page.body).toContain(`href="/actions/new?answers=recommendation:${ID}"`);
    expect(page.body).toContain('43 days overdue');
  });

  it('answers an unknown recommendation or report with 404', async () => {
    recommendations.detail.mockResolvedValue(refused('not_found', 'Recommendation was not found'));
    recommendations.report.mockResolvedValue(refused('not_found', 'Report was not found'));
    expect((await t.as('manager').get(`/recommendations/${ID}`)).statusCode).toBe(404);
    expect((await t.as('manager').get(`/recommendations/reports/${REPORT_ID}`)).statusCode).toBe(404);
    expect((await t.as('manager').api('GET', `/api/v1/recommendations/${ID}`)).statusCode).toBe(404);
  });

  it('lists reports and shows one with its recommendations', async () => {
    expect((await t.as('viewer').get('/recommendations/reports')).body).toContain('IA-25-07');
    const page = await t.as('viewer').get(`/recommendations/reports/${REPORT_ID}`);
    expect(page.body).toContain('Recommendations in this report');
    expect(page.body).toContain('Document how each indicator is calculated');
  });

  it('re-renders a bad report form with the errors, calling no service', async () => {
    const page = await t.as('manager').post('/recommendations/reports/new', { title: '', 'reportDate-day': '31' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Select where the report came from');
    expect(page.body).toContain('Enter the report’s title');
    expect(recommendations.createReport).not.toHaveBeenCalled();
  });

  it('adds a report and goes to its page', async () => {
    recommendations.createReport.mockResolvedValue({ ok: true, value: report });
    const response = await t.as('manager').post('/recommendations/reports/new', {
      source: 'internal-audit',
      title: report.title,
      reference: 'IA-25-07',
      'reportDate-day': '1',
      'reportDate-month': '9',
      'reportDate-year': '2025',
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/recommendations/reports/${REPORT_ID}`);
    expect(recommendations.createReport).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ reportDate: '2025-09-01', source: 'internal-audit' }),
    );
  });

  it('shows a service refusal against its field on the recommendation form', async () => {
    recommendations.create.mockResolvedValue(
      refused('invalid', 'Priya Shah has left the council, so cannot own a recommendation', 'ownerPersonId'),
    );
    const page = await t.as('manager').post('/recommendations/new', {
      reportId: REPORT_ID,
      priority: 'high',
      text: 'Something',
      ownerPersonId: PERSON_ID,
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('has left the council');
    expect(page.body).toContain('href="#ownerPersonId"');
  });

  it('records a revised due date and refuses one without a reason, as the service says', async () => {
    const form = { 'newDueDate-day': '30', 'newDueDate-month': '6', 'newDueDate-year': '2026', reason: '' };
    recommendations.revise.mockResolvedValue(refused('invalid', 'Enter the reason for the new due date', 'reason'));
    const refusedPage = await t.as('manager').post(`/recommendations/${ID}/due-date`, form);
    expect(refusedPage.statusCode).toBe(400);
    expect(refusedPage.body).toContain('Enter the reason for the new due date');
    recommendations.revise.mockResolvedValue({ ok: true, value: { id: ID } });
    const done = await t.as('manager').post(`/recommendations/${ID}/due-date`, { ...form, reason: 'Delay' });
    expect(done.statusCode).toBe(302);
    expect(recommendations.revise).toHaveBeenLastCalledWith(
      expect.anything(),
      ID,
      expect.objectContaining({ newDueDate: '2026-06-30', reason: 'Delay', bodyId: null, decidedOn: null }),
    );
  });

  it('closes with evidence through its own form, whatever status is posted', async () => {
    recommendations.changeStatus.mockResolvedValue({ ok: true, value: { id: ID } });
    const response = await t.as('manager').post(`/recommendations/${ID}/close`, {
      status: 'open',
      evidence: 'Checked by audit',
    });
    expect(response.statusCode).toBe(302);
    expect(t.flashOf(response)).toBe('Recommendation closed');
    expect(recommendations.changeStatus).toHaveBeenCalledWith(
      expect.anything(),
      ID,
      expect.objectContaining({ status: 'closed', evidence: 'Checked by audit' }),
    );
  });

  it.each([
    ['response', `/recommendations/${ID}/response`],
    ['status', `/recommendations/${ID}/status`],
    ['close', `/recommendations/${ID}/close`],
    ['due date', `/recommendations/${ID}/due-date`],
    ['new', '/recommendations/new'],
    ['import', '/recommendations/import'],
  ])('shows the %s form to a manager and refuses it to a viewer', async (_label, url) => {
    expect((await t.as('manager').get(url)).statusCode).toBe(200);
    expect((await t.as('viewer').get(url)).statusCode).toBe(403);
  });

  it('lists an import’s bad rows with row and column, saying nothing was imported', async () => {
    recommendationFiles.importFile.mockResolvedValue({
      ok: true,
      value: { imported: 0, errors: [{ row: 3, column: 'Owner email', message: 'no person with e-mail address “x”' }] },
    });
    const boundary = 'x-boundary';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="_csrf"',
      '',
      'csrf-session-placeholder',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="r.csv"',
      'Content-Type: text/csv',
      '',
      'Report,Priority',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const agent = t.as('manager');
    const page = await t.app.inject({
      method: 'POST',
      url: '/recommendations/import',
      headers: {
        cookie: agent.cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-csrf-token': `csrf-${agent.cookie.replace('gt_session=', '')}`,
      },
      payload: body.replace('csrf-session-placeholder', `csrf-${agent.cookie.replace('gt_session=', '')}`),
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('nothing was imported');
    expect(page.body).toContain('Owner email');
  });

  it('refuses a bad API body naming the field, and passes a good one to the service', async () => {
    const bad = await t.as('manager').api('POST', `/api/v1/recommendations/${ID}/status`, { status: 'finished' });
    expect(bad.statusCode).toBe(400);
    expect(recommendations.changeStatus).not.toHaveBeenCalled();
    recommendations.respond.mockResolvedValue(
      refused('invalid', 'Enter why the recommendation was rejected', 'reason'),
    );
    const refusedResponse = await t.as('manager').api('POST', `/api/v1/recommendations/${ID}/response`, {
      response: 'rejected',
    });
    expect(refusedResponse.statusCode).toBe(400);
    expect(refusedResponse.json()).toMatchObject({ errors: [{ field: 'reason' }] });
    const list = await t.as('viewer').api('GET', '/api/v1/recommendations');
    expect(list.json()).toEqual([expect.objectContaining({ id: ID, daysOverdue: 43, ageBand: '6-to-12-months' })]);
  });

  it('shows the escalation rule to all, lets only framework managers change it, and refuses a bad number', async () => {
    recommendations.settings.mockResolvedValue({ escalateAfterDays: 30 });
    expect((await t.as('viewer').get('/recommendations/settings')).body).toContain('30 days');
    expect((await t.as('manager').post('/recommendations/settings', { escalateAfterDays: '10' })).statusCode).toBe(403);
    const bad = await t.as('administrator').post('/recommendations/settings', { escalateAfterDays: '0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter at least 1 day');
    recommendations.saveSettings.mockResolvedValue({ ok: true, value: { escalateAfterDays: 10 } });
    const saved = await t.as('administrator').post('/recommendations/settings', { escalateAfterDays: '10' });
    expect(saved.statusCode).toBe(302);
    expect(recommendations.saveSettings).toHaveBeenCalledWith(expect.anything(), { escalateAfterDays: 10 });
  });
  it('exports the register with the list’s filters, which the list’s download links carry', async () => {
    const page = await t.as('audit-member').get('/recommendations?status=in-progress&overdue=yes&source=nonsense');
    expect(page.body).toContain('href="/recommendations/export.csv?status=in-progress&amp;overdue=yes"');
    expect(page.body).toContain('Download these recommendations');
    recommendationFiles.exportFile.mockResolvedValue({ body: Buffer.from('Report\r\n'), fileName: 'r.csv' });
    const file = await t
      .as('audit-member')
      .get(`/recommendations/export.xlsx?status=in-progress&overdue=yes&ownerPersonId=${PERSON_ID}`);
    expect(file.statusCode).toBe(200);
    expect(recommendationFiles.exportFile).toHaveBeenCalledWith(expect.anything(), 'xlsx', {
      source: undefined,
      reportId: undefined,
      ownerPersonId: PERSON_ID,
      unitId: undefined,
      status: 'in-progress',
      overdueOn: TODAY,
    });
    const all = await t.as('audit-member').get('/recommendations');
    expect(all.body).toContain('href="/recommendations/export.csv"');
  });
});
