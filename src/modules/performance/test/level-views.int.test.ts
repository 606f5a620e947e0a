/**
 * The views for every level through HTTP on the hand-built council of performance-fixtures: the
 * scoped queries (a unit and everything under it, a portfolio, a body's remit, mine, a chosen
 * quarter), tenancy (another council's ids are not found) and access (a person sees only what
 * they may). PGlite only: the scoping SQL is plain joins and unions, the same on both engines, and
 * the stored-status query it builds on runs on both in performance-views.int.test.ts.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureAssignees, measures, portfolios, portfolioUnits } from '../../../schema.ts';
import {
  buildFixture,
  cabinetApprovingCorporatePlan,
  type Fixture,
  today,
} from '../../../../test/helpers/performance-fixtures.ts';
import { childUnit } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, PAGE_DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

/** The measure codes a page lists, in order (`<a ...>M1 Measure M1</a>`). */
function codesOn(html: string, tableId: string): string[] {
  const table = html.split(`id="${tableId}"`)[1]?.split('</table>')[0] ?? '';
  return [...table.matchAll(/<a class="govuk-link" href="\/measures\/[^"]+">(M\d)\b/g)].map((m) => m[1]!);
}

describe.each(PAGE_DATABASES)('views for every level on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  let viewer: Agent;
  let portfolioId: string;
  let bodyId: string;
  let otherUnit: string;
  let otherPortfolio: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    f = await buildFixture(t);
    const db = t.deps.database.db;
    viewer = await t.as('viewer');
    // A portfolio of directorate B; a scrutiny body taking the corporate plan's approval step.
    const [portfolio] = await db
      .insert(portfolios)
      .values({ organisationId: t.org.id, name: 'Communities', holderPersonId: viewer.personId })
      .returning();
    portfolioId = portfolio!.id;
    await db.insert(portfolioUnits).values({ organisationId: t.org.id, portfolioId, unitId: f.unitB });
    bodyId = await cabinetApprovingCorporatePlan(t, f);
    // Mine: the viewer owns M2 and enters data for M3.
    await db.update(measures).set({ ownerPersonId: viewer.personId }).where(eq(measures.id, f.m.m2));
    await db
      .insert(measureAssignees)
      .values({ organisationId: t.org.id, measureId: f.m.m3, personId: viewer.personId });
    // A cell a spreadsheet would run as a formula, for the CSV.
    await db.update(measures).set({ title: '=HYPERLINK("http://evil.example")' }).where(eq(measures.id, f.m.m4));
    // Another council with a unit and a portfolio of its own.
    const other = await t.createOrganisation('Other Council');
    otherUnit = await childUnit(t, 'ELSEWHERE', other.rootUnitId, other);
    const [theirs] = await db.insert(portfolios).values({ organisationId: other.id, name: 'Theirs' }).returning();
    otherPortfolio = theirs!.id;
    await t.deps.services.performance.recompute(db, t.org.id, 'all');
  });
  afterAll(async () => t?.close());

  it("shows a directorate's dashboard with only its measures, each count linking to the list behind it", async () => {
    const page = await viewer.get(`/performance/units/${f.unitA}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Performance of Unit DIRA');
    expect(page.body).toMatch(/2 measures<\/a>: 1 green, 0 amber, 1 red/);
    expect(page.body).toContain(`href="/performance/measures?status=red&amp;unitId=${f.unitA}"`);
    const red = await viewer.get(`/performance/measures?status=red&unitId=${f.unitA}`);
    expect(codesOn(red.body, 'measures')).toEqual(['M1']);
  });

  it('combines the filters of the measure list, with the count of each status beside it', async () => {
    const key = await viewer.get('/performance/measures?key=true');
    expect(codesOn(key.body, 'measures')).toEqual(['M1', 'M3']);
    expect(key.body).toContain('2 of 5 measures in this view');
    expect(key.body).toMatch(/Red \(1\)/);
    const overdue = await viewer.get('/performance/measures?overdue=true');
    expect(codesOn(overdue.body, 'measures')).toEqual(['M4']);
    const both = await viewer.get(`/performance/measures?key=true&status=green&unitId=${f.unitB}`);
    expect(codesOn(both.body, 'measures')).toEqual(['M3']);
  });

  it("scopes a portfolio, a body's remit and mine", async () => {
    const portfolio = await viewer.get(`/performance/portfolios/${portfolioId}`);
    expect(portfolio.statusCode).toBe(200);
    expect(portfolio.body).toContain('Performance of the Communities portfolio');
    expect(portfolio.body).toMatch(/2 measures<\/a>: 1 green, 0 amber, 0 red, 1 overdue/);
    // The body approves the corporate plan, whose items M1 to M4 are linked to (not M5).
    const body = await viewer.get(`/performance/bodies/${bodyId}`);
    expect(body.body).toContain('Performance within the remit of Cabinet');
    expect(body.body).toMatch(/4 measures<\/a>/);
    const remit = await viewer.get(`/performance/measures?bodyId=${bodyId}`);
    expect(codesOn(remit.body, 'measures')).toEqual(['M1', 'M2', 'M3', 'M4']);
    const mine = await viewer.get('/performance/measures?mine=true');
    expect(codesOn(mine.body, 'measures')).toEqual(['M2', 'M3']);
    expect((await viewer.get('/performance/mine')).body).toMatch(/2 measures<\/a>: 2 green/);
  });

  it('reads a chosen quarter from the stored statuses of that quarter', async () => {
    const page = await viewer.get(`/performance/units/${f.unitB}?period=2025-26-Q1`);
    expect(page.body).toContain('<option value="2025-26-Q1" selected>');
    expect(page.body).toContain('2025/26 Q1 for 2 quarterly measures');
    // M4 had its Q1 figure, so in Q1 nothing of directorate B was overdue.
    expect(page.body).not.toMatch(/overdue<\/a>/i);
    const list = await viewer.get(`/performance/measures?overdue=true&period=2025-26-Q1`);
    expect(codesOn(list.body, 'measures')).toEqual([]);
  });

  it("refuses another council's unit and portfolio as not found, and a made-up id too", async () => {
    expect((await viewer.get(`/performance/units/${otherUnit}`)).statusCode).toBe(404);
    expect((await viewer.get(`/performance/portfolios/${otherPortfolio}`)).statusCode).toBe(404);
    expect((await viewer.get(`/performance/measures?unitId=${otherUnit}`)).statusCode).toBe(404);
    expect((await viewer.get('/performance/measures?portfolioId=nonsense')).statusCode).toBe(404);
  });

  it("lets someone see a unit's view only where they may see plans", async () => {
    const local = await t.as('viewer', { unitId: f.unitA });
    expect((await local.get(`/performance/units/${f.unitA}`)).statusCode).toBe(200);
    expect((await local.get(`/performance/units/${f.unitB}`)).statusCode).toBe(403);
    expect((await local.get(`/performance/measures?unitId=${f.unitB}`)).statusCode).toBe(403);
  });

  it('lists every overdue return with days late for a performance officer, and only their own units for a director', async () => {
    const officer = await t.as('performance-officer');
    const page = await officer.get('/performance/overdue-returns');
    expect(page.statusCode).toBe(200);
    expect(codesOn(page.body, 'overdue-returns')).toEqual(['M4']);
    // Q2 2025/26 was due 15 working days after 30 September: 21 October, 30 days before 20 November.
    expect(page.body).toMatch(/21 October 2025<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">30</);
    const director = await t.as('director', { unitId: f.unitA });
    const theirs = await director.get('/performance/overdue-returns');
    expect(theirs.statusCode).toBe(200);
    expect(codesOn(theirs.body, 'overdue-returns')).toEqual([]);
    expect((await viewer.get('/performance/overdue-returns')).statusCode).toBe(403);
  });

  it('downloads the overdue returns as CSV with formula-like cells neutralised', async () => {
    const officer = await t.as('performance-officer');
    const csv = await officer.get('/performance/overdue-returns.csv?sort=unit');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Code,Measure,Period,Unit,Owner,Due,Days late');
    expect(lines[1]).toBe(`M4,"'=HYPERLINK(""http://evil.example"")",2025/26 Q2,Unit DIRB,Not set,2025-10-21,30`);
  });
});
