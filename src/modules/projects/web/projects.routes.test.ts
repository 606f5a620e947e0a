import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { projectsApi } from '../api/projects.api.ts';
import type { ProjectsServices } from '../services.ts';
import { deliveryRoutes } from './delivery.routes.ts';
import { programmesRoutes } from './programmes.routes.ts';
import { projectsRoutes } from './projects.routes.ts';

// The project pages and API over fake services: what a bad form is told, how a refusal reads,
// where a good change goes, who reaches what. The SQL is in ../test/projects.int.test.ts.
const ID = '00000000-0000-4000-8000-0000000000b1';
const MILESTONE = '00000000-0000-4000-8000-0000000000b2';
const PERSON = '00000000-0000-4000-8000-0000000000b3';

const project = {
  id: ID,
  organisationId: 'o',
  code: 'CAP-1',
  title: '=HYPERLINK("x") leisure centre',
  description: '',
  programmeId: null,
  planId: null,
  unitId: null,
  sponsorPersonId: PERSON,
  managerPersonId: PERSON,
  boardId: null,
  startDate: '2026-04-01',
  endDate: '2027-03-31',
  originalEndDate: '2026-12-31',
  endDateReason: 'Contractor delay',
  budgetPence: 125_000_050,
  key: true,
  status: 'active',
  statusReason: '',
  createdAt: new Date(),
  updatedAt: new Date(),
  sponsorName: 'Sian Sponsor',
  managerName: 'Manny Manager',
  unitName: null,
  programmeCode: null,
  programmeTitle: null,
  boardName: 'Capital board',
  planTitle: null,
};
const update = {
  id: '00000000-0000-4000-8000-0000000000b4',
  organisationId: 'o',
  projectId: ID,
  reportedOn: '2026-06-30',
  authorPersonId: PERSON,
  authorName: 'Manny Manager',
  timeRag: 'red',
  timeCommentary: 'Six weeks behind',
  costRag: 'amber',
  costCommentary: 'Steel prices',
  scopeRag: 'green',
  scopeCommentary: '',
  qualityRag: 'green',
  qualityCommentary: '',
  overallRag: 'amber',
  percentComplete: 40,
  commentary: 'Groundworks complete',
  createdAt: new Date(),
};
const milestone = {
  id: MILESTONE,
  organisationId: 'o',
  projectId: ID,
  stageId: null,
  title: 'Planning permission',
  dueDate: '2026-05-31',
  revisedDueDate: null,
  revisionReason: '',
  completedOn: null,
  createdAt: new Date(),
};
const detail = { project, items: [], stages: [], milestones: [milestone], updates: [update], mayEdit: true };
const options = {
  people: [{ id: PERSON, name: 'Manny Manager', jobTitle: '' }],
  units: [],
  bodies: [],
  programmes: [],
  plans: [],
  items: [],
};

const projects = {
  formOptions: vi.fn(),
  list: vi.fn(),
  get: vi.fn(),
  detail: vi.fn(),
  create: vi.fn(),
  update: vi.fn(),
  act: vi.fn(),
};
const projectDelivery = {
  addStage: vi.fn(),
  addMilestone: vi.fn(),
  reviseMilestone: vi.fn(),
  completeMilestone: vi.fn(),
  recordUpdate: vi.fn(),
};
const programmes = { list: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn() };
const services = { projects, projectDelivery, programmes } as unknown as ProjectsServices;
const refused = (code: string, message: string, field?: string) => ({ ok: false, error: { code, message, field } });

const projectForm = (extra: Record<string, string> = {}) => ({
  code: 'CAP-2',
  title: 'Library refit',
  sponsorPersonId: PERSON,
  managerPersonId: PERSON,
  'startDate-day': '1',
  'startDate-month': '4',
  'startDate-year': '2026',
  'endDate-day': '31',
  'endDate-month': '3',
  'endDate-year': '2027',
  budget: '£300,000',
  ...extra,
});

describe('project pages and API over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    const clock = fixedClock('2026-07-15T12:00:00Z');
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(programmesRoutes, { services });
          await app.register(projectsRoutes, { services, clock });
          await app.register(deliveryRoutes, { services, clock });
        },
        api: async (api) => {
          await api.register(projectsApi, { services });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    for (const fake of [...Object.values(projects), ...Object.values(projectDelivery), ...Object.values(programmes)])
      fake.mockReset();
    projects.formOptions.mockResolvedValue(options);
    projects.detail.mockResolvedValue({ ok: true, value: detail });
    projects.get.mockResolvedValue({ ok: true, value: project });
    projects.list.mockResolvedValue([{ ...project, latest: update }]);
  });

  it('lists projects with their status and filters passed to the service and the CSV link', async () => {
    const page = await t.as('viewer').get(`/projects?manager=${PERSON}&status=active&unit=not-an-id`);
    expect(page.statusCode).toBe(200);
    expect(projects.list).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ managerPersonId: PERSON, status: 'active', unitId: undefined }),
    );
    expect(page.body).toContain('CAP-1');
    expect(page.body).toContain('Amber');
    expect(page.body).toContain(`/projects/export.csv?manager=${PERSON}&amp;status=active`);
    expect(page.body).not.toContain('Add a project');
  });

  it('exports the list as CSV, guarding typed text against formulas', async () => {
    const file = await t.as('viewer').get('/projects/export.csv');
    expect(file.headers['content-type']).toMatch(/text\/csv/);
    expect(file.body).toContain(`'=HYPERLINK`);
    expect(file.body).toContain('1250000.50');
  });

  it('shows a project: summary, the four dimensions as tags, milestones and reports', async () => {
    const page = await t.as('viewer').get(`/projects/${ID}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('£1,250,000.50');
    expect(page.body).toMatch(/Revised from 31 December 2026: Contractor delay/);
    expect(page.body).toMatch(/govuk-tag--red[^>]*>\s*Red/);
    expect(page.body).toContain('Six weeks behind');
    // Due 31 May, open on 15 July: overdue.
    expect(page.body).toMatch(/Planning permission[\s\S]*Overdue/);
  });

  it('answers 404 for a project that is not found', async () => {
    projects.detail.mockResolvedValue(refused('not_found', 'Project was not found'));
    expect((await t.as('viewer').get(`/projects/${ID}`)).statusCode).toBe(404);
  });

  it('refuses a viewer the forms', async () => {
    expect((await t.as('viewer').get('/projects/new')).statusCode).toBe(403);
    expect((await t.as('viewer').post('/projects/new', projectForm())).statusCode).toBe(403);
    expect(projects.create).not.toHaveBeenCalled();
  });

  it('refuses an end before the start against the end date, without calling the service', async () => {
    const page = await t.as('manager').post('/projects/new', projectForm({ 'endDate-year': '2025' }));
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('The end date must be on or after the start date');
    expect(page.body).toContain('href="#endDate"');
    expect(projects.create).not.toHaveBeenCalled();
  });

  it('refuses a budget that is not money', async () => {
    const page = await t.as('manager').post('/projects/new', projectForm({ budget: 'lots' }));
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Enter the budget in pounds and pence');
  });

  it("shows the service's refusal against its field: a manager who has left", async () => {
    projects.create.mockResolvedValue(
      refused('invalid', 'Len Leaver has left, so cannot be the manager', 'managerPersonId'),
    );
    const page = await t.as('manager').post('/projects/new', projectForm());
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('href="#managerPersonId"');
    expect(page.body).toContain('Len Leaver has left');
  });

  it('creates a project from the form with dates and pence, then goes to it', async () => {
    projects.create.mockResolvedValue({ ok: true, value: project });
    const response = await t.as('manager').post('/projects/new', projectForm());
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/projects/${ID}`);
    expect(projects.create).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ startDate: '2026-04-01', endDate: '2027-03-31', budget: 30_000_000, key: false }),
    );
  });

  it('shows the plan’s items without saving when asked', async () => {
    const response = await t.as('manager').post('/projects/new', projectForm({ refresh: 'items' }));
    expect(response.statusCode).toBe(200);
    expect(projects.create).not.toHaveBeenCalled();
  });

  it('refuses a highlight report with % complete over 100, naming the field', async () => {
    const page = await t.as('manager').post(`/projects/${ID}/updates/new`, {
      'reportedOn-day': '30',
      'reportedOn-month': '6',
      'reportedOn-year': '2026',
      timeRag: 'green',
      costRag: 'green',
      scopeRag: 'green',
      qualityRag: 'green',
      overallRag: 'green',
      percentComplete: '101',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('The % complete must be between 0 and 100');
    expect(projectDelivery.recordUpdate).not.toHaveBeenCalled();
  });

  it('shows a refused update to a closed project as a conflict', async () => {
    projectDelivery.recordUpdate.mockResolvedValue(
      refused('invalid_state', 'The project is closed, so nothing more can be recorded against it'),
    );
    const page = await t.as('manager').post(`/projects/${ID}/updates/new`, {
      'reportedOn-day': '30',
      'reportedOn-month': '6',
      'reportedOn-year': '2026',
      timeRag: 'green',
      costRag: 'green',
      scopeRag: 'green',
      qualityRag: 'green',
      overallRag: 'green',
      percentComplete: '50',
    });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('nothing more can be recorded');
  });

  it('cancels only through the service, showing its refusal for a missing reason', async () => {
    projects.act.mockResolvedValue(refused('invalid', 'Enter the reason for cancelling the project', 'reason'));
    const page = await t.as('manager').post(`/projects/${ID}/status/cancel`, { reason: '' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Enter the reason for cancelling the project');
    expect((await t.as('manager').get(`/projects/${ID}/status/explode`)).statusCode).toBe(404);
  });

  it('refuses a milestone revision without a reason', async () => {
    const page = await t.as('manager').post(`/projects/${ID}/milestones/${MILESTONE}/revise`, {
      'revisedDueDate-day': '30',
      'revisedDueDate-month': '9',
      'revisedDueDate-year': '2026',
      reason: '',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Enter the reason for the revised date');
    expect(projectDelivery.reviseMilestone).not.toHaveBeenCalled();
  });

  it('answers 404 for the form of a milestone the project does not have', async () => {
    expect((await t.as('manager').get(`/projects/${ID}/milestones/${PERSON}/complete`)).statusCode).toBe(404);
    expect((await t.as('manager').get(`/projects/${ID}/milestones/${MILESTONE}/complete`)).statusCode).toBe(200);
  });

  it('answers the API with problem JSON naming the field', async () => {
    const response = await t
      .as('manager')
      .api('POST', `/api/v1/projects/${ID}/updates`, { reportedOn: '2026-06-30', percentComplete: -1 });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain('percentComplete');
  });
});
