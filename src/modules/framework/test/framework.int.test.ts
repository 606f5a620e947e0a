import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { auditEvents, planItems, plans } from '../../../schema.ts';
import { installDefaultFramework } from '../data/default-framework.seed.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstalledFramework } from '../data/default-framework.seed.ts';
import { DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { frameworkHelpers, type PlanTypeJson, startFrameworkApp } from './framework-test-setup.ts';

describe.each(DATABASES)('framework on %s', (kind) => {
  let t: TestApp;
  let installed: InstalledFramework;
  let admin: Agent;
  const { db, auditCount, newType, getType, putBody } = frameworkHelpers(() => ({ t, installed, admin }));

  beforeAll(async () => {
    ({ t, installed, admin } = await startFrameworkApp(kind));
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
});
