import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measureTargets, measureValues } from '../../../schema.ts';
import { parsePeriodKey, periodFromOrdinal, periodKey, periodOrdinal } from '../../../kernel/measurement/periods.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// 20 November 2025: a quarterly measure reports on 2025/26 Q2, the latest period its chart draws.
const NOW = new Date('2025-11-20T10:00:00Z');
const LATEST = '2025-26-Q2';
/** Twelve official quarters ending with LATEST: firm limits, none of them screened out. */
const OFFICIAL = [70, 72, 71, 73, 70, 72, 71, 73, 72, 71, 70, 72];

function quartersEndingAt(key: string, count: number): string[] {
  const parsed = parsePeriodKey(key);
  if (!parsed.ok) throw new Error(key);
  const last = periodOrdinal(parsed.value);
  return Array.from({ length: count }, (_, i) => periodKey(periodFromOrdinal(last - count + 1 + i, 'quarterly')));
}

describe.each(DATABASES)('a target checked against the process limits on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => NOW });
    officer = await t.as('performance-officer');
  });
  afterAll(async () => t?.close());
  const db = () => t.deps.database.db;

  /** A measure with the official history above (and, if asked, a draft far outside it, which must not count). */
  async function measureWithHistory(code: string, options: { draft?: number; values?: number[] } = {}) {
    const { id } = (await officer.api('POST', '/api/v1/measures', measureBody({ code }))).json();
    const values = options.values ?? OFFICIAL;
    const keys = quartersEndingAt(LATEST, values.length + (options.draft === undefined ? 0 : 1));
    await db()
      .insert(measureValues)
      .values([
        ...values.map((value, i) => ({
          organisationId: officer.organisationId,
          measureId: id as string,
          periodKey: keys[i]!,
          value,
          status: 'approved' as const,
        })),
        ...(options.draft === undefined
          ? []
          : [
              {
                organisationId: officer.organisationId,
                measureId: id as string,
                periodKey: keys.at(-1)!,
                value: options.draft,
                status: 'draft' as const,
              },
            ]),
      ]);
    return id as string;
  }

  /** The limits of the latest point as the measure page's SPC table shows them. */
  async function chartLimits(id: string) {
    const performance = (await officer.api('GET', `/api/v1/measures/${id}/performance`)).json();
    const last = performance.spc.table.at(-1);
    return { lower: last.lowerLimit as string, upper: last.upperLimit as string };
  }
  const shown = (n: number) => `${n.toFixed(1)}%`;

  it('API: a target above the upper limit is saved with a warning naming the limits the chart shows', async () => {
    const id = await measureWithHistory('TPC-1', { draft: 400 });
    const set = await officer.api('POST', `/api/v1/measures/${id}/targets`, {
      kind: 'annual',
      financialYear: '2025-26',
      value: 95,
    });
    expect(set.statusCode).toBe(201);
    const body = set.json();
    expect(body).toMatchObject({ value: 95, financialYear: '2025-26' });
    expect(body.warnings).toHaveLength(1);
    const [warning] = body.warnings;
    expect(warning).toMatchObject({ code: 'target-cannot-be-met', trialLimits: false });
    // The same limits as the chart's, worked out from the official figures only (the draft 400 left out).
    const chart = await chartLimits(id);
    expect(shown(warning.upperLimit)).toBe(chart.upper);
    expect(shown(warning.lowerLimit)).toBe(chart.lower);
    expect(warning.upperLimit).toBeLessThan(80);
    expect(warning.message).toBe(
      `A target of 95.0% is above the upper process limit of ${chart.upper}: it cannot be met without changing the process`,
    );
    const [saved] = await db().select().from(measureTargets).where(eq(measureTargets.id, body.id));
    expect(saved?.value).toBe(95);
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.entityId, body.id));
    expect(audit?.newValue).toMatchObject({ value: 95, warnings: ['target-cannot-be-met'] });
  });

  it('API: a target within the limits has no warning; a revision below the lower limit is always met', async () => {
    const id = await measureWithHistory('TPC-2');
    const set = await officer.api('POST', `/api/v1/measures/${id}/targets`, {
      kind: 'annual',
      financialYear: '2025-26',
      value: 72,
    });
    expect(set.statusCode).toBe(201);
    expect(set.json().warnings).toEqual([]);
    const revised = await officer.api('POST', `/api/v1/measures/${id}/targets/${set.json().id}/revisions`, {
      value: 50,
      reason: 'Budget cut',
    });
    expect(revised.statusCode).toBe(201);
    expect(revised.json().warnings).toEqual([expect.objectContaining({ code: 'target-always-met' })]);
    expect(revised.json().warnings[0].message).toContain('below the lower process limit');
  });

  it('API: no warning without enough official figures for limits, nor for a breakdown category', async () => {
    const id = await measureWithHistory('TPC-3', { values: [70] });
    const set = await officer.api('POST', `/api/v1/measures/${id}/targets`, {
      kind: 'annual',
      financialYear: '2025-26',
      value: 95,
    });
    expect(set.statusCode).toBe(201);
    expect(set.json().warnings).toEqual([]);

    const withHistory = await measureWithHistory('TPC-4');
    const category = await officer.api('POST', `/api/v1/measures/${withHistory}/breakdowns`, {
      dimension: 'ward',
      code: 'ABB',
      label: 'Abbey',
    });
    expect(category.statusCode).toBe(201);
    const forCategory = await officer.api('POST', `/api/v1/measures/${withHistory}/targets`, {
      kind: 'annual',
      financialYear: '2025-26',
      value: 95,
      breakdownId: category.json().id,
    });
    expect(forCategory.statusCode).toBe(201);
    expect(forCategory.json().warnings).toEqual([]);
  });

  it('page: after saving, an important notification names the limit', async () => {
    const id = await measureWithHistory('TPC-5');
    const posted = await officer.post(`/measures/${id}/targets`, {
      kind: 'annual',
      financialYear: '2025-26',
      value: '95',
    });
    expect(posted.statusCode).toBe(302);
    expect(posted.headers.location).toBe(`/measures/${id}`);
    const flash = [posted.headers['set-cookie']]
      .flat()
      .find((cookie) => cookie?.startsWith('gt_flash='))
      ?.split(';')[0];
    expect(flash).toBeDefined();
    const page = await t.app.inject({ url: `/measures/${id}`, headers: { cookie: `${officer.cookie}; ${flash}` } });
    const chart = await chartLimits(id);
    expect(page.body).toContain('govuk-notification-banner');
    expect(page.body).not.toContain('govuk-notification-banner--success');
    expect(page.body).toContain(
      `Target set. A target of 95.0% is above the upper process limit of ${chart.upper}: it cannot be met without changing the process`,
    );
    const [saved] = await db().select().from(measureTargets).where(eq(measureTargets.measureId, id));
    expect(saved?.value).toBe(95);
  });

  it('import: a target beyond the limits is imported, with a warning naming its line', async () => {
    const id = await measureWithHistory('TPC-6');
    const chart = await chartLimits(id);
    await measureWithHistory('TPC-7');
    const csv = ['measureCode,kind,financialYear,value', 'TPC-7,annual,2025-26,72', 'TPC-6,annual,2025-26,95'].join(
      '\n',
    );
    const send = (query: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/imports/targets${query}`,
        headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
        payload: csv,
      });
    const expected = {
      line: 3,
      column: 'value',
      message: `Target accepted: A target of 95.0% is above the upper process limit of ${chart.upper}: it cannot be met without changing the process`,
    };
    const dryRun = await send('?dryRun=true');
    expect(dryRun.statusCode).toBe(200);
    expect(dryRun.json()).toMatchObject({ written: false, errorCount: 0, warnings: [expected] });
    const imported = await send('');
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ written: true, created: 2, warnings: [expected] });
    const [saved] = await db().select().from(measureTargets).where(eq(measureTargets.measureId, id));
    expect(saved?.value).toBe(95);
  });

  it('import page: the rows accepted with a warning are listed after writing', async () => {
    const id = await measureWithHistory('TPC-8');
    const chart = await chartLimits(id);
    const page = await officer.post('/imports', {
      kind: 'targets',
      action: 'import',
      csv: 'measureCode,kind,financialYear,value\nTPC-8,annual,2025-26,95',
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Imported targets, with warnings');
    expect(page.body).toContain('id="import-warnings"');
    expect(page.body).toContain(`above the upper process limit of ${chart.upper}`);
  });
});
