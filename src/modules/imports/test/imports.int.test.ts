import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  measureBreakdowns,
  measures,
  measureSeries,
  measureStatuses,
  measureTargets,
  measureValueEvents,
  measureValues,
} from '../../../schema.ts';
import { XLSX_MIME } from '../import-files.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { REFERENCE_DATA_DIR as REAL } from '../../../../test/helpers/reference-data.ts';
import { csv, hartMeasures, readCsv, rowCounts, send } from './import-test-files.ts';

const today = new Date('2025-11-20T10:00:00Z');

describe.each(DATABASES)('import and export on %s', (kind) => {
  let t: TestApp;
  let officer: Agent & { t: TestApp };
  const db = () => t.deps.database.db;
  const counts = () => rowCounts(db());

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    officer = Object.assign(await t.as('performance-officer'), { t });
  });
  afterAll(async () => t?.close());

  it('previews then imports real KPI definitions (Hart DC), and a second import changes nothing', async () => {
    const file = hartMeasures();
    const before = await counts();
    const preview = await send(officer, 'measures', file, '?dryRun=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      dryRun: true,
      rows: 45,
      created: 45,
      updated: 0,
      written: false,
      errorCount: 0,
    });
    expect(await counts()).toEqual(before);
    const imported = await send(officer, 'measures', file);
    expect(imported.json()).toMatchObject({ rows: 45, created: 45, written: true });
    const after = await counts();
    expect(after.measures).toBe(before.measures + 45);
    expect(after.audit).toBe(before.audit + 1);
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'import-measures'));
    expect(audit).toMatchObject({ actorPersonId: officer.personId, newValue: { created: 45, rows: 45 } });
    const again = await send(officer, 'measures', file);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 45, written: false });
    expect(await counts()).toEqual(after);
  });

  it("imports Trafford's published monthly claimant rate as values with events, one audit row and statuses", async () => {
    const definition = csv(
      ['code', 'title', 'unit', 'decimalPlaces', 'polarity', 'frequency', 'aggregation'],
      [
        [
          'TRAF-CLAIM',
          'Claimants as a proportion of residents aged 16-64',
          '%',
          1,
          'lower-is-better',
          'monthly',
          'mean',
        ],
      ],
    );
    expect((await send(officer, 'measures', definition)).json().created).toBe(1);
    const real = readCsv(`${REAL}/trafford-corporate-plan/poverty/claimant_count.csv`).filter(
      (row) => row.area_code === 'E08000009' && row.indicator!.startsWith('Claimants as a proportion'),
    );
    expect(real.length).toBeGreaterThan(30);
    // The published period text ("April 2021") is read as the month of the financial year.
    const file = csv(
      ['Measure code', 'Period', 'Value', 'Status'],
      real.map((row) => ['TRAF-CLAIM', row.period!, row.value!, 'published']),
    );
    // Published figures land as submitted unless loaded as approved history.
    const refused = await send(officer, 'values', file);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toEqual({
      field: 'line 2, status',
      message:
        'Imported values land as submitted, not published: leave the status blank, or load the file as approved history',
    });
    // The claimant rate fell steadily: figures outside the limits of the years before are warnings.
    const warned = await send(officer, 'values', file, '?approveHistory=true');
    expect(warned.statusCode).toBe(400);
    expect(warned.json().errors[0]).toEqual({
      field: 'line 8, value',
      message:
        'Check this figure: 3.7% is outside the usual range of 3.9% to 5.2% for this measure. Import again with the warnings acknowledged to load it',
    });
    const before = await counts();
    const response = await send(officer, 'values', file, '?approveHistory=true&acknowledgeWarnings=true');
    expect(response.statusCode, response.body.slice(0, 600)).toBe(200);
    expect(response.json()).toMatchObject({ rows: real.length, created: real.length, written: true, measures: 1 });
    const after = await counts();
    expect(after.values - before.values).toBe(real.length);
    expect(after.events - before.events).toBe(real.length);
    // The import's audit row and the importer's approval of the history.
    expect(after.audit - before.audit).toBe(2);
    const [april] = await db().select().from(measureValues).where(eq(measureValues.periodKey, '2021-22-M01'));
    expect(april).toMatchObject({ value: 5.2, status: 'published', enteredBy: officer.personId });
    const events = await db().select().from(measureValueEvents).where(eq(measureValueEvents.valueId, april!.id));
    expect(events).toMatchObject([
      {
        action: 'import',
        toStatus: 'published',
        reason: 'Imported from values.csv and approved as history by the person importing it',
      },
    ]);
    const [measure] = await db().select().from(measures).where(eq(measures.code, 'TRAF-CLAIM'));
    const statuses = await db().select().from(measureStatuses).where(eq(measureStatuses.measureId, measure!.id));
    expect(statuses.length).toBeGreaterThan(0);
    // The packed series the recompute reads (decision 0010) holds every imported value once.
    const [series] = await db().select().from(measureSeries).where(eq(measureSeries.measureId, measure!.id));
    expect(series!.periodKeys.split(',').sort()).toEqual(
      (await db().select().from(measureValues).where(eq(measureValues.measureId, measure!.id)))
        .map((value) => value.periodKey)
        .sort(),
    );
    expect(series!.vals.split(',')).toContain('5.2');
  });

  it('reports every bad row with its line, column and reason, and writes nothing', async () => {
    const definitions = csv(
      [
        'code',
        'title',
        'unit',
        'decimalPlaces',
        'polarity',
        'frequency',
        'aggregation',
        'numeratorLabel',
        'denominatorLabel',
      ],
      [
        ['BAD-PCT', 'A percentage', '%', 1, 'higher-is-better', 'quarterly', 'mean', '', ''],
        ['BAD-CNT', 'A count', 'number', 0, 'higher-is-better', 'quarterly', 'sum', '', ''],
        ['BAD-RAT', 'A ratio', '%', 1, 'higher-is-better', 'quarterly', 'ratio', 'Cases closed', 'Cases opened'],
      ],
    );
    expect((await send(officer, 'measures', definitions)).json().created).toBe(3);
    const file = csv(
      ['measureCode', 'periodKey', 'value', 'numerator', 'denominator'],
      [
        ['BAD-PCT', '2025-26-Q1', 70, '', ''], // line 2: fine
        ['BAD-PCT', '2025-26-Q2', 140, '', ''], // line 3
        ['BAD-CNT', '2025-26-Q1', -3, '', ''], // line 4
        ['BAD-RAT', '2025-26-Q1', '', 5, 0], // line 5
        ['BAD-PCT', '2025-26-Q3', 'seventy', '', ''], // line 6
        ['BAD-PCT', '2025-26-Q5', 70, '', ''], // line 7
        ['BAD-PCT', '2025-26-Q1', 71, '', ''], // line 8: repeats line 2
        ['NOPE', '2025-26-Q1', 1, '', ''], // line 9
        ['BAD-PCT', '2025-26-M04', 70, '', ''], // line 10
      ],
    );
    const before = await counts();
    const response = await send(officer, 'values', file);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.detail).toContain('nothing was imported');
    expect(body.report.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [3, 'value'],
      [4, 'value'],
      [5, 'denominator'],
      [6, 'value'],
      [7, 'periodKey'],
      [8, 'periodKey'],
      [9, 'measureCode'],
      [10, 'periodKey'],
    ]);
    const messages = body.report.errors.map((e: { message: string }) => e.message);
    expect(messages[0]).toContain('between 0% and 100%');
    expect(messages[1]).toContain('cannot be negative');
    expect(messages[2]).toContain('cannot be 0');
    expect(messages[3]).toContain('must be a number');
    expect(messages[4]).toContain('quarters run Q1 to Q4');
    expect(messages[5]).toContain('Repeats line 2');
    expect(messages[6]).toBe('No measure has the code NOPE');
    expect(messages[7]).toContain('this measure is quarterly');
    expect(body.errors[0]).toEqual({ field: 'line 3, value', message: messages[0] });
    expect(await counts()).toEqual(before);
  });

  it('refuses to change a locked (approved) value and lets only importers import', async () => {
    const file = csv(['measureCode', 'periodKey', 'value', 'status'], [['BAD-PCT', '2024-25-Q4', 60, 'approved']]);
    expect((await send(officer, 'values', file, '?approveHistory=true')).statusCode).toBe(200);
    const change = await send(
      officer,
      'values',
      csv(['measureCode', 'periodKey', 'value'], [['BAD-PCT', '2024-25-Q4', 61]]),
    );
    expect(change.statusCode).toBe(400);
    expect(change.json().report.errors[0].message).toContain('is locked after approval');
    const enterer = Object.assign(await t.as('data-entry'), { t });
    expect((await send(enterer, 'values', file)).statusCode).toBe(403);
  });

  it('imports breakdown categories, then targets and values for them, and names unknown categories', async () => {
    const categories = csv(
      ['measureCode', 'breakdown', 'breakdownCode', 'label', 'position'],
      [
        ['BAD-PCT', 'ward', 'E05000001', 'Abbey', 1],
        ['BAD-PCT', 'ward', 'E05000002', "Bishop's Waltham", 2],
        ['BAD-PCT', 'age group', '16-24', 'Aged 16 to 24', ''],
      ],
    );
    const preview = await send(officer, 'breakdowns', categories, '?dryRun=true');
    expect(preview.json()).toMatchObject({ rows: 3, created: 3, written: false, errorCount: 0 });
    expect((await send(officer, 'breakdowns', categories)).json()).toMatchObject({ created: 3, written: true });
    // Again: nothing changes; a new name for a category is a change.
    expect((await send(officer, 'breakdowns', categories)).json()).toMatchObject({ unchanged: 3, written: false });
    const renamed = csv(
      ['measureCode', 'breakdown', 'breakdownCode', 'label', 'position'],
      [['bad-pct', 'Ward', 'e05000002', 'Bishops Waltham', 2]],
    );
    expect((await send(officer, 'breakdowns', renamed)).json()).toMatchObject({ updated: 1, created: 0 });
    const badCategories = await send(
      officer,
      'breakdowns',
      csv(
        ['measureCode', 'breakdown', 'breakdownCode', 'label'],
        [
          ['BAD-PCT', 'ward', 'E05000003', ''], // line 2: no name
          ['BAD-PCT', '', 'E05000004', 'Cheriton'], // line 3: no breakdown
          ['BAD-PCT', 'ward', 'E05000005', 'Droxford'], // line 4: fine
          ['BAD-PCT', 'WARD', 'e05000005', 'Droxford again'], // line 5: repeats line 4
        ],
      ),
    );
    expect(badCategories.statusCode).toBe(400);
    expect(badCategories.json().report.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual(
      [
        [2, 'label'],
        [3, 'breakdown'],
        [5, 'breakdownCode'],
      ],
    );

    // Targets for the measure and for a category, side by side.
    const targets = csv(
      ['measureCode', 'breakdown', 'breakdownCode', 'kind', 'financialYear', 'value'],
      [
        ['BAD-PCT', '', '', 'annual', '2024-25', 70],
        ['BAD-PCT', 'ward', 'E05000001', 'annual', '2024-25', 65],
      ],
    );
    expect((await send(officer, 'targets', targets)).json()).toMatchObject({ created: 2, written: true });
    const [abbey] = await db().select().from(measureBreakdowns).where(eq(measureBreakdowns.code, 'E05000001'));
    const wardTargets = await db().select().from(measureTargets).where(eq(measureTargets.breakdownId, abbey!.id));
    expect(wardTargets).toMatchObject([{ value: 65, financialYear: '2024-25', kind: 'annual' }]);

    // Values for the measure and for categories of one period do not repeat one another.
    const values = csv(
      ['measureCode', 'breakdown', 'breakdownCode', 'periodKey', 'value'],
      [
        ['BAD-PCT', '', '', '2024-25-Q1', 68], // line 2
        ['BAD-PCT', 'ward', 'E05000001', '2024-25-Q1', 61.5], // line 3
        ['BAD-PCT', 'Ward', 'e05000002', '2024-25-Q1', 72], // line 4
        ['BAD-PCT', 'age group', '16-24', '2024-25-Q1', 55], // line 5
      ],
    );
    const before = await counts();
    expect((await send(officer, 'values', values)).json()).toMatchObject({ created: 4, written: true, measures: 1 });
    const after = await counts();
    expect(after.values - before.values).toBe(4);
    expect(after.events - before.events).toBe(4);
    const [abbeyValue] = await db().select().from(measureValues).where(eq(measureValues.breakdownId, abbey!.id));
    expect(abbeyValue).toMatchObject({ periodKey: '2024-25-Q1', value: 61.5, enteredBy: officer.personId });
    const [abbeyEvent] = await db()
      .select()
      .from(measureValueEvents)
      .where(eq(measureValueEvents.valueId, abbeyValue!.id));
    expect(abbeyEvent).toMatchObject({ action: 'import', breakdownId: abbey!.id, newValue: { value: 61.5 } });

    const wrong = await send(
      officer,
      'values',
      csv(
        ['measureCode', 'breakdown', 'breakdownCode', 'periodKey', 'value'],
        [
          ['BAD-PCT', 'ward', 'E09999999', '2024-25-Q2', 60], // line 2: no such category
          ['BAD-PCT', 'locality', 'North', '2024-25-Q2', 60], // line 3: no such breakdown
          ['BAD-PCT', 'ward', '', '2024-25-Q2', 60], // line 4: code missing
          ['BAD-PCT', 'ward', 'E05000001', '2024-25-Q2', 60], // line 5: fine
          ['BAD-PCT', 'ward', 'e05000001', '2024-25-Q2', 61], // line 6: repeats line 5
          ['BAD-CNT', 'ward', 'E05000001', '2024-25-Q2', 1], // line 7: another measure's category
        ],
      ),
    );
    expect(wrong.statusCode).toBe(400);
    const errors = wrong.json().report.errors as { line: number; column: string; message: string }[];
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'breakdownCode'],
      [3, 'breakdown'],
      [4, 'breakdownCode'],
      [6, 'periodKey'],
      [7, 'breakdown'],
    ]);
    expect(errors[0]!.message).toBe(
      'BAD-PCT has no ward category with the code E09999999: add it on the measure page, or import it in a breakdowns file first',
    );
    expect(errors[1]!.message).toContain('BAD-PCT has no breakdown by locality');
    expect(errors[3]!.message).toBe('Repeats line 5: BAD-PCT ward E05000001 2024/25 Q2 is in the file twice');
    expect(errors[4]!.message).toContain('BAD-CNT has no breakdown by ward');
    expect(await counts()).toEqual(after);
  });

  it('keeps who changed an imported value, and the old and new figures, in the value history', async () => {
    const first = csv(['measureCode', 'periodKey', 'value', 'commentary'], [['BAD-PCT', '2023-24-Q1', 50, 'First']]);
    expect((await send(officer, 'values', first)).json()).toMatchObject({ created: 1, written: true });
    const second = csv(
      ['measureCode', 'periodKey', 'value', 'commentary'],
      [['BAD-PCT', '2023-24-Q1', 55.5, 'Revised']],
    );
    expect((await send(officer, 'values', second, '?fileName=revised.csv')).json()).toMatchObject({
      created: 0,
      updated: 1,
      written: true,
    });
    const [value] = await db().select().from(measureValues).where(eq(measureValues.periodKey, '2023-24-Q1'));
    expect(value).toMatchObject({ value: 55.5, commentary: 'Revised', rowVersion: 2, updatedBy: officer.personId });
    const [series] = await db().select().from(measureSeries).where(eq(measureSeries.measureId, value!.measureId));
    const keys = series!.periodKeys.split(',');
    expect(series!.vals.split(',')[keys.indexOf('2023-24-Q1')]).toBe('55.5');
    const events = await db()
      .select()
      .from(measureValueEvents)
      .where(eq(measureValueEvents.valueId, value!.id))
      .orderBy(measureValueEvents.id);
    expect(events).toMatchObject([
      { action: 'import', oldValue: null, newValue: { value: 50, commentary: 'First' } },
      {
        action: 'import',
        actorPersonId: officer.personId,
        fromStatus: 'submitted',
        toStatus: 'submitted',
        oldValue: { value: 50, commentary: 'First' },
        newValue: { value: 55.5, commentary: 'Revised' },
        reason: 'Imported from revised.csv',
      },
    ]);
    // The value page shows the change, who made it and from which file.
    const [measure] = await db().select().from(measures).where(eq(measures.code, 'BAD-PCT'));
    const page = await officer.get(`/measures/${measure!.id}/values/2023-24-Q1`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('50.0% → 55.5%');
    expect(page.body).toContain('Imported from revised.csv');
  });

  it('exports CSV and XLSX that import back into another council unchanged (round trip)', async () => {
    expect(
      (
        await send(
          officer,
          'targets',
          csv(
            ['measureCode', 'kind', 'financialYear', 'value'],
            [
              ['TRAF-CLAIM', 'annual', '2025/26', 4.5],
              ['BAD-PCT', 'annual', '2025-26', 75],
            ],
          ),
        )
      ).json(),
    ).toMatchObject({ created: 2, written: true });
    // Text that COPY and CSV must both carry unchanged: tabs, line breaks, backslashes, quotes, £.
    const awkward = 'Line one\nLine two\twith a tab, a \\ backslash, "quotes" and £5';
    expect(
      (
        await send(
          officer,
          'values',
          csv(
            ['measureCode', 'breakdown', 'breakdownCode', 'periodKey', 'value', 'commentary', 'evidenceUrl'],
            [
              ['BAD-PCT', '', '', '2025-26-Q1', 71.5, awkward, 'https://example.org/q1?a=1&b=2'],
              ['BAD-PCT', 'ward', 'E05000002', '2025-26-Q1', 73, 'Ward figure', ''],
            ],
          ),
        )
      ).json(),
    ).toMatchObject({ created: 2, written: true });
    const [stored] = await db().select().from(measureValues).where(eq(measureValues.commentary, awkward));
    expect(stored).toMatchObject({ value: 71.5, evidenceUrl: 'https://example.org/q1?a=1&b=2' });
    const other = await t.createOrganisation('Round Trip Borough Council');
    const otherOfficer = Object.assign(await t.as('performance-officer', { organisation: other }), { t });
    for (const format of ['csv', 'xlsx'] as const) {
      const organisation = format === 'csv' ? other : await t.createOrganisation('Workbook Borough Council');
      const importer =
        format === 'csv' ? otherOfficer : Object.assign(await t.as('performance-officer', { organisation }), { t });
      for (const what of ['measures', 'breakdowns', 'targets', 'values'] as const) {
        const exported = await officer.get(`/api/v1/exports/${what}.${format}`);
        expect(exported.statusCode).toBe(200);
        expect(exported.headers['content-disposition']).toContain(`${what}-2025-11-20.${format}`);
        const body = exported.rawPayload;
        // The export carries signed-off statuses: loading them back is loading approved history.
        const query = what === 'values' ? '?approveHistory=true&acknowledgeWarnings=true' : '';
        const imported = await send(importer, what, body, query, format === 'csv' ? 'text/csv' : XLSX_MIME);
        expect(imported.statusCode, imported.body).toBe(200);
        expect(imported.json().errorCount).toBe(0);
        const back = await importer.get(`/api/v1/exports/${what}.${format}`);
        if (format === 'csv') expect(back.body).toBe(exported.body);
        else {
          const rowsOf = async (bytes: Buffer) => {
            const workbook = new ExcelJS.Workbook();
            await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
            const rows: unknown[] = [];
            workbook.worksheets[0]!.eachRow((row) => rows.push(row.values));
            return rows;
          };
          expect(await rowsOf(back.rawPayload)).toEqual(await rowsOf(body));
        }
      }
    }
    const breakdowns = await officer.get('/api/v1/exports/breakdowns.csv');
    expect(breakdowns.body.split('\r\n').slice(0, 2)).toEqual([
      'measureCode,breakdown,breakdownCode,label,position',
      'BAD-PCT,age group,16-24,Aged 16 to 24,0',
    ]);
    const targets = await officer.get('/api/v1/exports/targets.csv');
    expect(targets.body).toContain('BAD-PCT,ward,E05000001,annual,2024-25,,,,65,,,2024-04-01,');
    const values = await officer.get('/api/v1/exports/values.csv');
    expect(values.body.split('\r\n')[0]).toBe(
      'measureCode,breakdown,breakdownCode,periodKey,value,numerator,denominator,commentary,quality,evidenceUrl,status',
    );
    expect(values.body).toContain('TRAF-CLAIM,,,2021-22-M01,5.2,,,,final,,published');
    expect(values.body).toContain('BAD-PCT,ward,E05000001,2024-25-Q1,61.5,,,,final,,submitted');
  });
});
