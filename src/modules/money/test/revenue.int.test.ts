/**
 * Revenue monitoring through HTTP on both databases: cost centres, budget lines, the extract
 * import (CSV and XLSX) with its row errors and control totals, summary totals and tenancy.
 */
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, budgetLines, units } from '../../../schema.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

const HEADER =
  'cost_centre,year,period,original_budget,virements,budget_to_date,actual_to_date,previous_forecast,forecast_before_action,latest_forecast,gross_expenditure_forecast,income_forecast,explanation';

describe.each(DATABASES)('revenue monitoring on %s', (kind) => {
  let t: TestApp;
  let finance: Agent;
  let councillor: Agent;
  let otherFinance: Agent;
  let people: string;
  let adults: string;
  let place: string;
  let waste: string;

  const addUnit = async (
    name: string,
    kind: 'directorate' | 'service',
    parentId: string,
    organisationId = t.org.id,
  ) => {
    const [unit] = await t.deps.database.db
      .insert(units)
      .values({ organisationId, code: name.toUpperCase().replace(/\W/g, ''), name, kind, parentId })
      .returning();
    return unit!.id;
  };
  const linesCount = async () =>
    (await t.deps.database.db.select().from(budgetLines).where(eq(budgetLines.organisationId, t.org.id))).length;
  const importCsv = (agent: Agent, csv: string, action = 'import') => agent.post('/money/import', { csv, action });

  beforeAll(async () => {
    t = await createTestApp(kind);
    people = await addUnit('People', 'directorate', t.org.rootUnitId);
    adults = await addUnit('Adult social care', 'service', people);
    place = await addUnit('Place', 'directorate', t.org.rootUnitId);
    waste = await addUnit('Waste and recycling', 'service', place);
    finance = await t.as('finance-officer');
    councillor = await t.as('scrutiny-member');
    const other = await t.createOrganisation('Other Council');
    otherFinance = await t.as('finance-officer', { organisation: other });
    for (const [code, name, unitId] of [
      ['ASC101', 'Residential care', adults],
      ['ASC102', 'Home care', adults],
      ['PL201', 'Waste collection', waste],
    ] as const) {
      const created = await finance.post('/money/cost-centres/new', { code, name, unitId });
      expect(created.statusCode, created.body).toBe(302);
    }
  });
  afterAll(async () => t?.close());

  it('refuses a duplicate code and another council’s unit, naming the problem', async () => {
    const duplicate = await finance.post('/money/cost-centres/new', { code: 'asc101', name: 'Again', unitId: adults });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('Cost centre ASC101 already exists');
    const foreign = await otherFinance.api('POST', '/api/v1/money/cost-centres', {
      code: 'X1',
      name: 'X',
      unitId: adults,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('imports an extract with a control total, writing every line and its audit', async () => {
    const csv = [
      HEADER,
      'ASC101,2025/26,6,"1,000,000.00",50000,500000,510000,1050000,1120000,1060000,1500000,440000,',
      'ASC102,2025/26,6,400000,0,200000,230000,410000,450000,440000,,,Hospital discharges up 12%',
      'PL201,2025/26,6,2500000,-50000,1200000,1190000,2450000,2450000,2450000,,,',
      'TOTAL,,,3900000,0,1900000,1930000,3910000,4020000,3950000,,,',
    ].join('\n');
    const check = await importCsv(finance, csv, 'check');
    expect(check.statusCode).toBe(302);
    expect(await linesCount()).toBe(0);
    const done = await importCsv(finance, csv);
    expect(done.statusCode, done.body).toBe(302);
    expect(await linesCount()).toBe(3);
    const audits = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, t.org.id), eq(auditEvents.entityType, 'budget-line')));
    expect(audits).toHaveLength(3);
    expect(audits[0]!.newValue).toMatchObject({ startYear: 2025, month: 6 });
  });

  it('sums the summary exactly at every level, and councillors read it', async () => {
    const response = await councillor.api('GET', '/api/v1/money/revenue-summary?year=2025&period=6');
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json();
    expect(summary.totals).toMatchObject({
      revisedBudget: '3900000.00',
      latestForecast: '3950000.00',
      variance: '50000.00',
    });
    expect(summary.directorates.map((d: { name: string }) => d.name)).toEqual(['People', 'Place']);
    const peopleTotals = summary.directorates[0].totals;
    expect(peopleTotals).toMatchObject({ revisedBudget: '1450000.00', variance: '50000.00', band: 'amber' });
    expect(summary.directorates[0].units[0].costCentres.map((c: { code: string }) => c.code)).toEqual([
      'ASC101',
      'ASC102',
    ]);
    const page = await councillor.get('/money?year=2025&period=6');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('£3,900,000.00');
    expect(page.body).toContain('Hospital discharges up 12%');
    const csv = await councillor.get('/money/revenue.csv?year=2025&period=6');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('council,Council total,3900000.00');
  });

  it('refuses a whole file when any row fails, naming line and column', async () => {
    const csv = [
      HEADER,
      'ASC101,2025/26,7,1000000,50000,600000,610000,1060000,1060000,1060000,,,',
      'NOPE1,2025/26,7,1,0,0,0,1,1,1,,,',
      'ASC102,2025/26,7,400000.123,0,0,0,0,0,0,,,',
      'PL201,2025/26,7,2500000,0,1200000,1190000,2450000,2450000,2700000,,,',
      'TOTAL,,,3900000.01,,,,,,,,,',
    ].join('\n');
    const response = await importCsv(finance, csv);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('nothing was imported');
    expect(response.body).toContain('There is no cost centre “NOPE1”');
    expect(response.body).toContain('more than two decimal places');
    expect(response.body).toContain('Explain the variance');
    const api = await finance.api('POST', '/api/v1/money/revenue-imports', { csv });
    expect(api.statusCode).toBe(422);
    const errors = api.json().errors as { line: number; column: string }[];
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'cost_centre'],
      [4, 'original_budget'],
      [5, 'explanation'],
    ]);
    expect(await linesCount()).toBe(3);
  });

  it('refuses control totals that do not add up', async () => {
    const csv = [
      HEADER,
      'PL201,2025/26,8,2500000,0,1300000,1290000,2500000,2500000,2500000,,,',
      'TOTAL,,,2500000.01,,,,,,,,,',
    ].join('\n');
    const api = await finance.api('POST', '/api/v1/money/revenue-imports', { csv });
    expect(api.statusCode).toBe(422);
    expect(api.json().errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'original_budget',
        message: expect.stringContaining('£2,500,000.01'),
      }),
    ]);
    expect(await linesCount()).toBe(3);
  });

  it('imports the same extract from an Excel workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Extract');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['PL201', '2025/26', 9, 2500000, 0, 1400000, 1380000, 2500000, 2500000, 2490000, '', '', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const boundary = '----money';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${finance.csrf}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="action"\r\n\r\nimport\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="extract.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/money/import',
      headers: { cookie: finance.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(302);
    expect(await linesCount()).toBe(4);
  });

  it('edits a line in the app with the same checks, and audits the change', async () => {
    const [ascLine] = await t.deps.database.db.select().from(budgetLines).where(eq(budgetLines.month, 6));
    const id = ascLine!.costCentreId;
    const url = `/api/v1/money/cost-centres/${id}/budget-lines/2025/6`;
    const figures = {
      originalBudget: '1000000',
      virements: '50000',
      budgetToDate: '500000',
      actualToDate: '520000',
      previousForecast: '1060000',
      forecastBeforeAction: '1200000',
      latestForecast: '1150000',
    };
    const unexplained = await finance.api('PUT', url, figures);
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.json().errors).toEqual([expect.objectContaining({ field: 'explanation' })]);
    const tooPrecise = await finance.api('PUT', url, { ...figures, actualToDate: '520000.555' });
    expect(tooPrecise.json().errors).toContainEqual(
      expect.objectContaining({
        field: 'actualToDate',
        message: expect.stringContaining('more than two decimal places'),
      }),
    );
    const saved = await finance.api('PUT', url, { ...figures, explanation: 'Two new placements from August' });
    expect(saved.statusCode, saved.body).toBe(200);
    const read = await councillor.api('GET', url);
    expect(read.json().totals).toMatchObject({ latestForecast: '1150000.00', band: 'red', variance: '100000.00' });
    const [audit] = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, saved.json().id), eq(auditEvents.action, 'update')));
    expect(audit!.oldValue).toMatchObject({ latestForecast: '£1,060,000.00' });
    expect(audit!.newValue).toMatchObject({ latestForecast: '£1,150,000.00' });
  });

  it('keeps another council out: its finance officer sees none of it and cannot write to it', async () => {
    const [line] = await t.deps.database.db.select().from(budgetLines).where(eq(budgetLines.month, 6));
    const url = `/api/v1/money/cost-centres/${line!.costCentreId}/budget-lines/2025/6`;
    expect((await otherFinance.api('GET', url)).statusCode).toBe(404);
    const write = await otherFinance.api('PUT', url, { originalBudget: '1', explanation: 'x' });
    expect(write.statusCode).toBe(404);
    const summary = await otherFinance.api('GET', '/api/v1/money/revenue-summary?year=2025&period=6');
    expect(summary.json().directorates).toEqual([]);
    const imported = await otherFinance.api('POST', '/api/v1/money/revenue-imports', {
      csv: `${HEADER}\nASC101,2025/26,6,1,0,0,0,1,1,1,,,`,
    });
    expect(imported.json().errors).toEqual([expect.objectContaining({ column: 'cost_centre', line: 2 })]);
  });

  it('limits a unit’s finance officer to its own cost centres', async () => {
    const wasteOfficer = await t.as('finance-officer', { unitId: waste });
    const summary = await wasteOfficer.api('GET', '/api/v1/money/revenue-summary?year=2025&period=6');
    expect(summary.json().directorates.map((d: { name: string }) => d.name)).toEqual(['Place']);
    const [ascLine] = await t.deps.database.db.select().from(budgetLines).where(eq(budgetLines.month, 6));
    const write = await wasteOfficer.api(
      'PUT',
      `/api/v1/money/cost-centres/${ascLine!.costCentreId}/budget-lines/2025/6`,
      {},
    );
    expect(write.statusCode).toBe(403);
    const bands = await wasteOfficer.api('PUT', '/api/v1/money/variance-bands', {
      amberOverPercent: 3,
      redOverPercent: 6,
    });
    expect(bands.statusCode).toBe(403);
  });
});
