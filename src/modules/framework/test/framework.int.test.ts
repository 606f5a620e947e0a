import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, governanceBodies, itemTypes, planItems, plans, planTypes } from '../../../schema.ts';
import { installDefaultFramework, type InstalledFramework } from '../data/default-framework.seed.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

interface PlanTypeJson {
  id: string;
  key: string;
  name: string;
  level: number;
  active: boolean;
  parentTypeIds: string[];
  itemTypeIds: string[];
  templateSections: { key: string; title: string; hint: string }[];
  approvalSteps: {
    id: string;
    position: number;
    name: string;
    kind: string;
    role: string | null;
    bodyId: string | null;
    bodyName: string | null;
  }[];
}

describe.each(DATABASES)('framework on %s', (kind) => {
  let t: TestApp;
  let installed: InstalledFramework;
  let admin: Agent;

  const db = () => t.deps.database.db;
  const auditCount = async () => (await db().select().from(auditEvents)).length;
  const planTypeCount = async (organisationId = t.org.id) =>
    (await db().select().from(planTypes).where(eq(planTypes.organisationId, organisationId))).length;

  /** A body for a new plan type, over the API. */
  function newType(overrides: Record<string, unknown> = {}) {
    return {
      key: `type-${randomUUID().slice(0, 8)}`,
      name: `Type ${randomUUID().slice(0, 8)}`,
      level: 5,
      description: '',
      active: true,
      parentTypeIds: [installed.planTypes['service-plan']],
      itemTypeIds: [installed.itemTypes['action']],
      ...overrides,
    };
  }

  async function getType(id: string): Promise<PlanTypeJson> {
    const response = await admin.api('GET', `/api/v1/plan-types/${id}`);
    expect(response.statusCode).toBe(200);
    return response.json<PlanTypeJson>();
  }

  /** PUT body keeping everything of the type as it is, with the overrides. */
  async function putBody(id: string, overrides: Record<string, unknown> = {}) {
    const current = await getType(id);
    return {
      key: current.key,
      name: current.name,
      level: current.level,
      description: '',
      active: current.active,
      parentTypeIds: current.parentTypeIds,
      itemTypeIds: current.itemTypeIds,
      ...overrides,
    };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    installed = await db().transaction(async (tx) => installDefaultFramework(tx as never, t.org.id));
    admin = await t.as('administrator');
  });
  afterAll(async () => t?.close());

  it('installs the default framework: types, levels, parents, sections, steps and bodies', async () => {
    const response = await admin.api('GET', '/api/v1/plan-types');
    expect(response.statusCode).toBe(200);
    const list = response.json<PlanTypeJson[]>();
    expect(list.map((type) => [type.key, type.level])).toEqual([
      ['community-strategy', 1],
      ['corporate-plan', 2],
      ['mtfs', 2],
      ['directorate-plan', 3],
      ['service-plan', 4],
      ['team-plan', 5],
      ['individual-plan', 6],
    ]);
    const byKey = Object.fromEntries(list.map((type) => [type.key, type]));
    const ids = installed.planTypes;
    expect(byKey['community-strategy']!.parentTypeIds).toEqual([]);
    expect(byKey['corporate-plan']!.parentTypeIds).toEqual([ids['community-strategy']]);
    expect(new Set(byKey['service-plan']!.parentTypeIds)).toEqual(
      new Set([ids['directorate-plan'], ids['corporate-plan']]),
    );
    expect(new Set(byKey['individual-plan']!.parentTypeIds)).toEqual(new Set([ids['team-plan'], ids['service-plan']]));
    expect(byKey['service-plan']!.templateSections.map((section) => section.key)).toEqual([
      'where-are-we-now',
      'where-do-we-want-to-be',
      'how-will-we-get-there',
      'resources',
      'how-we-will-monitor',
    ]);
    const steps = (key: string) =>
      byKey[key]!.approvalSteps.map((step) => [step.position, step.kind, step.role ?? step.bodyName]);
    expect(steps('service-plan')).toEqual([
      [1, 'owner', null],
      [2, 'role', 'director'],
    ]);
    expect(steps('corporate-plan')).toEqual([
      [1, 'owner', null],
      [2, 'body', 'Corporate Leadership Team'],
      [3, 'body', 'Cabinet'],
      [4, 'body', 'Full Council'],
    ]);
    expect(steps('community-strategy')).toEqual([
      [1, 'owner', null],
      [2, 'body', 'Local Strategic Partnership Board'],
      [3, 'body', 'Full Council'],
    ]);
    expect(steps('team-plan')).toEqual([
      [1, 'owner', null],
      [2, 'role', 'manager'],
    ]);
    expect(steps('individual-plan')).toEqual([
      [1, 'owner', null],
      [2, 'role', 'manager'],
    ]);
    expect(Object.keys(installed.bodies).sort()).toEqual(
      [
        'audit-committee',
        'cabinet',
        'full-council',
        'leadership-team',
        'lsp-board',
        'overview-scrutiny',
        'performance-panel',
      ].sort(),
    );
    const itemTypeList = (await admin.api('GET', '/api/v1/item-types')).json<{ key: string }[]>();
    expect(itemTypeList.map((type) => type.key).sort()).toEqual(
      [
        'action',
        'action-area',
        'ambition',
        'individual-objective',
        'objective',
        'outcome',
        'priority',
        'vision',
      ].sort(),
    );
    for (const type of list) expect(type.itemTypeIds.length).toBeGreaterThan(0);
  });

  it('installing again changes nothing and returns the same ids', async () => {
    const before = await auditCount();
    const again = await db().transaction(async (tx) => installDefaultFramework(tx as never, t.org.id));
    expect(again).toEqual(installed);
    expect(await auditCount()).toBe(before);
  });

  it('lets an administrator add a plan type with sections and steps, then change its steps; audited', async () => {
    const created = await admin.api(
      'POST',
      '/api/v1/plan-types',
      newType({
        key: 'project-plan',
        name: 'Project plan',
        templateSections: [{ key: 'scope', title: 'Scope', hint: 'What is in and out' }],
        approvalSteps: [{ name: 'Sponsor sign-off', kind: 'owner' }],
      }),
    );
    expect(created.statusCode).toBe(201);
    const planType = created.json<PlanTypeJson>();
    expect(planType).toMatchObject({ key: 'project-plan', name: 'Project plan', level: 5 });
    expect(planType.approvalSteps).toHaveLength(1);

    const changed = await admin.api(
      'PUT',
      `/api/v1/plan-types/${planType.id}`,
      await putBody(planType.id, {
        approvalSteps: [
          { name: 'Sponsor sign-off', kind: 'owner' },
          { name: 'Director approval', kind: 'role', role: 'director' },
          { name: 'Cabinet approval', kind: 'body', bodyId: installed.bodies['cabinet'] },
        ],
      }),
    );
    expect(changed.statusCode).toBe(200);
    const shown = await getType(planType.id);
    expect(shown.approvalSteps.map((step) => [step.position, step.name, step.kind, step.role, step.bodyName])).toEqual([
      [1, 'Sponsor sign-off', 'owner', null, null],
      [2, 'Director approval', 'role', 'director', null],
      [3, 'Cabinet approval', 'body', null, 'Cabinet'],
    ]);
    // The step that stayed in place kept its id.
    expect(shown.approvalSteps[0]!.id).toBe(planType.approvalSteps[0]!.id);
    // Sections were not sent, so they were kept.
    expect(shown.templateSections).toEqual([{ key: 'scope', title: 'Scope', hint: 'What is in and out' }]);

    const trail = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'plan_type'), eq(auditEvents.entityId, planType.id)));
    expect(trail.map((event) => event.action)).toEqual(['create', 'update']);
    const update = trail[1]!;
    expect((update.oldValue as { approvalSteps: unknown[] }).approvalSteps).toHaveLength(1);
    expect((update.newValue as { approvalSteps: unknown[] }).approvalSteps).toHaveLength(3);
    expect(update.actorPersonId).toBe(admin.personId);
  });

  it('documents the framework API in the OpenAPI document', async () => {
    const response = await admin.get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(document.paths['/api/v1/plan-types'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(document.paths['/api/v1/plan-types/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'put']),
    );
    expect(Object.keys(document.paths['/api/v1/item-types/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'put']),
    );
  });

  it('adds and changes item types over the API', async () => {
    const created = await admin.api('POST', '/api/v1/item-types', { key: 'milestone', name: 'Milestone' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const changed = await admin.api('PUT', `/api/v1/item-types/${id}`, {
      key: 'milestone',
      name: 'Key milestone',
      description: 'A dated point',
      active: false,
    });
    expect(changed.statusCode).toBe(200);
    expect((await admin.api('GET', `/api/v1/item-types/${id}`)).json()).toMatchObject({
      name: 'Key milestone',
      active: false,
    });
  });

  // Each bad input: the status, the code and the field it names; nothing is written.
  const refusals: {
    name: string;
    request: () => Promise<[method: 'POST' | 'PUT', url: string, body: unknown]>;
    status: number;
    code: string;
    field: string;
    message?: string;
  }[] = [
    {
      name: 'a duplicate plan type key (any case)',
      request: async () => ['POST', '/api/v1/plan-types', newType({ key: 'SERVICE-PLAN' })],
      status: 409,
      code: 'duplicate',
      field: 'key',
    },
    {
      name: 'a duplicate plan type name',
      request: async () => ['POST', '/api/v1/plan-types', newType({ name: 'team plan' })],
      status: 409,
      code: 'duplicate',
      field: 'name',
      message: 'A plan type called Team plan already exists',
    },
    {
      name: 'a key with spaces',
      request: async () => ['POST', '/api/v1/plan-types', newType({ key: 'bad key' })],
      status: 400,
      code: 'invalid',
      field: 'key',
    },
    {
      name: 'a level of 0',
      request: async () => ['POST', '/api/v1/plan-types', newType({ level: 0 })],
      status: 400,
      code: 'invalid',
      field: 'level',
    },
    {
      name: 'a parent that is not higher in the thread',
      request: async () => [
        'POST',
        '/api/v1/plan-types',
        newType({ name: 'Odd plan', level: 4, parentTypeIds: [installed.planTypes['team-plan']] }),
      ],
      status: 400,
      code: 'invalid',
      field: 'parentTypeIds',
      message: 'Odd plan (level 4) cannot sit under Team plan (level 5)',
    },
    {
      name: 'a parent at the same level',
      request: async () => [
        'PUT',
        `/api/v1/plan-types/${installed.planTypes['service-plan']}`,
        await putBody(installed.planTypes['service-plan']!, { parentTypeIds: [installed.planTypes['team-plan']] }),
      ],
      status: 409,
      code: 'cycle',
      field: 'parentTypeIds',
      message: 'Service plan cannot sit under Team plan, because Team plan already sits under Service plan',
    },
    {
      name: 'sitting under itself',
      request: async () => [
        'PUT',
        `/api/v1/plan-types/${installed.planTypes['team-plan']}`,
        await putBody(installed.planTypes['team-plan']!, { parentTypeIds: [installed.planTypes['team-plan']] }),
      ],
      status: 409,
      code: 'cycle',
      field: 'parentTypeIds',
      message: 'Team plan cannot sit under itself',
    },
    {
      name: 'a cycle through the types below it',
      request: async () => [
        'PUT',
        `/api/v1/plan-types/${installed.planTypes['corporate-plan']}`,
        await putBody(installed.planTypes['corporate-plan']!, {
          level: 7,
          parentTypeIds: [installed.planTypes['individual-plan']],
        }),
      ],
      status: 409,
      code: 'cycle',
      field: 'parentTypeIds',
    },
    {
      name: 'a level that puts it below a type sitting under it',
      request: async () => [
        'PUT',
        `/api/v1/plan-types/${installed.planTypes['directorate-plan']}`,
        await putBody(installed.planTypes['directorate-plan']!, { level: 4 }),
      ],
      status: 400,
      code: 'invalid',
      field: 'level',
      message: 'Service plan (level 4) cannot sit under Directorate plan (level 4)',
    },
    {
      name: 'a plan type holding no item types',
      request: async () => ['POST', '/api/v1/plan-types', newType({ itemTypeIds: [] })],
      status: 400,
      code: 'invalid',
      field: 'itemTypeIds',
    },
    {
      name: 'an item type that does not exist',
      request: async () => ['POST', '/api/v1/plan-types', newType({ itemTypeIds: [randomUUID()] })],
      status: 400,
      code: 'invalid',
      field: 'itemTypeIds',
    },
    {
      name: 'a parent that does not exist',
      request: async () => ['POST', '/api/v1/plan-types', newType({ parentTypeIds: [randomUUID()] })],
      status: 400,
      code: 'invalid',
      field: 'parentTypeIds',
    },
    {
      name: 'a role step with an unknown role',
      request: async () => [
        'POST',
        '/api/v1/plan-types',
        newType({ approvalSteps: [{ name: 'Odd', kind: 'role', role: 'emperor' }] }),
      ],
      status: 400,
      code: 'invalid',
      field: 'approvalSteps.0.role',
    },
    {
      name: 'a role step with a role that cannot approve',
      request: async () => [
        'POST',
        '/api/v1/plan-types',
        newType({ approvalSteps: [{ name: 'Odd', kind: 'role', role: 'viewer' }] }),
      ],
      status: 400,
      code: 'invalid',
      field: 'approvalSteps',
    },
    {
      name: 'a role step without a role',
      request: async () => ['POST', '/api/v1/plan-types', newType({ approvalSteps: [{ name: 'Odd', kind: 'role' }] })],
      status: 400,
      code: 'invalid',
      field: 'approvalSteps.0.role',
    },
    {
      name: 'a body step with a body that only scrutinises',
      request: async () => [
        'POST',
        '/api/v1/plan-types',
        newType({ approvalSteps: [{ name: 'Scrutiny', kind: 'body', bodyId: installed.bodies['overview-scrutiny'] }] }),
      ],
      status: 400,
      code: 'invalid',
      field: 'approvalSteps',
      message: 'Overview and Scrutiny Committee does not approve plans',
    },
    {
      name: 'a body step with a body that does not exist',
      request: async () => [
        'POST',
        '/api/v1/plan-types',
        newType({ approvalSteps: [{ name: 'Ghost', kind: 'body', bodyId: randomUUID() }] }),
      ],
      status: 400,
      code: 'invalid',
      field: 'approvalSteps',
    },
    {
      name: 'two sections with the same key',
      request: async () => [
        'POST',
        '/api/v1/plan-types',
        newType({
          templateSections: [
            { key: 'intro', title: 'Intro', hint: '' },
            { key: 'intro', title: 'Introduction', hint: '' },
          ],
        }),
      ],
      status: 409,
      code: 'duplicate',
      field: 'templateSections',
    },
    {
      name: 'a duplicate item type key',
      request: async () => ['POST', '/api/v1/item-types', { key: 'Objective', name: 'Another objective' }],
      status: 409,
      code: 'duplicate',
      field: 'key',
    },
  ];

  it.each(refusals)('refuses $name', async ({ request, status, code, field, message }) => {
    const [method, url, body] = await request();
    const audit = await auditCount();
    const types = await planTypeCount();
    const items = (await db().select().from(itemTypes)).length;
    const response = await admin.api(method, url, body);
    expect(response.statusCode).toBe(status);
    const problem = response.json<{ code: string; detail: string; errors: { field: string }[] }>();
    expect(problem.code).toBe(code);
    expect(problem.errors.map((error) => error.field)).toContain(field);
    if (message) expect(problem.detail).toContain(message);
    expect(await auditCount()).toBe(audit);
    expect(await planTypeCount()).toBe(types);
    expect((await db().select().from(itemTypes)).length).toBe(items);
  });

  it('leaves a refused plan type change entirely unwritten', async () => {
    const id = installed.planTypes['team-plan']!;
    const before = await getType(id);
    const response = await admin.api(
      'PUT',
      `/api/v1/plan-types/${id}`,
      await putBody(id, {
        name: 'Renamed team plan',
        approvalSteps: [{ name: 'Scrutiny', kind: 'body', bodyId: installed.bodies['performance-panel'] }],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(await getType(id)).toEqual(before);
  });

  it('keeps an item type a plan type uses in its plans', async () => {
    const directorate = (
      await db()
        .insert(plans)
        .values({
          organisationId: t.org.id,
          lineageId: randomUUID(),
          planTypeId: installed.planTypes['mtfs']!,
          title: 'MTFS 2025-2028',
          periodStart: '2025-04-01',
          periodEnd: '2028-03-31',
          owningUnitId: t.org.rootUnitId,
        })
        .returning()
    )[0]!;
    await db().insert(planItems).values({
      organisationId: t.org.id,
      planId: directorate.id,
      itemTypeId: installed.itemTypes['action']!,
      code: 'A1',
      title: 'Review fees and charges',
    });
    const id = installed.planTypes['mtfs']!;
    const response = await admin.api(
      'PUT',
      `/api/v1/plan-types/${id}`,
      await putBody(id, { itemTypeIds: [installed.itemTypes['priority'], installed.itemTypes['objective']] }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'itemTypeIds' }] });
    expect(response.json().detail).toContain('of type Action');
  });

  it('will not change approval steps while plans of the type are going through approval', async () => {
    const id = installed.planTypes['directorate-plan']!;
    await db().insert(plans).values({
      organisationId: t.org.id,
      lineageId: randomUUID(),
      planTypeId: id,
      title: 'Place directorate plan',
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: t.org.rootUnitId,
      status: 'in-approval',
      nextStep: 2,
    });
    const before = await getType(id);
    const stepId = before.approvalSteps[1]!.id;
    const web = await admin.post(`/framework/plan-types/${id}/approval-steps/${stepId}/up`);
    expect(web.statusCode).toBe(400);
    expect(web.body).toContain('govuk-error-summary');
    expect(web.body).toContain('going through approval');
    const api = await admin.api(
      'PUT',
      `/api/v1/plan-types/${id}`,
      await putBody(id, { approvalSteps: [{ name: 'Owner only', kind: 'owner' }] }),
    );
    expect(api.statusCode).toBe(409);
    expect(api.json()).toMatchObject({ code: 'invalid_state', errors: [{ field: 'approvalSteps' }] });
    // Other changes to the type still go through when the steps are sent unchanged.
    const unchanged = await admin.api(
      'PUT',
      `/api/v1/plan-types/${id}`,
      await putBody(id, {
        description: 'Now with a description',
        approvalSteps: before.approvalSteps.map(({ name, kind, role, bodyId }) => ({ name, kind, role, bodyId })),
      }),
    );
    expect(unchanged.statusCode).toBe(200);
    expect((await getType(id)).approvalSteps).toEqual(before.approvalSteps);
  });

  describe('access', () => {
    it('gives a manager 403 on every change, page and API, and writes nothing', async () => {
      const manager = await t.as('manager');
      const audit = await auditCount();
      const id = installed.planTypes['team-plan']!;
      expect((await manager.api('POST', '/api/v1/plan-types', newType())).statusCode).toBe(403);
      expect((await manager.api('PUT', `/api/v1/plan-types/${id}`, await putBody(id))).statusCode).toBe(403);
      expect((await manager.api('POST', '/api/v1/item-types', { key: 'sneaky', name: 'Sneaky' })).statusCode).toBe(403);
      expect((await manager.get('/framework/plan-types/new')).statusCode).toBe(403);
      expect((await manager.get(`/framework/plan-types/${id}/edit`)).statusCode).toBe(403);
      expect(
        (await manager.post(`/framework/plan-types/${id}/sections`, { key: 'x', title: 'X', hint: '' })).statusCode,
      ).toBe(403);
      expect(
        (await manager.post(`/framework/plan-types/${id}/approval-steps`, { name: 'X', kind: 'owner' })).statusCode,
      ).toBe(403);
      expect(await auditCount()).toBe(audit);
      // ...but may look.
      expect((await manager.get('/framework')).statusCode).toBe(200);
      expect((await manager.api('GET', `/api/v1/plan-types/${id}`)).statusCode).toBe(200);
      const page = await manager.get(`/framework/plan-types/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Add approval step');
    });

    it('refuses a performance officer who manages only part of the organisation', async () => {
      const [unit] = await t.deps.database.db
        .insert((await import('../../../schema.ts')).units)
        .values({
          organisationId: t.org.id,
          parentId: t.org.rootUnitId,
          code: 'PLACE',
          name: 'Place',
          kind: 'directorate',
        })
        .returning();
      const officer = await t.as('performance-officer', { unitId: unit!.id });
      const response = await officer.api('POST', '/api/v1/plan-types', newType());
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
      const wholeOrg = await t.as('performance-officer', { unitId: t.org.rootUnitId });
      expect((await wholeOrg.api('POST', '/api/v1/plan-types', newType())).statusCode).toBe(201);
    });

    it('keeps tenants apart', async () => {
      const other = await t.createOrganisation('Other District Council');
      const otherAdmin = await t.as('administrator', { organisation: other });
      expect((await otherAdmin.api('GET', '/api/v1/plan-types')).json()).toEqual([]);
      expect((await otherAdmin.api('GET', '/api/v1/item-types')).json()).toEqual([]);
      const id = installed.planTypes['service-plan']!;
      expect((await otherAdmin.api('GET', `/api/v1/plan-types/${id}`)).statusCode).toBe(404);
      expect((await otherAdmin.get(`/framework/plan-types/${id}`)).statusCode).toBe(404);
      expect((await otherAdmin.api('PUT', `/api/v1/plan-types/${id}`, await putBody(id))).statusCode).toBe(404);
      expect((await otherAdmin.api('GET', `/api/v1/item-types/${installed.itemTypes['action']}`)).statusCode).toBe(404);
      // Their own item type, but our parent type and our body: refused.
      const own = (await otherAdmin.api('POST', '/api/v1/item-types', { key: 'action', name: 'Action' })).json();
      const parent = await otherAdmin.api(
        'POST',
        '/api/v1/plan-types',
        newType({ itemTypeIds: [own.id], parentTypeIds: [installed.planTypes['service-plan']] }),
      );
      expect(parent.statusCode).toBe(400);
      expect(parent.json().errors[0].field).toBe('parentTypeIds');
      const theirItems = await otherAdmin.api(
        'POST',
        '/api/v1/plan-types',
        newType({ parentTypeIds: [], itemTypeIds: [installed.itemTypes['action']] }),
      );
      expect(theirItems.statusCode).toBe(400);
      expect(theirItems.json().errors[0].field).toBe('itemTypeIds');
      const body = await otherAdmin.api(
        'POST',
        '/api/v1/plan-types',
        newType({
          parentTypeIds: [],
          itemTypeIds: [own.id],
          approvalSteps: [{ name: 'Their cabinet', kind: 'body', bodyId: installed.bodies['cabinet'] }],
        }),
      );
      expect(body.statusCode).toBe(400);
      expect(body.json().errors[0].field).toBe('approvalSteps');
      expect(await planTypeCount(other.id)).toBe(0);
      // Installing the default framework for them gives them their own bodies and types.
      const theirs = await db().transaction(async (tx) => installDefaultFramework(tx as never, other.id));
      expect(theirs.planTypes['service-plan']).not.toBe(installed.planTypes['service-plan']);
      expect(theirs.itemTypes['action']).toBe(own.id);
      const bodies = await db().select().from(governanceBodies).where(eq(governanceBodies.organisationId, other.id));
      expect(bodies).toHaveLength(7);
    });
  });

  describe('pages', () => {
    it('shows the overview in level order with what each type sits under, holds, its sections and steps', async () => {
      const response = await admin.get('/framework');
      expect(response.statusCode).toBe(200);
      const body = response.body;
      const community = body.indexOf('Level 1: Community strategy');
      const service = body.indexOf('Level 4: Service plan');
      const individual = body.indexOf('Level 6: Individual plan');
      expect(community).toBeGreaterThan(-1);
      expect(service).toBeGreaterThan(community);
      expect(individual).toBeGreaterThan(service);
      expect(body).toContain('Where are we now?');
      expect(body).toContain('Approval by the director (Director)');
      expect(body).toContain('Individual objective');
    });

    it('adds a plan type through the form, then sections and steps with the buttons', async () => {
      const created = await admin.post('/framework/plan-types/new', {
        name: 'Programme plan',
        key: 'programme-plan',
        level: '4',
        description: 'Cross-cutting programmes',
        parentTypeIds: [installed.planTypes['corporate-plan']!, installed.planTypes['directorate-plan']!],
        itemTypeIds: [installed.itemTypes['objective']!, installed.itemTypes['action']!],
        active: 'true',
      });
      expect(created.statusCode).toBe(302);
      const url = created.headers.location as string;
      const id = url.split('/').pop()!;
      expect((await getType(id)).parentTypeIds).toHaveLength(2);

      expect((await admin.post(`${url}/sections`, { key: 'scope', title: 'Scope', hint: '' })).statusCode).toBe(302);
      expect((await admin.post(`${url}/sections`, { key: 'risks', title: 'Risks', hint: 'Top five' })).statusCode).toBe(
        302,
      );
      expect((await admin.post(`${url}/sections/risks/up`)).statusCode).toBe(302);
      expect((await getType(id)).templateSections.map((section) => section.key)).toEqual(['risks', 'scope']);
      expect((await admin.post(`${url}/sections/scope/remove`)).statusCode).toBe(302);
      expect((await getType(id)).templateSections.map((section) => section.key)).toEqual(['risks']);

      const duplicateSection = await admin.post(`${url}/sections`, { key: 'risks', title: 'Risks again', hint: '' });
      expect(duplicateSection.statusCode).toBe(400);
      expect(duplicateSection.body).toContain('href="#key"');
      expect(duplicateSection.body).toContain('value="Risks again"');

      expect((await admin.post(`${url}/approval-steps`, { name: 'Owner', kind: 'owner' })).statusCode).toBe(302);
      expect(
        (
          await admin.post(`${url}/approval-steps`, {
            name: 'Leadership',
            kind: 'body',
            bodyId: installed.bodies['leadership-team']!,
            role: '',
          })
        ).statusCode,
      ).toBe(302);
      expect(
        (await admin.post(`${url}/approval-steps`, { name: 'Director', kind: 'role', role: 'director', bodyId: '' }))
          .statusCode,
      ).toBe(302);
      let steps = (await getType(id)).approvalSteps;
      expect(steps.map((step) => step.name)).toEqual(['Owner', 'Leadership', 'Director']);
      expect((await admin.post(`${url}/approval-steps/${steps[2]!.id}/up`)).statusCode).toBe(302);
      expect((await admin.post(`${url}/approval-steps/${steps[0]!.id}/down`)).statusCode).toBe(302);
      steps = (await getType(id)).approvalSteps;
      expect(steps.map((step) => [step.position, step.name])).toEqual([
        [1, 'Director'],
        [2, 'Owner'],
        [3, 'Leadership'],
      ]);
      expect((await admin.post(`${url}/approval-steps/${steps[1]!.id}/remove`)).statusCode).toBe(302);
      expect((await getType(id)).approvalSteps.map((step) => [step.position, step.name])).toEqual([
        [1, 'Director'],
        [2, 'Leadership'],
      ]);

      const noBody = await admin.post(`${url}/approval-steps`, { name: 'Scrutiny', kind: 'body', bodyId: '' });
      expect(noBody.statusCode).toBe(400);
      expect(noBody.body).toContain('href="#bodyId"');
      const scrutiny = await admin.post(`${url}/approval-steps`, {
        name: 'Scrutiny',
        kind: 'body',
        bodyId: installed.bodies['overview-scrutiny']!,
      });
      expect(scrutiny.statusCode).toBe(400);
      expect(scrutiny.body).toContain('does not approve plans');

      const page = await admin.get(url);
      expect(page.body).toContain('Leadership');
      expect(page.body).toContain('Corporate Leadership Team');
    });

    it('loses no section when administrators add them at the same moment', async () => {
      const id = installed.planTypes['mtfs']!;
      const before = (await getType(id)).templateSections.length;
      const keys = ['s-one', 's-two', 's-three', 's-four', 's-five'];
      const responses = await Promise.all(
        keys.map((key) => admin.post(`/framework/plan-types/${id}/sections`, { key, title: key, hint: '' })),
      );
      expect(responses.map((response) => response.statusCode)).toEqual(keys.map(() => 302));
      const sections = (await getType(id)).templateSections.map((section) => section.key);
      expect(sections).toHaveLength(before + keys.length);
      expect(sections).toEqual(expect.arrayContaining(keys));
    });

    it('re-shows the plan type form with errors and what was typed', async () => {
      const response = await admin.post('/framework/plan-types/new', {
        name: 'Upside-down plan',
        key: 'upside-down',
        level: '2',
        parentTypeIds: installed.planTypes['team-plan']!,
        itemTypeIds: installed.itemTypes['action']!,
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('govuk-error-summary');
      expect(response.body).toContain('href="#parentTypeIds"');
      expect(response.body).toContain('Upside-down plan (level 2) cannot sit under Team plan (level 5)');
      expect(response.body).toContain('value="Upside-down plan"');

      const empty = await admin.post('/framework/plan-types/new', { name: '', key: '', level: 'four' });
      expect(empty.statusCode).toBe(400);
      for (const field of ['name', 'key', 'level', 'itemTypeIds']) expect(empty.body).toContain(`href="#${field}"`);
    });

    it('edits a plan type and an item type through the forms', async () => {
      const id = installed.planTypes['individual-plan']!;
      const form = await admin.get(`/framework/plan-types/${id}/edit`);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('value="individual-plan"');
      const saved = await admin.post(`/framework/plan-types/${id}/edit`, {
        name: 'Appraisal',
        key: 'individual-plan',
        level: '6',
        description: '',
        parentTypeIds: [installed.planTypes['team-plan']!],
        itemTypeIds: [installed.itemTypes['individual-objective']!],
        // Unticked "active": the type is no longer in use.
      });
      expect(saved.statusCode).toBe(302);
      expect(await getType(id)).toMatchObject({
        name: 'Appraisal',
        active: false,
        parentTypeIds: [installed.planTypes['team-plan']],
      });

      const itemTypeId = installed.itemTypes['ambition']!;
      expect((await admin.get(`/framework/item-types/${itemTypeId}/edit`)).statusCode).toBe(200);
      const duplicate = await admin.post(`/framework/item-types/${itemTypeId}/edit`, {
        name: 'Ambition',
        key: 'vision',
        active: 'true',
      });
      expect(duplicate.statusCode).toBe(400);
      expect(duplicate.body).toContain('An item type with the key vision already exists');
      const created = await admin.post('/framework/item-types/new', { name: 'Risk', key: 'risk', active: 'true' });
      expect(created.statusCode).toBe(302);
      expect((await admin.get('/framework')).body).toContain('<code>risk</code>');
    });
  });
});
