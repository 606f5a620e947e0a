import { randomUUID } from 'node:crypto';
import { itemTypes } from '../../../schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstalledFramework } from '../data/default-framework.seed.ts';
import { DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { frameworkHelpers, startFrameworkApp } from './framework-test-setup.ts';

describe.each(DATABASES)('framework on %s', (kind) => {
  let t: TestApp;
  let installed: InstalledFramework;
  let admin: Agent;
  const { db, auditCount, planTypeCount, newType, putBody } = frameworkHelpers(() => ({ t, installed, admin }));

  beforeAll(async () => {
    ({ t, installed, admin } = await startFrameworkApp(kind));
  });
  afterAll(async () => t?.close());

  // Each bad input the service refuses: the status, the code and the field it names; nothing is
  // written. Bodies the API's schema refuses before the service is asked are in
  // ../web/framework.routes.test.ts.
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
});
