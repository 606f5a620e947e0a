import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measures, measureValues } from '../../../schema.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// "Today" is 20 November 2025: 2025/26 Q3 (October to December) is the current, unfinished quarter.
const today = new Date('2025-11-20T10:00:00Z');
const MUST_BE_ESTIMATED =
  '2025/26 Q3 has not ended yet (it ends on 31 December 2025): this measure takes an estimate for the current period, so set the data quality to estimated, or enter the value once the period is over';
const ONLY_CURRENT =
  '2025/26 Q4 has not ended yet (it ends on 31 March 2026): an estimate is taken only for the current period, 2025/26 Q3';
const NOT_ENDED = '2025/26 Q3 has not ended yet (it ends on 31 December 2025): enter its value once the period is over';

describe.each(DATABASES)('in-period estimates on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let estimating: string;
  let plain: string;

  const counts = async () => {
    const db = t.deps.database.db;
    const n = async (table: typeof measureValues | typeof auditEvents) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
    return { values: await n(measureValues), audit: await n(auditEvents) };
  };
  const put = (id: string, period: string, body: Record<string, unknown>) =>
    officer.api('PUT', `/api/v1/measures/${id}/values/${period}`, { action: 'save', commentary: '', ...body });
  const importCsv = (rows: string[]) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/values',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
      payload: ['measureCode,periodKey,value,quality', ...rows].join('\n'),
    });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    officer = await t.as('performance-officer');
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code: 'EST-1', allowsInPeriodEstimate: true, polarity: 'none' }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ allowsInPeriodEstimate: true });
    estimating = created.json().id;
    const other = await officer.api('POST', '/api/v1/measures', measureBody({ code: 'EST-2', polarity: 'none' }));
    expect(other.json()).toMatchObject({ allowsInPeriodEstimate: false });
    plain = other.json().id;
  });
  afterAll(async () => t?.close());

  it('takes an estimate for the current period through the API only when marked estimated, and only there', async () => {
    const before = await counts();
    const final = await put(estimating, '2025-26-Q3', { value: 61.5, quality: 'final' });
    expect(final.statusCode).toBe(400);
    expect(final.json()).toMatchObject({ detail: MUST_BE_ESTIMATED });
    const future = await put(estimating, '2025-26-Q4', { value: 61.5, quality: 'estimated' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ detail: ONLY_CURRENT });
    const notAllowed = await put(plain, '2025-26-Q3', { value: 61.5, quality: 'estimated' });
    expect(notAllowed.statusCode).toBe(400);
    expect(notAllowed.json()).toMatchObject({ detail: NOT_ENDED });
    expect(await counts()).toEqual(before);

    const estimate = await put(estimating, '2025-26-Q3', { value: 61.5, quality: 'estimated' });
    expect(estimate.statusCode).toBeLessThan(300);
    const [stored] = await t.deps.database.db
      .select()
      .from(measureValues)
      .where(eq(measureValues.measureId, estimating));
    expect(stored).toMatchObject({ periodKey: '2025-26-Q3', value: 61.5, quality: 'estimated', status: 'draft' });
    expect((await counts()).audit).toBeGreaterThan(before.audit);
  });

  it('refuses a final figure for the current period on the entry page, naming the rule on the quality', async () => {
    const page = await officer.post(`/measures/${estimating}/values/2025-26-Q3`, {
      value: '62',
      commentary: '',
      quality: 'final',
      action: 'save',
      rowVersion: '1',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain(`href="#quality"`);
    expect(page.body).toContain(
      'this measure takes an estimate for the current period, so set the data quality to estimated',
    );
    const refusedPlain = await officer.post(`/measures/${plain}/values/2025-26-Q3`, {
      value: '62',
      commentary: '',
      quality: 'estimated',
      action: 'save',
    });
    expect(refusedPlain.statusCode).toBe(400);
    expect(refusedPlain.body).toContain('enter its value once the period is over');
  });

  it('imports an estimate for the current period, and refuses other rows by line and column, writing nothing', async () => {
    const before = await counts();
    const refused = await importCsv([
      'EST-1,2025-26-Q3,63,estimated',
      'EST-1,2025-26-Q3,63,final',
      'EST-1,2025-26-Q4,63,estimated',
      'EST-2,2025-26-Q3,63,estimated',
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { field: 'line 3, quality', message: MUST_BE_ESTIMATED },
      { field: 'line 4, periodKey', message: ONLY_CURRENT },
      { field: 'line 5, periodKey', message: NOT_ENDED },
    ]);
    expect(await counts()).toEqual(before);
    const loaded = await importCsv(['EST-2,2025-26-Q2,40,final', 'EST-1,2025-26-Q3,63,estimated']);
    expect(loaded.json()).toMatchObject({ written: true });
    const [stored] = await t.deps.database.db
      .select()
      .from(measureValues)
      .where(eq(measureValues.measureId, estimating));
    expect(stored).toMatchObject({ periodKey: '2025-26-Q3', value: 63, quality: 'estimated' });
  });

  it('is a setting on the measure edit page, shown on the measure page', async () => {
    const form = await officer.get(`/measures/${plain}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="allowsInPeriodEstimate"');
    const shown = await officer.get(`/measures/${plain}`);
    expect(shown.body).toContain('Not taken: values only once the period is over');
    const [row] = await t.deps.database.db.select().from(measures).where(eq(measures.id, plain));
    const saved = await officer.post(`/measures/${plain}/edit`, {
      code: 'EST-2',
      title: row!.title,
      unit: row!.unit,
      decimalPlaces: String(row!.decimalPlaces),
      polarity: row!.polarity,
      frequency: row!.frequency,
      aggregation: row!.aggregation,
      measureType: row!.measureType,
      allowsInPeriodEstimate: 'true',
      rowVersion: String(row!.rowVersion),
    });
    expect(saved.statusCode).toBe(302);
    const [after] = await t.deps.database.db.select().from(measures).where(eq(measures.id, plain));
    expect(after!.allowsInPeriodEstimate).toBe(true);
    expect((await officer.get(`/measures/${plain}`)).body).toContain('Taken, marked as estimated');
  });
});
