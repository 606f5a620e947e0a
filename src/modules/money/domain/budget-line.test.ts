import { describe, expect, it } from 'vitest';
import { phrase } from '../../../kernel/phrase.ts';
import { moneyFromPence } from '../../../kernel/money.ts';
import { parseAmount } from './amounts.ts';
import { assessLine, checkLine, readFigures, type BudgetLineInput } from './budget-line.ts';
import { DEFAULT_BANDS } from './variance.ts';
import { parseMonth, parseYear, periodOfDate } from './financial-period.ts';

const m = moneyFromPence;
const line = (overrides: Partial<BudgetLineInput> = {}): BudgetLineInput => ({
  originalBudget: m(1_000_000_00),
  virements: m(50_000_00),
  budgetToDate: m(500_000_00),
  actualToDate: m(510_000_00),
  previousForecast: m(1_050_000_00),
  forecastBeforeAction: m(1_120_000_00),
  latestForecast: m(1_060_000_00),
  grossExpenditureForecast: null,
  incomeForecast: null,
  explanation: '',
  ...overrides,
});

describe('a budget line', () => {
  it('derives the revised budget and the variance from the latest forecast', () => {
    const assessed = assessLine(DEFAULT_BANDS, line());
    expect(assessed.revisedBudget).toBe(1_050_000_00);
    expect(assessed.variance).toBe(10_000_00);
    expect(assessed.variancePercent).toBe(0.95);
    expect(assessed.varianceBeforeAction).toBe(70_000_00);
    expect(assessed.band).toBe('green');
  });

  it('asks for an explanation past the amber threshold, and accepts one', () => {
    const over = line({ latestForecast: m(1_100_000_00) });
    expect(checkLine(DEFAULT_BANDS, over)).toEqual([
      expect.objectContaining({ field: 'explanation', message: expect.stringContaining('"percent":4.76') }),
    ]);
    expect(checkLine(DEFAULT_BANDS, { ...over, explanation: 'Demand for placements' })).toEqual([]);
  });

  it('requires gross less income to net to the latest forecast', () => {
    const good = line({ grossExpenditureForecast: m(1_500_000_00), incomeForecast: m(440_000_00) });
    expect(checkLine(DEFAULT_BANDS, good)).toEqual([]);
    const bad = line({ grossExpenditureForecast: m(1_500_000_00), incomeForecast: m(440_000_01) });
    expect(checkLine(DEFAULT_BANDS, bad)).toEqual([expect.objectContaining({ field: 'incomeForecast' })]);
    const half = line({ grossExpenditureForecast: m(1_500_000_00) });
    expect(checkLine(DEFAULT_BANDS, half)).toEqual([expect.objectContaining({ field: 'incomeForecast' })]);
  });

  it('reads amounts and names each bad one, refusing fractions of a penny', () => {
    const read = readFigures({
      originalBudget: '£1,000.00',
      virements: '12.345',
      budgetToDate: 'lots',
      actualToDate: '(200.10)',
      previousForecast: '0',
      forecastBeforeAction: '0',
      latestForecast: '',
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((error) => error.field)).toEqual(['virements', 'budgetToDate', 'latestForecast']);
    expect(read.errors[0]!.message).toContain('"moneyRefusals.amountDecimals"');
    const actual = phrase('moneyFields.revenue.actualToDate');
    expect(parseAmount('(200.10)', actual).ok && parseAmount('(200.10)', actual)).toEqual({
      ok: true,
      value: -20010,
    });
  });
});

describe('the financial year', () => {
  it('reads years and periods as finance writes them', () => {
    expect(parseYear('2025/26')).toEqual({ ok: true, value: 2025 });
    expect(parseYear('2025')).toEqual({ ok: true, value: 2025 });
    expect(parseYear('2025/27').ok).toBe(false);
    expect(parseMonth('6')).toEqual({ ok: true, value: 6 });
    expect(parseMonth('Sep')).toEqual({ ok: true, value: 6 });
    expect(parseMonth('13').ok).toBe(false);
  });

  it('places a date in its year and period (April is period 1)', () => {
    expect(periodOfDate('2026-04-01')).toEqual({ startYear: 2026, month: 1 });
    expect(periodOfDate('2026-03-31')).toEqual({ startYear: 2025, month: 12 });
    expect(periodOfDate('2026-12-05')).toEqual({ startYear: 2026, month: 9 });
  });
});
