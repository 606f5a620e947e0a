import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject, vi } from 'vitest';
import { runCli } from '../cli/commands.ts';
import { loadConfig } from '../platform/config.ts';
import type { Deps } from '../container.ts';
import { openDatabase } from '../platform/db/db.ts';
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
import { seedDemoCouncilIfEmpty } from './demo-council.seed.ts';
import { DEMO_MEASURES } from './demo-measures.data.ts';
import { DEFAULT_REAL_DATA_DIR, parsePublishedPeriod, periodForPublished } from './real-data-reader.ts';
import type { Frequency } from '../kernel/measurement/periods.ts';
import { currentReportingPeriod } from '../kernel/measurement/periods.ts';
import { ROLES } from '../kernel/access/index.ts';
import { assembleDeps } from '../container.ts';
import { createDatabase } from '../../test/helpers/postgres-cluster.ts';
import { createTestApp, DATABASES, type TestApp } from '../../test/helpers/test-app.ts';

describe.each(DATABASES)('demo council on %s', (kind) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let org: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    demo = await loadDemoCouncil(t.deps.database.db, demoCouncil, { clock: t.deps.clock });
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

  // ---- Measures with real published history (issue 3) ----------------------------------------

  type CsvRow = Record<string, string>;
  const realCsv = (file: string): CsvRow[] =>
    parse<CsvRow>(readFileSync(path.join(DEFAULT_REAL_DATA_DIR, file), 'utf8'), { columns: true, bom: true });
  /** period_key → value of one measure, by code. */
  async function valuesOf(code: string): Promise<Map<string, number | null>> {
    const rows = await query<{ period_key: string; value: number | null }>(sql`
      SELECT v.period_key, v.value FROM measure_values v JOIN measures m ON m.id = v.measure_id
      WHERE m.organisation_id = ${org} AND m.code = ${code} AND v.breakdown_id IS NULL`);
    return new Map(rows.map((row) => [row.period_key, row.value]));
  }
  const MONTH_INDEX: Record<string, number> = {
    April: 1,
    May: 2,
    June: 3,
    July: 4,
    August: 5,
    September: 6,
    October: 7,
    November: 8,
    December: 9,
    January: 10,
    February: 11,
    March: 12,
  };

  it('has 25 to 35 measures of every frequency, each saying which real series it is, with years of history', async () => {
    expect(demo.measures).toMatchObject({ measures: DEMO_MEASURES.length });
    expect(demo.measures.note).toBeUndefined();
    const rows = await query<{
      code: string;
      frequency: string;
      data_source: string;
      is_key: boolean;
      values: number;
      years: number;
      owner: string | null;
      verifier: string | null;
      owner_unit: string | null;
      assignees: number;
      tags: string[];
    }>(sql`
      SELECT m.code, m.frequency, m.data_source, m.is_key, m.owner_person_id AS owner,
        m.verifier_person_id AS verifier, m.owner_unit_id AS owner_unit, m.tags,
        (SELECT count(*)::int FROM measure_values v WHERE v.measure_id = m.id) AS values,
        (SELECT count(DISTINCT left(v.period_key, 7))::int FROM measure_values v WHERE v.measure_id = m.id) AS years,
        (SELECT count(*)::int FROM measure_assignees a WHERE a.measure_id = m.id) AS assignees
      FROM measures m WHERE m.organisation_id = ${org} ORDER BY m.code`);
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows.length).toBeLessThanOrEqual(35);
    expect(new Set(rows.map((row) => row.frequency))).toEqual(new Set(['monthly', 'quarterly', 'annual']));
    const key = rows.filter((row) => row.is_key).length;
    expect(key).toBeGreaterThanOrEqual(6);
    expect(key).toBeLessThanOrEqual(10);
    for (const row of rows) {
      expect(row.data_source, row.code).toMatch(/^Figures: (Trafford|Hart) [^.]*published.*, used as demo history/);
      expect(row.owner && row.verifier && row.owner_unit, row.code).toBeTruthy();
      expect(row.owner, row.code).not.toBe(row.verifier);
      expect(row.assignees, row.code).toBeGreaterThan(0);
      expect(row.tags.length, row.code).toBeGreaterThan(0);
      if (row.data_source.includes('Hart')) {
        // Hart's two reports: Q4 of one year and Q1, Q2 of the next, mapped to recent years and saying so.
        expect(row.data_source, row.code).toMatch(
          /Periods mapped: Hart's Q1 and Q2 2014\/15 are shown as Q1 and Q2 20\d\d\/\d\d/,
        );
        expect(row.values, row.code).toBeGreaterThanOrEqual(2);
      } else {
        expect(row.years, `${row.code} spans ${row.years} years`).toBeGreaterThanOrEqual(3);
        expect(row.values, row.code).toBeGreaterThanOrEqual(7);
      }
    }
    const monthly = rows.filter((row) => row.frequency === 'monthly');
    expect(monthly.length).toBeGreaterThanOrEqual(2);
    for (const row of monthly) expect(row.values, row.code).toBeGreaterThanOrEqual(36);
  });

  it('stores the published figures unchanged (checked against the CSV files)', async () => {
    // Monthly claimant rate: every Trafford row, 'April 2021' → month 1 of 2021/22.
    const claimant = realCsv('trafford-corporate-plan/poverty/claimant_count.csv').filter(
      (row) => row.area_code === 'E08000009' && row.indicator === 'Claimants as a proportion of residents aged 16-64',
    );
    expect(claimant.length).toBeGreaterThanOrEqual(36);
    const eco01 = await valuesOf('ECO-01');
    expect(eco01.size).toBe(claimant.length);
    for (const row of claimant) {
      const [month = '', yearText = ''] = row.period!.split(' ');
      const index = MONTH_INDEX[month]!;
      const fy = Number(yearText) - (index >= 10 ? 1 : 0);
      const key = `${fy}-${String((fy + 1) % 100).padStart(2, '0')}-M${String(index).padStart(2, '0')}`;
      expect(eco01.get(key), `${row.period} (${key})`).toBe(Number(row.value));
    }
    // Annual prompt payment: '2017/18' → '2017-18'.
    const payments = realCsv('trafford_council_open_data/prompt_payment.csv');
    const fin02 = await valuesOf('FIN-02');
    const fin03 = await valuesOf('FIN-03');
    expect(fin02.size).toBe(payments.length);
    for (const row of payments) {
      const key = row.FinancialYear!.replace('/', '-');
      expect(fin02.get(key), key).toBe(Number(row.ProportionPaidOnTime));
      expect(fin03.get(key), key).toBe(Number(row.NumberNotPaidOnTime));
    }
    // Recycling rate by financial year, and CO2 by calendar year (shown against the year it ends in).
    const recycling = realCsv('trafford-corporate-plan/climate/household_waste_recycling.csv').filter(
      (row) => row.area_code === 'E08000009' && row.measure === 'Percentage',
    );
    const wst01 = await valuesOf('WST-01');
    expect(wst01.size).toBe(recycling.length);
    for (const row of recycling) expect(wst01.get(row.period!.replace('/', '-'))).toBe(Number(row.value));
    const co2 = realCsv('trafford-corporate-plan/climate/borough_wide_co2_emissions.csv').filter(
      (row) => row.area_code === 'E08000009',
    );
    const cli02 = await valuesOf('CLI-02');
    for (const row of co2) {
      const year = Number(row.period);
      const key = `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
      expect(cli02.get(key), key).toBe(Number(Number(row.value).toFixed(1)));
    }
    // Hart: the council tax KPI's Q2 figure from the November 2014 report is the latest quarter.
    const hart = realCsv('hart_dc_kpis/hart_kpis_2014-11-07.csv').find((row) => row.k === 'RB06')!;
    const rev01 = [...(await valuesOf('REV-01')).entries()].sort(([a], [b]) => a.localeCompare(b));
    expect(rev01.at(-1)![0]).toMatch(/-Q2$/);
    expect(rev01.at(-1)![1]).toBe(Number(hart.tq));
    expect(rev01.at(-2)![1]).toBe(Number(hart.lq));
  });

  it('links every measure to a plan item in force, some to several', async () => {
    const links = await query<{ code: string; items: number; stale: number }>(sql`
      SELECT m.code, count(l.item_id)::int AS items,
        count(*) FILTER (WHERE p.status <> 'approved')::int AS stale
      FROM measures m
      LEFT JOIN measure_item_links l ON l.measure_id = m.id
      LEFT JOIN plan_items i ON i.id = l.item_id LEFT JOIN plans p ON p.id = i.plan_id
      WHERE m.organisation_id = ${org} GROUP BY m.code`);
    expect(links.filter((row) => row.items === 0)).toEqual([]);
    expect(links.filter((row) => row.stale > 0)).toEqual([]);
    expect(links.filter((row) => row.items >= 2).length).toBeGreaterThanOrEqual(1);
    const kinds = await query<{ plan_type: string }>(sql`
      SELECT DISTINCT pt.key AS plan_type FROM measure_item_links l
      JOIN plan_items i ON i.id = l.item_id JOIN plans p ON p.id = i.plan_id
      JOIN plan_types pt ON pt.id = p.plan_type_id WHERE l.organisation_id = ${org}`);
    expect(kinds.map((row) => row.plan_type)).toEqual(expect.arrayContaining(['corporate-plan', 'service-plan']));
  });

  it('stores a status for the current period of every measure, and RAG for past periods', async () => {
    const today = t.deps.clock().toISOString().slice(0, 10);
    const all = await query<{ code: string; frequency: string; keys: string[] }>(sql`
      SELECT m.code, m.frequency, coalesce(array_agg(s.period_key) FILTER (WHERE s.period_key IS NOT NULL), '{}') AS keys
      FROM measures m LEFT JOIN measure_statuses s ON s.measure_id = m.id
      WHERE m.organisation_id = ${org} GROUP BY m.code, m.frequency`);
    for (const row of all) {
      const current = currentReportingPeriod(row.frequency as Frequency, today);
      const key = t.deps.services.performance.periodKeyOf(current);
      expect(row.keys, `${row.code} has a status for ${key}`).toContain(key);
    }
    const rags = await query<{ rag: string }>(sql`
      SELECT DISTINCT rag FROM measure_statuses WHERE organisation_id = ${org}`);
    expect(rags.map((row) => row.rag)).toEqual(expect.arrayContaining(['red', 'amber', 'green']));
  });

  it('shows the workflow: approved history with events and locks, latest figures in progress, one returned with its reason', async () => {
    const byStatus = await query<{ status: string; n: number }>(sql`
      SELECT status, count(*)::int AS n FROM measure_values WHERE organisation_id = ${org} GROUP BY status`);
    const count = (status: string) => byStatus.find((row) => row.status === status)?.n ?? 0;
    expect(count('approved')).toBeGreaterThan(250);
    expect(count('submitted')).toBeGreaterThanOrEqual(1);
    expect(count('draft')).toBeGreaterThanOrEqual(1);
    expect(count('returned')).toBe(1);

    const withoutEvents = await query<{ id: string }>(sql`
      SELECT v.id FROM measure_values v WHERE v.organisation_id = ${org}
        AND NOT EXISTS (SELECT 1 FROM measure_value_events e WHERE e.value_id = v.id)`);
    expect(withoutEvents).toEqual([]);
    // Each value's last event leaves it in the status it has.
    const mismatched = await query<{ id: string }>(sql`
      SELECT v.id FROM measure_values v WHERE v.organisation_id = ${org} AND v.status <> (
        SELECT e.to_status FROM measure_value_events e WHERE e.value_id = v.id ORDER BY e.at DESC, e.id DESC LIMIT 1)`);
    expect(mismatched).toEqual([]);
    const unlocked = await query<{ id: string }>(sql`
      SELECT v.id FROM measure_values v WHERE v.organisation_id = ${org} AND v.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM period_locks l WHERE l.measure_id = v.measure_id
          AND l.period_key = v.period_key AND l.reopened_at IS NULL)`);
    expect(unlocked).toEqual([]);

    const [returned] = await query<{ code: string; reason: string; actor_is_verifier: boolean }>(sql`
      SELECT m.code, e.reason, e.actor_person_id = m.verifier_person_id AS actor_is_verifier
      FROM measure_values v JOIN measures m ON m.id = v.measure_id
      JOIN measure_value_events e ON e.value_id = v.id AND e.action = 'return'
      WHERE v.organisation_id = ${org} AND v.status = 'returned'`);
    expect(returned).toMatchObject({ actor_is_verifier: true });
    expect(returned!.reason).toMatch(/commentary/);

    // A figure revised in the next published report keeps both versions in its history.
    const edits = await query<{ old: number; new: number }>(sql`
      SELECT (e.old_value->>'value')::float8 AS old, (e.new_value->>'value')::float8 AS new
      FROM measure_value_events e WHERE e.organisation_id = ${org} AND e.action = 'edit'`);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    for (const edit of edits) expect(edit.old).not.toBe(edit.new);
  });

  it('keeps target history: demo targets with reasons, and a revision pointing to its replacement', async () => {
    const targets = await query<{
      code: string;
      reason: string;
      superseded: boolean;
      current_reason: string | null;
    }>(sql`
      SELECT m.code, t.reason, t.superseded_at IS NOT NULL AS superseded, n.reason AS current_reason
      FROM measure_targets t JOIN measures m ON m.id = t.measure_id
      LEFT JOIN measure_targets n ON n.id = t.superseded_by
      WHERE t.organisation_id = ${org}`);
    expect(targets.length).toBeGreaterThan(60);
    for (const target of targets)
      expect(target.reason, target.code).toMatch(/^(Demo (target|revision)|Hart DC's published target)/);
    const revised = targets.filter((target) => target.superseded);
    expect(revised.length).toBeGreaterThanOrEqual(1);
    for (const target of revised) expect(target.current_reason, target.code).toMatch(/^Demo revision: /);

    const [rebase] = await query<{ code: string; period_key: string; reason: string }>(sql`
      SELECT m.code, r.period_key, r.reason FROM spc_rebases r JOIN measures m ON m.id = r.measure_id
      WHERE r.organisation_id = ${org}`);
    expect(rebase).toMatchObject({ code: 'ECO-01', period_key: '2022-23-M01' });
    expect(rebase!.reason.length).toBeGreaterThan(40);
  });

  it('loads the rest of the demo council without measures when the real data folder is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const other = { ...demoCouncil, organisation: { ...demoCouncil.organisation, slug: 'ashdown-vale-no-data' } };
      const loaded = await loadDemoCouncil(t.deps.database.db, other, { realDataDir: '/nonexistent/real' });
      expect(loaded.measures.measures).toBe(0);
      expect(loaded.measures.note).toMatch(/\/nonexistent\/real is missing/);
      expect(warn).toHaveBeenCalledWith(loaded.measures.note);
      const [row] = await query<{ plans: number; measures: number }>(sql`
        SELECT (SELECT count(*)::int FROM plans WHERE organisation_id = ${loaded.organisationId}) AS plans,
          (SELECT count(*)::int FROM measures WHERE organisation_id = ${loaded.organisationId}) AS measures`);
      expect(row!.plans).toBeGreaterThan(20);
      expect(row!.measures).toBe(0);
    } finally {
      warn.mockRestore();
    }
  });

  it('seeds an empty database at first start and prints the sign-in details, then does nothing', async () => {
    const url = kind === 'postgres' ? await createDatabase(inject('postgresUrl')) : undefined;
    const database = await openDatabase({ url });
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        BASE_URL: 'http://demo.test:3000',
        SESSION_SECRET: 'x'.repeat(40),
      });
      const clock = () => new Date();
      const deps: Deps = assembleDeps(config, database, clock);
      const message = await seedDemoCouncilIfEmpty(deps);
      expect(message).toContain('http://demo.test:3000/sign-in');
      expect(message).toContain(DEMO_PASSWORD);
      expect(message).toMatch(/rachel\.evans@ashdownvale\.example\s+performance officer/);
      expect(
        message!.split('\n').filter((line) => line.includes('@ashdownvale.example')).length,
      ).toBeGreaterThanOrEqual(4);
      expect(await seedDemoCouncilIfEmpty(deps)).toBeNull();
      expect(await database.db.select().from(organisations)).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});

describe('npm run cli', () => {
  const env = (url: string) => ({ NODE_ENV: 'test', DATABASE_URL: url, BASE_URL: 'http://cli.test' });

  it('migrates, seeds the demo council once, and refuses unknown commands', async () => {
    const url = await createDatabase(inject('postgresUrl'));
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
    const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void printed.push(String(line)));
    try {
      expect(await runCli(['migrate'], env(url))).toBe(0);
      expect(printed.pop()).toBe('Database migrations are up to date.');
      expect(await runCli(['seed-demo'], env(url))).toBe(0);
      expect(printed.pop()).toContain('Sign in at http://cli.test/sign-in with the password');
      expect(await runCli(['seed-demo'], env(url))).toBe(0);
      expect(printed.pop()).toMatch(/already has an organisation/);
      expect(await runCli(['seed-everything'], env(url))).toBe(1);
      expect(printed).toContain('Unknown command: seed-everything');
      expect(await runCli(['migrate'], { ...env(url), DATABASE_URL: 'mysql://nope' })).toBe(1);
      expect(printed).toContain('Invalid setting DATABASE_URL: must start with postgres:// or postgresql://');
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    const database = await openDatabase({ url });
    try {
      expect(await database.db.select().from(organisations)).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});

describe('published period strings (demo measures)', () => {
  it('reads the real shapes and places them in the measure’s periods', () => {
    const key = (text: string, frequency: Frequency) => {
      const period = periodForPublished(text, frequency);
      return period ? `${period.fyStartYear}/${period.frequency}/${period.index}` : null;
    };
    expect(key('2010/11', 'annual')).toBe('2010/annual/1');
    expect(key('2015-16', 'annual')).toBe('2015/annual/1');
    expect(key('2019', 'annual')).toBe('2019/annual/1'); // calendar 2019 ends in 2019/20
    expect(key('April 2021', 'monthly')).toBe('2021/monthly/1');
    expect(key('January 2022', 'monthly')).toBe('2021/monthly/10');
    expect(key('Jan 2012-Dec 2012', 'annual')).toBe('2012/annual/1');
    expect(key('Apr 2011-Mar 2012', 'annual')).toBe('2011/annual/1');
    expect(key('2021-06-30', 'quarterly')).toBe('2021/quarterly/1');
    expect(key('2020-12-31', 'quarterly')).toBe('2020/quarterly/3');
    // Cannot be placed: pools of several years, a month for an annual measure, nonsense.
    expect(key('2018/19 - 22/23', 'annual')).toBeNull();
    expect(key('2010 - 12', 'annual')).toBeNull();
    expect(key('2010/12', 'annual')).toBeNull();
    expect(key('April 2021', 'annual')).toBeNull();
    expect(key('Smarch 2021', 'monthly')).toBeNull();
    expect(key('2021-02-30', 'quarterly')).toBeNull();
    expect(parsePublishedPeriod('Nov 2015-Nov 2016')).toEqual({ start: '2015-11-01', end: '2016-11-30', months: 13 });
  });
});
