import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '../import-files.ts';
import { zip } from './hostile-zip.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = '----golden-thread-test';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const chunks: Buffer[] = parts.map((part) => Buffer.from(part));
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('file upload on the import page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('refuses an upload without the CSRF token, and checks one with it', async () => {
    const officer = await t.as('performance-officer');
    const csv = Buffer.from('measureCode,periodKey,value\nNOPE-1,2025-26-Q1,5\n');
    const without = multipart({ kind: 'values', action: 'check' }, { name: 'values.csv', content: csv });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { cookie: officer.cookie, 'content-type': without.contentType },
      payload: without.payload,
    });
    expect(refused.statusCode).toBe(403);
    const withToken = multipart(
      { _csrf: officer.csrf, kind: 'values', action: 'check' },
      { name: 'values.csv', content: csv },
    );
    const checked = await t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { cookie: officer.cookie, 'content-type': withToken.contentType },
      payload: withToken.payload,
    });
    expect(checked.statusCode).toBe(400);
    expect(checked.body).toContain('NOPE-1');
    expect(checked.body).toContain('nothing was imported');
  });

  it('refuses an upload by someone who may not import before reading the file', async () => {
    const viewer = await t.as('viewer');
    const body = multipart({ _csrf: viewer.csrf, kind: 'values' }, { name: 'v.csv', content: Buffer.from('a,b\n') });
    const response = await t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { cookie: viewer.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a workbook with a cell in its last column and row, on the page and the API, naming the limit', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('values');
    sheet.addRow(['measureCode', 'periodKey', 'value']);
    sheet.getCell('XFD1048576').value = 1;
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const message =
      'The worksheet sheet1 uses 16,384 columns, more than the 200 this import takes: delete the columns after the last one with data, or save it as CSV';
    const officer = await t.as('performance-officer');
    const body = multipart(
      { _csrf: officer.csrf, kind: 'values', action: 'check' },
      { name: 'values.xlsx', content: bytes },
    );
    const page = await t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { cookie: officer.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain(message);
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/values?dryRun=true',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': XLSX_MIME },
      payload: bytes,
    });
    expect(api.statusCode).toBe(400);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 400, detail: message });
  });

  it('refuses a zip bomb on the API before unpacking it, naming the 50 MB limit', async () => {
    // 60 MB of spaces packs into a few tens of kilobytes.
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(60 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(200_000);
    const officer = await t.as('performance-officer');
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/values?dryRun=true',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': XLSX_MIME },
      payload: bomb,
    });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({
      status: 400,
      detail:
        'The workbook unpacks to 60 MB, more than the 50 MB this import takes: split it into smaller files or save it as CSV',
    });
  });
});
