import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { actionsApi } from '../api/actions.api.ts';
import type { ActionSummary } from '../action-view.ts';
import type { ActionDetail } from '../actions.service.ts';
import type { ActionsServices } from '../services.ts';
import { actionsRoutes } from './actions.routes.ts';
import { deliverySettingsRoutes } from './delivery-settings.routes.ts';
import { DEFAULT_DELIVERY_SETTINGS } from '../domain/index.ts';

// The action pages and API over fake services (test/helpers/route-app.ts): filters passed on, bad
// forms told what is wrong without the service being asked, refusals shown against their field,
// good changes redirected. What the services do with SQL is in ../test/actions.int.test.ts.
const ID = '00000000-0000-4000-8000-0000000000a1';
const PERSON = '00000000-0000-4000-8000-0000000000b1';
const PLAN = '00000000-0000-4000-8000-0000000000c1';

const summary: ActionSummary = {
  id: ID,
  code: 'A12',
  title: 'Open the new library',
  planId: PLAN,
  planTitle: 'Libraries plan',
  planUnitId: PLAN,
  ownerPersonId: PERSON,
  ownerName: 'Sam Owner',
  escalationOwnerPersonId: PERSON,
  escalationOwnerName: 'Chris Chief',
  startDate: '2026-04-01',
  originalDueDate: '2026-09-30',
  revisedDueDate: null,
  percentComplete: 20,
  isKey: true,
  answers: null,
  openEscalationId: null,
  href: `/actions/${ID}`,
  status: 'at-risk',
  derivedStatus: 'off-track',
  derivedReason: { code: 'behind', percent: 20, expected: 50, behindBy: 30 },
  judgedStatus: 'at-risk',
  judgementReason: 'Builders back next week',
  expectedPercent: 50,
  dueDate: '2026-09-30',
  overdue: false,
};

const detail = {
  action: {
    ...summary,
    description: '',
    revisionReason: '',
    pendingDueDate: null,
    pendingReason: '',
    closedReason: '',
  },
  assignees: [],
  items: [],
  measures: [],
  milestones: [],
  updates: [],
  escalations: [],
  events: [],
  may: { edit: true, update: true, decide: false, approveDate: false },
  escalationOwnerActive: true,
} as ActionDetail;

const actions = {
  list: vi.fn(),
  mine: vi.fn(),
  get: vi.fn(),
  filterOptions: vi.fn(),
  formOptions: vi.fn(),
  create: vi.fn(),
  update: vi.fn(),
};
const actionChanges = {
  addProgress: vi.fn(),
  reviseDate: vi.fn(),
  decideRevision: vi.fn(),
  close: vi.fn(),
  addMilestone: vi.fn(),
  completeMilestone: vi.fn(),
  decideEscalation: vi.fn(),
};
const deliverySettings = { get: vi.fn(), save: vi.fn(), canManage: vi.fn() };
const actionFiles = { importActions: vi.fn(), exportActions: vi.fn() };
const services = { actions, actionChanges, deliverySettings, actionFiles } as unknown as ActionsServices;
const refused = (code: string, message: string, field?: string) => ({ ok: false, error: { code, message, field } });

describe('action pages and API over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(actionsRoutes, { services, today: () => '2026-07-01' });
          await app.register(deliverySettingsRoutes, { services });
        },
        api: async (api) => {
          await api.register(actionsApi, { services, today: () => '2026-07-01' });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    for (const fake of [
      ...Object.values(actions),
      ...Object.values(actionChanges),
      ...Object.values(deliverySettings),
      ...Object.values(actionFiles),
    ])
      fake.mockReset();
    actions.list.mockResolvedValue({ ok: true, value: [summary] });
    actions.get.mockResolvedValue({ ok: true, value: detail });
    actions.filterOptions.mockResolvedValue({ people: [{ id: PERSON, name: 'Sam Owner' }], units: [] });
    actions.formOptions.mockResolvedValue({
      plans: [{ id: PLAN, title: 'Libraries plan' }],
      items: [],
      people: [],
      measures: [],
    });
    deliverySettings.get.mockResolvedValue({ ok: true, value: DEFAULT_DELIVERY_SETTINGS });
  });

  it('lists actions with both statuses shown, passing the filters on', async () => {
    const page = await t
      .as('viewer')
      .get(`/actions?ownerPersonId=${PERSON}&status=at-risk&overdue=yes&unitId=nonsense`);
    expect(page.statusCode).toBe(200);
    expect(actions.list).toHaveBeenCalledWith(expect.anything(), {
      ownerPersonId: PERSON,
      unitId: undefined,
      measureId: undefined,
      status: 'at-risk',
      overdue: true,
    });
    expect(page.body).toContain('A12 Open the new library');
    expect(page.body).toContain('At risk');
    expect(page.body).toContain('Derived: Off track');
    expect(page.body).not.toContain('Add an action'); // a viewer cannot add
  });

  it('shows the action with its derived status and why', async () => {
    const page = await t.as('viewer').get(`/actions/${ID}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('20% complete, 30 points behind the 50% expected by now');
    expect(page.body).toContain('Builders back next week');
  });

  it('is not found when the service says so', async () => {
    actions.get.mockResolvedValue(refused('not_found', 'Action was not found'));
    expect((await t.as('viewer').get(`/actions/${ID}`)).statusCode).toBe(404);
    expect((await t.as('viewer').api('GET', `/api/v1/actions/${ID}`)).statusCode).toBe(404);
  });

  it('keeps people without edit rights from the forms, before any service is asked', async () => {
    expect((await t.as('viewer').get('/actions/new')).statusCode).toBe(403);
    expect((await t.as('viewer').post('/actions/new', {})).statusCode).toBe(403);
    expect((await t.as('viewer').get('/framework/delivery-settings')).statusCode).toBe(403);
    expect(actions.create).not.toHaveBeenCalled();
  });

  it('tells a bad form what is wrong without asking the service', async () => {
    const page = await t.as('manager').post('/actions/new', {
      planId: PLAN,
      code: 'A1',
      title: 'x',
      ownerPersonId: PERSON,
      escalationOwnerPersonId: PERSON,
      startDate: '2026-04-01',
      dueDate: '2026-03-01',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('The due date must be on or after the start date');
    expect(actions.create).not.toHaveBeenCalled();
  });

  it('shows a service refusal against its field, and redirects a good update', async () => {
    actionChanges.addProgress.mockResolvedValueOnce(
      refused('invalid', 'Enter why your status differs from the derived status', 'statusReason'),
    );
    const form = {
      percentComplete: '30',
      status: 'on-track',
      statusReason: '',
      commentary: 'Going well',
      asOf: '2026-07-01',
    };
    const refusedPage = await t.as('data-entry').post(`/actions/${ID}/progress`, form);
    expect(refusedPage.statusCode).toBe(400);
    expect(refusedPage.body).toContain('href="#statusReason"');

    actionChanges.addProgress.mockResolvedValueOnce({ ok: true, value: { updateId: ID, escalated: true } });
    const done = await t.as('data-entry').post(`/actions/${ID}/progress`, form);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe(`/actions/${ID}`);
    expect(t.flashOf(done)).toBe('Update added. The action has been escalated to its escalation owner');
  });

  it('says why an update to a closed action is refused', async () => {
    actionChanges.addProgress.mockResolvedValue(
      refused('invalid_state', 'This action is complete, so no update can be added'),
    );
    const page = await t
      .as('manager')
      .post(`/actions/${ID}/progress`, { percentComplete: '100', commentary: 'x', asOf: '2026-07-01' });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('This action is complete, so no update can be added');
    const api = await t
      .as('manager')
      .api('POST', `/api/v1/actions/${ID}/updates`, { percentComplete: 100, commentary: 'x', asOf: '2026-07-01' });
    expect(api.statusCode).toBe(409);
  });

  it('answers a bad API body with a problem naming the field', async () => {
    const response = await t
      .as('manager')
      .api('POST', `/api/v1/actions/${ID}/updates`, { percentComplete: 150, commentary: 'x', asOf: '2026-07-01' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('percentComplete');
    expect(actionChanges.addProgress).not.toHaveBeenCalled();
  });

  it('saves the delivery settings for an administrator and refuses inconsistent bands', async () => {
    const bad = await t.as('administrator').post('/framework/delivery-settings', {
      ...Object.fromEntries(Object.entries(DEFAULT_DELIVERY_SETTINGS).map(([k, v]) => [k, String(v)])),
      offTrackBehindBy: '5',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Off track must be further behind than at risk');
    deliverySettings.save.mockResolvedValueOnce({ ok: true, value: DEFAULT_DELIVERY_SETTINGS });
    const good = await t.as('administrator').post('/framework/delivery-settings', {
      ...Object.fromEntries(Object.entries(DEFAULT_DELIVERY_SETTINGS).map(([k, v]) => [k, String(v)])),
      revisedDateApprover: 'escalation-owner',
    });
    expect(good.statusCode).toBe(302);
    expect(deliverySettings.save).toHaveBeenCalledWith(expect.anything(), {
      ...DEFAULT_DELIVERY_SETTINGS,
      revisedDateApprover: 'escalation-owner',
    });
  });
  it('imports through the API: the file as the body, row errors listed and nothing imported, or the count', async () => {
    const manager = t.as('manager');
    const send = (contentType: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/actions/import',
        headers: {
          cookie: manager.cookie,
          'x-csrf-token': `csrf-${manager.cookie.split('=')[1]}`,
          'content-type': contentType,
        },
        payload: 'code,title\nA1,Fix the roof\n',
      });
    const wrongType = await send('text/plain');
    expect(wrongType.statusCode).toBe(415);
    expect(actionFiles.importActions).not.toHaveBeenCalled();

    actionFiles.importActions.mockResolvedValueOnce({
      ok: true,
      value: { created: 0, errors: [{ line: 2, column: 'plan', message: 'Enter the plan' }] },
    });
    const rejected = await send('text/csv');
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json()).toMatchObject({
      detail: 'Nothing was imported: 1 problem in the file',
      rows: [{ line: 2, column: 'plan', message: 'Enter the plan' }],
    });
    const [, bytes, format] = actionFiles.importActions.mock.calls[0]!;
    expect([String(bytes), format]).toEqual(['code,title\nA1,Fix the roof\n', 'csv']);

    actionFiles.importActions.mockResolvedValueOnce({ ok: true, value: { created: 2, errors: [] } });
    const imported = await send('text/csv');
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ imported: 2 });
    expect((await t.as('viewer').api('POST', '/api/v1/actions/import', {})).statusCode).toBe(403);
  });

  it('exports through the API in the format asked for', async () => {
    actionFiles.exportActions.mockResolvedValue({
      ok: true,
      value: {
        fileName: 'actions-2026-07-01.csv',
        contentType: 'text/csv; charset=utf-8',
        body: Buffer.from('code\nA12\n'),
      },
    });
    const csv = await t.as('viewer').api('GET', '/api/v1/actions/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="actions-2026-07-01.csv"');
    expect(csv.body).toBe('code\nA12\n');
    expect(actionFiles.exportActions).toHaveBeenLastCalledWith(expect.anything(), 'csv');
    await t.as('viewer').api('GET', '/api/v1/actions/export?format=xlsx');
    expect(actionFiles.exportActions).toHaveBeenLastCalledWith(expect.anything(), 'xlsx');
    expect((await t.as('viewer').api('GET', '/api/v1/actions/export?format=pdf')).statusCode).toBe(400);
  });

  it('approves or rejects a revised date through the API, answering with the action', async () => {
    actionChanges.decideRevision.mockResolvedValueOnce({ ok: true, value: null });
    const approved = await t.as('viewer').api('POST', `/api/v1/actions/${ID}/revised-due-date/decision`, {
      decision: 'approve',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ id: ID, code: 'A12' });
    expect(actionChanges.decideRevision).toHaveBeenCalledWith(expect.anything(), ID, {
      decision: 'approve',
      reason: '',
    });

    actionChanges.decideRevision.mockResolvedValueOnce(
      refused('invalid', 'Enter why the new date is rejected', 'reason'),
    );
    const noReason = await t
      .as('viewer')
      .api('POST', `/api/v1/actions/${ID}/revised-due-date/decision`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toBe('Enter why the new date is rejected');
    const bad = await t
      .as('viewer')
      .api('POST', `/api/v1/actions/${ID}/revised-due-date/decision`, { decision: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(actionChanges.decideRevision).toHaveBeenCalledTimes(2);
  });

  it('completes a milestone through the API, on today unless a date is given', async () => {
    const MILESTONE = '00000000-0000-4000-8000-0000000000d1';
    actionChanges.completeMilestone.mockResolvedValue({ ok: true, value: null });
    const url = `/api/v1/actions/${ID}/milestones/${MILESTONE}/complete`;
    expect((await t.as('data-entry').api('POST', url, {})).statusCode).toBe(200);
    expect(actionChanges.completeMilestone).toHaveBeenLastCalledWith(expect.anything(), ID, MILESTONE, '2026-07-01');
    await t.as('data-entry').api('POST', url, { completedOn: '2026-06-30' });
    expect(actionChanges.completeMilestone).toHaveBeenLastCalledWith(expect.anything(), ID, MILESTONE, '2026-06-30');
    const badId = await t.as('data-entry').api('POST', `/api/v1/actions/${ID}/milestones/nope/complete`, {});
    expect(badId.statusCode).toBe(400);
    actionChanges.completeMilestone.mockResolvedValueOnce(refused('not_found', 'Milestone was not found'));
    expect((await t.as('data-entry').api('POST', url, {})).statusCode).toBe(404);
  });

  it('shows each small form about the action, and redirects a good one with its flash', async () => {
    for (const [url, heading] of [
      [`/actions/${ID}/close`, 'Close the action'],
      [`/actions/${ID}/revise-date`, 'Revise the due date'],
      [`/actions/${ID}/milestones`, 'Add a milestone'],
      [`/actions/${ID}/escalations/${ID}/decision`, 'Decide the escalation'],
    ] as const) {
      const page = await t.as('manager').get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain(heading);
      expect(page.body).toContain('A12');
    }
    expect((await t.as('viewer').get(`/actions/${ID}/close`)).statusCode).toBe(403);

    actionChanges.decideEscalation.mockResolvedValueOnce({ ok: true, value: null });
    const decided = await t
      .as('director')
      .post(`/actions/${ID}/escalations/${PERSON}/decision`, { decision: 'more-resource', reason: 'Two officers' });
    expect(decided.statusCode).toBe(302);
    expect(t.flashOf(decided)).toBe('Decision recorded');
    expect(actionChanges.decideEscalation).toHaveBeenCalledWith(expect.anything(), ID, PERSON, {
      decision: 'more-resource',
      reason: 'Two officers',
      newDueDate: null,
    });
    actionChanges.reviseDate.mockResolvedValueOnce({ ok: true, value: { pending: true } });
    const revised = await t
      .as('manager')
      .post(`/actions/${ID}/revise-date`, { revisedDueDate: '2026-12-31', reason: 'Late funding' });
    expect(t.flashOf(revised)).toBe('New due date sent for approval');
  });
});
