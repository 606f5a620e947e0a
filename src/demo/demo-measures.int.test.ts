import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowsOf } from '../platform/db/rows.ts';
import { demoCouncil } from './demo-council.data.ts';
import { loadDemoCouncil, type DemoCredentials } from './demo-council.loader.ts';
import { DEMO_MEASURES } from './demo-measures.data.ts';
import { DEFAULT_REAL_DATA_DIR } from './real-data-reader.ts';
import type { Frequency } from '../kernel/measurement/periods.ts';
import { currentReportingPeriod } from '../kernel/measurement/periods.ts';
import { createTestApp, DATABASES, type TestApp } from '../../test/helpers/test-app.ts';

describe.each(DATABASES)('demo measures on %s', (kind) => {
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
      // Every series is moved to recent periods, and says so.
      expect(row.data_source, row.code).toMatch(/Demo periods shifted: the published figures for .* are shown as /);
      if (row.data_source.includes('Hart')) {
        // Hart's two reports: Q4 of one year and Q1, Q2 of the next.
        expect(row.data_source, row.code).toMatch(/published figures for (2013\/14 Q4|2014\/15 Q1) to 2014\/15 Q2 /);
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

  /** The values of one measure in period order (the periods are shifted, the order is kept). */
  const inOrder = (values: Map<string, number | null>) =>
    [...values.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, value]) => value);
  /** The published figures in the order of their real periods (real keys as the loader reads them). */
  const byRealKey = (figures: [string, number][]) =>
    figures.sort(([a], [b]) => a.localeCompare(b)).map(([, value]) => value);

  it('stores the published figures unchanged and in order, in shifted periods (checked against the CSV files)', async () => {
    // Monthly claimant rate: every Trafford row, 'April 2021' → month 1 of 2021/22.
    const claimant = realCsv('trafford-corporate-plan/poverty/claimant_count.csv').filter(
      (row) => row.area_code === 'E08000009' && row.indicator === 'Claimants as a proportion of residents aged 16-64',
    );
    expect(claimant.length).toBeGreaterThanOrEqual(36);
    const eco01 = await valuesOf('ECO-01');
    expect(eco01.size).toBe(claimant.length);
    const claimantByKey = claimant.map((row): [string, number] => {
      const [month = '', yearText = ''] = row.period!.split(' ');
      const index = MONTH_INDEX[month]!;
      const fy = Number(yearText) - (index >= 10 ? 1 : 0);
      return [`${fy}-${String((fy + 1) % 100).padStart(2, '0')}-M${String(index).padStart(2, '0')}`, Number(row.value)];
    });
    expect(inOrder(eco01)).toEqual(byRealKey(claimantByKey));
    // The latest figure is in the latest complete month.
    const today = t.deps.clock().toISOString().slice(0, 10);
    const months = [...eco01.keys()].sort();
    expect(months.at(-1)).toBe(t.deps.services.performance.periodKeyOf(currentReportingPeriod('monthly', today)));
    // Annual prompt payment: '2017/18' → '2017-18'.
    const payments = realCsv('trafford_council_open_data/prompt_payment.csv');
    const fin02 = await valuesOf('FIN-02');
    const fin03 = await valuesOf('FIN-03');
    expect(fin02.size).toBe(payments.length);
    const paymentKey = (row: CsvRow) => row.FinancialYear!.replace('/', '-');
    expect(inOrder(fin02)).toEqual(
      byRealKey(payments.map((row) => [paymentKey(row), Number(row.ProportionPaidOnTime)])),
    );
    expect(inOrder(fin03)).toEqual(
      byRealKey(payments.map((row) => [paymentKey(row), Number(row.NumberNotPaidOnTime)])),
    );
    // Recycling rate by financial year, and CO2 by calendar year (shown against the year it ends in).
    const recycling = realCsv('trafford-corporate-plan/climate/household_waste_recycling.csv').filter(
      (row) => row.area_code === 'E08000009' && row.measure === 'Percentage',
    );
    const wst01 = await valuesOf('WST-01');
    expect(wst01.size).toBe(recycling.length);
    expect(inOrder(wst01)).toEqual(
      byRealKey(recycling.map((row) => [row.period!.replace('/', '-'), Number(row.value)])),
    );
    const co2 = realCsv('trafford-corporate-plan/climate/borough_wide_co2_emissions.csv').filter(
      (row) => row.area_code === 'E08000009',
    );
    const cli02 = await valuesOf('CLI-02');
    expect(inOrder(cli02)).toEqual(byRealKey(co2.map((row) => [row.period!, Number(Number(row.value).toFixed(1))])));
    // Hart: the council tax KPI's Q2 figure from the November 2014 report is the latest quarter.
    const hart = realCsv('hart_dc_kpis/hart_kpis_2014-11-07.csv').find((row) => row.k === 'RB06')!;
    const rev01 = [...(await valuesOf('REV-01')).entries()].sort(([a], [b]) => a.localeCompare(b));
    expect(rev01.at(-1)![0]).toBe(t.deps.services.performance.periodKeyOf(currentReportingPeriod('quarterly', today)));
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
    // At the published April 2022 figure, 24 months before the latest published one (April 2024).
    const months = [...(await valuesOf('ECO-01')).keys()].sort();
    expect(rebase).toMatchObject({ code: 'ECO-01', period_key: months.at(-25) });
    expect(rebase!.reason).toContain('published April 2022 figure');
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
});
