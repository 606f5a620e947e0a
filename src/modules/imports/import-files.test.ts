import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, FileProblem, readTable, type TableRow } from './import-files.ts';
import { checkHeaders } from './domain/columns.ts';
import { say, sayStored } from '../../platform/words/index.ts';

const rowsOf = (text: string): TableRow[] => [...csvRecords(text)].flat();

/** The words a person reads for the file problem a read ends with (its message is a stored phrase). */
async function refusalOf(reading: Promise<unknown>): Promise<string> {
  try {
    await reading;
  } catch (error) {
    expect(error).toBeInstanceOf(FileProblem);
    return sayStored((error as Error).message);
  }
  throw new Error('The file was read without a problem');
}

/** A cell as a spreadsheet writes it: quoted when it must be (or sometimes when it need not be). */
function encode(cell: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

describe('reading CSV', () => {
  it('reads what csv-parse reads, for any cells, quoting and line endings', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', '£', '1', '.', '-') }),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(cell, fc.boolean()), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        (records, newline, finalNewline) => {
          const text =
            records.map((cells) => cells.map(([value, quote]) => encode(value, quote)).join(',')).join(newline) +
            (finalNewline ? newline : '');
          const parsed: string[][] = parse(text, {
            relax_column_count: true,
            skip_empty_lines: true,
            record_delimiter: newline,
          });
          const expected = parsed.filter((record) => record.some((value) => value.trim() !== ''));
          expect(rowsOf(text).map((row) => row.cells)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
    // 2,000 generated files take about 4 s on a quiet machine: room for a busy one.
  }, 60_000);

  it('numbers rows by the line they start on, skipping blank lines', () => {
    const rows = rowsOf('code,period\r\nA,"two\r\nlines"\r\n\r\n  ,  \r\nB,2025-26\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ['code', 'period'] },
      { line: 2, cells: ['A', 'two\r\nlines'] },
      { line: 6, cells: ['B', '2025-26'] },
    ]);
  });

  it('names the line of a stray, unclosed or misplaced quote', () => {
    const problem = (text: string) => {
      try {
        rowsOf(text);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(FileProblem);
        return sayStored((error as Error).message);
      }
    };
    expect(problem('a,b\n1,5" screen\n')).toMatch(/^The file is not valid CSV: on line 2 a cell has a quote/);
    expect(problem('a,b\n1,"closed"then\n')).toMatch(
      /^The file is not valid CSV: on line 2 there is text after the closing quote/,
    );
    expect(problem('a,b\n1,"2025-26-Q1,70\n')).toBe(
      'The file is not valid CSV: the quoted cell that starts on line 2 is never closed (a closing " is missing)',
    );
    expect(problem(`a\n${'x'.repeat(100_001)}\n`)).toMatch(/the row on line 2 is longer than 100,000 characters/);
  });

  it('hands rows over in batches after the header, and stops at the row limit', async () => {
    const text = `h\n${Array.from({ length: 45_000 }, (_, i) => `r${i}`).join('\n')}\n`;
    const table = await readTable(Buffer.from(text), 'csv', { maxBytes: 10_000_000, maxRows: 50_000 });
    expect(table.header).toEqual(['h']);
    const sizes: number[] = [];
    for await (const batch of table.batches) sizes.push(batch.length);
    expect(sizes).toEqual([19_999, 20_000, 5_001]);
    const limited = await readTable(Buffer.from(text), 'csv', { maxBytes: 10_000_000, maxRows: 30_000 });
    expect(
      await refusalOf(
        (async () => {
          for await (const batch of limited.batches) expect(batch.length).toBeGreaterThan(0);
        })(),
      ),
    ).toContain('The file has more than 30,000 rows');
  });

  it('reads Windows-1252 files and refuses binary ones', async () => {
    const table = await readTable(Buffer.from([0x61, 0x0a, 0xa3, 0x35, 0x0a]), 'csv', { maxBytes: 100, maxRows: 10 });
    const rows: TableRow[] = [];
    for await (const batch of table.batches) rows.push(...batch);
    expect(rows).toEqual([{ line: 2, cells: ['£5'] }]);
    expect(await refusalOf(readTable(Buffer.from('a\u0000b'), 'csv', { maxBytes: 100, maxRows: 10 }))).toContain(
      'not a CSV text file',
    );
  });
});

describe('reading XLSX', () => {
  const workbook = async (fill: (sheet: ExcelJS.Worksheet) => void) => {
    const book = new ExcelJS.Workbook();
    fill(book.addWorksheet('values'));
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const limits = { maxBytes: 10_000_000, maxRows: 1_000 };

  it('reads the rows, each as long as its own last cell', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['measureCode', 'periodKey', 'value']);
      sheet.addRow(['M-1', '2025-26-Q1']);
      sheet.getCell('E3').value = 7;
    });
    const table = await readTable(bytes, 'xlsx', limits);
    const rows: TableRow[] = [];
    for await (const batch of table.batches) rows.push(...batch);
    expect(table.header).toEqual(['measureCode', 'periodKey', 'value']);
    expect(rows).toEqual([
      { line: 2, cells: ['M-1', '2025-26-Q1'] },
      { line: 3, cells: ['', '', '', '', '7'] },
    ]);
  });

  it('refuses a worksheet wider than 200 columns or longer than the row limit before reading it', async () => {
    const wide = await workbook((sheet) => {
      sheet.addRow(['measureCode']);
      sheet.getCell('GS2').value = 1;
    });
    expect(await refusalOf(readTable(wide, 'xlsx', limits))).toBe(
      'The worksheet sheet1 uses 201 columns, more than the 200 this import takes: delete the columns after the last one with data, or save it as CSV',
    );
    const long = await workbook((sheet) => {
      sheet.addRow(['measureCode']);
      sheet.getCell('A1002').value = 'M-1';
    });
    expect(await refusalOf(readTable(long, 'xlsx', limits))).toContain(
      'The worksheet sheet1 reaches row 1,002, past the 1,001 rows this import takes',
    );
  });

  it('refuses a cell holding a NUL character (Excel spells it _x0000_), naming the cell', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['periodKey', 'commentary']);
      sheet.addRow(['2022-23-Q1', '_x0000_']);
    });
    expect(
      await refusalOf(
        (async () => {
          for await (const batch of (await readTable(bytes, 'xlsx', limits)).batches) void batch;
        })(),
      ),
    ).toContain('Row 2, column 2 holds a NUL control character');
  });

  it('refuses a workbook that unpacks to more than the limit', async () => {
    const bytes = await workbook((sheet) => {
      for (let i = 0; i < 2_000; i++) sheet.addRow([`M-${i}`, 'x'.repeat(100)]);
    });
    expect(
      await refusalOf(readTable(bytes, 'xlsx', { ...limits, maxRows: 10_000, maxUnpackedBytes: 100_000 })),
    ).toMatch(/^The workbook unpacks to 0\.\d MB, more than the 0\.1 MB this import takes/);
  });
});

describe('a header row in words', () => {
  it('names missing, unknown and repeated headers', () => {
    const check = checkHeaders('values', ['code', 'value', 'value', 'colour']);
    expect(check.problems.map((problem) => say(problem))).toEqual([
      'The file is missing the required columns "measureCode", "periodKey"',
      expect.stringContaining('The file has columns this import does not know: "code", "colour"'),
      'The file has the column "value" more than once',
    ]);
  });
});
