/**
 * Capital, reserves, borrowing, savings, the MTFS and cost centre changes through HTTP. PGlite
 * only (PAGE_DATABASES): the SQL is ordinary inserts, upserts and sums, the same on both engines.
 * Covers the import's row errors (nothing written), tenancy (another council's ids not found),
 * the audit of every change, capital reprofiling (budgets move only on approval by someone else)
 * and the money position for the quarterly report.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, capitalReprofiles, capitalSchemeYears, planItems, savings, units } from '../../../schema.ts';
import { readStoredPhrase } from '../../../kernel/phrase.ts';
import { createTestApp, PAGE_DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { insertCascade } from '../../../../test/helpers/items-fixtures.ts';
import { moneyPosition, type MoneyPosition } from '../index.ts';

const CAPITAL_HEADER =
  'scheme,year,budget,spend_to_date,forecast,slippage,slippage_reason,borrowing,grants,receipts,revenue_contributions,explanation';

describe.each(PAGE_DATABASES)('capital, reserves, savings and the MTFS on %s', (kind) => {
  let t: TestApp;
  let finance: Agent;
  let councillor: Agent;
  let otherFinance: Agent;
  let place: string;
  let schemeId: string;
  let itemId: string;
  let foreignItemId: string;

  const db = () => t.deps.database.db;
  const audits = async (entityType: string) =>
    (
      await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organisationId, t.org.id), eq(auditEvents.entityType, entityType)))
    ).length;
  const locationId = (response: { headers: Record<string, unknown> }) =>
    String(response.headers.location).split('/').at(-1)!.split('?')[0]!;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const [unit] = await db()
      .insert(units)
      .values({
        organisationId: t.org.id,
        code: 'PLACE',
        name: 'Place',
        kind: 'directorate',
        parentId: t.org.rootUnitId,
      })
      .returning();
    place = unit!.id;
    finance = await t.as('finance-officer');
    councillor = await t.as('scrutiny-member');
    const other = await t.createOrganisation('Other Council');
    otherFinance = await t.as('finance-officer', { organisation: other });
    const cascade = await insertCascade(db(), t.org.id, t.org.rootUnitId);
    const [item] = await db()
      .insert(planItems)
      .values({
        organisationId: t.org.id,
        planId: cascade.plans.corporate,
        itemTypeId: cascade.framework.itemTypes.objective,
        code: 'O9',
        title: 'Clean streets',
      })
      .returning();
    itemId = item!.id;
    const foreign = await insertCascade(db(), other.id, other.rootUnitId);
    const [otherItem] = await db()
      .insert(planItems)
      .values({
        organisationId: other.id,
        planId: foreign.plans.corporate,
        itemTypeId: foreign.framework.itemTypes.objective,
        code: 'X1',
        title: 'Theirs',
      })
      .returning();
    foreignItemId = otherItem!.id;
    const created = await finance.post('/money/capital/schemes/new', {
      code: 'cap01',
      name: 'Depot rebuild',
      unitId: place,
    });
    expect(created.statusCode, created.body).toBe(302);
    schemeId = locationId(created);
  });
  afterAll(async () => t?.close());

  it('saves a scheme year, refusing funding that does not add up with nothing written', async () => {
    const year = {
      budget: '1,000,000.00',
      spendToDate: '400000',
      forecast: '800000',
      slippage: '200000',
      slippageReason: 'Contractor starts in April',
      borrowing: '600000',
      grants: '300000',
      receipts: '100000',
      revenueContributions: '0',
      explanation: '',
    };
    const bad = await finance.post(`/money/capital/schemes/${schemeId}?year=2025`, { ...year, grants: '299999.99' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('must add up to the budget');
    expect(await db().select().from(capitalSchemeYears)).toHaveLength(0);
    const good = await finance.post(`/money/capital/schemes/${schemeId}?year=2025`, year);
    expect(good.statusCode, good.body).toBe(302);
    expect(await audits('capital-scheme-year')).toBe(1);
    const page = await councillor.get('/money/capital?year=2025');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('£1,000,000.00');
    expect((await councillor.post(`/money/capital/schemes/${schemeId}?year=2025`, year)).statusCode).toBe(403);
  });

  it('imports the programme only when every row is right, naming line and column', async () => {
    const csv = [
      CAPITAL_HEADER,
      'CAP01,2026/27,500000,0,500000,0,,500000,0,0,0,',
      'CAP77,2026/27,1.005,0,0,0,,0,0,0,0,',
    ].join('\n');
    const refused = await finance.post('/money/capital/import', { csv, action: 'import' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is no capital scheme “CAP77”');
    expect(refused.body).toContain('more than two decimal places');
    expect(await db().select().from(capitalSchemeYears).where(eq(capitalSchemeYears.startYear, 2026))).toHaveLength(0);
    const done = await finance.post('/money/capital/import', {
      csv: csv.split('\n').slice(0, 2).join('\n'),
      action: 'import',
    });
    expect(done.statusCode, done.body).toBe(302);
    expect(await db().select().from(capitalSchemeYears).where(eq(capitalSchemeYears.startYear, 2026))).toHaveLength(1);
    expect(await audits('capital-import')).toBe(1);
  });

  it('refuses another council’s scheme, reserve and plan item as not found', async () => {
    expect((await otherFinance.get(`/money/capital/schemes/${schemeId}?year=2025`)).statusCode).toBe(404);
    const foreignImport = await otherFinance.post('/money/capital/import', {
      csv: `${CAPITAL_HEADER}\nCAP01,2025/26,1,0,1,0,,1,0,0,0,`,
      action: 'import',
    });
    expect(foreignImport.statusCode).toBe(400);
    expect(foreignImport.body).toContain('There is no capital scheme “CAP01”');
    const saving = await finance.post('/money/savings/new?year=2025', {
      reference: 'sav-1',
      title: 'Shared depot',
      owner: 'Head of Waste',
      unitId: place,
      rag: 'amber',
      planItemId: foreignItemId,
      actionId: '',
      target: '100000',
      delivered: '0',
      forecast: '60000',
    });
    expect(saving.statusCode).toBe(400);
    expect(saving.body).toContain('The plan item was not found');
    expect(await db().select().from(savings)).toHaveLength(0);
  });

  it('tracks savings linked to a plan item, with the shortfall', async () => {
    const saved = await finance.post('/money/savings/new?year=2025', {
      reference: 'sav-1',
      title: 'Shared depot',
      owner: 'Head of Waste',
      unitId: place,
      rag: 'amber',
      planItemId: itemId,
      actionId: '',
      target: '100000',
      delivered: '20000',
      forecast: '60000',
    });
    expect(saved.statusCode, saved.body).toBe(302);
    const page = await councillor.get('/money/savings?year=2025');
    expect(page.body).toContain('Clean streets');
    expect(page.body).toContain('£40,000.00');
    expect(await audits('saving')).toBe(1);
  });

  it('keeps reserves and borrowing, refusing a limit below the boundary', async () => {
    const added = await finance.post('/money/reserves/new', { name: 'General fund', kind: 'general', purpose: '' });
    expect(added.statusCode, added.body).toBe(302);
    const reserveId = locationId(added);
    const figures = await finance.post(`/money/reserves/${reserveId}?year=2025`, {
      openingBalance: '3000000',
      contributions: '0',
      plannedUse: '500000',
      forecastUse: '650000',
    });
    expect(figures.statusCode, figures.body).toBe(302);
    const bad = await finance.post('/money/borrowing?year=2025', {
      capitalFinancingRequirement: '90000000',
      externalBorrowing: '70000000',
      operationalBoundary: '85000000',
      authorisedLimit: '80000000',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('at least the operational boundary');
    const good = await finance.post('/money/borrowing?year=2025', {
      capitalFinancingRequirement: '90000000',
      externalBorrowing: '70000000',
      operationalBoundary: '85000000',
      authorisedLimit: '95000000',
    });
    expect(good.statusCode, good.body).toBe(302);
    const page = await councillor.get('/money/reserves?year=2025');
    expect(page.body).toContain('£2,350,000.00');
    expect(page.body).toContain('Within the operational boundary');
    expect((await councillor.get('/money/borrowing?year=2025')).statusCode).toBe(403);
  });

  it('keeps an MTFS whose gap the savings tracker closes', async () => {
    const added = await finance.post('/money/mtfs/new', { name: 'Budget 2025/26', firstYear: '2025' });
    expect(added.statusCode, added.body).toBe(302);
    const versionId = locationId(added);
    const year = await finance.post(`/money/mtfs/${versionId}?year=2025`, {
      funding: '24000000',
      baseSpending: '24500000',
      pressures: '300000',
      plannedReserveUse: '500000',
      assumptions: '2.99% council tax',
    });
    expect(year.statusCode, year.body).toBe(302);
    const page = await councillor.get(`/money/mtfs/${versionId}`);
    // Gap £800,000; savings tracker target £100,000; reserves £500,000: £200,000 still to find.
    expect(page.body).toContain('£800,000.00');
    expect(page.body).toContain('£200,000.00');
    expect(
      (
        await finance.post(`/money/mtfs/${versionId}?year=2030`, {
          funding: '1',
          baseSpending: '1',
          pressures: '0',
          plannedReserveUse: '0',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('renames and retires a cost centre, which then takes no new lines but keeps its page', async () => {
    const created = await finance.post('/money/cost-centres/new', { code: 'PL9', name: 'Depot', unitId: place });
    expect(created.statusCode).toBe(302);
    const list = await finance.get('/money/cost-centres');
    const id = /\/money\/cost-centres\/([0-9a-f-]{36})\/budget/.exec(list.body)![1]!;
    expect((await finance.post(`/money/cost-centres/${id}/rename`, { name: 'Depot and fleet' })).statusCode).toBe(302);
    expect((await finance.post(`/money/cost-centres/${id}/plan-items`, { planItemId: itemId })).statusCode).toBe(302);
    expect((await finance.post(`/money/cost-centres/${id}/plan-items`, { planItemId: foreignItemId })).statusCode).toBe(
      400,
    );
    expect((await finance.post(`/money/cost-centres/${id}/retire`)).statusCode).toBe(302);
    const page = await councillor.get(`/money/cost-centres/${id}`);
    expect(page.body).toContain('Depot and fleet');
    expect(page.body).toContain('Clean streets');
    expect(page.body).toContain('Retired');
    const line = await finance.post(`/money/cost-centres/${id}/budget?year=2025&period=6`, {
      originalBudget: '100',
      virements: '0',
      budgetToDate: '50',
      actualToDate: '50',
      previousForecast: '100',
      forecastBeforeAction: '100',
      latestForecast: '100',
    });
    expect(line.statusCode).toBe(400);
    expect(line.body).toContain('is retired');
    // Create, rename, link and retire; the refused link wrote nothing.
    expect(await audits('cost-centre')).toBe(4);
  });

  it('gives the money position for the quarterly report', async () => {
    const position: MoneyPosition = await moneyPosition(db(), t.org.id, { startYear: 2025, month: 6 });
    expect(position.capital.budget).toBe(1_000_000_00);
    expect(position.capital.variance).toBe(0);
    expect(position.reserves.general.forecastClosing).toBe(2_350_000_00);
    expect(position.borrowing?.status).toBe('within');
    expect(position.savings.shortfall).toBe(40_000_00);
    expect(position.revenue.totals).toBeNull();
  });

  it('shows on an objective’s page the cost centres that fund it, with their latest budget', async () => {
    const created = await finance.post('/money/cost-centres/new', {
      code: 'PL10',
      name: 'Street cleansing',
      unitId: place,
    });
    expect(created.statusCode, created.body).toBe(302);
    const list = await finance.get('/money/cost-centres');
    const id = /\/money\/cost-centres\/([0-9a-f-]{36})\/budget[^"]*"[^>]*>PL10</.exec(list.body)![1]!;
    const line = await finance.post(`/money/cost-centres/${id}/budget?year=2025&period=6`, {
      originalBudget: '120000',
      virements: '5000',
      budgetToDate: '60000',
      actualToDate: '61000',
      previousForecast: '125000',
      forecastBeforeAction: '126000',
      latestForecast: '126000',
    });
    expect(line.statusCode, line.body).toBe(302);
    expect((await finance.post(`/money/cost-centres/${id}/plan-items`, { planItemId: itemId })).statusCode).toBe(302);
    const page = await councillor.get(`/items/${itemId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Cost centres funding this item');
    expect(page.body).toContain('PL10 Street cleansing');
    // Revised budget £125,000 (original and virements), forecast £126,000: £1,000 over.
    expect(page.body).toContain('£125,000.00');
    expect(page.body).toContain('£1,000.00');
    // The retired PL9 still funds it but has no lines.
    expect(page.body).toContain('No budget lines yet');
  });

  it('reads and writes the programme through the API with the pages’ checks, access and audit', async () => {
    const year = {
      budget: '250000',
      spendToDate: '0',
      forecast: '250000',
      slippage: '0',
      borrowing: '250000',
      grants: '0',
      receipts: '0',
      revenueContributions: '0',
    };
    const before = await audits('capital-scheme-year');
    const refused = await finance.api('PUT', `/api/v1/money/capital/schemes/${schemeId}/years/2027`, {
      ...year,
      grants: '1.005',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'grants' });
    expect(await db().select().from(capitalSchemeYears).where(eq(capitalSchemeYears.startYear, 2027))).toHaveLength(0);
    expect((await councillor.api('PUT', `/api/v1/money/capital/schemes/${schemeId}/years/2027`, year)).statusCode).toBe(
      403,
    );
    expect(
      (await otherFinance.api('PUT', `/api/v1/money/capital/schemes/${schemeId}/years/2027`, year)).statusCode,
    ).toBe(404);
    const saved = await finance.api('PUT', `/api/v1/money/capital/schemes/${schemeId}/years/2027`, year);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await audits('capital-scheme-year')).toBe(before + 1);
    const programme = (await councillor.api('GET', '/api/v1/money/capital?year=2027')).json();
    expect(programme.schemes[0].year).toMatchObject({ budget: '250000.00', band: 'green' });
    expect(programme.totals.budget).toBe('250000.00');

    const borrowing = await finance.api('PUT', '/api/v1/money/borrowing/2027', {
      capitalFinancingRequirement: '90000000',
      externalBorrowing: '70000000',
      operationalBoundary: '85000000',
      authorisedLimit: '80000000',
    });
    expect(borrowing.statusCode).toBe(400);
    expect(borrowing.json().errors[0].message).toContain('at least the operational boundary');
    const reserves = (await councillor.api('GET', '/api/v1/money/reserves?year=2025')).json();
    expect(reserves.general.forecastClosing).toBe('2350000.00');
    expect(reserves.borrowing.status).toBe('within');
    const savingsList = (await councillor.api('GET', '/api/v1/money/savings?year=2025')).json();
    expect(savingsList.savings[0]).toMatchObject({ reference: 'SAV-1', planItemId: itemId, shortfall: '40000.00' });
    const versions = (await councillor.api('GET', '/api/v1/money/mtfs')).json();
    const mtfs = (await councillor.api('GET', `/api/v1/money/mtfs/${versions[0].id}`)).json();
    expect(mtfs.years[0].year).toMatchObject({ gap: '800000.00', unidentified: '200000.00' });
  });
  it('moves a scheme’s budget between years only when someone else approves the reprofile, audited', async () => {
    const approver = await t.as('finance-officer');
    const url = `/money/capital/schemes/${schemeId}/reprofiles?year=2025`;
    const decide = (agent: Agent, id: string, form: Record<string, string>) =>
      agent.post(`/money/capital/schemes/${schemeId}/reprofiles/${id}/decision?year=2025`, form);
    const year = async (startYear: number) => {
      const [row] = await db()
        .select()
        .from(capitalSchemeYears)
        .where(and(eq(capitalSchemeYears.schemeId, schemeId), eq(capitalSchemeYears.startYear, startYear)));
      return { budget: Number(row!.budget), borrowing: Number(row!.borrowing), slippage: Number(row!.slippage) };
    };
    const requests = async () => db().select().from(capitalReprofiles);
    const ask = { fromYear: '2025', toYear: '2026', amount: '250000', reason: 'Contractor starts in April' };
    // 2025/26: £1,000,000 (borrowing £600,000, slippage £200,000); 2026/27: £500,000, all borrowing.
    const before = { from: await year(2025), to: await year(2026), years: await audits('capital-scheme-year') };

    for (const [form, named] of [
      [{ ...ask, amount: '1000000.01' }, 'The amount is more than the year’s budget holds'],
      [{ ...ask, toYear: '2025' }, 'must be later than the year it moves from'],
      [{ ...ask, reason: ' ' }, 'Give the reason for reprofiling'],
      [{ ...ask, amount: '1.005' }, 'more than two decimal places'],
    ] as const) {
      const refused = await finance.post(url, form);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(named);
    }
    expect((await otherFinance.post(url, ask)).statusCode).toBe(404);
    expect((await councillor.post(url, ask)).statusCode).toBe(403);
    expect(await requests()).toHaveLength(0);

    expect((await finance.post(url, ask)).statusCode).toBe(302);
    // Asked for more than 2025/26 will hold once the first is approved.
    expect((await finance.post(url, { ...ask, toYear: '2027', amount: '800000' })).statusCode).toBe(302);
    const asked = await requests();
    const first = asked.find((row) => Number(row.amount) === 250_000_00);
    const second = asked.find((row) => Number(row.amount) === 800_000_00);
    expect(await audits('capital-reprofile')).toBe(2);
    expect(await year(2025)).toEqual(before.from);

    const own = await decide(finance, first!.id, { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.body).toContain('You cannot decide a reprofile you asked for');
    const noReason = await decide(approver, first!.id, { decision: 'reject', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Give the reason for rejecting the reprofile');
    expect((await decide(otherFinance, first!.id, { decision: 'approve' })).statusCode).toBe(404);
    expect(await year(2025)).toEqual(before.from);

    const approved = await decide(approver, first!.id, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(302);
    // The budget moves with its funding (borrowing first); the slippage it was is no longer expected.
    expect(await year(2025)).toEqual({ budget: 750_000_00, borrowing: 350_000_00, slippage: 0 });
    expect(await year(2026)).toEqual({ budget: 750_000_00, borrowing: 750_000_00, slippage: before.to.slippage });
    expect(await audits('capital-reprofile')).toBe(3);
    expect(await audits('capital-scheme-year')).toBe(before.years + 2);

    const twice = await decide(approver, first!.id, { decision: 'reject', reason: 'Changed my mind' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('This reprofile has already been decided');
    // The second now asks for more than the year holds: refused whole, still pending, nothing moved.
    const stale = await decide(approver, second!.id, { decision: 'approve' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('The amount is more than the year’s budget holds');
    expect(await year(2025)).toEqual({ budget: 750_000_00, borrowing: 350_000_00, slippage: 0 });
    expect(await audits('capital-reprofile')).toBe(3);
    expect(await audits('capital-scheme-year')).toBe(before.years + 2);
    const rejected = await approver.api(
      'POST',
      `/api/v1/money/capital/schemes/${schemeId}/reprofiles/${second!.id}/decision`,
      { decision: 'reject', reason: 'Ask for what the year holds' },
    );
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await year(2025)).toEqual({ budget: 750_000_00, borrowing: 350_000_00, slippage: 0 });

    const history = (await councillor.api('GET', `/api/v1/money/capital/schemes/${schemeId}/reprofiles`)).json();
    expect(history.map((row: { status: string; amount: string }) => [row.status, row.amount]).sort()).toEqual([
      ['approved', '250000.00'],
      ['rejected', '800000.00'],
    ]);
    const page = await councillor.get(`/money/capital/schemes/${schemeId}?year=2025`);
    expect(page.body).toContain('Rejected by');
    expect(page.body).toContain('Ask for what the year holds');

    // The trail keeps the approval's reason as a phrase; the audit page and API say it in words.
    const yearEvents = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, t.org.id), eq(auditEvents.entityType, 'capital-scheme-year')));
    const approvals = yearEvents.filter(
      (event) => readStoredPhrase(event.reason)?.code === 'moneyAudit.reprofileApproved',
    );
    expect(approvals).toHaveLength(2);
    const auditor = await t.as('internal-auditor');
    const trail = await auditor.get('/audit?entityType=capital-scheme-year');
    expect(trail.body).toContain('Reprofile approved: £250,000.00 from 2025 to 2026');
    const listed = (await auditor.api('GET', '/api/v1/audit-events?entityType=capital-scheme-year')).json();
    expect(listed.items.map((event: { reason: string }) => event.reason)).toContain(
      'Reprofile approved: £250,000.00 from 2025 to 2026',
    );
  });
});
