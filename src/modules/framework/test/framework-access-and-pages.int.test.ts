import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceBodies } from '../../../schema.ts';
import { installDefaultFramework, type InstalledFramework } from '../data/default-framework.seed.ts';
import { DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { frameworkHelpers, startFrameworkApp } from './framework-test-setup.ts';

describe.each(DATABASES)('framework on %s', (kind) => {
  let t: TestApp;
  let installed: InstalledFramework;
  let admin: Agent;
  const { db, auditCount, planTypeCount, newType, getType, putBody } = frameworkHelpers(() => ({
    t,
    installed,
    admin,
  }));

  beforeAll(async () => {
    ({ t, installed, admin } = await startFrameworkApp(kind));
  });
  afterAll(async () => t?.close());

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
