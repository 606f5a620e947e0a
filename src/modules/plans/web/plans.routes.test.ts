import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { plansApi } from '../api/plans.api.ts';
import type { PlanDetail } from '../plans.types.ts';
import type { PlansPageServices } from '../services.ts';
import { plansRoutes } from './plans.routes.ts';

// The plan pages and API over fake services (see test/helpers/route-app.ts): who reaches a change,
// what a bad form or body is told, how a refusal reads, where a good change goes. What the services
// do with the database is in ../test/plans.int.test.ts and ../test/plan-versions.int.test.ts.
const PLAN_ID = '00000000-0000-4000-8000-0000000000d1';
const TYPE_ID = '00000000-0000-4000-8000-0000000000d2';
const UNIT_ID = '00000000-0000-4000-8000-0000000000d3';

const plan = {
  id: PLAN_ID,
  organisationId: '00000000-0000-4000-8000-000000000001',
  lineageId: PLAN_ID,
  version: 1,
  versionKind: 'original',
  versionReason: '',
  previousVersionId: null,
  planTypeId: TYPE_ID,
  parentPlanId: null,
  title: 'Waste service plan 2025/26',
  periodStart: '2025-04-01',
  periodEnd: '2026-03-31',
  owningUnitId: UNIT_ID,
  ownerPersonId: null,
  sections: {},
  status: 'submitted',
  nextStep: 1,
  approvedAt: null,
  effectiveFrom: null,
  effectiveTo: null,
  rowVersion: 3,
  createdAt: new Date('2025-05-01T09:00:00Z'),
  updatedAt: new Date('2025-05-01T09:00:00Z'),
};
const planType = {
  id: TYPE_ID,
  key: 'service-plan',
  name: 'Service plan',
  level: 4,
  description: '',
  active: true,
  templateSections: [],
  parentTypeIds: [],
  itemTypeIds: [],
  approvalSteps: [],
};
const detail = {
  plan,
  planType,
  owningUnit: { id: UNIT_ID, name: 'Waste' },
  owner: null,
  parentPlan: null,
  sections: [],
  steps: [],
  versions: [plan],
  events: [],
  actions: {
    edit: false,
    submit: false,
    approve: { step: 1, label: { code: 'planRefusals.signOffAsOwner' }, name: 'Sign-off by the plan owner' },
    return: true,
    amend: false,
    rollForward: false,
    archive: false,
    addItem: false,
    openVersion: null,
  },
} as unknown as PlanDetail;

const plans = {
  formOptions: vi.fn(),
  filterOptions: vi.fn(),
  list: vi.fn(),
  individualPlanCounts: vi.fn(),
  detail: vi.fn(),
  get: vi.fn(),
  create: vi.fn(),
  update: vi.fn(),
  approve: vi.fn(),
  returnToDraft: vi.fn(),
};
const items = { treeForPlan: vi.fn() };
const performanceViews = { planRollup: vi.fn() };
const services = { plans, items, performanceViews } as unknown as PlansPageServices;

/** A new plan form as a browser sends it. */
const planForm = (overrides: Record<string, string> = {}) => ({
  planTypeId: TYPE_ID,
  title: 'Street cleansing team plan 2025/26',
  'periodStart-day': '1',
  'periodStart-month': '4',
  'periodStart-year': '2025',
  'periodEnd-day': '31',
  'periodEnd-month': '3',
  'periodEnd-year': '2026',
  owningUnitId: UNIT_ID,
  ownerPersonId: '',
  parentPlanId: '',
  ...overrides,
});

const refused = (code: string, message: string, field?: string) => ({ ok: false, error: { code, message, field } });

describe('plan pages and API over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      // The plan page shows the roll-up with the performance module's component.
      { views: fileURLToPath(new URL('../../performance/web/views', import.meta.url)) },
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(plansRoutes, { services });
        },
        api: async (api) => {
          await api.register(plansApi, { services });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    for (const fake of [...Object.values(plans), items.treeForPlan, performanceViews.planRollup]) fake.mockReset();
    plans.formOptions.mockResolvedValue({ planTypes: [planType], units: [], people: [], parentPlans: [] });
    plans.filterOptions.mockResolvedValue({ planTypes: [], units: [], statuses: [], years: [] });
    plans.list.mockResolvedValue([]);
    plans.individualPlanCounts.mockResolvedValue(null);
    plans.detail.mockResolvedValue({ ok: true, value: detail });
    plans.get.mockResolvedValue({ ok: true, value: plan });
    items.treeForPlan.mockResolvedValue([]);
    performanceViews.planRollup.mockResolvedValue(refused('not_found', 'No roll-up'));
  });

  describe('access, before any service is asked', () => {
    it('sends someone not signed in to sign in, and gives the API 401', async () => {
      const page = await t.public.get('/plans/new');
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toMatch(/^\/sign-in/);
      expect((await t.public.api('POST', `/api/v1/plans/${PLAN_ID}/approve`, { step: 1 })).statusCode).toBe(401);
      expect(plans.approve).not.toHaveBeenCalled();
    });

    it('refuses a viewer the new plan form and the API with 403', async () => {
      const viewer = t.as('viewer');
      expect((await viewer.get('/plans/new')).statusCode).toBe(403);
      expect((await viewer.post('/plans/new', planForm())).statusCode).toBe(403);
      const api = await viewer.api('POST', '/api/v1/plans', {});
      expect(api.statusCode).toBe(403);
      expect(api.headers['content-type']).toContain('application/problem+json');
      expect(plans.create).not.toHaveBeenCalled();
    });

    it('refuses an approval posted without the CSRF token', async () => {
      const manager = t.as('manager');
      const page = await t.app.inject({
        method: 'POST',
        url: `/plans/${PLAN_ID}/approve`,
        headers: { cookie: manager.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'step=1',
      });
      expect(page.statusCode).toBe(403);
      expect(plans.approve).not.toHaveBeenCalled();
    });
  });

  describe('pages', () => {
    it('re-shows an empty new plan form with the type and the start date in the error summary', async () => {
      const page = await t.as('manager').post('/plans/new', { title: '' });
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('govuk-error-summary');
      expect(page.body).toContain('href="#planTypeId"');
      expect(page.body).toContain('href="#periodStart-day"');
      expect(plans.create).not.toHaveBeenCalled();
    });

    it('shows the service’s refusal on the form, keeping what was typed', async () => {
      plans.create.mockResolvedValue(
        refused('invalid', 'A Team plan cannot sit under a Corporate plan', 'parentPlanId'),
      );
      const page = await t.as('manager').post('/plans/new', planForm());
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('A Team plan cannot sit under a Corporate plan');
      expect(page.body).toContain('value="Street cleansing team plan 2025/26"');
    });

    it('goes to the new draft with a flash message when the service starts it', async () => {
      plans.create.mockResolvedValue({ ok: true, value: { ...plan, title: 'Street cleansing team plan 2025/26' } });
      const page = await t.as('manager').post('/plans/new', planForm());
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toBe(`/plans/${PLAN_ID}`);
      expect(t.flashOf(page)).toBe('Plan Street cleansing team plan 2025/26 started as a draft');
      expect(plans.create).toHaveBeenCalledWith(
        expect.objectContaining({ kind: 'person' }),
        expect.objectContaining({ periodStart: '2025-04-01', periodEnd: '2026-03-31', owningUnitId: UNIT_ID }),
      );
    });

    it('tells of a stale edit with 409 and the current version in the form', async () => {
      plans.update.mockResolvedValue(
        refused('conflict', 'Someone else changed this plan while you were editing it', 'rowVersion'),
      );
      const page = await t
        .as('manager')
        .post(`/plans/${PLAN_ID}/edit`, { ...planForm(), parentPlanId: '', rowVersion: '2' });
      expect(page.statusCode).toBe(409);
      expect(page.body).toContain('Someone else changed this plan');
      expect(page.body).toMatch(/name="rowVersion"[^>]*value="3"|value="3"[^>]*name="rowVersion"/);
    });

    it('asks for the reasons when a plan is returned without them, on the plan page', async () => {
      const page = await t.as('manager').post(`/plans/${PLAN_ID}/return`, { reason: '' });
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('href="#return-reason"');
      expect(plans.returnToDraft).not.toHaveBeenCalled();
    });

    it('records an approval and says so; an unknown action is not found', async () => {
      plans.approve.mockResolvedValue({ ok: true, value: { ...plan, status: 'in-approval', nextStep: 2 } });
      const manager = t.as('manager');
      const approved = await manager.post(`/plans/${PLAN_ID}/approve`, { step: '1' });
      expect(approved.statusCode).toBe(302);
      expect(approved.headers.location).toBe(`/plans/${PLAN_ID}`);
      expect(t.flashOf(approved)).toBe('Approval recorded');
      expect(plans.approve).toHaveBeenCalledWith(expect.anything(), PLAN_ID, expect.objectContaining({ step: 1 }));
      expect((await manager.post(`/plans/${PLAN_ID}/explode`, {})).statusCode).toBe(404);
    });

    it('shows the service’s refusal of an approval with its status', async () => {
      plans.approve.mockResolvedValue(refused('forbidden', "Only the plan's owner can sign it off"));
      const page = await t.as('manager').post(`/plans/${PLAN_ID}/approve`, { step: '1' });
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('href="#approve-form"');
      expect(page.body).toContain('Only the plan&#39;s owner can sign it off');
    });

    it('refuses a filter it does not know with the error summary', async () => {
      const page = await t.as('viewer').get('/plans?status=nonsense');
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('govuk-error-summary');
      expect(plans.list).not.toHaveBeenCalled();
    });
  });

  describe('API', () => {
    it('answers a refused approval with its status and a problem', async () => {
      plans.approve.mockResolvedValue(refused('forbidden', "Only the plan's owner can sign it off"));
      const response = await t.as('manager').api('POST', `/api/v1/plans/${PLAN_ID}/approve`, { step: 1 });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'forbidden', detail: "Only the plan's owner can sign it off" });
    });

    it('refuses a return without reasons with a 400 naming the field, before the service', async () => {
      const response = await t.as('manager').api('POST', `/api/v1/plans/${PLAN_ID}/return`, { reason: '  ' });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('reason');
      expect(plans.returnToDraft).not.toHaveBeenCalled();
    });

    it('answers a stale change with 409', async () => {
      plans.update.mockResolvedValue(
        refused('conflict', 'Someone else changed this plan while you were editing it', 'rowVersion'),
      );
      const response = await t.as('manager').api('PUT', `/api/v1/plans/${PLAN_ID}`, {
        title: 'Edited',
        periodStart: '2025-04-01',
        periodEnd: '2026-03-31',
        owningUnitId: UNIT_ID,
        ownerPersonId: null,
        parentPlanId: null,
        sections: {},
        rowVersion: 2,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'rowVersion' }] });
    });
  });
});
