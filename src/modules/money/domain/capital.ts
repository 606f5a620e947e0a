/**
 * A capital scheme's year. The forecast is what the scheme will spend this year; slippage is
 * budget moved (reprofiled) into later years, which is not an underspend. So the variance that
 * the council's bands judge is forecast + slippage − budget: positive is an overspend, negative a
 * saving. Funding sources (borrowing, grants, capital receipts, revenue contributions) must add up
 * to the budget, to the penny, and slippage needs its reason.
 */
import { addMoney, subtractMoney, sumMoney, type Money } from '../../../kernel/money.ts';
import { domainError, type DomainError } from '../../../kernel/result.ts';
import { bandOf, explanationRequired, variancePercent, type Band, type VarianceBands } from './variance.ts';

export const CAPITAL_AMOUNTS = [
  'budget',
  'spendToDate',
  'forecast',
  'slippage',
  'borrowing',
  'grants',
  'receipts',
  'revenueContributions',
] as const;
export type CapitalAmount = (typeof CAPITAL_AMOUNTS)[number];
export const FUNDING_SOURCES = ['borrowing', 'grants', 'receipts', 'revenueContributions'] as const;

export const CAPITAL_LABELS: Record<CapitalAmount, string> = {
  budget: 'budget for the year',
  spendToDate: 'spend to date',
  forecast: 'forecast spend for the year',
  slippage: 'slippage into later years',
  borrowing: 'funding from borrowing',
  grants: 'funding from grants',
  receipts: 'funding from capital receipts',
  revenueContributions: 'funding from revenue contributions',
};

export type CapitalFigures = Record<CapitalAmount, Money>;

export interface CapitalYearInput extends CapitalFigures {
  slippageReason: string;
  explanation: string;
}

export interface CapitalAssessment {
  funding: Money;
  /** Forecast + slippage − budget: positive is an overspend. */
  variance: Money;
  variancePercent: number | null;
  band: Band;
  explanationRequired: boolean;
}

export function assessCapital(bands: VarianceBands, figures: CapitalFigures): CapitalAssessment {
  const variance = subtractMoney(addMoney(figures.forecast, figures.slippage), figures.budget);
  return {
    funding: sumMoney(FUNDING_SOURCES.map((source) => figures[source])),
    variance,
    variancePercent: variancePercent(figures.budget, variance),
    band: bandOf(bands, figures.budget, variance),
    explanationRequired: explanationRequired(bands, figures.budget, variance),
  };
}

const NOT_NEGATIVE: readonly CapitalAmount[] = ['budget', 'spendToDate', 'forecast', 'slippage'];

export function checkCapitalYear(bands: VarianceBands, input: CapitalYearInput): DomainError[] {
  const errors: DomainError[] = [];
  for (const field of NOT_NEGATIVE) {
    if (input[field] < 0) errors.push(domainError('invalid', `The ${CAPITAL_LABELS[field]} cannot be negative`, field));
  }
  const assessment = assessCapital(bands, input);
  if (assessment.funding !== input.budget) {
    errors.push(
      domainError(
        'invalid',
        'The funding sources (borrowing, grants, capital receipts and revenue contributions) must add up to the budget for the year',
        'borrowing',
      ),
    );
  }
  if (input.slippage > 0 && input.slippageReason.trim() === '') {
    errors.push(domainError('invalid', 'Give the reason for the slippage into later years', 'slippageReason'));
  }
  if (assessment.explanationRequired && input.explanation.trim() === '') {
    errors.push(
      domainError(
        'invalid',
        `Explain the variance: the forecast and slippage are ${assessment.variancePercent === null ? 'against a nil budget' : `${assessment.variancePercent}% away from the budget`}, past the ${bands.amberOverBasisPoints / 100}% threshold`,
        'explanation',
      ),
    );
  }
  for (const field of ['slippageReason', 'explanation'] as const) {
    if (input[field].length > 2000) errors.push(domainError('invalid', 'Keep it to 2000 characters or fewer', field));
  }
  return errors;
}

export interface CapitalTotals extends CapitalFigures, CapitalAssessment {}

/** The programme's totals: each amount the exact sum of the schemes', judged as one. */
export function capitalTotals(bands: VarianceBands, years: readonly CapitalFigures[]): CapitalTotals {
  const figures = {} as CapitalFigures;
  for (const field of CAPITAL_AMOUNTS) figures[field] = sumMoney(years.map((year) => year[field]));
  return { ...figures, ...assessCapital(bands, figures) };
}
