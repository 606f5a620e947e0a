import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '../import-files.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { REFERENCE_DATA_DIR as REAL } from '../../../../test/helpers/reference-data.ts';
import { csv, send } from './import-test-files.ts';

// What a file that cannot be read as an import is told, before any of its rows is looked at.
describe.each(DATABASES)('import and export on %s', (kind) => {
  let t: TestApp;
  let officer: Agent & { t: TestApp };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => new Date('2025-11-20T10:00:00Z') });
    officer = Object.assign(await t.as('performance-officer'), { t });
  });
  afterAll(async () => t?.close());

  it('names the missing and unknown headers of a real file in the wrong layout', async () => {
    const raw = readFileSync(`${REAL}/trafford_council_open_data/prompt_payment.csv`);
    const response = await send(officer, 'values', raw);
    expect(response.statusCode).toBe(400);
    const detail = response.json().detail as string;
    expect(detail).toContain('missing the required columns "measureCode", "periodKey"');
    expect(detail).toContain('"OrganisationLabel"');
    expect(detail).toContain('"ProportionPaidOnTime"');
    expect(response.json().errors[0].field).toBe('file');
  });

  it('explains malformed, empty, oversized and mislabelled files', async () => {
    const unclosed = await send(officer, 'values', 'measureCode,periodKey,value\nBAD-PCT,"2025-26-Q1,70\n');
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().detail).toMatch(/^The file is not valid CSV: .*quote/i);
    const notExcel = await send(officer, 'values', Buffer.from('this is not a workbook'), '', XLSX_MIME);
    expect(notExcel.json().detail).toContain('not a valid Excel workbook');
    expect((await send(officer, 'values', '')).statusCode).toBe(400);
    const json = await officer.api('POST', '/api/v1/imports/values', { rows: [] });
    expect(json.statusCode).toBe(415);
    // Row and size limits (smaller here than the real ones, which are 200,000 rows and 20 MB).
    const many = csv(
      ['measureCode', 'periodKey', 'value'],
      Array.from({ length: 11 }, (_, i) => ['BAD-PCT', `20${10 + i}-${11 + i}`, 1]),
    );
    const caller = (await t.deps.services.auth.sessionFor(officer.cookie.split('=')[1]!))!.principal as never;
    const tooMany = await t.deps.services.importExport.importFile(caller, 'values', Buffer.from(many), {
      format: 'csv',
      dryRun: true,
      limits: { maxRows: 10, maxBytes: 1_000_000 },
    });
    expect(tooMany.ok ? null : tooMany.error.message).toBe(
      'The file has more than 10 rows, the most one import takes: split it into smaller files',
    );
    const tooBig = await t.deps.services.importExport.importFile(caller, 'values', Buffer.from(many), {
      format: 'csv',
      dryRun: true,
      limits: { maxRows: 10, maxBytes: 100 },
    });
    expect(tooBig.ok ? null : tooBig.error.message).toMatch(
      /^The file is .* MB, more than the .* MB this import takes: split it/,
    );
  });
});
