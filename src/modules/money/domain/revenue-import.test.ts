import { describe, expect, it } from 'vitest';
import { phraseText } from '../../../kernel/phrase.ts';
import { readRevenueExtract, type ImportRow } from './revenue-import.ts';
import { DEFAULT_BANDS } from './variance.ts';

const header =
  'Cost Centre,Year,Period,Original Budget,Virements,Budget to date,Actual to date,Previous forecast,Forecast before action,Latest forecast'.split(
    ',',
  );
const rows = (...lines: string[]): ImportRow[] => lines.map((line, i) => ({ line: i + 2, cells: line.split(',') }));
const context = {
  bands: DEFAULT_BANDS,
  costCentreByCode: new Map([
    ['A1', { id: 'a', unitId: 'u1' }],
    ['B2', { id: 'b', unitId: 'u2' }],
  ]),
  mayEdit: (unitId: string) => unitId === 'u1',
};

describe('reading a revenue extract', () => {
  it('reads headers written in words and accepts control totals that add up', () => {
    const read = readRevenueExtract(
      header,
      rows('a1,2025/26,3,100.10,0,50,50,100.10,100.10,100.10', 'total,,,100.10,,,,,,'),
      {
        ...context,
      },
    );
    expect(read.errors).toEqual([]);
    expect(read.lines).toEqual([
      expect.objectContaining({ costCentreId: 'a', startYear: 2025, month: 3, originalBudget: 10010 }),
    ]);
  });

  it('names the missing columns, and reads no rows without them', () => {
    const read = readRevenueExtract(['cost_centre', 'year'], rows('A1,2025'), context);
    expect(read.lines).toEqual([]);
    expect(read.errors.map((error) => error.column)).toContain('latest_forecast');
  });

  it('refuses a row given twice, a cost centre out of reach, and totals that do not add up, writing nothing', () => {
    const read = readRevenueExtract(
      header,
      rows(
        'A1,2025/26,3,100,0,50,50,100,100,100',
        'A1,2025/26,3,100,0,50,50,100,100,100',
        'B2,2025/26,3,100,0,50,50,100,100,100',
        'TOTAL,,,301,,,,,,',
      ),
      context,
    );
    expect(read.lines).toEqual([]);
    expect(read.errors).toEqual([
      {
        line: 3,
        column: 'cost_centre',
        message: phraseText('moneyRefusals.costCentreRepeated', { code: 'A1', line: 2 }),
      },
      { line: 4, column: 'cost_centre', message: phraseText('moneyRefusals.mayNotChangeCostCentre', { code: 'B2' }) },
      expect.objectContaining({
        line: 5,
        column: 'original_budget',
        message: expect.stringContaining('"sum":"£300.00"'),
      }),
    ]);
  });
});
