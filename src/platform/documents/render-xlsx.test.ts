import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise, renderXlsx, sheetNames } from './render-xlsx.ts';
import { sampleDocument } from './test/sample-document.ts';

describe('a document as an Excel workbook', () => {
  it('has a sheet per table named from its caption, numbers as numbers and the header row frozen', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(sampleDocument())) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'About this document',
      'Key measures Q2 2026 27',
      'Household waste recycled by qua',
    ]);
    const measures = workbook.getWorksheet('Key measures Q2 2026 27')!;
    expect(measures.getRow(1).values).toEqual([undefined, 'Code', 'Measure', 'Value', 'Status']);
    expect(measures.getCell('C2').value).toBe(91.25);
    expect(measures.getCell('C3').value).toBe(1234);
    expect(measures.getCell('D3').value).toBe('Missed by 4 (Red)');
    expect(measures.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const about = workbook.getWorksheet('About this document')!;
    expect(about.getCell('A1').value).toBe('Quarterly performance report');
    expect(about.getCell('B7').value).toBe('Key measures: Q2 2026/27');
  });

  it('never writes text that a spreadsheet would run as a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(sampleDocument())) as unknown as ArrayBuffer);
    const measures = workbook.getWorksheet('Key measures Q2 2026 27')!;
    expect(measures.getCell('B3').value).toBe("'=SUM(A1:A9) days to process");
    expect(measures.getCell('B4').value).toBe("'-5 change, @mention");
    expect(measures.getCell('C4').value).toBe(-7.5);
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralise(`${start}1`)).toBe(`'${start}1`);
    expect(neutralise('Plain 1+1')).toBe('Plain 1+1');
  });

  it('makes sheet names Excel accepts: no forbidden characters, at most 31 long, unique ignoring case', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 12 }), (captions) => {
        const names = sheetNames(captions, new Set(['history']));
        expect(names).toHaveLength(captions.length);
        for (const name of names) {
          expect(name.length).toBeGreaterThan(0);
          expect(name.length).toBeLessThanOrEqual(31);
          expect(name).not.toMatch(/[\\/?*[\]:]|^'|'$/);
          expect(name.toLowerCase()).not.toBe('history');
        }
        expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
      }),
    );
  });
});
