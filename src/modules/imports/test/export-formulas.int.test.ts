import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { xlsxRows } from '../../../../test/helpers/xlsx.ts';
import { XLSX_MIME } from '../import-files.ts';

// The measures, values, targets and breakdowns exports (CSV and Excel) keep typed formulas as
// text, and an exported file imports again unchanged. The files are the same on both engines:
// PGlite only.
describe('exports neutralise spreadsheet formulas', () => {
  let t: TestApp;
  let officer: Agent;
  const title = '=HYPERLINK("http://evil.example","Click")';

  const send = async (what: string, body: string | Buffer, type = 'text/csv') => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${what}${what === 'values' ? '?approveHistory=true' : ''}`,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': type },
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ created: number; updated: number; unchanged: number }>();
  };

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => new Date('2025-11-20T10:00:00Z') });
    officer = await t.as('performance-officer');
    await send(
      'measures',
      [
        'code,title,unit,polarity,frequency,aggregation,tags',
        `M-F,"${title.replace(/"/g, '""')}",number,lower-is-better,quarterly,sum,@tag`,
      ].join('\n'),
    );
    await send(
      'values',
      ['measureCode,periodKey,value,commentary,status', 'M-F,2025-26-Q1,5,+1 on last year,approved'].join('\n'),
    );
  });
  afterAll(async () => t?.close());

  it('writes the CSV with an apostrophe before typed formulas, and imports it back unchanged', async () => {
    const measures = await officer.get('/api/v1/exports/measures.csv');
    expect(measures.body).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(measures.body).toContain(`'@tag`);
    const values = await officer.get('/api/v1/exports/values.csv');
    expect(values.body).toContain(`M-F,,,2025-26-Q1,5,,,'+1 on last year,`);
    // Imported again, the file changes nothing: the apostrophes come off as it is read.
    expect(await send('measures', measures.rawPayload)).toMatchObject({ created: 0, updated: 0 });
    expect(await send('values', values.rawPayload)).toMatchObject({ created: 0, updated: 0 });
  });

  it('writes the Excel workbook the same way', async () => {
    const file = await officer.get('/api/v1/exports/measures.xlsx');
    expect(file.headers['content-type']).toContain(XLSX_MIME);
    const [header, row] = await xlsxRows(file.rawPayload);
    // A text cell, not a formula cell, with the apostrophe for when it is saved as CSV.
    expect(row![header!.indexOf('title')]).toBe(`'${title}`);
    expect(await send('measures', file.rawPayload, XLSX_MIME)).toMatchObject({ created: 0, updated: 0 });
  });
});
