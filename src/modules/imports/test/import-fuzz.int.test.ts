/**
 * The measure and value importers under random and hostile files (fast-check): formulas, numbers
 * out of range, NaN, unicode, NUL bytes, huge cells, wrong encodings, and workbooks that are zip
 * bombs, damaged or full of formulas. Every file ends in a report whose problems each name a line,
 * a column and a reason, or in a refusal that names the problem: never an exception, and nothing
 * half-written (a file not written leaves every table as it was; one written adds what it says).
 * PGlite only: what is tested is the reading and checking before any SQL, and the all-or-nothing
 * transaction, the same on both engines (the COPY writing is tested on both in import-writes).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '../domain/columns.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { XLSX_MIME } from '../import-files.ts';
import { zip } from './hostile-zip.ts';
import { csv, rowCounts, send } from './import-test-files.ts';

/** Internals an answer must not show: a stack frame, a source line, SQL. */
const LEAKS = /\bat [\w.<>]+ \(|\.ts:\d+|Failed query|\bselect\s.*\bfrom\s+"|\binsert into\b|node_modules|\[object /i;

const formulas = fc.constantFrom(
  '=HYPERLINK("http://evil.example","click")',
  "=cmd|'/c calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1',
  "'=1+1",
);
const numbers = fc.oneof(
  fc.constantFrom('1e309', '-1e309', 'NaN', 'Infinity', '-0', '0x10', '1,000', '£5', '12%', ' 7 ', '1e-400'),
  fc.constantFrom('9'.repeat(400), '0.' + '0'.repeat(400) + '1'),
  fc.double().map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
);
const awkward = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\u202e\u0301\ud83d\ude00',
  '\ud800',
  '\uFEFF',
  'e\u0301',
  '"',
  '""',
  '\r\n',
  ',',
  '_x0000_',
  '&#0;',
  '<script>',
  '',
);
/** Cells past what any column takes (commentary 5,000 characters) and past what a CSV row may hold. */
const huge = fc.constantFrom('x'.repeat(6_000), 'y'.repeat(120_000));
const hostile = fc.oneof(
  { weight: 3, arbitrary: formulas },
  { weight: 4, arbitrary: numbers },
  { weight: 3, arbitrary: awkward },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: huge },
);

const HEADERS: Record<'values' | 'measures', string[]> = {
  values: ['measureCode', 'periodKey', 'value', 'commentary', 'quality', 'status', 'evidenceUrl'],
  measures: ['code', 'title', 'unit', 'decimalPlaces', 'polarity', 'frequency', 'aggregation', 'tags', 'minValue'],
};
/** Plausible cells, so that some rows pass and the writing is reached. */
const PLAUSIBLE: Record<'values' | 'measures', fc.Arbitrary<string>[]> = {
  values: [
    fc.constantFrom('FZ-PCT', 'FZ-NUM', 'fz-num', 'NO-SUCH'),
    fc.constantFrom('2024-25-Q1', '2024-25-Q2', '2023-24-Q4', 'Q1 2024/25', '2099-00-Q9'),
    fc.integer({ min: 0, max: 100 }).map(String),
    fc.constantFrom('', 'Fine'),
    fc.constantFrom('', 'final', 'estimated'),
    fc.constantFrom('', 'submitted', 'draft'),
    fc.constantFrom('', 'https://example.org/evidence'),
  ],
  measures: [
    fc.stringMatching(/^FZ-M[0-9]{1,3}$/),
    fc.constantFrom('Households helped', 'Rent collected'),
    fc.constantFrom('%', 'number', '£'),
    fc.constantFrom('0', '1', ''),
    fc.constantFrom('higher-is-better', 'lower-is-better'),
    fc.constantFrom('quarterly', 'monthly', 'annual'),
    fc.constantFrom('mean', 'sum'),
    fc.constantFrom('', 'housing'),
    fc.constantFrom('', '0'),
  ],
};

const rowOf = (kind: 'values' | 'measures') =>
  fc.tuple(...PLAUSIBLE[kind].map((plausible) => fc.oneof({ weight: 3, arbitrary: plausible }, hostile)));

/** A CSV file of the rows: quoted as RFC 4180 says, or (sometimes) not at all, in one of four encodings. */
const csvFile = (kind: 'values' | 'measures') =>
  fc
    .record({
      rows: fc.array(rowOf(kind), { minLength: 0, maxLength: 6 }),
      quoted: fc.boolean(),
      encoding: fc.constantFrom('utf8', 'utf8-bom', 'utf16le', 'latin1'),
    })
    .map(({ rows, quoted, encoding }) => {
      const text = quoted
        ? csv(HEADERS[kind], rows)
        : [HEADERS[kind], ...rows].map((row) => row.join(',')).join('\r\n');
      const bytes =
        encoding === 'utf8'
          ? Buffer.from(text)
          : encoding === 'utf8-bom'
            ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
            : encoding === 'utf16le'
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
              : Buffer.from(text, 'latin1');
      return { format: 'csv' as const, bytes, label: `csv ${encoding}: ${JSON.stringify(text).slice(0, 300)}` };
    });

/** What a hostile cell becomes in a workbook: text, a formula (with and without its saved result), a number, an error. */
const xlsxCell = (text: string) =>
  fc.constantFrom<ExcelJS.CellValue>(
    text,
    { formula: 'HYPERLINK("http://evil.example","x")', result: text },
    { formula: `1/0` } as ExcelJS.CellValue,
    { error: '#DIV/0!' } as ExcelJS.CellValue,
    Number(text),
    { richText: [{ text }] },
  );

const xlsxFile = (kind: 'values' | 'measures') =>
  fc
    .array(
      rowOf(kind).chain((row) =>
        fc.tuple(...row.map((text) => fc.oneof({ weight: 4, arbitrary: fc.constant(text) }, xlsxCell(text)))),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((rows) => ({ rows }));

async function workbookOf(kind: 'values' | 'measures', rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind);
  sheet.addRow(HEADERS[kind]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('importing random and hostile files', () => {
  let t: TestApp;
  let officer: Agent & { t: TestApp };
  let caller: Caller;
  /** A small workbook exceljs wrote, for damaging. */
  let goodWorkbook: Buffer;
  /** An honest zip bomb: 64 MB of one part, deflated to some 64 KB. */
  let bomb: Buffer;

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => new Date('2025-11-20T10:00:00Z') });
    officer = Object.assign(await t.as('performance-officer'), { t });
    caller = (await t.deps.services.auth.sessionFor(officer.cookie.split('=')[1]!))!.principal as Caller;
    const measures = csv(HEADERS.measures, [
      ['FZ-PCT', 'Percentage', '%', '1', 'higher-is-better', 'quarterly', 'mean', '', '0'],
      ['FZ-NUM', 'Number', 'number', '0', 'lower-is-better', 'quarterly', 'sum', '', ''],
    ]);
    const made = await t.deps.services.importExport.importFile(caller, 'measures', Buffer.from(measures), {
      format: 'csv',
      dryRun: false,
    });
    expect(made.ok && made.value.written).toBe(true);
    goodWorkbook = await workbookOf('values', [['FZ-PCT', '2024-25-Q1', 50, '', '', '', '']]);
    bomb = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(64 * 1024 * 1024, 0x20) }]);
  });
  afterAll(async () => t?.close());

  /** Imports the file and checks the outcome: a clear report or refusal, and all or nothing written. */
  async function expectClearAndWhole(kind: ImportKind, format: 'csv' | 'xlsx', bytes: Buffer, label: string) {
    const db = t.deps.database.db;
    const before = await rowCounts(db);
    const result = await t.deps.services.importExport.importFile(caller, kind, bytes, {
      format,
      dryRun: false,
      acknowledgeWarnings: true,
    });
    const after = await rowCounts(db);
    if (!result.ok) {
      expect(result.error.message, label).toMatch(/\w/);
      expect(result.error.message, label).not.toMatch(LEAKS);
      expect(after, label).toEqual(before);
      return;
    }
    const report = result.value;
    for (const issue of [...report.errors, ...report.warnings]) {
      expect(issue.line, label).toBeGreaterThanOrEqual(2);
      expect(issue.message, label).toMatch(/\w/);
      expect(`${issue.column} ${issue.message}`, label).not.toMatch(LEAKS);
    }
    if (!report.written) {
      // Not written: something was wrong with a row, there was no row to write, or every row was
      // already stored as it is (an earlier run of the property wrote the same figures).
      if (report.rows > 0 && report.errorCount === 0) expect(report.unchanged, label).toBe(report.rows);
      expect(after, label).toEqual(before);
      return;
    }
    expect(report.errorCount, label).toBe(0);
    expect(report.created + report.updated + report.unchanged, label).toBe(report.rows);
    if (kind === 'values') expect(after.values - before.values, label).toBe(report.created);
    if (kind === 'measures') expect(after.measures - before.measures, label).toBe(report.created);
    if (report.created + report.updated > 0) expect(after.audit, label).toBeGreaterThan(before.audit);
  }

  for (const kind of ['values', 'measures'] as const) {
    it(`reports or refuses every hostile ${kind} CSV clearly, writing all or nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(csvFile(kind), ({ format, bytes, label }) => expectClearAndWhole(kind, format, bytes, label)),
        { numRuns: 40 },
      );
    });

    it(`reports or refuses every hostile ${kind} workbook clearly, writing all or nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(xlsxFile(kind), async ({ rows }) => {
          const bytes = await workbookOf(kind, rows);
          await expectClearAndWhole(kind, 'xlsx', bytes, `xlsx: ${JSON.stringify(rows).slice(0, 300)}`);
        }),
        { numRuns: 15 },
      );
    });
  }

  it('writes hostile text that passes the checks whole, in a commentary, or refuses it clearly', async () => {
    const freeText = fc.oneof(
      formulas,
      awkward,
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constant('z'.repeat(4_900)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('2022-23-Q1', '2022-23-Q2', '2022-23-Q3'), freeText), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom('csv', 'xlsx'),
        async (rows, format) => {
          const cells = rows.map(([period, text]) => ['FZ-NUM', period, '5', text, 'final', 'submitted', '']);
          const bytes = format === 'csv' ? Buffer.from(csv(HEADERS.values, cells)) : await workbookOf('values', cells);
          await expectClearAndWhole('values', format, bytes, `${format}: ${JSON.stringify(rows).slice(0, 300)}`);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('refuses damaged workbooks and random bytes clearly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // A real workbook cut short, or with bytes overwritten.
          fc
            .integer({ min: 1, max: 4000 })
            .map((end) => goodWorkbook.subarray(0, Math.min(end, goodWorkbook.length - 1))),
          fc
            .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
            .map((changes) => {
              const copy = Buffer.from(goodWorkbook);
              for (const [at, byte] of changes) copy[at % copy.length] = byte;
              return copy;
            }),
          fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
          fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.concat([Buffer.from('PK\u0003\u0004'), bytes])),
        ),
        (bytes) => expectClearAndWhole('values', 'xlsx', bytes, `damaged: ${bytes.length} bytes`),
      ),
      { numRuns: 40 },
    );
  });

  it('refuses zip bombs before unpacking them, through the API as on the page', async () => {
    expect(bomb.length).toBeLessThan(200_000);
    const liar = zip([
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 1_000 },
    ]);
    // A part declaring a size no workbook has, whatever it unpacks to.
    const boaster = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.from('<x/>'), declaredSize: 2 ** 31 }]);
    for (const bytes of [bomb, liar, boaster]) {
      const answer = await send(officer, 'values', bytes, '', XLSX_MIME);
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.json().detail).toMatch(/^The workbook (unpacks to|is not a valid Excel workbook)/);
      expect(answer.body).not.toMatch(LEAKS);
    }
  });
});
