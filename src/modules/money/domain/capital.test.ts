import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phraseText } from '../../../kernel/phrase.ts';
import { moneyFromPence, sumMoney } from '../../../kernel/money.ts';
import { assessCapital, CAPITAL_AMOUNTS, capitalTotals, checkCapitalYear, type CapitalYearInput } from './capital.ts';
import { readCapitalProgramme } from './capital-import.ts';
import { DEFAULT_BANDS } from './variance.ts';

const m = moneyFromPence;
const scheme = (overrides: Partial<CapitalYearInput> = {}): CapitalYearInput => ({
  budget: m(1_000_000_00),
  spendToDate: m(400_000_00),
  forecast: m(800_000_00),
  slippage: m(200_000_00),
  borrowing: m(600_000_00),
  grants: m(300_000_00),
  receipts: m(100_000_00),
  revenueContributions: m(0),
  slippageReason: 'Contractor start moved to April',
  explanation: '',
  ...overrides,
});
const amount = fc.integer({ min: 0, max: 1e11 }).map(m);
const figuresArb = fc.record(
  Object.fromEntries(CAPITAL_AMOUNTS.map((field) => [field, amount])) as Record<
    (typeof CAPITAL_AMOUNTS)[number],
    fc.Arbitrary<ReturnType<typeof m>>
  >,
);

describe('capital scheme year', () => {
  it('counts slippage as reprofiled budget, not an underspend', () => {
    const assessed = assessCapital(DEFAULT_BANDS, scheme());
    expect(assessed.variance).toBe(0);
    expect(assessed.band).toBe('green');
    expect(checkCapitalYear(DEFAULT_BANDS, scheme())).toEqual([]);
  });

  it('refuses funding that does not add up to the budget, slippage without a reason and a red variance unexplained', () => {
    const problems = checkCapitalYear(
      DEFAULT_BANDS,
      scheme({ grants: m(299_999_99), slippageReason: '', forecast: m(900_000_00) }),
    );
    expect(problems.map((problem) => problem.field)).toEqual(['borrowing', 'slippageReason', 'explanation']);
    expect(problems[2]!.message).toContain('"percent":10}');
  });

  it('refuses negative spend', () => {
    expect(checkCapitalYear(DEFAULT_BANDS, scheme({ spendToDate: m(-1) }))[0]!.field).toBe('spendToDate');
  });

  it('totals are the exact sums of the schemes, and the total variance is the sum of the variances', () => {
    fc.assert(
      fc.property(fc.array(figuresArb, { maxLength: 30 }), (years) => {
        const totals = capitalTotals(DEFAULT_BANDS, years);
        for (const field of CAPITAL_AMOUNTS) expect(totals[field]).toBe(sumMoney(years.map((year) => year[field])));
        expect(totals.variance).toBe(sumMoney(years.map((year) => assessCapital(DEFAULT_BANDS, year).variance)));
      }),
    );
  });

  it('bands widen with the variance: red implies past amber', () => {
    fc.assert(
      fc.property(figuresArb, (figures) => {
        const { band, variance } = assessCapital(DEFAULT_BANDS, figures);
        const share = Math.abs(variance) * 10_000;
        if (band === 'green') expect(share).toBeLessThanOrEqual(200 * figures.budget);
        if (band === 'red') expect(share).toBeGreaterThan(500 * figures.budget);
      }),
    );
  });
});

describe('capital programme import', () => {
  const header = [
    'scheme',
    'year',
    'budget',
    'spend_to_date',
    'forecast',
    'slippage',
    'slippage_reason',
    'borrowing',
    'grants',
    'receipts',
    'revenue_contributions',
    'explanation',
  ];
  const context = {
    bands: DEFAULT_BANDS,
    schemeByCode: new Map([
      ['CAP01', { id: 's1', unitId: 'u1' }],
      ['CAP02', { id: 's2', unitId: 'u2' }],
    ]),
    mayEdit: (unitId: string) => unitId === 'u1',
  };

  it('reads good rows', () => {
    const read = readCapitalProgramme(
      header,
      [{ line: 2, cells: ['cap01', '2025/26', '1000', '400', '1000', '0', '', '1000', '0', '0', '0', ''] }],
      context,
    );
    expect(read.errors).toEqual([]);
    expect(read.years[0]).toMatchObject({ schemeId: 's1', startYear: 2025, budget: 1000_00 });
  });

  it('names every bad row by line and column, and returns no rows to write', () => {
    const read = readCapitalProgramme(
      header,
      [
        { line: 2, cells: ['CAP01', '2025/26', '1000', '400', '1000', '0', '', '1000', '0', '0', '0', ''] },
        { line: 3, cells: ['CAP09', '2025/26', '1000.123', '0', '0', '0', '', '0', '0', '0', '0', ''] },
        { line: 4, cells: ['CAP02', '25', '1000', '0', '1000', '0', '', '900', '0', '0', '0', ''] },
        { line: 5, cells: ['CAP01', '2025', '1000', '400', '1000', '0', '', '1000', '0', '0', '0', ''] },
      ],
      context,
    );
    expect(read.years).toEqual([]);
    expect(read.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 3,
          column: 'scheme',
          message: phraseText('moneyRefusals.noScheme', { code: 'CAP09' }),
        }),
        expect.objectContaining({
          line: 3,
          column: 'budget',
          message: expect.stringContaining('"moneyRefusals.amountDecimals"'),
        }),
        expect.objectContaining({
          line: 4,
          column: 'scheme',
          message: phraseText('moneyRefusals.mayNotChangeScheme', { code: 'CAP02' }),
        }),
        expect.objectContaining({ line: 4, column: 'year' }),
        expect.objectContaining({
          line: 4,
          column: 'borrowing',
          message: phraseText('moneyRefusals.fundingMismatch'),
        }),
        expect.objectContaining({
          line: 5,
          column: 'scheme',
          message: phraseText('moneyRefusals.schemeRepeated', { code: 'CAP01', line: 2 }),
        }),
      ]),
    );
  });

  it('names a missing column on the header line', () => {
    const read = readCapitalProgramme(
      header.filter((name) => name !== 'grants'),
      [],
      context,
    );
    expect(read.errors).toEqual([
      { line: 1, column: 'grants', message: phraseText('moneyRefusals.noColumn', { column: 'grants' }) },
    ]);
  });
});
