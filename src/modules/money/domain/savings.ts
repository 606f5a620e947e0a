/**
 * The savings tracker. Each proposal has a target for the year, what is delivered so far and what
 * is forecast to be delivered by the year end; the shortfall is the target not forecast to be met
 * (never negative: over-delivery on one saving is shown, not netted against another's shortfall).
 */
import { phraseText, type Phrase } from '../../../kernel/phrase.ts';
import { fieldLabels } from './amounts.ts';
import { subtractMoney, sumMoney, ZERO_MONEY, type Money } from '../../../kernel/money.ts';
import { domainError, type DomainError } from '../../../kernel/result.ts';

export const DELIVERABILITY = ['green', 'amber', 'red'] as const;
export type Deliverability = (typeof DELIVERABILITY)[number];

export const SAVING_AMOUNTS = ['target', 'delivered', 'forecast'] as const;
export type SavingAmount = (typeof SAVING_AMOUNTS)[number];
export type SavingFigures = Record<SavingAmount, Money>;
/** How each amount is named in messages and labels (its words: moneyFields.saving in the catalogue). */
export const SAVING_LABELS: Record<SavingAmount, Phrase> = fieldLabels('saving', SAVING_AMOUNTS);

export function shortfallOf(figures: SavingFigures): Money {
  const gap = subtractMoney(figures.target, figures.forecast);
  return gap > 0 ? gap : ZERO_MONEY;
}

export function checkSavingYear(figures: SavingFigures): DomainError[] {
  const errors: DomainError[] = [];
  for (const field of SAVING_AMOUNTS) {
    if (figures[field] < 0)
      errors.push(
        domainError('invalid', phraseText('moneyRefusals.notNegative', { label: SAVING_LABELS[field] }), field),
      );
  }
  if (figures.delivered > figures.forecast) {
    errors.push(domainError('invalid', phraseText('moneyRefusals.forecastBelowDelivered'), 'forecast'));
  }
  return errors;
}

export interface SavingsTotals extends SavingFigures {
  shortfall: Money;
  /** The forecast of proposals rated red: at risk. */
  atRisk: Money;
}

export function savingsTotals(rows: readonly (SavingFigures & { rag: Deliverability })[]): SavingsTotals {
  return {
    target: sumMoney(rows.map((row) => row.target)),
    delivered: sumMoney(rows.map((row) => row.delivered)),
    forecast: sumMoney(rows.map((row) => row.forecast)),
    shortfall: sumMoney(rows.map(shortfallOf)),
    atRisk: sumMoney(rows.filter((row) => row.rag === 'red').map((row) => row.forecast)),
  };
}
