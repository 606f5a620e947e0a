import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { frameworkApi } from '../api/framework.api.ts';
import type { PlanTypeDetail } from '../framework.service.ts';
import type { FrameworkServices } from '../services.ts';
import { frameworkRoutes } from './framework.routes.ts';

// The framework's pages and API over fake services (see test/helpers/route-app.ts): who reaches a
// change, what a bad form or body is told, how a refusal reads, where a good change goes. What the
// service does with the database is in ../test/framework*.int.test.ts.
const PLAN_TYPE_ID = '00000000-0000-4000-8000-0000000000a1';
const ITEM_TYPE_ID = '00000000-0000-4000-8000-0000000000b1';
const STEP_ID = '00000000-0000-4000-8000-0000000000c1';

const planType: PlanTypeDetail = {
  id: PLAN_TYPE_ID,
  key: 'service-plan',
  name: 'Service plan',
  level: 4,
  description: '',
  active: true,
  templateSections: [{ key: 'scope', title: 'Scope', hint: '' }],
  parentTypeIds: [],
  itemTypeIds: [ITEM_TYPE_ID],
  approvalSteps: [
    {
      id: STEP_ID,
      position: 1,
      name: 'Owner',
      kind: 'owner',
      role: null,
      bodyId: null,
      bodyName: null,
      distinctPerson: false,
    },
  ],
};
const itemType = { id: ITEM_TYPE_ID, key: 'action', name: 'Action', description: '', active: true };

const framework = {
  listPlanTypes: vi.fn(),
  listItemTypes: vi.fn(),
  listBodies: vi.fn(),
  canManage: vi.fn(),
  getPlanType: vi.fn(),
  createPlanType: vi.fn(),
  updatePlanType: vi.fn(),
  moveStep: vi.fn(),
  removeStep: vi.fn(),
  addSection: vi.fn(),
  createItemType: vi.fn(),
};
const services = { framework } as unknown as FrameworkServices;

/** A form for a new plan type as a browser sends it. */
const planTypeForm = (overrides: Record<string, string> = {}) => ({
  name: 'Programme plan',
  key: 'programme-plan',
  level: '4',
  description: '',
  itemTypeIds: ITEM_TYPE_ID,
  active: 'true',
  ...overrides,
});

/** A body for a new plan type over the API. */
const planTypeBody = (overrides: Record<string, unknown> = {}) => ({
  key: 'programme-plan',
  name: 'Programme plan',
  level: 4,
  description: '',
  parentTypeIds: [],
  itemTypeIds: [ITEM_TYPE_ID],
  ...overrides,
});

const refused = (code: string, message: string, field?: string) => ({ ok: false, error: { code, message, field } });

describe('framework pages and API over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(frameworkRoutes, { services });
        },
        api: async (api) => {
          await api.register(frameworkApi, { services });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    for (const fake of Object.values(framework)) fake.mockReset();
    framework.listPlanTypes.mockResolvedValue([planType]);
    framework.listItemTypes.mockResolvedValue([itemType]);
    framework.listBodies.mockResolvedValue([]);
    framework.canManage.mockResolvedValue(true);
    framework.getPlanType.mockResolvedValue({ ok: true, value: planType });
  });

  describe('access, before any service is asked', () => {
    it('sends someone not signed in to sign in, and gives the API 401', async () => {
      const page = await t.public.get('/framework/plan-types/new');
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toMatch(/^\/sign-in/);
      const api = await t.public.api('POST', '/api/v1/plan-types', planTypeBody());
      expect(api.statusCode).toBe(401);
      expect(framework.createPlanType).not.toHaveBeenCalled();
    });

    it('refuses every change to a manager with 403, page and API', async () => {
      const manager = t.as('manager');
      expect((await manager.get('/framework/plan-types/new')).statusCode).toBe(403);
      expect((await manager.post('/framework/plan-types/new', planTypeForm())).statusCode).toBe(403);
      expect((await manager.post(`/framework/plan-types/${PLAN_TYPE_ID}/sections`, { key: 'x' })).statusCode).toBe(403);
      const api = await manager.api('POST', '/api/v1/plan-types', planTypeBody());
      expect(api.statusCode).toBe(403);
      expect(api.headers['content-type']).toContain('application/problem+json');
      expect(api.json()).toMatchObject({ status: 403 });
      expect(framework.createPlanType).not.toHaveBeenCalled();
      expect(framework.addSection).not.toHaveBeenCalled();
    });

    it('lets a viewer of the organisation look, without the buttons to change anything', async () => {
      framework.canManage.mockResolvedValue(false);
      const page = await t.as('viewer').get(`/framework/plan-types/${PLAN_TYPE_ID}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Service plan');
      expect(page.body).not.toContain('Add approval step');
    });
  });

  describe('pages', () => {
    it('re-shows an empty plan type form with each missing answer in the error summary', async () => {
      const page = await t.as('administrator').post('/framework/plan-types/new', { name: '', key: '', level: 'four' });
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('govuk-error-summary');
      for (const field of ['name', 'key', 'level', 'itemTypeIds']) expect(page.body).toContain(`href="#${field}"`);
      expect(framework.createPlanType).not.toHaveBeenCalled();
    });

    it('shows the service’s refusal against its field, keeping what was typed', async () => {
      framework.createPlanType.mockResolvedValue(
        refused('invalid', 'Programme plan (level 4) cannot sit under Team plan (level 5)', 'parentTypeIds'),
      );
      const page = await t.as('administrator').post('/framework/plan-types/new', planTypeForm());
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('href="#parentTypeIds"');
      expect(page.body).toContain('Programme plan (level 4) cannot sit under Team plan (level 5)');
      expect(page.body).toContain('value="Programme plan"');
    });

    it('goes to the new plan type with a flash message when the service adds it', async () => {
      framework.createPlanType.mockResolvedValue({ ok: true, value: { ...planType, name: 'Programme plan' } });
      const page = await t.as('administrator').post('/framework/plan-types/new', planTypeForm());
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toBe(`/framework/plan-types/${PLAN_TYPE_ID}`);
      expect(t.flashOf(page)).toBe('Plan type Programme plan added');
      expect(framework.createPlanType).toHaveBeenCalledWith(
        expect.objectContaining({ kind: 'person' }),
        expect.objectContaining({ key: 'programme-plan', level: 4, itemTypeIds: [ITEM_TYPE_ID], active: true }),
      );
    });

    it('shows a refused step move at the top of the plan type page', async () => {
      framework.moveStep.mockResolvedValue(
        refused('invalid_state', 'The steps cannot change while plans of this type are going through approval'),
      );
      const page = await t
        .as('administrator')
        .post(`/framework/plan-types/${PLAN_TYPE_ID}/approval-steps/${STEP_ID}/up`);
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('govuk-error-summary');
      expect(page.body).toContain('href="#approvalSteps"');
      expect(page.body).toContain('going through approval');
    });

    it('moves a step and says so; an unknown action or plan type is not found', async () => {
      framework.moveStep.mockResolvedValue({ ok: true, value: planType });
      const admin = t.as('administrator');
      const moved = await admin.post(`/framework/plan-types/${PLAN_TYPE_ID}/approval-steps/${STEP_ID}/down`);
      expect(moved.statusCode).toBe(302);
      expect(moved.headers.location).toBe(`/framework/plan-types/${PLAN_TYPE_ID}#approvalSteps`);
      expect(t.flashOf(moved)).toBe('Approval step moved down');
      expect(framework.moveStep).toHaveBeenCalledWith(expect.anything(), PLAN_TYPE_ID, STEP_ID, 'down');
      expect(
        (await admin.post(`/framework/plan-types/${PLAN_TYPE_ID}/approval-steps/${STEP_ID}/explode`)).statusCode,
      ).toBe(404);
      framework.getPlanType.mockResolvedValue(refused('not_found', 'Plan type not found'));
      expect((await admin.get(`/framework/plan-types/${PLAN_TYPE_ID}`)).statusCode).toBe(404);
    });

    it('refuses a post without the CSRF token before the service is asked', async () => {
      const admin = t.as('administrator');
      const page = await t.app.inject({
        method: 'POST',
        url: '/framework/item-types/new',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=Risk&key=risk',
      });
      expect(page.statusCode).toBe(403);
      expect(framework.createItemType).not.toHaveBeenCalled();
    });
  });

  describe('API', () => {
    // Bodies the schema refuses: a 400 problem naming the field, and the service never asked
    // (so nothing can have been written).
    const invalid: { name: string; body: Record<string, unknown>; field: string }[] = [
      { name: 'a key with spaces', body: planTypeBody({ key: 'bad key' }), field: 'key' },
      { name: 'a level of 0', body: planTypeBody({ level: 0 }), field: 'level' },
      { name: 'a plan type holding no item types', body: planTypeBody({ itemTypeIds: [] }), field: 'itemTypeIds' },
      {
        name: 'a role step with an unknown role',
        body: planTypeBody({ approvalSteps: [{ name: 'Odd', kind: 'role', role: 'emperor' }] }),
        field: 'approvalSteps.0.role',
      },
      {
        name: 'a role step without a role',
        body: planTypeBody({ approvalSteps: [{ name: 'Odd', kind: 'role' }] }),
        field: 'approvalSteps.0.role',
      },
    ];
    it.each(invalid)('refuses $name with a 400 problem', async ({ body, field }) => {
      const response = await t.as('administrator').api('POST', '/api/v1/plan-types', body);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json<{ code: string; errors: { field: string }[] }>();
      expect(problem.code).toBe('invalid');
      expect(problem.errors.map((error) => error.field)).toContain(field);
      expect(framework.createPlanType).not.toHaveBeenCalled();
    });

    it('answers a service refusal with its status and a problem naming the field', async () => {
      const admin = t.as('administrator');
      framework.createPlanType.mockResolvedValue(
        refused('duplicate', 'A plan type with the key programme-plan already exists (Programme plan)', 'key'),
      );
      const duplicate = await admin.api('POST', '/api/v1/plan-types', planTypeBody());
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toMatchObject({
        code: 'duplicate',
        detail: 'A plan type with the key programme-plan already exists (Programme plan)',
        errors: [{ field: 'key' }],
      });
      framework.updatePlanType.mockResolvedValue(
        refused('cycle', 'Service plan cannot sit under itself', 'parentTypeIds'),
      );
      const cycle = await admin.api('PUT', `/api/v1/plan-types/${PLAN_TYPE_ID}`, planTypeBody());
      expect(cycle.statusCode).toBe(409);
      expect(cycle.json()).toMatchObject({ code: 'cycle', errors: [{ field: 'parentTypeIds' }] });
      framework.getPlanType.mockResolvedValue(refused('not_found', 'Plan type not found'));
      expect((await admin.api('GET', `/api/v1/plan-types/${PLAN_TYPE_ID}`)).statusCode).toBe(404);
    });

    it('answers 201 with the new plan type as the schema describes it', async () => {
      framework.createPlanType.mockResolvedValue({ ok: true, value: planType });
      const response = await t.as('administrator').api('POST', '/api/v1/plan-types', planTypeBody());
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual(planType);
    });
  });
});
