/**
 * A capital scheme's year. The forecast is what the scheme will spend this year; slippage is
 * budget moved (reprofiled) into later years, which is not an underspend. So the variance that
 * the council's bands judge is forecast + slippage − budget: positive is an overspend, negative a
 * saving. Funding sources (borrowing, grants, capital receipts, revenue contributions) must add up
 * to the budget, to the penny, and slippage needs its reason.
 */
import { phrase, phraseText, type Phrase } from '../../../kernel/phrase.ts';
import { fieldLabels } from './amounts.ts';
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

/** How each amount is named in messages and labels (its words: moneyFields.capital in the catalogue). */
export const CAPITAL_LABELS: Record<CapitalAmount, Phrase> = fieldLabels('capital', CAPITAL_AMOUNTS);

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
    if (input[field] < 0)
      errors.push(
        domainError('invalid', phraseText('moneyRefusals.notNegative', { label: CAPITAL_LABELS[field] }), field),
      );
  }
  const assessment = assessCapital(bands, input);
  if (assessment.funding !== input.budget) {
    errors.push(domainError('invalid', phraseText('moneyRefusals.fundingMismatch'), 'borrowing'));
  }
  if (input.slippage > 0 && input.slippageReason.trim() === '') {
    errors.push(domainError('invalid', phraseText('moneyRefusals.slippageReasonMissing'), 'slippageReason'));
  }
  if (assessment.explanationRequired && input.explanation.trim() === '') {
    errors.push(
      domainError(
        'invalid',
        phraseText('moneyRefusals.capitalExplain', {
          share:
            assessment.variancePercent === null
              ? phrase('moneyRefusals.nilBudget')
              : phrase('moneyRefusals.awayFromBudget', { percent: assessment.variancePercent }),
          amber: bands.amberOverBasisPoints / 100,
        }),
        'explanation',
      ),
    );
  }
  for (const field of ['slippageReason', 'explanation'] as const) {
    if (input[field].length > 2000) errors.push(domainError('invalid', phraseText('moneyRefusals.tooLong'), field));
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
