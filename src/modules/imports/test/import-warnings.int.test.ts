import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDataCommand } from '../../../cli/data-commands.ts';
import { auditEvents, measures, measureValues } from '../../../schema.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// "Today" is 20 November 2025. Each measure has six quarters of history around 36, so a figure of
// 999,999 is implausible: a warning by line that the importer must acknowledge on the page, the
// API and the command line alike.
const today = new Date('2025-11-20T10:00:00Z');
const HISTORY = ['2023-24-Q4,34', '2024-25-Q1,38', '2024-25-Q2,35', '2024-25-Q3,37', '2024-25-Q4,36'];
const WARNING =
  'Check this figure: 999,999 is 27,000 times the usual figure of 36 — check the units. Import again with the warnings acknowledged to load it';

/** A multipart form as a browser sends the import page (CSV pasted into the box). */
function multipart(fields: Record<string, string>) {
  const boundary = '----golden-thread-warnings';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(DATABASES)('import plausibility warnings on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;

  const csvFor = (code: string, figure: number) =>
    ['measureCode,periodKey,value', ...HISTORY.map((row) => `${code},${row}`), `${code},2025-26-Q1,36`].join('\n') +
    `\n${code},2025-26-Q2,${figure}`;
  const counts = async () => {
    const db = t.deps.database.db;
    const n = async (table: typeof measureValues | typeof auditEvents) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
    return { values: await n(measureValues), audit: await n(auditEvents) };
  };
  const storedQ2 = async (code: string) => {
    const rows = await t.deps.database.db
      .select({ value: measureValues.value, periodKey: measureValues.periodKey })
      .from(measureValues)
      .innerJoin(measures, eq(measures.id, measureValues.measureId))
      .where(eq(measures.code, code));
    return rows.find((row) => row.periodKey === '2025-26-Q2')?.value;
  };
  /** Loads the history, then returns the file with one implausible figure on line 8. */
  async function measureWithHistory(code: string): Promise<string> {
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code, unit: 'number', decimalPlaces: 0, polarity: 'none' }),
    );
    expect(created.statusCode).toBe(201);
    const history = ['measureCode,periodKey,value', ...HISTORY.map((row) => `${code},${row}`)].join('\n');
    const loaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/values',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
      payload: history,
    });
    expect(loaded.json()).toMatchObject({ written: true });
    return csvFor(code, 999_999);
  }
  const postPage = (fields: Record<string, string>) => {
    const form = multipart({ _csrf: officer.csrf, kind: 'values', ...fields });
    return t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { cookie: officer.cookie, 'content-type': form.contentType },
      payload: form.payload,
    });
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    officer = await t.as('performance-officer');
  });
  afterAll(async () => t?.close());

  it('shows the warning on the page with its line, column and reason, and writes only when confirmed', async () => {
    const csv = await measureWithHistory('WARN-P');
    const before = await counts();
    const warned = await postPage({ csv, action: 'import' });
    expect(warned.statusCode).toBe(400);
    expect(warned.body).toContain('govuk-error-summary');
    expect(warned.body).toContain('1 problem found: nothing was imported');
    // The table row: line 8 (the header is line 1), the value column, the reason.
    expect(warned.body).toMatch(/<td class="govuk-table__cell">8<\/td>\s*<td class="govuk-table__cell">value<\/td>/);
    expect(warned.body).toContain('999,999 is 27,000 times the usual figure of 36');
    // The pasted file is kept, and the way to confirm is on the page.
    expect(warned.body).toContain('WARN-P,2025-26-Q2,999999');
    expect(warned.body).toContain('name="acknowledgeWarnings"');
    expect(warned.body).toContain('href="#acknowledgeWarnings"');
    expect(await counts()).toEqual(before);
    expect(await storedQ2('WARN-P')).toBeUndefined();

    const confirmed = await postPage({ csv, action: 'import', acknowledgeWarnings: 'true' });
    expect(confirmed.statusCode).toBe(302);
    expect(await storedQ2('WARN-P')).toBe(999_999);
  });

  it('answers the API with the warning by line, and writes when acknowledged', async () => {
    const csv = await measureWithHistory('WARN-A');
    const send = (query: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/imports/values${query}`,
        headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
        payload: csv,
      });
    const warned = await send('');
    expect(warned.statusCode).toBe(400);
    expect(warned.json().errors).toEqual([{ field: 'line 8, value', message: WARNING }]);
    expect(await storedQ2('WARN-A')).toBeUndefined();
    expect((await send('?acknowledgeWarnings=true')).json()).toMatchObject({ written: true });
    expect(await storedQ2('WARN-A')).toBe(999_999);
  });

  it('refuses on the command line with the line, and writes with --acknowledge-warnings', async () => {
    const csv = await measureWithHistory('WARN-C');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gt-warnings-')), 'values.csv');
    writeFileSync(file, csv);
    const refused = await runDataCommand('import', ['values', file, '--as', officer.email], t.deps);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('line 8');
    expect(refused.output).toContain(WARNING);
    expect(await storedQ2('WARN-C')).toBeUndefined();
    const done = await runDataCommand(
      'import',
      ['values', file, '--as', officer.email, '--acknowledge-warnings'],
      t.deps,
    );
    expect(done.code).toBe(0);
    expect(await storedQ2('WARN-C')).toBe(999_999);
  });
});
