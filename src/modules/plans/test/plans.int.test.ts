import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/db.ts';
import {
  auditEvents,
  contributionLinks,
  governanceBodyMembers,
  partners,
  planEvents,
  planItemPartners,
  planItems,
  plans,
  planTypes,
  units,
} from '../../../schema.ts';
import { installDefaultFramework, type InstalledFramework } from '../../framework/index.ts';
import {
  type Agent,
  createTestApp,
  DATABASES,
  formBody,
  TEST_PASSWORD,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';

interface PlanJson {
  id: string;
  lineageId: string;
  version: number;
  versionKind: string;
  title: string;
  status: string;
  nextStep: number | null;
  rowVersion: number;
  periodStart: string;
  periodEnd: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  sections: Record<string, string>;
}

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

  /** Sessions expire by the same clock the plans use: after moving the clock, sign in again. */
  async function reauth(agent: Agent): Promise<Agent> {
    const result = await t.deps.services.auth.signIn(agent.email, TEST_PASSWORD);
    if (!result) throw new Error(`could not sign ${agent.email} in again`);
    const cookie = `gt_session=${result.token}`;
    const csrf = result.session.csrfToken;
    return {
      ...agent,
      cookie,
      csrf,
      get: (url) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url, form = {}) =>
        t.app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: formBody({ _csrf: csrf, ...form }),
        }),
      api: (method, url, body) =>
        t.app.inject({
          method,
          url,
          headers: {
            cookie,
            'x-csrf-token': csrf,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        }),
    };
  }

  async function travel(to: string): Promise<void> {
    now = new Date(to);
    admin = await reauth(admin);
    officer = await reauth(officer);
  }

  const count = async (table: typeof planEvents | typeof auditEvents | typeof plans) =>
    (await db.select().from(table)).length;

  async function createPlan(agent: Agent, body: Record<string, unknown>): Promise<PlanJson> {
    const response = await agent.api('POST', '/api/v1/plans', {
      ownerPersonId: null,
      parentPlanId: null,
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: t.org.rootUnitId,
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function act(agent: Agent, planId: string, action: string, body: Record<string, unknown> = {}) {
    return agent.api('POST', `/api/v1/plans/${planId}/${action}`, body);
  }

  async function approveAll(planId: string, approvers: Agent[]): Promise<PlanJson> {
    let plan: PlanJson = (await admin.api('GET', `/api/v1/plans/${planId}`)).json();
    for (const approver of approvers) {
      const response = await act(approver, planId, 'approve', { step: plan.nextStep, comment: 'Agreed' });
      expect(response.statusCode, response.body).toBe(200);
      plan = response.json();
    }
    return plan;
  }

  let community: PlanJson;
  let corporate: PlanJson;
  let corporateItemId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
    db = t.deps.database.db;
    fw = await db.transaction(async (tx) => installDefaultFramework(tx as unknown as Db, t.org.id));
    const [place] = await db
      .insert(units)
      .values({
        organisationId: t.org.id,
        code: 'PLACE',
        name: 'Place',
        kind: 'directorate',
        parentId: t.org.rootUnitId,
      })
      .returning();
    const [waste] = await db
      .insert(units)
      .values({ organisationId: t.org.id, code: 'WASTE', name: 'Waste', kind: 'service', parentId: place!.id })
      .returning();
    const [library] = await db
      .insert(units)
      .values({ organisationId: t.org.id, code: 'LIB', name: 'Libraries', kind: 'service', parentId: t.org.rootUnitId })
      .returning();
    placeId = place!.id;
    wasteId = waste!.id;
    libraryId = library!.id;
    admin = await t.as('administrator');
    officer = await t.as('performance-officer');
    community = await createPlan(admin, {
      planTypeId: fw.planTypes['community-strategy'],
      title: 'Borough Vision 2040',
      periodStart: '2024-04-01',
      periodEnd: '2034-03-31',
    });
    corporate = await createPlan(admin, {
      planTypeId: fw.planTypes['corporate-plan'],
      title: 'Council Plan 2024-2027',
      parentPlanId: community.id,
      periodStart: '2024-04-01',
      periodEnd: '2027-03-31',
    });
    const [item] = await db
      .insert(planItems)
      .values({
        organisationId: t.org.id,
        planId: corporate.id,
        itemTypeId: fw.itemTypes.priority!,
        code: 'P1',
        title: 'A cleaner borough',
      })
      .returning();
    corporateItemId = item!.id;
  });
  afterAll(async () => t?.close());

  it('takes a corporate plan through every configured step, recording each with who, when and comment', async () => {
    now = new Date('2025-05-01T09:00:00Z');
    const owner = await t.as('manager');
    const cabinetMember = await t.as('cabinet-member');
    await db.insert(governanceBodyMembers).values({ bodyId: fw.bodies.cabinet!, personId: cabinetMember.personId });
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

    const approved = await approveAll(plan.id, [owner, officer, cabinetMember, officer]);
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
    await act(officer, plan.id, 'approve', { step: 2 });
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

  describe('versions', () => {
    let owner: Agent;
    let director: Agent;
    let v1: PlanJson;
    let v2: PlanJson;
    let v3: PlanJson;
    let partnerId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      now = new Date('2025-03-20T10:00:00Z');
      owner = await t.as('manager', { unitId: wasteId });
      director = await t.as('director', { unitId: placeId });
      v1 = await createPlan(owner, {
        planTypeId: fw.planTypes['service-plan'],
        title: 'Waste service plan 2025/26',
        owningUnitId: wasteId,
        ownerPersonId: owner.personId,
        parentPlanId: corporate.id,
      });
      const [partner] = await db
        .insert(partners)
        .values({ organisationId: t.org.id, name: 'Clean Streets Trust', kind: 'voluntary' })
        .returning();
      partnerId = partner!.id;
      const item = async (planId: string, code: string, parentItemId: string | null = null) => {
        const [row] = await db
          .insert(planItems)
          .values({
            organisationId: t.org.id,
            planId,
            parentItemId,
            itemTypeId: fw.itemTypes.objective!,
            code,
            title: `Item ${code}`,
          })
          .returning();
        return row!.id;
      };
      ids.s1 = await item(v1.id, 'S1');
      ids.s2 = await item(v1.id, 'S2', ids.s1);
      await db.insert(planItemPartners).values({ itemId: ids.s2, partnerId });
      // Outgoing to the corporate plan, internal S2 -> S1, incoming from a team plan.
      const team = await createPlan(admin, {
        planTypeId: fw.planTypes['team-plan'],
        title: 'Crews team plan',
        owningUnitId: wasteId,
        parentPlanId: v1.id,
      });
      ids.t1 = await item(team.id, 'T1');
      await db.insert(contributionLinks).values([
        { organisationId: t.org.id, fromItemId: ids.s1, toItemId: corporateItemId },
        { organisationId: t.org.id, fromItemId: ids.s2, toItemId: ids.s1, kind: 'indirect' },
        { organisationId: t.org.id, fromItemId: ids.t1, toItemId: ids.s2 },
      ]);
      await act(owner, v1.id, 'submit');
      v1 = await approveAll(v1.id, [owner, director]);
    });

    it('takes effect from the start of its period when approved before it', () => {
      expect(v1).toMatchObject({ status: 'approved', effectiveFrom: '2025-04-01', effectiveTo: null });
    });

    async function travelAll(to: string) {
      await travel(to);
      owner = await reauth(owner);
      director = await reauth(director);
    }

    it('refuses to edit an approved plan in place (409) and points to an amendment', async () => {
      await travelAll('2025-06-01T10:00:00Z');
      const response = await owner.api('PUT', `/api/v1/plans/${v1.id}`, {
        title: 'Changed',
        periodStart: v1.periodStart,
        periodEnd: v1.periodEnd,
        owningUnitId: wasteId,
        ownerPersonId: owner.personId,
        parentPlanId: corporate.id,
        sections: {},
        rowVersion: v1.rowVersion,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toBe('Approved plans cannot be changed. Start an amendment instead.');
      const page = await owner.post(`/plans/${v1.id}/edit`, {
        title: 'Changed',
        'periodStart-day': '1',
        'periodStart-month': '4',
        'periodStart-year': '2025',
        'periodEnd-day': '31',
        'periodEnd-month': '3',
        'periodEnd-year': '2026',
        owningUnitId: wasteId,
        ownerPersonId: owner.personId,
        parentPlanId: corporate.id,
        rowVersion: String(v1.rowVersion),
      });
      expect(page.statusCode).toBe(409);
      expect(page.body).toContain('Approved plans cannot be changed. Start an amendment instead.');
    });

    it('starts an amendment carrying items, partners and links, one open draft at a time', async () => {
      const noReason = await act(owner, v1.id, 'amend', { reason: '' });
      expect(noReason.statusCode).toBe(400);
      const response = await act(owner, v1.id, 'amend', { reason: 'New recycling contract' });
      expect(response.statusCode, response.body).toBe(201);
      v2 = response.json();
      expect(v2).toMatchObject({
        lineageId: v1.lineageId,
        version: 2,
        versionKind: 'amendment',
        status: 'draft',
        periodStart: '2025-04-01',
        title: 'Waste service plan 2025/26',
      });
      const again = await act(owner, v1.id, 'amend', { reason: 'Another' });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toContain('Version 2 of this plan is already open');

      const copies = await db.select().from(planItems).where(eq(planItems.planId, v2.id));
      expect(copies).toHaveLength(2);
      const s1 = copies.find((c) => c.previousItemId === ids.s1)!;
      const s2 = copies.find((c) => c.previousItemId === ids.s2)!;
      expect(s1.parentItemId).toBeNull();
      expect(s2.parentItemId).toBe(s1.id);
      const copiedPartners = await db.select().from(planItemPartners).where(eq(planItemPartners.itemId, s2.id));
      expect(copiedPartners.map((p) => p.partnerId)).toEqual([partnerId]);
      const links = await db.select().from(contributionLinks);
      const has = (from: string, to: string) => links.some((l) => l.fromItemId === from && l.toItemId === to);
      expect(has(s1.id, corporateItemId)).toBe(true);
      expect(has(s2.id, s1.id)).toBe(true);
      expect(links.find((l) => l.fromItemId === s2.id)?.kind).toBe('indirect');
      expect(has(ids.t1!, s2.id)).toBe(true);
      // The approved version is untouched.
      expect(has(ids.s2!, ids.s1!)).toBe(true);
      expect((await db.select().from(planItems).where(eq(planItems.planId, v1.id))).length).toBe(2);
    });

    it('supersedes the old version when the amendment is approved', async () => {
      await travelAll('2025-09-15T10:00:00Z');
      await act(owner, v2.id, 'submit');
      v2 = await approveAll(v2.id, [owner, director]);
      expect(v2).toMatchObject({ status: 'approved', effectiveFrom: '2025-09-15' });
      const old = (await owner.api('GET', `/api/v1/plans/${v1.id}`)).json();
      expect(old).toMatchObject({ status: 'superseded', effectiveFrom: '2025-04-01', effectiveTo: '2025-09-15' });
      expect(old.events.some((e: { action: string }) => e.action === 'superseded')).toBe(true);
      const refused = await act(owner, v1.id, 'amend', { reason: 'From an old version' });
      expect(refused.statusCode).toBe(409);
    });

    it('rolls forward to the next period with the title moved on, and supersedes on approval', async () => {
      await travelAll('2026-03-10T10:00:00Z');
      const response = await act(owner, v2.id, 'roll-forward', { reason: 'Annual refresh' });
      expect(response.statusCode, response.body).toBe(201);
      v3 = response.json();
      expect(v3).toMatchObject({
        version: 3,
        versionKind: 'refresh',
        title: 'Waste service plan 2026/27',
        periodStart: '2026-04-01',
        periodEnd: '2027-03-31',
        status: 'draft',
      });
      const copies = await db.select().from(planItems).where(eq(planItems.planId, v3.id));
      expect(copies).toHaveLength(2);
      const v2Items = await db.select().from(planItems).where(eq(planItems.planId, v2.id));
      expect(copies.map((c) => c.previousItemId).sort()).toEqual(v2Items.map((i) => i.id).sort());
      const incoming = await db
        .select()
        .from(contributionLinks)
        .where(and(eq(contributionLinks.fromItemId, ids.t1!)));
      expect(incoming.length).toBe(3); // to v1's, v2's and v3's copy of S2

      await act(owner, v3.id, 'submit');
      v3 = await approveAll(v3.id, [owner, director]);
      expect(v3).toMatchObject({ status: 'approved', effectiveFrom: '2026-04-01' });
      const previous = (await owner.api('GET', `/api/v1/plans/${v2.id}`)).json();
      expect(previous).toMatchObject({ status: 'superseded', effectiveTo: '2026-04-01' });
      const history = (await owner.api('GET', `/api/v1/plans/${v3.id}`)).json();
      expect(history.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
    });

    it('answers which version was in force on a date', async () => {
      const inForce = async (date: string) => {
        const response = await owner.api('GET', `/api/v1/plan-lineages/${v1.lineageId}/version-in-force?date=${date}`);
        expect(response.statusCode, response.body).toBe(200);
        return response.json().plan?.version ?? null;
      };
      expect(await inForce('2025-03-31')).toBeNull();
      expect(await inForce('2025-04-01')).toBe(1);
      expect(await inForce('2025-09-14')).toBe(1);
      expect(await inForce('2025-09-15')).toBe(2);
      expect(await inForce('2026-03-31')).toBe(2);
      expect(await inForce('2026-04-01')).toBe(3);
      expect(await inForce('2027-04-01')).toBeNull();
      const bad = await owner.api('GET', `/api/v1/plan-lineages/${v1.lineageId}/version-in-force?date=soon`);
      expect(bad.statusCode).toBe(400);
    });

    it('shows partners only plans holding an item shared with them', async () => {
      const partner = await t.as('partner', { partnerId });
      const list = (await partner.api('GET', '/api/v1/plans')).json();
      expect(list.map((p: { id: string }) => p.id).sort()).toEqual([v1.id, v2.id, v3.id].sort());
      expect((await partner.api('GET', `/api/v1/plans/${corporate.id}`)).statusCode).toBe(404);
      expect((await partner.get(`/plans/${corporate.id}`)).statusCode).toBe(404);
      const page = await partner.get(`/plans/${v3.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Start an amendment');
      const listPage = await partner.get('/plans');
      expect(listPage.body).toContain('Waste service plan 2026/27');
      expect(listPage.body).not.toContain('Council Plan 2024-2027');
    });

    it('archives through version:plans only', async () => {
      const viewer = await t.as('viewer');
      expect((await act(viewer, v3.id, 'archive')).statusCode).toBe(403);
      await travelAll('2026-06-01T10:00:00Z');
      const archived = await act(officer, v3.id, 'archive', { comment: 'Service outsourced' });
      expect(archived.statusCode, archived.body).toBe(200);
      expect(archived.json()).toMatchObject({ status: 'archived', effectiveTo: '2026-06-01' });
      expect((await act(officer, v3.id, 'archive')).statusCode).toBe(409);
    });
  });

  it('filters the list by type, unit, status and year', async () => {
    await travel('2026-06-02T10:00:00Z');
    const byType = (await admin.api('GET', `/api/v1/plans?planTypeId=${fw.planTypes['corporate-plan']}`)).json();
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.every((p: { planTypeId: string }) => p.planTypeId === fw.planTypes['corporate-plan'])).toBe(true);
    const byUnit = (await admin.api('GET', `/api/v1/plans?owningUnitId=${wasteId}&status=superseded`)).json();
    expect(byUnit.map((p: { version: number }) => p.version).sort()).toEqual([1, 2]);
    const later = (await admin.api('GET', '/api/v1/plans?year=2030')).json();
    expect(later.map((p: { title: string }) => p.title)).toEqual(['Borough Vision 2040']);
    const titles2026 = (await admin.api('GET', '/api/v1/plans?year=2026'))
      .json()
      .map((p: { title: string }) => p.title);
    expect(titles2026).toContain('Council Plan 2024-2027');
    expect(titles2026).toContain('Waste service plan 2026/27');
    expect(titles2026).not.toContain('Council Plan 2025/26');
    const page = await admin.get(`/plans?status=approved&planTypeId=&owningUnitId=&year=`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Council Plan 2025/26');
    expect(page.body).not.toContain('Stale service plan');
    const bad = await admin.get('/plans?status=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
  });

  it('works through the pages: form errors, create, edit with sections, submit and approve with CSRF', async () => {
    const empty = await admin.post('/plans/new', { title: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#planTypeId"');
    expect(empty.body).toContain('href="#periodStart-day"');
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
    const returnWithout = await admin.post(`${planUrl}/return`, { reason: '' });
    expect(returnWithout.statusCode).toBe(400);
    expect(returnWithout.body).toContain('href="#return-reason"');
    const signedOff = await admin.post(`${planUrl}/approve`, { step: '1' });
    expect(signedOff.statusCode).toBe(302);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `${planUrl}/approve`,
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'step=2',
    });
    expect(noCsrf.statusCode).toBe(403);
    const history = await admin.get(`${planUrl}/history`);
    expect(history.body).toContain('Submitted for approval');
    expect(history.body).toContain('Step 1: Sign-off by the plan owner');
    expect((await admin.post(`${planUrl}/explode`, {})).statusCode).toBe(404);
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
