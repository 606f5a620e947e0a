import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/db.ts';
import { auditEvents, governanceBodyMembers, planEvents, plans, planTypes } from '../../../schema.ts';
import type { InstalledFramework } from '../../framework/index.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';
import { act, approveAllAs, createPlanAs, type PlanJson, setUpPlansWorld } from './plans-test-setup.ts';

describe.each(DATABASES)('plans, approvals and versions on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let fw: InstalledFramework;
  let now = new Date('2025-05-01T09:00:00Z');
  let placeId: string;
  let wasteId: string;
  let libraryId: string;
  let admin: Agent;
  let officer: Agent;
  let community: PlanJson;
  let corporate: PlanJson;

  const count = async (table: typeof planEvents | typeof auditEvents | typeof plans) =>
    (await db.select().from(table)).length;
  const createPlan = (agent: Agent, body: Record<string, unknown>) => createPlanAs(t, agent, body);
  const approveAll = (planId: string, approvers: Agent[]) => approveAllAs(admin, planId, approvers);

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
    ({ db, fw, placeId, wasteId, libraryId, admin, officer, community, corporate } = await setUpPlansWorld(t));
  });
  afterAll(async () => t?.close());

  it('takes a corporate plan through every configured step, recording each with who, when and comment', async () => {
    now = new Date('2025-05-01T09:00:00Z');
    const owner = await t.as('manager');
    const cabinetMember = await t.as('cabinet-member');
    await db
      .insert(governanceBodyMembers)
      .values({ organisationId: t.org.id, bodyId: fw.bodies.cabinet!, personId: cabinetMember.personId });
    const plan = await createPlan(admin, {
      planTypeId: fw.planTypes['corporate-plan'],
      title: 'Council Plan 2025/26',
      ownerPersonId: owner.personId,
      parentPlanId: community.id,
    });
    expect(plan).toMatchObject({ status: 'draft', version: 1, versionKind: 'original' });
    expect(Object.keys(plan.sections).sort()).toEqual(['context', 'introduction', 'monitoring', 'resources']);

    const submitted = await act(owner, plan.id, 'submit', { comment: 'Ready' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', nextStep: 1 });

    // Each step after the owner's is taken by someone who took none before (the default framework's rule).
    const secondOfficer = await t.as('performance-officer');
    const approved = await approveAll(plan.id, [owner, officer, cabinetMember, secondOfficer]);
    expect(approved).toMatchObject({ status: 'approved', nextStep: null, effectiveFrom: '2025-05-01' });

    const detail = (await admin.api('GET', `/api/v1/plans/${plan.id}`)).json();
    const actions = detail.events.map((e: { action: string; stepPosition: number | null }) =>
      e.stepPosition ? `${e.action}:${e.stepPosition}` : e.action,
    );
    expect(actions).toEqual([
      'created',
      'submitted',
      'step-approved:1',
      'step-approved:2',
      'step-approved:3',
      'step-approved:4',
      'approved',
    ]);
    const cabinetEvent = detail.events.find((e: { stepPosition: number | null }) => e.stepPosition === 3);
    expect(cabinetEvent).toMatchObject({
      actorPersonId: cabinetMember.personId,
      stepName: 'Recommended by Cabinet',
      comment: 'Agreed',
    });
    expect(detail.approvalSteps.every((s: { state: string }) => s.state === 'done')).toBe(true);
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.entityId, plan.id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['create', 'submit', 'approve', 'approve', 'approve', 'approve']),
    );
  });

  it('refuses the wrong person with 403 and a clear reason, writing nothing', async () => {
    const owner = await t.as('manager');
    const plan = await createPlan(admin, {
      planTypeId: fw.planTypes['corporate-plan'],
      title: 'Council Plan wrong person',
      ownerPersonId: owner.personId,
      parentPlanId: community.id,
    });
    await act(owner, plan.id, 'submit');
    const stranger = await t.as('director');
    const beforeEvents = await count(planEvents);
    const beforeAudit = await count(auditEvents);
    const notOwner = await act(stranger, plan.id, 'approve', { step: 1 });
    expect(notOwner.statusCode).toBe(403);
    expect(notOwner.json().detail).toBe("Only the plan's owner can sign it off");
    await act(owner, plan.id, 'approve', { step: 1 });
    await act(officer, plan.id, 'approve', { step: 2, decisionDate: '2025-05-01', minuteReference: 'CLT 12' });
    const afterEvents = await count(planEvents);
    const cabinetAttempt = await act(stranger, plan.id, 'approve', { step: 3 });
    expect(cabinetAttempt.statusCode).toBe(403);
    expect(cabinetAttempt.json().detail).toBe(
      "Only a member of Cabinet or a performance officer can record Cabinet's approval",
    );
    expect(await count(planEvents)).toBe(afterEvents);
    expect(await count(auditEvents)).toBe(beforeAudit + 2);
    expect(afterEvents).toBe(beforeEvents + 2);
    const current = (await admin.api('GET', `/api/v1/plans/${plan.id}`)).json();
    expect(current).toMatchObject({ status: 'in-approval', nextStep: 3 });
    // A stale page approving a step already taken is a conflict, not a second approval.
    const stale = await act(owner, plan.id, 'approve', { step: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('returns a plan to draft only with reasons, and records them', async () => {
    const owner = await t.as('manager', { unitId: wasteId });
    const plan = await createPlan(admin, {
      planTypeId: fw.planTypes['directorate-plan'],
      title: 'Place directorate plan 2025/26',
      ownerPersonId: owner.personId,
      owningUnitId: placeId,
      parentPlanId: corporate.id,
    });
    await act(owner, plan.id, 'submit');
    const noReason = await act(owner, plan.id, 'return', { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const outsider = await t.as('viewer');
    expect((await act(outsider, plan.id, 'return', { reason: 'No' })).statusCode).toBe(403);
    const returned = await act(owner, plan.id, 'return', { reason: 'Add the budget figures' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'draft', nextStep: null });
    const events = await db.select().from(planEvents).where(eq(planEvents.planId, plan.id));
    expect(events.find((e) => e.action === 'returned')).toMatchObject({
      comment: 'Add the budget figures',
      actorPersonId: owner.personId,
      stepPosition: 1,
    });
    // Back in draft it can be changed and submitted again.
    const resubmitted = await act(owner, plan.id, 'submit');
    expect(resubmitted.json().status).toBe('submitted');
  });

  it('approves at once on submission when the plan type has no steps', async () => {
    const [type] = await db
      .insert(planTypes)
      .values({ organisationId: t.org.id, key: 'policy', name: 'Policy statement', level: 1, templateSections: [] })
      .returning();
    const plan = await createPlan(admin, { planTypeId: type!.id, title: 'Climate policy' });
    const submitted = await act(admin, plan.id, 'submit');
    expect(submitted.json()).toMatchObject({ status: 'approved', effectiveFrom: '2025-05-01' });
  });

  it('refuses a plan under a type it may not sit under, or with no parent when it needs one', async () => {
    const team = await createPlan(admin, {
      planTypeId: fw.planTypes['team-plan'],
      title: 'Collections team',
      parentPlanId: (
        await createPlan(admin, {
          planTypeId: fw.planTypes['service-plan'],
          title: 'Waste service plan 2025/26 (parent)',
          owningUnitId: wasteId,
          parentPlanId: corporate.id,
        })
      ).id,
    });
    const under = await admin.api('POST', '/api/v1/plans', {
      planTypeId: fw.planTypes['service-plan'],
      title: 'Bad service plan',
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: wasteId,
      ownerPersonId: null,
      parentPlanId: team.id,
    });
    expect(under.statusCode).toBe(400);
    expect(under.json()).toMatchObject({
      detail: 'A Service plan cannot sit under a Team plan',
      errors: [{ field: 'parentPlanId' }],
    });
    const orphan = await admin.api('POST', '/api/v1/plans', {
      planTypeId: fw.planTypes['service-plan'],
      title: 'Orphan service plan',
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: wasteId,
      ownerPersonId: null,
      parentPlanId: null,
    });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().errors[0].field).toBe('parentPlanId');
    const backwards = await admin.api('POST', '/api/v1/plans', {
      planTypeId: fw.planTypes['service-plan'],
      title: 'Backwards',
      periodStart: '2026-04-01',
      periodEnd: '2025-03-31',
      owningUnitId: wasteId,
      ownerPersonId: null,
      parentPlanId: corporate.id,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toContain('end of the period must be after its start');
  });

  it('only lets people edit plans of their own part of the organisation', async () => {
    const libraryManager = await t.as('manager', { unitId: libraryId });
    const refused = await libraryManager.api('POST', '/api/v1/plans', {
      planTypeId: fw.planTypes['service-plan'],
      title: 'Not mine',
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: wasteId,
      ownerPersonId: null,
      parentPlanId: corporate.id,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses stale edits with 409 and approved plans edited in place with 409', async () => {
    const plan = await createPlan(admin, {
      planTypeId: fw.planTypes['service-plan'],
      title: 'Stale service plan',
      owningUnitId: wasteId,
      parentPlanId: corporate.id,
    });
    const body = {
      title: 'Edited once',
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      owningUnitId: wasteId,
      ownerPersonId: null,
      parentPlanId: corporate.id,
      sections: { 'where-are-we-now': 'Recycling is at 41%' },
      rowVersion: plan.rowVersion,
    };
    const first = await admin.api('PUT', `/api/v1/plans/${plan.id}`, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().sections['where-are-we-now']).toBe('Recycling is at 41%');
    expect(first.json().rowVersion).toBe(plan.rowVersion + 1);
    const stale = await admin.api('PUT', `/api/v1/plans/${plan.id}`, { ...body, title: 'Edited twice' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('Someone else changed this plan');
    const unknownSection = await admin.api('PUT', `/api/v1/plans/${plan.id}`, {
      ...body,
      rowVersion: first.json().rowVersion,
      sections: { nonsense: 'x' },
    });
    expect(unknownSection.statusCode).toBe(400);

    await act(admin, plan.id, 'submit');
    const submittedEdit = await admin.api('PUT', `/api/v1/plans/${plan.id}`, {
      ...body,
      rowVersion: first.json().rowVersion + 1,
    });
    expect(submittedEdit.statusCode).toBe(409);
  });

  // What the pages do with a form the schema refuses, a missing CSRF token or an unknown action is
  // in ../web/plans.routes.test.ts; here, what needs the database.
  it('works through the pages: a refused plan, create, edit with sections, submit and approve', async () => {
    const created = await admin.post('/plans/new', {
      planTypeId: fw.planTypes['team-plan']!,
      title: 'Street cleansing team plan 2025/26',
      'periodStart-day': '1',
      'periodStart-month': '4',
      'periodStart-year': '2025',
      'periodEnd-day': '31',
      'periodEnd-month': '3',
      'periodEnd-year': '2026',
      owningUnitId: wasteId,
      ownerPersonId: admin.personId,
      parentPlanId: corporate.id,
    });
    expect(created.statusCode).toBe(400);
    expect(created.body).toContain('A Team plan cannot sit under a Corporate plan');
    expect(created.body).toContain('value="Street cleansing team plan 2025/26"');

    const service = await createPlan(admin, {
      planTypeId: fw.planTypes['service-plan'],
      title: 'Parent for the page test',
      owningUnitId: wasteId,
      parentPlanId: corporate.id,
    });
    const ok = await admin.post('/plans/new', {
      planTypeId: fw.planTypes['team-plan']!,
      title: 'Street cleansing team plan 2025/26',
      'periodStart-day': '1',
      'periodStart-month': '4',
      'periodStart-year': '2025',
      'periodEnd-day': '31',
      'periodEnd-month': '3',
      'periodEnd-year': '2026',
      owningUnitId: wasteId,
      ownerPersonId: admin.personId,
      parentPlanId: service.id,
    });
    expect(ok.statusCode, ok.body).toBe(302);
    const planUrl = ok.headers.location as string;
    const id = planUrl.split('/').pop()!;
    const editPage = await admin.get(`${planUrl}/edit`);
    expect(editPage.body).toContain('Team priorities');
    const stored = (await admin.api('GET', `/api/v1/plans/${id}`)).json();
    const form = {
      title: 'Street cleansing team plan 2025/26',
      'periodStart-day': '1',
      'periodStart-month': '4',
      'periodStart-year': '2025',
      'periodEnd-day': '31',
      'periodEnd-month': '3',
      'periodEnd-year': '2026',
      owningUnitId: wasteId,
      ownerPersonId: admin.personId,
      parentPlanId: service.id,
      'section-team-priorities': 'Fewer missed bins',
      rowVersion: String(stored.rowVersion),
    };
    const saved = await admin.post(`${planUrl}/edit`, form);
    expect(saved.statusCode, saved.body).toBe(302);
    const stalePost = await admin.post(`${planUrl}/edit`, { ...form, title: 'Someone else' });
    expect(stalePost.statusCode).toBe(409);
    expect(stalePost.body).toContain('Someone else changed this plan');
    const show = await admin.get(planUrl);
    expect(show.body).toContain('Fewer missed bins');
    expect(show.body).toContain('Add an item');
    expect(show.body).toContain('Draft');

    const submitted = await admin.post(`${planUrl}/submit`, {});
    expect(submitted.statusCode).toBe(302);
    const afterSubmit = await admin.get(planUrl);
    expect(afterSubmit.body).toContain('Sign off as owner');
    const signedOff = await admin.post(`${planUrl}/approve`, { step: '1' });
    expect(signedOff.statusCode).toBe(302);
    const history = await admin.get(`${planUrl}/history`);
    expect(history.body).toContain('Submitted for approval');
    expect(history.body).toContain('Step 1: Sign-off by the plan owner');
  });

  it('documents the plan endpoints in the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/plans',
        '/api/v1/plans/{id}',
        '/api/v1/plans/{id}/approve',
        '/api/v1/plan-lineages/{id}/version-in-force',
      ]),
    );
  });

  it('keeps tenants apart', async () => {
    const other = await t.createOrganisation('Other Council');
    const outsider = await t.as('administrator', { organisation: other });
    expect((await outsider.api('GET', '/api/v1/plans')).json()).toEqual([]);
    expect((await outsider.api('GET', `/api/v1/plans/${corporate.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/plans/${corporate.id}`)).statusCode).toBe(404);
    expect((await act(outsider, corporate.id, 'archive')).statusCode).toBe(404);
    const lineage = await outsider.api(
      'GET',
      `/api/v1/plan-lineages/${corporate.lineageId}/version-in-force?date=2025-05-01`,
    );
    expect(lineage.statusCode).toBe(404);
    // Another council's plan type cannot be used either.
    const borrowed = await outsider.api('POST', '/api/v1/plans', {
      planTypeId: fw.planTypes['corporate-plan'],
      title: 'Borrowed',
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: other.rootUnitId,
      ownerPersonId: null,
      parentPlanId: null,
    });
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().errors[0].field).toBe('planTypeId');
  });
});
