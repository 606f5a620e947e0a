/**
 * The medium-term financial strategy as figures: three years rolling from a budget round's first
 * year. The gap is spending (the base budget rolled forward plus pressures) less funding; the
 * savings tracker's targets for the year close part of it and planned use of reserves another
 * part; what remains is savings still to be found (negative: a surplus).
 */
import { phraseText, type Phrase } from '../../../kernel/phrase.ts';
import { fieldLabels } from './amounts.ts';
import { addMoney, subtractMoney, type Money } from '../../../kernel/money.ts';
import { domainError, type DomainError } from '../../../kernel/result.ts';

export const MTFS_YEARS = 3;

export const MTFS_AMOUNTS = ['funding', 'baseSpending', 'pressures', 'plannedReserveUse'] as const;
export type MtfsAmount = (typeof MTFS_AMOUNTS)[number];
export type MtfsFigures = Record<MtfsAmount, Money>;
/** How each amount is named in messages and labels (its words: moneyFields.mtfs in the catalogue). */
export const MTFS_LABELS: Record<MtfsAmount, Phrase> = fieldLabels('mtfs', MTFS_AMOUNTS);

export interface MtfsYear extends MtfsFigures {
  startYear: number;
  /** Spending less funding before savings and reserves. */
  gap: Money;
  identifiedSavings: Money;
  forecastSavings: Money;
  /** The gap less identified savings and planned use of reserves: savings still to find. */
  unidentified: Money;
}

export function mtfsYear(
  startYear: number,
  figures: MtfsFigures,
  identifiedSavings: Money,
  forecastSavings: Money,
): MtfsYear {
  const gap = subtractMoney(addMoney(figures.baseSpending, figures.pressures), figures.funding);
  return {
    startYear,
    ...figures,
    gap,
    identifiedSavings,
    forecastSavings,
    unidentified: subtractMoney(subtractMoney(gap, identifiedSavings), figures.plannedReserveUse),
  };
}

export function checkMtfsYear(figures: MtfsFigures): DomainError[] {
  return MTFS_AMOUNTS.filter((field) => figures[field] < 0).map((field) =>
    domainError('invalid', phraseText('moneyRefusals.notNegative', { label: MTFS_LABELS[field] }), field),
  );
}

/** The years a round covers: its first and the two after. */
export function mtfsYearsFrom(firstYear: number): number[] {
  return Array.from({ length: MTFS_YEARS }, (_, index) => firstYear + index);
}
