import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkWorkbook, columnNumber, worksheetExtent, WorkbookRefused } from './xlsx-guard.ts';
import { zip } from './test/hostile-zip.ts';
import { sayStored } from '../../platform/words/index.ts';

const LIMITS = { maxUnpackedBytes: 50 * 1024 * 1024, maxRowNumber: 200_001, maxColumns: 200 };

const refusal = (bytes: Buffer, limits = LIMITS) => {
  try {
    checkWorkbook(bytes, limits);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookRefused);
    // The message is a stored phrase: the words a person reads are what the edges say for it.
    return sayStored((error as Error).message);
  }
};

describe('checking a workbook before it is read', () => {
  it('numbers columns as spreadsheets do', () => {
    expect([columnNumber('A'), columnNumber('Z'), columnNumber('AA'), columnNumber('GR'), columnNumber('XFD')]).toEqual(
      [1, 26, 27, 200, 16_384],
    );
  });

  it('finds the last row and column from the dimension and from the cells themselves', () => {
    expect(worksheetExtent('<worksheet><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>')).toEqual({
      rows: 1_048_576,
      columns: 16_384,
    });
    // A dimension that understates the sheet does not hide its cells.
    expect(
      worksheetExtent(
        '<worksheet><dimension ref="A1"/><sheetData><row r="1"><c r="A1"/></row><row r="7" spans="1:2"><c r="GS7" t="s"><v>0</v></c></row></sheetData></worksheet>',
      ),
    ).toEqual({ rows: 7, columns: 201 });
  });

  it('passes a workbook exceljs writes', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('values');
    sheet.addRow(['measureCode', 'periodKey', 'value']);
    sheet.addRow(['M-1', '2025-26-Q1', 5]);
    expect(refusal(Buffer.from(await workbook.xlsx.writeBuffer()))).toBeNull();
  });

  it('refuses one cell in the last column of the last row (XFD1048576)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('values');
    sheet.addRow(['measureCode', 'periodKey', 'value']);
    sheet.getCell('XFD1048576').value = 1;
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(refusal(bytes)).toBe(
      'The worksheet sheet1 uses 16,384 columns, more than the 200 this import takes: delete the columns after the last one with data, or save it as CSV',
    );
    expect(refusal(bytes, { ...LIMITS, maxColumns: 20_000 })).toMatch(
      /^The worksheet sheet1 reaches row 1,048,576, past the 200,001 rows this import takes/,
    );
  });

  it('refuses a zip bomb by the sizes it declares, before unpacking anything', () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(3 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(10_000);
    expect(refusal(bomb, { ...LIMITS, maxUnpackedBytes: 2 * 1024 * 1024 })).toBe(
      'The workbook unpacks to 3 MB, more than the 2 MB this import takes: split it into smaller files or save it as CSV',
    );
  });

  it('refuses a part that unpacks to more than it declares, stopping at the declared size', () => {
    const liar = zip([
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(3 * 1024 * 1024, 0x20), declaredSize: 1000 },
    ]);
    expect(refusal(liar, { ...LIMITS, maxUnpackedBytes: 2 * 1024 * 1024 })).toMatch(
      /xl\/worksheets\/sheet1\.xml unpacks to more than the 1,000 bytes it declares/,
    );
  });

  it('refuses a file that is not a zip archive', () => {
    expect(refusal(Buffer.from('PK\u0003\u0004 but nothing else'))).toMatch(
      /^The file is not a valid Excel workbook \(\.xlsx\): it is not a zip archive/,
    );
  });
});
