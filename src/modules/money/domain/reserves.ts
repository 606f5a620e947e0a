/**
 * Reserves and borrowing. A reserve's closing balance is its opening balance plus contributions
 * less its use, planned (as budgeted) and forecast (as now expected). Borrowing is judged against
 * the prudential indicators: external borrowing may exceed the operational boundary for a while
 * but never the authorised limit; borrowing below the capital financing requirement is internal
 * borrowing (cash balances used instead of loans).
 */
import { phraseText, type Phrase } from '../../../kernel/phrase.ts';
import { fieldLabels } from './amounts.ts';
import { addMoney, subtractMoney, sumMoney, type Money } from '../../../kernel/money.ts';
import { domainError, type DomainError } from '../../../kernel/result.ts';

export const RESERVE_KINDS = ['general', 'earmarked'] as const;
export type ReserveKind = (typeof RESERVE_KINDS)[number];

export const RESERVE_AMOUNTS = ['openingBalance', 'contributions', 'plannedUse', 'forecastUse'] as const;
export type ReserveAmount = (typeof RESERVE_AMOUNTS)[number];
export type ReserveFigures = Record<ReserveAmount, Money>;
/** How each amount is named in messages and labels (its words: moneyFields.reserve in the catalogue). */
export const RESERVE_LABELS: Record<ReserveAmount, Phrase> = fieldLabels('reserve', RESERVE_AMOUNTS);

export interface ReservePosition extends ReserveFigures {
  plannedClosing: Money;
  forecastClosing: Money;
}

export function reservePosition(figures: ReserveFigures): ReservePosition {
  const available = addMoney(figures.openingBalance, figures.contributions);
  return {
    ...figures,
    plannedClosing: subtractMoney(available, figures.plannedUse),
    forecastClosing: subtractMoney(available, figures.forecastUse),
  };
}

export function checkReserveYear(figures: ReserveFigures): DomainError[] {
  const errors: DomainError[] = [];
  for (const field of RESERVE_AMOUNTS) {
    if (figures[field] < 0)
      errors.push(
        domainError('invalid', phraseText('moneyRefusals.notNegative', { label: RESERVE_LABELS[field] }), field),
      );
  }
  const position = reservePosition(figures);
  if (errors.length === 0 && (position.plannedClosing < 0 || position.forecastClosing < 0)) {
    errors.push(
      domainError(
        'invalid',
        phraseText('moneyRefusals.reserveOverused'),
        position.forecastClosing < 0 ? 'forecastUse' : 'plannedUse',
      ),
    );
  }
  return errors;
}

export function reserveTotals(positions: readonly ReserveFigures[]): ReservePosition {
  const figures = {} as ReserveFigures;
  for (const field of RESERVE_AMOUNTS) figures[field] = sumMoney(positions.map((position) => position[field]));
  return reservePosition(figures);
}

export const BORROWING_AMOUNTS = [
  'capitalFinancingRequirement',
  'externalBorrowing',
  'operationalBoundary',
  'authorisedLimit',
] as const;
export type BorrowingAmount = (typeof BORROWING_AMOUNTS)[number];
export type BorrowingFigures = Record<BorrowingAmount, Money>;
/** How each amount is named in messages and labels (its words: moneyFields.borrowing in the catalogue). */
export const BORROWING_LABELS: Record<BorrowingAmount, Phrase> = fieldLabels('borrowing', BORROWING_AMOUNTS);

/** within | over_boundary (to be reported) | over_limit (a breach of the law's limit). */
export type BorrowingStatus = 'within' | 'over_boundary' | 'over_limit';

export interface BorrowingPosition extends BorrowingFigures {
  status: BorrowingStatus;
  headroomToBoundary: Money;
  headroomToLimit: Money;
  /** CFR − external borrowing: positive when cash balances stand in for loans. */
  internalBorrowing: Money;
}

export function borrowingPosition(figures: BorrowingFigures): BorrowingPosition {
  const headroomToBoundary = subtractMoney(figures.operationalBoundary, figures.externalBorrowing);
  const headroomToLimit = subtractMoney(figures.authorisedLimit, figures.externalBorrowing);
  return {
    ...figures,
    status: headroomToLimit < 0 ? 'over_limit' : headroomToBoundary < 0 ? 'over_boundary' : 'within',
    headroomToBoundary,
    headroomToLimit,
    internalBorrowing: subtractMoney(figures.capitalFinancingRequirement, figures.externalBorrowing),
  };
}

export function checkBorrowing(figures: BorrowingFigures): DomainError[] {
  const errors: DomainError[] = [];
  for (const field of BORROWING_AMOUNTS) {
    if (figures[field] < 0)
      errors.push(
        domainError('invalid', phraseText('moneyRefusals.notNegative', { label: BORROWING_LABELS[field] }), field),
      );
  }
  if (figures.authorisedLimit < figures.operationalBoundary) {
    errors.push(domainError('invalid', phraseText('moneyRefusals.limitBelowBoundary'), 'authorisedLimit'));
  }
  return errors;
}
