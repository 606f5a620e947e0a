import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/db.ts';
import { contributionLinks, partners, planItemPartners, planItems } from '../../../schema.ts';
import type { InstalledFramework } from '../../framework/index.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';
import {
  act,
  approveAllAs,
  createPlanAs,
  type PlanJson,
  reauth as reauthOn,
  setUpPlansWorld,
} from './plans-test-setup.ts';

describe.each(DATABASES)('plans, approvals and versions on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let fw: InstalledFramework;
  let now = new Date('2025-05-01T09:00:00Z');
  let placeId: string;
  let wasteId: string;
  let admin: Agent;
  let officer: Agent;
  let community: PlanJson;
  let corporate: PlanJson;
  let corporateItemId: string;

  const reauth = (agent: Agent) => reauthOn(t, agent);
  const createPlan = (agent: Agent, body: Record<string, unknown>) => createPlanAs(t, agent, body);
  const approveAll = (planId: string, approvers: Agent[]) => approveAllAs(admin, planId, approvers);

  async function travel(to: string): Promise<void> {
    now = new Date(to);
    admin = await reauth(admin);
    officer = await reauth(officer);
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
    ({ db, fw, placeId, wasteId, admin, officer, community, corporate, corporateItemId } = await setUpPlansWorld(t));
  });
  afterAll(async () => t?.close());

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
      await db.insert(planItemPartners).values({ organisationId: t.org.id, itemId: ids.s2, partnerId });
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
      // The history the services write is said in words, on the page and over the API alike.
      const comments = (events: { action: string; comment: string }[]) =>
        Object.fromEntries(events.map((e) => [e.action, e.comment]));
      expect(comments(old.events)).toMatchObject({
        amended: 'Version 2 started: New recycling contract',
        superseded: 'Superseded by version 2',
      });
      const page = await owner.get(`/plans/${v2.id}/history`);
      expect(page.body).toContain('Amendment of version 1: New recycling contract');
      expect(page.body).toContain('In force from 2025-09-15');
      expect(page.body).not.toContain('planHistory.');
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
      expect(history.events.find((e: { action: string }) => e.action === 'roll-forward-started')?.comment).toBe(
        'Roll forward of version 2: Annual refresh',
      );
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
    // An approved corporate plan of 2025/26 and a service plan still in approval, beside the versions.
    const approved = await createPlan(admin, {
      planTypeId: fw.planTypes['corporate-plan'],
      title: 'Council Plan 2025/26',
      ownerPersonId: admin.personId,
      parentPlanId: community.id,
    });
    await act(admin, approved.id, 'submit');
    const [secondOfficer, thirdOfficer] = [await t.as('performance-officer'), await t.as('performance-officer')];
    expect(await approveAll(approved.id, [admin, officer, secondOfficer, thirdOfficer])).toMatchObject({
      status: 'approved',
    });
    const pending = await createPlan(admin, {
      planTypeId: fw.planTypes['service-plan'],
      title: 'Stale service plan',
      owningUnitId: wasteId,
      parentPlanId: corporate.id,
    });
    expect((await act(admin, pending.id, 'submit')).json()).toMatchObject({ status: 'submitted' });
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
  });
});
