import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../platform/db/rows.ts';
import {
  auditEvents,
  governanceBodies,
  governanceBodyMembers,
  organisations,
  people,
  planEvents,
  planItems,
  plans,
  portfolios,
  portfolioUnits,
  roleAssignments,
  units,
} from '../schema.ts';
import { DEMO_PASSWORD, demoCouncil, type DemoCouncil } from './demo-council.data.ts';
import { DemoCouncilError, loadDemoCouncil, type DemoCredentials } from './demo-council.loader.ts';
import { ROLES } from '../kernel/access/index.ts';
import { createTestApp, DATABASES, type TestApp } from '../../test/helpers/test-app.ts';

describe.each(DATABASES)('demo council on %s', (kind) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let org: string;

  beforeAll(async () => {
    // The run's demo snapshot: the same load, made once and copied (test/helpers/database-snapshots.ts).
    t = await createTestApp(kind, { demo: true });
    demo = t.demo!;
    org = demo.organisationId;
  });
  afterAll(async () => t?.close());

  const query = async <T>(statement: ReturnType<typeof sql>): Promise<T[]> =>
    rowsOf<T>(await t.deps.database.db.execute(statement));

  /** Item counts by plan type and item type, over plans that are not superseded. */
  async function countItems(planType: string, itemType: string): Promise<number> {
    const [row] = await query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM plan_items i
      JOIN plans p ON p.id = i.plan_id JOIN plan_types pt ON pt.id = p.plan_type_id
      JOIN item_types it ON it.id = i.item_type_id
      WHERE i.organisation_id = ${org} AND pt.key = ${planType} AND it.key = ${itemType}
        AND p.status <> 'superseded'`);
    return row!.n;
  }

  async function countUnits(unitKind: (typeof units.$inferSelect)['kind']): Promise<number> {
    const rows = await t.deps.database.db
      .select()
      .from(units)
      .where(and(eq(units.organisationId, org), eq(units.kind, unitKind)));
    return rows.length;
  }

  it('is a borough council of the expected size, with its golden-thread plans', async () => {
    expect(await countItems('corporate-plan', 'priority')).toBeGreaterThanOrEqual(5);
    expect(await countItems('corporate-plan', 'priority')).toBeLessThanOrEqual(6);
    expect(await countItems('corporate-plan', 'objective')).toBeGreaterThanOrEqual(16);
    expect(await countItems('corporate-plan', 'objective')).toBeLessThanOrEqual(20);
    expect(await countUnits('directorate')).toBeGreaterThanOrEqual(3);
    expect(await countUnits('directorate')).toBeLessThanOrEqual(4);
    expect(await countUnits('service')).toBeGreaterThanOrEqual(11);
    expect(await countUnits('service')).toBeLessThanOrEqual(14);
    expect(await countUnits('team')).toBeGreaterThanOrEqual(5);
    const staff = await t.deps.database.db.select().from(people).where(eq(people.organisationId, org));
    expect(staff.length).toBeGreaterThanOrEqual(38);
    expect(staff.length).toBeLessThanOrEqual(45);
    expect(staff.every((person) => person.email.endsWith('.example'))).toBe(true);

    const byType = await query<{ key: string; status: string; n: number }>(sql`
      SELECT pt.key, p.status, count(*)::int AS n FROM plans p JOIN plan_types pt ON pt.id = p.plan_type_id
      WHERE p.organisation_id = ${org} GROUP BY pt.key, p.status`);
    const approved = (key: string) => byType.find((row) => row.key === key && row.status === 'approved')?.n ?? 0;
    expect(approved('community-strategy')).toBe(1);
    expect(approved('corporate-plan')).toBe(1);
    expect(approved('mtfs')).toBe(1);
    expect(approved('directorate-plan')).toBe(await countUnits('directorate'));
    expect(approved('service-plan')).toBe(await countUnits('service'));
    expect(approved('team-plan')).toBeGreaterThanOrEqual(4);
    expect(approved('individual-plan')).toBeGreaterThanOrEqual(3);
    expect(await countItems('individual-plan', 'individual-objective')).toBeGreaterThanOrEqual(6);

    // Service plans fill in every section of the one-page template.
    const servicePlans = await query<{ title: string; sections: Record<string, string> }>(sql`
      SELECT p.title, p.sections FROM plans p JOIN plan_types pt ON pt.id = p.plan_type_id
      WHERE p.organisation_id = ${org} AND pt.key = 'service-plan'`);
    for (const plan of servicePlans) {
      for (const key of [
        'where-are-we-now',
        'where-do-we-want-to-be',
        'how-will-we-get-there',
        'resources',
        'how-we-will-monitor',
      ]) {
        expect(plan.sections[key], `${plan.title}: ${key}`).toMatch(/\w{3,}/);
      }
    }
  });

  it('gives every role to someone, every body members and every portfolio services', async () => {
    const db = t.deps.database.db;
    const held = await db
      .selectDistinct({ role: roleAssignments.role })
      .from(roleAssignments)
      .where(eq(roleAssignments.organisationId, org));
    expect(held.map((row) => row.role).sort()).toEqual([...ROLES].sort());

    const bodies = await db
      .select({ name: governanceBodies.name, members: sql<number>`count(${governanceBodyMembers.personId})::int` })
      .from(governanceBodies)
      .leftJoin(governanceBodyMembers, eq(governanceBodyMembers.bodyId, governanceBodies.id))
      .where(eq(governanceBodies.organisationId, org))
      .groupBy(governanceBodies.name);
    expect(bodies.length).toBeGreaterThanOrEqual(7);
    expect(bodies.filter((body) => body.members === 0)).toEqual([]);

    const mapped = await db
      .select({ portfolio: portfolios.name, unitId: units.id, kind: units.kind, holder: portfolios.holderPersonId })
      .from(portfolios)
      .innerJoin(portfolioUnits, eq(portfolioUnits.portfolioId, portfolios.id))
      .innerJoin(units, eq(units.id, portfolioUnits.unitId))
      .where(eq(portfolios.organisationId, org));
    expect(mapped.every((row) => row.kind === 'service' && row.holder !== null)).toBe(true);
    expect(new Set(mapped.map((row) => row.portfolio)).size).toBeGreaterThanOrEqual(3);
    // Every service is in exactly one portfolio.
    expect(mapped.length).toBe(await countUnits('service'));
    expect(new Set(mapped.map((row) => row.unitId)).size).toBe(mapped.length);

    const shared = await query<{ partner: string; items: number; through: number }>(sql`
      SELECT pa.name AS partner, count(*)::int AS items,
        count(*) FILTER (WHERE i.through_partnership)::int AS through
      FROM plan_item_partners pip JOIN partners pa ON pa.id = pip.partner_id JOIN plan_items i ON i.id = pip.item_id
      WHERE pa.organisation_id = ${org} GROUP BY pa.name`);
    expect(shared).toHaveLength(2);
    for (const partner of shared) {
      expect(partner.items).toBeGreaterThanOrEqual(3);
      expect(partner.through).toBe(partner.items);
    }
  });

  it('links every item below the community strategy to its parent or to something it contributes to', async () => {
    const orphans = await query<{ code: string; title: string }>(sql`
      SELECT i.code, p.title FROM plan_items i
      JOIN plans p ON p.id = i.plan_id JOIN plan_types pt ON pt.id = p.plan_type_id
      WHERE i.organisation_id = ${org} AND pt.level > 1 AND i.parent_item_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM contribution_links l WHERE l.from_item_id = i.id)`);
    expect(orphans).toEqual([]);
    const tops = await query<{ code: string; type: string }>(sql`
      SELECT i.code, it.key AS type FROM plan_items i
      JOIN plans p ON p.id = i.plan_id JOIN plan_types pt ON pt.id = p.plan_type_id
      JOIN item_types it ON it.id = i.item_type_id
      WHERE i.organisation_id = ${org} AND pt.level = 1 AND i.parent_item_id IS NULL`);
    expect(tops).toEqual([{ code: 'V1', type: 'vision' }]);
    const kinds = await query<{ kind: string }>(sql`
      SELECT DISTINCT kind FROM contribution_links WHERE organisation_id = ${org} ORDER BY kind`);
    expect(kinds.map((row) => row.kind)).toEqual(['direct', 'indirect']);
  });

  it('carries the full golden thread from an individual objective up to the community strategy', async () => {
    const paths = await query<{ codes: string; types: string }>(sql`
      WITH RECURSIVE up(item_id, ids, codes, types) AS (
        SELECT i.id, ARRAY[i.id], ARRAY[i.code], ARRAY[pt.key]
        FROM plan_items i JOIN plans p ON p.id = i.plan_id JOIN plan_types pt ON pt.id = p.plan_type_id
        JOIN item_types it ON it.id = i.item_type_id
        WHERE i.organisation_id = ${org} AND it.key = 'individual-objective'
        UNION ALL
        SELECT l.to_item_id, up.ids || l.to_item_id, up.codes || i.code, up.types || pt.key
        FROM up
        JOIN contribution_links l ON l.from_item_id = up.item_id
        JOIN plan_items i ON i.id = l.to_item_id
        JOIN plans p ON p.id = i.plan_id JOIN plan_types pt ON pt.id = p.plan_type_id
        WHERE p.status <> 'superseded' AND NOT (l.to_item_id = ANY(up.ids)) AND cardinality(up.ids) < 12
      )
      SELECT array_to_string(codes, ' > ') AS codes, array_to_string(types, ' > ') AS types
      FROM up WHERE types[cardinality(types)] = 'community-strategy'`);
    expect(paths.map((path) => path.codes)).toContain('KW-1 > EM-O1 > HPE-O1 > HSN-O1 > CH-O1 > P1.1 > O1.1');
    const levels = paths.map((path) => [...new Set(path.types.split(' > '))].join(' > '));
    expect(levels).toContain(
      'individual-plan > team-plan > service-plan > directorate-plan > corporate-plan > community-strategy',
    );
  });

  it('has an approved amendment superseding version 1, and a draft 2026/27 refresh carrying its items', async () => {
    const versions = await query<{
      id: string;
      kind: string;
      status: string;
      reason: string;
      version: number;
      period_start: string;
      effective_from: string | null;
      previous_id: string;
      previous_status: string;
      previous_effective_to: string | null;
      previous_lineage_same: boolean;
    }>(sql`
      SELECT p.id, p.version_kind AS kind, p.status, p.version_reason AS reason, p.version,
        p.period_start::text AS period_start, p.effective_from::text AS effective_from,
        prev.id AS previous_id, prev.status AS previous_status, prev.effective_to::text AS previous_effective_to,
        prev.lineage_id = p.lineage_id AS previous_lineage_same
      FROM plans p JOIN plans prev ON prev.id = p.previous_version_id
      WHERE p.organisation_id = ${org} ORDER BY p.version_kind`);
    expect(versions.map((row) => row.kind)).toEqual(['amendment', 'refresh']);
    const [amendment, refresh] = versions as [(typeof versions)[number], (typeof versions)[number]];

    expect(amendment).toMatchObject({ status: 'approved', version: 2, previous_status: 'superseded' });
    expect(amendment.previous_lineage_same).toBe(true);
    expect(amendment.reason).toMatch(/food waste/);
    expect(amendment.previous_effective_to).toBe(amendment.effective_from);
    expect(refresh).toMatchObject({ status: 'draft', version: 2, period_start: '2026-04-01', effective_from: null });
    expect(refresh.previous_status).toBe('approved');

    const codesOf = async (planId: string) =>
      (
        await t.deps.database.db
          .select({ code: planItems.code, previous: planItems.previousItemId })
          .from(planItems)
          .where(eq(planItems.planId, planId))
      ).sort((a, b) => a.code.localeCompare(b.code));
    for (const version of [amendment, refresh]) {
      const before = await codesOf(version.previous_id);
      const after = await codesOf(version.id);
      // Every item of the earlier version is carried into the new one, pointing back at it.
      for (const item of before) expect(after.map((row) => row.code)).toContain(item.code);
      expect(after.filter((row) => row.previous !== null)).toHaveLength(before.length);
    }
    expect((await codesOf(amendment.id)).length).toBeGreaterThan((await codesOf(amendment.previous_id)).length);

    const actions = async (planId: string) =>
      (
        await t.deps.database.db
          .select({ action: planEvents.action })
          .from(planEvents)
          .where(eq(planEvents.planId, planId))
          .orderBy(planEvents.at)
      ).map((row) => row.action);
    expect(await actions(amendment.id)).toEqual([
      'amendment-started',
      'submitted',
      'step-approved',
      'step-approved',
      'approved',
    ]);
    expect(await actions(amendment.previous_id)).toEqual(expect.arrayContaining(['approved', 'amended', 'superseded']));
    expect(await actions(refresh.id)).toEqual(['roll-forward-started']);
  });

  it('records each approval step, taken in order in 2025 by the owner, a role holder or the body', async () => {
    const steps = await query<{
      plan: string;
      position: number;
      kind: string;
      at: string;
      is_owner: boolean;
      holds_role: boolean;
      is_member: boolean;
    }>(sql`
      SELECT p.title AS plan, e.step_position AS position, s.kind, to_char(e.at, 'YYYY-MM-DD') AS at,
        e.actor_person_id = p.owner_person_id AS is_owner,
        EXISTS (SELECT 1 FROM role_assignments r WHERE r.person_id = e.actor_person_id AND r.role = s.role) AS holds_role,
        EXISTS (SELECT 1 FROM governance_body_members m WHERE m.body_id = s.body_id AND m.person_id = e.actor_person_id)
          AS is_member
      FROM plan_events e JOIN plans p ON p.id = e.plan_id
      JOIN approval_steps s ON s.plan_type_id = p.plan_type_id AND s.position = e.step_position
      WHERE e.organisation_id = ${org} AND e.action = 'step-approved'
      ORDER BY p.title, e.at`);
    expect(steps.length).toBeGreaterThan(50);
    for (const step of steps) {
      const by =
        step.kind === 'owner'
          ? step.is_owner
          : step.kind === 'role'
            ? step.holds_role && !step.is_owner
            : step.is_member;
      expect(by, `${step.plan} step ${step.position} (${step.kind})`).toBe(true);
      expect(step.at.startsWith('2025-'), `${step.plan} step ${step.position} on ${step.at}`).toBe(true);
    }

    const histories = await query<{
      title: string;
      status: string;
      actions: string;
      steps: number;
      expected: number;
    }>(sql`
      SELECT p.title, p.status,
        (SELECT string_agg(e.action, ',' ORDER BY e.at) FROM plan_events e
          WHERE e.plan_id = p.id AND e.action IN ('submitted', 'step-approved', 'approved')) AS actions,
        (SELECT string_agg(e.step_position::text, ',' ORDER BY e.at) FROM plan_events e
          WHERE e.plan_id = p.id AND e.action = 'step-approved') AS steps,
        (SELECT count(*)::int FROM approval_steps s WHERE s.plan_type_id = p.plan_type_id) AS expected
      FROM plans p WHERE p.organisation_id = ${org} AND p.status IN ('approved', 'superseded')`);
    expect(histories.length).toBeGreaterThanOrEqual(25);
    for (const plan of histories) {
      const positions = Array.from({ length: plan.expected }, (_, index) => index + 1);
      expect(plan.actions, plan.title).toBe(
        ['submitted', ...positions.map(() => 'step-approved'), 'approved'].join(','),
      );
      expect(String(plan.steps), plan.title).toBe(positions.join(','));
    }

    const [seeded] = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org), eq(auditEvents.reason, 'seeded demo council')));
    expect(seeded).toMatchObject({ entityType: 'organisation', entityId: org, action: 'seed' });
  });

  it('has a committee year: the quarterly report routed panel → scrutiny → Cabinet, requests at every stage, returns', async () => {
    const route = await query<{ body: string; outcome: string | null; from_body: string | null }>(sql`
      SELECT b.name AS body, a.outcome, fb.name AS from_body
      FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id JOIN governance_bodies b ON b.id = m.body_id
      LEFT JOIN agenda_items f ON f.id = a.referred_from_item_id
      LEFT JOIN meetings fm ON fm.id = f.meeting_id LEFT JOIN governance_bodies fb ON fb.id = fm.body_id
      WHERE a.organisation_id = ${org} AND a.title = 'Quarterly performance report' ORDER BY m.held_on`);
    expect(route.map((r) => r.from_body)).toEqual([null, route[0]!.body, route[1]!.body]);
    expect(route.slice(0, 2).map((r) => r.outcome)).toEqual(['referred', 'referred']);
    // A report sent back: deferred by the panel, back on its next agenda pointing to the deferral.
    const sentBack = await query<{ outcome: string; notes: string; from_outcome: string | null; later: boolean }>(sql`
      SELECT a.outcome, a.decision_notes AS notes, f.outcome AS from_outcome, m.held_on > fm.held_on AS later
      FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
      JOIN agenda_items f ON f.id = a.referred_from_item_id JOIN meetings fm ON fm.id = f.meeting_id
      WHERE a.organisation_id = ${org} AND f.outcome = 'deferred'`);
    expect(sentBack).toEqual([
      { outcome: 'noted', notes: expect.stringContaining('Ombudsman'), from_outcome: 'deferred', later: true },
    ]);
    const meetingsHeld = await query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM meetings WHERE organisation_id = ${org}`,
    );
    expect(meetingsHeld[0]!.n).toBe(15);
    const requests = await query<{ status: string }>(
      sql`SELECT status FROM member_requests WHERE organisation_id = ${org} ORDER BY status`,
    );
    expect(requests.map((r) => r.status)).toEqual(['answered', 'closed', 'open', 'open']);
    const returns = await query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM statutory_returns WHERE organisation_id = ${org}`,
    );
    expect(returns[0]!.n).toBe(5);
  });

  it('signs in every demo person with the demo password, and no one with another', async () => {
    const everyone = await t.deps.database.db
      .select({ email: people.email })
      .from(people)
      .where(eq(people.organisationId, org));
    const failed: string[] = [];
    for (const person of everyone) {
      if (!(await t.deps.services.auth.signIn(person.email, DEMO_PASSWORD))) failed.push(person.email);
    }
    expect(failed).toEqual([]);
    expect(await t.deps.services.auth.signIn(everyone[0]!.email, `${DEMO_PASSWORD}x`)).toBeNull();
    expect(demo.accounts.length).toBeGreaterThanOrEqual(4);
    for (const account of demo.accounts) expect(everyone.map((row) => row.email)).toContain(account.email);
  });

  it('refuses to load the demo council twice and writes nothing', async () => {
    const db = t.deps.database.db;
    const count = async () => ({
      organisations: (await db.select().from(organisations)).length,
      plans: (await db.select().from(plans)).length,
      audit: (await db.select().from(auditEvents)).length,
    });
    const before = await count();
    await expect(loadDemoCouncil(db)).rejects.toThrow(DemoCouncilError);
    await expect(loadDemoCouncil(db)).rejects.toThrow(/already loaded/);
    expect(await count()).toEqual(before);
  });

  it('refuses demo data that breaks the thread or the framework, naming the problem and writing nothing', async () => {
    const db = t.deps.database.db;
    const before = (await db.select().from(organisations)).length;
    const other = { ...demoCouncil.organisation, slug: 'ashdown-vale-broken' };
    const [first, ...rest] = demoCouncil.plans;
    const withItems = (items: DemoCouncil['plans'][number]['items']): DemoCouncil => ({
      ...demoCouncil,
      organisation: other,
      plans: [{ ...first!, items }, ...rest],
    });
    const unlinked = demoCouncil.plans.find((plan) => plan.key === 'ip-voids')!;
    const broken: DemoCouncil = {
      ...demoCouncil,
      organisation: other,
      plans: demoCouncil.plans.map((plan) =>
        plan === unlinked ? { ...plan, items: plan.items.map((item) => ({ ...item, links: [] })) } : plan,
      ),
    };
    await expect(loadDemoCouncil(db, broken)).rejects.toThrow(
      'Demo data: item ip-voids:KW-1 has no parent and contributes to nothing',
    );
    await expect(
      loadDemoCouncil(db, withItems([{ code: 'X1', type: 'individual-objective', title: 'Wrong level' }])),
    ).rejects.toThrow('item community-strategy:X1 is a individual-objective, which a Community strategy cannot hold');
    await expect(
      loadDemoCouncil(
        db,
        withItems([{ code: 'X1', type: 'vision', title: 'Dangling', links: [{ to: 'nowhere:Z9', kind: 'direct' }] }]),
      ),
    ).rejects.toThrow('contributes to nowhere:Z9, which does not exist');
    expect((await db.select().from(organisations)).length).toBe(before);
  });
});
