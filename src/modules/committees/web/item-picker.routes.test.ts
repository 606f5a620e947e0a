import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { ok } from '../../../kernel/result.ts';
import { asClock } from '../../../platform/clock.ts';
import type { CommitteesService } from '../committees.service.ts';
import { meetingsRoutes } from './meetings.routes.ts';

// The agenda item form's record picker over a fake service: Find lists the chosen kind's records
// and saves nothing; a chosen record is posted as the item's subject. The SQL is in the int test.
const MEETING = '00000000-0000-4000-8000-0000000000c1';
const PLAN = '00000000-0000-4000-8000-0000000000c2';
const OTHER_PLAN = '00000000-0000-4000-8000-0000000000c3';

const meeting = { id: MEETING, bodyId: 'b', bodyName: 'Corporate Performance Panel', heldOn: '2027-01-14', title: '' };
const fake = {
  meeting: vi.fn(async () => ok({ meeting, agenda: [], requests: [], mayDecide: true, mayManage: true })),
  people: vi.fn(async () => []),
  subjectChoices: vi.fn(async (_caller: unknown, _kind: string, _find: string) => [
    { id: PLAN, label: 'ASC01 Home care (submitted)' },
  ]),
  addAgendaItem: vi.fn(async () => ok({ id: '00000000-0000-4000-8000-0000000000c9' })),
};

let routeApp: RouteApp;
beforeAll(async () => {
  routeApp = await buildRouteApp([
    {
      views: fileURLToPath(new URL('./views', import.meta.url)),
      pages: async (app) => {
        await app.register(meetingsRoutes, {
          committees: fake as unknown as CommitteesService,
          clock: asClock(() => new Date('2026-12-05T12:00:00Z')),
        });
      },
    },
  ]);
});
afterAll(() => routeApp.close());
beforeEach(() => vi.clearAllMocks());

const url = `/meetings/${MEETING}/items/new`;

describe('the agenda item record picker', () => {
  it('offers no records for a paper, and a Find box that works without JavaScript', async () => {
    const page = await routeApp.as('administrator').get(url);
    expect(page.statusCode, page.body.slice(0, 400)).toBe(200);
    expect(page.body).toContain('name="find"');
    expect(page.body).toContain('name="findRecords"');
    expect(page.body).toContain('<select class="govuk-select" id="subjectId" name="subjectId"');
    expect(page.body).not.toContain('ASC01 Home care');
    expect(fake.subjectChoices).not.toHaveBeenCalled();
  });

  it('Find lists the chosen kind’s records for the words typed, keeps the form and saves nothing', async () => {
    const page = await routeApp.as('administrator').post(url, {
      title: 'Home care plan',
      subjectKind: 'improvement-plan',
      find: ' home ',
      findRecords: '1',
    });
    expect(page.statusCode, page.body.slice(0, 400)).toBe(200);
    expect(fake.subjectChoices).toHaveBeenCalledWith(expect.anything(), 'improvement-plan', ' home ');
    expect(page.body).toContain(`<option value="${PLAN}">ASC01 Home care (submitted)</option>`);
    expect(page.body).toContain('value="Home care plan"');
    expect(fake.addAgendaItem).not.toHaveBeenCalled();
  });

  it('offers performance reports as a kind, and Find lists the issued reports found', async () => {
    const REPORT = '00000000-0000-4000-8000-0000000000c4';
    fake.subjectChoices.mockResolvedValueOnce([{ id: REPORT, label: 'Quarterly performance report, Q3 2026-27' }]);
    const page = await routeApp.as('administrator').post(url, {
      title: 'Quarter 3 report',
      subjectKind: 'performance-report',
      find: 'Q3',
      findRecords: '1',
    });
    expect(page.statusCode, page.body.slice(0, 400)).toBe(200);
    expect(page.body).toMatch(/<input[^>]*name="subjectKind"[^>]*value="performance-report"[^>]*checked/);
    expect(fake.subjectChoices).toHaveBeenCalledWith(expect.anything(), 'performance-report', 'Q3');
    expect(page.body).toContain(`<option value="${REPORT}">Quarterly performance report, Q3 2026-27</option>`);
    expect(fake.addAgendaItem).not.toHaveBeenCalled();
  });

  it('says so when Find matches nothing, and keeps a record chosen before', async () => {
    fake.subjectChoices.mockResolvedValueOnce([]);
    const page = await routeApp.as('administrator').post(url, {
      title: 'Home care plan',
      subjectKind: 'improvement-plan',
      subjectId: OTHER_PLAN,
      find: 'nothing like it',
      findRecords: '1',
    });
    expect(page.statusCode, page.body.slice(0, 400)).toBe(200);
    expect(page.body).toContain('No records of that kind match');
    expect(page.body).toContain(`<option value="${OTHER_PLAN}" selected>The record already chosen</option>`);
    expect(fake.addAgendaItem).not.toHaveBeenCalled();
  });

  it('saves the item with the record picked', async () => {
    const saved = await routeApp.as('administrator').post(url, {
      title: 'Home care plan',
      subjectKind: 'improvement-plan',
      subjectId: PLAN,
      find: '',
      paperTitle: '',
      paperLink: '',
      leadOfficerPersonId: '',
    });
    expect(saved.statusCode).toBe(302);
    expect(fake.addAgendaItem).toHaveBeenCalledWith(
      expect.anything(),
      MEETING,
      expect.objectContaining({ subjectKind: 'improvement-plan', subjectId: PLAN }),
    );
  });
});
