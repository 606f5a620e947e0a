import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMeasureHistory } from '../data/measure-status.repository.ts';
import { groupHistory } from '../data/status-history.repository.ts';
import { measureStatuses, partners, planItemPartners } from '../../../schema.ts';
import { bumpDataVersion } from '../../../platform/data-version/data-version.ts';
import { computeStatuses } from '../performance-status.service.ts';
import { viewEnvironmentFor } from '../../../platform/http/views.ts';
import { withChart } from '../web/measure-performance.presenter.ts';
import { buildFixture, type Fixture, quarterly, today } from '../../../../test/helpers/performance-fixtures.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

async function callerOf(t: TestApp) {
  const agent = await t.as('viewer');
  return {
    kind: 'person' as const,
    personId: agent.personId,
    organisationId: t.org.id,
    name: 'Viewer',
    partnerId: null,
    grants: [{ role: 'viewer' as const, unitId: null }],
  };
}

describe.each(DATABASES)('performance views on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    f = await buildFixture(t);
    const db = t.deps.database.db;
    await t.deps.services.performance.recompute(db, t.org.id, 'all');
    // Stored forecasts of the key measures, set by hand so the health figure is known exactly.
    await db
      .update(measureStatuses)
      .set({ forecastProbability: 0.2 })
      .where(and(eq(measureStatuses.measureId, f.m.m1), eq(measureStatuses.periodKey, '2025-26-Q2')));
    await db
      .update(measureStatuses)
      .set({ forecastProbability: 0.8 })
      .where(and(eq(measureStatuses.measureId, f.m.m3), eq(measureStatuses.periodKey, '2025-26-Q2')));
  });
  afterAll(async () => t?.close());
  /**
   * This file edits stored rows by hand, behind the app's back and without an audit row: the
   * council's data version is moved on as every audited write moves it, or the dashboards kept
   * in memory (platform/data-version) would rightly go on showing what they were built from.
   */
  const handEdited = () => bumpDataVersion(t.deps.database.db, t.org.id);

  it('stores the same statuses through the fast loader and upsert as through the plain history load', async () => {
    const db = t.deps.database.db;
    const plain = computeStatuses(t.org.id, groupHistory(await loadMeasureHistory(db, t.org.id, 'all')), today, 15);
    const stored = await db.select().from(measureStatuses).where(eq(measureStatuses.organisationId, t.org.id));
    expect(stored).toHaveLength(plain.length);
    for (const row of plain) {
      const found = stored.find((s) => s.measureId === row.measureId && s.periodKey === row.periodKey)!;
      const { computedAt: _a, ...expected } = row;
      // The two key measures' forecast probabilities were overwritten by hand above.
      const { forecastProbability: _p, ...rest } = expected;
      expect(found).toMatchObject(rest);
    }
  });

  it('counts the stored statuses on the dashboard, overall and per directorate', async () => {
    const viewer = await t.as('viewer');
    const response = await viewer.api('GET', '/api/v1/performance/dashboard');
    expect(response.statusCode).toBe(200);
    const d = response.json();
    expect(d.overall.counts).toEqual({ green: 2, amber: 0, red: 1, noData: 0, overdue: 1, noTarget: 1, total: 5 });
    expect(d.overall.countsText).toBe('2 green, 0 amber, 1 red, 1 overdue, 1 no target');
    const byName = Object.fromEntries(
      d.byUnit.map((u: { unitName: string; countsText: string }) => [u.unitName, u.countsText]),
    );
    expect(byName).toEqual({
      'Unit DIRA': '1 green, 0 amber, 1 red',
      'Unit DIRB': '1 green, 0 amber, 0 red, 1 overdue',
      'Council-wide (no directorate)': '0 green, 0 amber, 0 red, 1 no target',
    });
    expect(d.keyMeasures.map((m: { code: string }) => m.code)).toEqual(['M1', 'M3']);
    expect(d.worstPerformers.map((m: { code: string; statusText: string }) => [m.code, m.statusText])).toEqual([
      ['M1', 'Red'],
    ]);
    // Stored as a phrase, said by the catalogue: the words people saw before.
    expect(d.worstPerformers[0].reason).toBe('Red: 62.1% against a target of 70.0%; amber from 66.5%');
    expect(d.corporatePlan.title).toBe('Corporate plan 2025/26');
    expect(
      d.corporatePlan.priorities.map((p: { code: string; status: string; countsText: string }) => [
        p.code,
        p.status,
        p.countsText,
      ]),
    ).toEqual([
      ['P1', 'red', '1 green, 0 amber, 1 red'],
      ['P2', 'overdue', '0 green, 0 amber, 0 red, 1 overdue'],
    ]);
    expect(d.periods.map((p: { periodLabel: string }) => p.periodLabel).sort()).toEqual(
      ['2025/26 Q2', 'October 2025'].sort(),
    );
  });

  it('reads the stored statuses, so a status not yet recomputed is not picked up by the dashboard', async () => {
    const db = t.deps.database.db;
    await db
      .update(measureStatuses)
      .set({ rag: 'amber' })
      .where(and(eq(measureStatuses.measureId, f.m.m2), eq(measureStatuses.periodKey, '2025-26-Q2')));
    await handEdited();
    const viewer = await t.as('viewer');
    const d = (await viewer.api('GET', '/api/v1/performance/dashboard')).json();
    expect(d.overall.countsText).toBe('1 green, 1 amber, 1 red, 1 overdue, 1 no target');
    await db
      .update(measureStatuses)
      .set({ rag: 'green' })
      .where(and(eq(measureStatuses.measureId, f.m.m2), eq(measureStatuses.periodKey, '2025-26-Q2')));
    await handEdited();
  });

  it('shows the English reason a status row stored before reasons were phrases as it is', async () => {
    const db = t.deps.database.db;
    const m1Q2 = and(eq(measureStatuses.measureId, f.m.m1), eq(measureStatuses.periodKey, '2025-26-Q2'));
    const [before] = await db.select({ ragReason: measureStatuses.ragReason }).from(measureStatuses).where(m1Q2);
    const english = 'Red: 61.0% against a target of 70.0%; amber from 66.5% (stored in English)';
    await db.update(measureStatuses).set({ ragReason: english }).where(m1Q2);
    await handEdited();
    try {
      const viewer = await t.as('viewer');
      const d = (await viewer.api('GET', '/api/v1/performance/dashboard')).json();
      expect(d.worstPerformers[0].reason).toBe(english);
      const page = await viewer.get('/performance');
      expect(page.body).toContain('(stored in English)');
      expect(page.body).not.toContain('ragReason.');
    } finally {
      await db.update(measureStatuses).set({ ragReason: before!.ragReason }).where(m1Q2);
      await handEdited();
    }
  });

  it('rolls an item up from its linked measures, with a red key measure dominating', async () => {
    const viewer = await t.as('viewer');
    const worst = (await viewer.api('GET', `/api/v1/items/${f.items.o1}/rollup`)).json();
    expect(worst).toMatchObject({ kind: 'item', code: 'O1', status: 'red', countsText: '1 green, 0 amber, 1 red' });
    expect(
      worst.contributors.map((c: { code: string; status: string; key: boolean }) => [c.code, c.status, c.key]),
    ).toEqual([
      ['M1', 'red', true],
      ['M2', 'green', false],
    ]);
    // A weighted score alone gives amber (one red, one green); the red key measure makes it red.
    const weighted = await viewer.api('GET', `/api/v1/items/${f.items.o1}/rollup?rule=weighted-score`);
    expect(weighted.statusCode).toBe(200);
    expect(weighted.json().status).toBe('red');
    expect(weighted.json().reason).toContain('key item M1');
    expect(weighted.json().reason).toContain('alone gives amber');
  });

  it('rolls a parent item up from its child items, recursively, and a plan from its top-level items', async () => {
    const viewer = await t.as('viewer');
    const p1 = (await viewer.api('GET', `/api/v1/items/${f.items.p1}/rollup`)).json();
    expect(p1.status).toBe('red');
    expect(
      p1.contributors.map((c: { kind: string; code: string; status: string }) => [c.kind, c.code, c.status]),
    ).toEqual([
      ['item', 'O1', 'red'],
      ['item', 'O2', 'green'],
    ]);
    expect(p1.children[0].contributors.map((c: { code: string }) => c.code)).toEqual(['M1', 'M2']);
    const plan = (await viewer.api('GET', `/api/v1/plans/${f.planId}/rollup`)).json();
    expect(plan).toMatchObject({ kind: 'plan', status: 'red', countsText: '0 green, 0 amber, 1 red, 1 overdue' });
    const bad = await viewer.api('GET', `/api/v1/items/${f.items.p1}/rollup?rule=best-of`);
    expect(bad.statusCode).toBe(400);
  });

  it("gives a measure's SPC points with the rules that flagged them as data (no SVG) in a data table", async () => {
    const viewer = await t.as('viewer');
    const response = await viewer.api('GET', `/api/v1/measures/${f.m.m5}/performance`);
    expect(response.statusCode).toBe(200);
    const perf = response.json();
    expect(perf.period).toEqual({ key: '2025-26-M07', label: 'October 2025' });
    expect(perf.spc.table).toHaveLength(24);
    const last = perf.spc.table[23];
    expect(last).toMatchObject({ periodLabel: 'October 2025', value: '70.0', pointType: 'Special cause improvement' });
    expect(last.rules).toContain('Outside the process limits');
    expect(last.rules).toContain('7 or more rising or falling in a row');
    expect(perf.spc.table[0].rulesText).toBe('None');
    // The API returns data only: the page draws the chart.
    expect(perf.spc).not.toHaveProperty('chartSvg');
    // The chart's drawing data stays inside the app: the documented table is the API's data.
    expect(perf.spc).not.toHaveProperty('chart');
    expect(JSON.stringify(perf)).not.toContain('<svg');
    expect(perf.spc.variationText).toBe('Special cause improvement: unusually high');
    expect(perf.status.rag).toBe('no-target');

    const m1 = (await viewer.api('GET', `/api/v1/measures/${f.m.m1}/performance`)).json();
    expect(m1.status).toMatchObject({ rag: 'red', ragText: 'Red', value: '62.1%', target: '70.0%' });
    expect(m1.status.reason).toBe('Red: 62.1% against a target of 70.0%; amber from 66.5%');
    expect(m1.status.directionPrevious.text).toBe('Worsening');
    expect(m1.spc.warnings.join(' ')).toContain('Trial limits');
    expect(m1.interpretation.message).toMatch(/^Red/);
    expect(m1.forecast).not.toBeNull();
    expect(m1.forecast.trustText.length).toBeGreaterThan(10);
  });

  it('shows the performance on the measure partial, the dashboard and the item and plan pages', async () => {
    const viewer = await t.as('viewer');
    const perf = await t.deps.services.performanceViews.measurePerformance(await callerOf(t), f.m.m5);
    if (!perf.ok) throw new Error(perf.error.message);
    // The service returns the chart's data; the page draws it.
    expect(perf.value.spc.chart?.points).toHaveLength(24);
    expect(perf.value.spc.chart?.labels.at(-1)).toBe('October 2025');
    const partial = viewEnvironmentFor([fileURLToPath(new URL('../web/views', import.meta.url))]).renderString(
      '{% from "components/measure-performance.njk" import measurePerformance %}{{ measurePerformance(perf) }}',
      { perf: withChart(perf.value) },
    );
    expect(partial).toContain('<svg');
    expect(partial).toContain('Show the data');
    expect(partial).toMatch(/<th scope="row" class="govuk-table__header">October 2025<\/th>/);
    expect(partial).toContain('Outside the process limits; 7 or more rising or falling in a row');
    expect(partial).toMatch(/govuk-tag--blue[^>]*>\s*No target/);
    const dashboard = await viewer.get('/performance');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('2 green, 0 amber, 1 red, 1 overdue, 1 no target');
    expect(dashboard.body).toContain('Thriving places');
    const item = await viewer.get(`/items/${f.items.o1}`);
    expect(item.statusCode).toBe(200);
    expect(item.body).toContain('Overall status');
    expect(item.body).toMatch(/govuk-tag--red[^>]*>\s*Red/);
    const plan = await viewer.get(`/plans/${f.planId}`);
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain('0 green, 0 amber, 1 red, 1 overdue');
  });

  it('works out framework health per unit against the risk appetite', async () => {
    const viewer = await t.as('viewer');
    const response = await viewer.api('GET', '/api/v1/performance/health');
    expect(response.statusCode).toBe(200);
    const h = response.json();
    const figures = Object.fromEntries(
      h.units.map((u: { unit: string; indicators: { id: string; met: number; total: number; position: string }[] }) => [
        u.unit,
        Object.fromEntries(u.indicators.map((i) => [i.id, `${i.met}/${i.total} ${i.position}`])),
      ]),
    );
    expect(figures['Whole council']).toEqual({
      'plans-available': '1/2 no-appetite',
      'data-available': '4/5 no-appetite',
      // M1 on time; M2 late; M3 and M5 signed off with no submission on record (counted late).
      'tracking-on-time': '1/5 no-appetite',
      'objectives-on-target': '1/2 outside',
      'targets-projected-achieved': '1/2 outside',
    });
    expect(figures['Unit DIRA']).toEqual({
      'plans-available': '0/1 no-appetite',
      'data-available': '2/2 no-appetite',
      'tracking-on-time': '1/2 no-appetite',
      'objectives-on-target': '0/0 no-data',
      'targets-projected-achieved': '0/1 outside',
    });
    expect(figures['Unit DIRB']).toEqual({
      'plans-available': '0/0 no-data',
      'data-available': '1/2 no-appetite',
      'tracking-on-time': '0/2 no-appetite',
      'objectives-on-target': '0/0 no-data',
      'targets-projected-achieved': '1/1 within',
    });
    // A different appetite changes only the judgement.
    const lenient = (await viewer.api('GET', '/api/v1/performance/health?objectivesAppetite=0.5')).json();
    expect(lenient.units[0].indicators.find((i: { id: string }) => i.id === 'objectives-on-target').position).toBe(
      'within',
    );
    expect((await viewer.api('GET', '/api/v1/performance/health?objectivesAppetite=2')).statusCode).toBe(400);
    const page = await viewer.get('/performance/health');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Outside appetite');
  });

  it('keeps tenants apart and refuses those without the permission or outside the council', async () => {
    const other = await t.createOrganisation('Other Council');
    const db = t.deps.database.db;
    const stranger = await quarterly(t, other, 'X1', null, true, [10, 11, 12, 13, 14, 15]);
    await t.deps.services.performance.recompute(db, other.id, 'all');
    const outsider = await t.as('viewer', { organisation: other });
    const theirs = (await outsider.api('GET', '/api/v1/performance/dashboard')).json();
    expect(theirs.overall.counts.total).toBe(1);
    expect(theirs.keyMeasures.map((m: { code: string }) => m.code)).toEqual(['X1']);
    expect(theirs.corporatePlan).toBeNull();
    expect((await outsider.api('GET', `/api/v1/measures/${f.m.m1}/performance`)).statusCode).toBe(404);
    expect((await outsider.api('GET', `/api/v1/items/${f.items.o1}/rollup`)).statusCode).toBe(404);
    expect((await outsider.api('GET', `/api/v1/plans/${f.planId}/rollup`)).statusCode).toBe(404);
    const viewer = await t.as('viewer');
    expect((await viewer.api('GET', `/api/v1/measures/${stranger.id}/performance`)).statusCode).toBe(404);
    const health = (await viewer.api('GET', '/api/v1/performance/health')).json();
    expect(health.units[0].indicators.find((i: { id: string }) => i.id === 'data-available').total).toBe(5);

    // A partner sees only the measures linked to items shared with it, and no corporate roll-up.
    const [partner] = await db
      .insert(partners)
      .values({ organisationId: t.org.id, name: 'Health partnership', kind: 'nhs' })
      .returning();
    await db.insert(planItemPartners).values({ organisationId: t.org.id, itemId: f.items.o1, partnerId: partner!.id });
    await handEdited();
    const partnerAgent = await t.as('partner', { partnerId: partner!.id });
    const shared = (await partnerAgent.api('GET', '/api/v1/performance/dashboard')).json();
    expect(shared.overall.countsText).toBe('1 green, 0 amber, 1 red');
    expect(shared.corporatePlan).toBeNull();
    expect((await partnerAgent.api('GET', '/api/v1/performance/health')).json().units).toEqual([]);
    expect((await partnerAgent.api('GET', `/api/v1/measures/${f.m.m3}/performance`)).statusCode).toBe(404);
    expect((await partnerAgent.api('GET', `/api/v1/measures/${f.m.m1}/performance`)).statusCode).toBe(200);

    const nobody = await t.as(null);
    expect((await nobody.api('GET', '/api/v1/performance/dashboard')).statusCode).toBe(403);
    expect((await nobody.get('/performance')).statusCode).toBe(403);
  });
});
