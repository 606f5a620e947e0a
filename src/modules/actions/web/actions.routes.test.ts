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
const services = { actions, actionChanges, deliverySettings } as unknown as ActionsServices;
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
          await api.register(actionsApi, { services });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    for (const fake of [...Object.values(actions), ...Object.values(actionChanges), ...Object.values(deliverySettings)])
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
});
