/**
 * The domain's refusals are phrases; these are the words a person reads for them (the English the
 * domain tests asserted before the words moved to the catalogue: moneyRefusals and moneyFields).
 */
import { describe, expect, it } from 'vitest';
import { moneyFromPence } from '../../kernel/money.ts';
import { sayStored } from '../../platform/words/index.ts';
import { checkLine, readFigures, type BudgetLineInput } from './domain/budget-line.ts';
import { checkCapitalYear, type CapitalYearInput } from './domain/capital.ts';
import { readCapitalProgramme } from './domain/capital-import.ts';
import { checkBands } from './domain/variance.ts';
import { readRevenueExtract, type ImportRow } from './domain/revenue-import.ts';
import { DEFAULT_BANDS } from './domain/variance.ts';

const m = moneyFromPence;
const said = (errors: readonly { message: string }[]) => errors.map((error) => sayStored(error.message));

describe('money’s refusals in words', () => {
  it('names an amount and what is wrong with it', () => {
    const read = readFigures({ originalBudget: '', virements: '12.345', budgetToDate: 'lots' });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(said(read.errors).slice(0, 3)).toEqual([
      'Enter the original budget',
      'The virements “12.345” has more than two decimal places: amounts are in pounds and whole pence',
      'The budget to date “lots” is not an amount of money, like 1234.56',
    ]);
  });

  it('asks for a line’s explanation with its share of the budget and the threshold', () => {
    const line: BudgetLineInput = {
      originalBudget: m(1_000_000_00),
      virements: m(50_000_00),
      budgetToDate: m(500_000_00),
      actualToDate: m(510_000_00),
      previousForecast: m(1_050_000_00),
      forecastBeforeAction: m(1_120_000_00),
      latestForecast: m(1_100_000_00),
      grossExpenditureForecast: m(100),
      incomeForecast: null,
      explanation: '',
    };
    expect(said(checkLine(DEFAULT_BANDS, line))).toEqual([
      'Give both the forecast gross expenditure and the forecast income, or neither',
      'Explain the variance: the latest forecast is 4.76% away from the revised budget, past the 2% threshold',
    ]);
  });

  it('says a capital year’s problems', () => {
    const year: CapitalYearInput = {
      budget: m(1000_00),
      spendToDate: m(-1),
      forecast: m(900_00),
      slippage: m(200_00),
      borrowing: m(1000_00),
      grants: m(1),
      receipts: m(0),
      revenueContributions: m(0),
      slippageReason: '',
      explanation: '',
    };
    expect(said(checkCapitalYear(DEFAULT_BANDS, year))).toEqual([
      'The spend to date cannot be negative',
      'The funding sources (borrowing, grants, capital receipts and revenue contributions) must add up to the budget for the year',
      'Give the reason for the slippage into later years',
      'Explain the variance: the forecast and slippage are 10% away from the budget, past the 2% threshold',
    ]);
  });

  it('names each bad import row’s problem', () => {
    const header = ['scheme', 'year', 'budget'];
    const capital = readCapitalProgramme(header, [], {
      bands: DEFAULT_BANDS,
      schemeByCode: new Map(),
      mayEdit: () => true,
    });
    expect(said(capital.errors)[0]).toMatch(/^The file has no “\w+” column$/);

    const rows = (...lines: string[]): ImportRow[] => lines.map((text, i) => ({ line: i + 2, cells: text.split(',') }));
    const revenue = readRevenueExtract(
      'Cost Centre,Year,Period,Original Budget,Virements,Budget to date,Actual to date,Previous forecast,Forecast before action,Latest forecast'.split(
        ',',
      ),
      rows(
        'A1,2025/26,3,100,0,50,50,100,100,100',
        'A1,2025/26,3,100,0,50,50,100,100,100',
        'B2,2025/26,3,100,0,50,50,100,100,100',
        'C3,2025/26,3,100,0,50,50,100,100,100',
        'TOTAL,,,301,,,,,,',
      ),
      {
        bands: DEFAULT_BANDS,
        costCentreByCode: new Map([
          ['A1', { id: 'a', unitId: 'u1' }],
          ['B2', { id: 'b', unitId: 'u2' }],
        ]),
        mayEdit: (unitId: string) => unitId === 'u1',
      },
    );
    expect(said(revenue.errors)).toEqual([
      'Cost centre “A1” is already given for this period on line 2',
      'You may not change the budget of cost centre “B2”',
      'There is no cost centre “C3”: add it before importing its budget',
      'The total original budget is £301.00 but the rows add up to £400.00: a row is missing or changed',
    ]);
  });

  it('says the variance bands’ problems', () => {
    const bands = checkBands({ amberOverPercent: 5, redOverPercent: 5 });
    expect(bands.ok ? '' : sayStored(bands.error.message)).toBe(
      'The red threshold must be more than the amber threshold',
    );
  });
});
