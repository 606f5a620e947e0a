/**
 * Reprofiling a capital scheme: moving part of one year's budget into a later year. It is asked
 * for by someone who may edit the scheme and decided by council-wide finance who did not ask, so
 * no one moves budget on their own say. The funding moves with the budget, because a year's
 * funding sources must add up to its budget to the penny (see capital.ts). Refusals are stored
 * phrases (capitalReprofile in the catalogue), said at the edge.
 */
import { addMoney, subtractMoney, ZERO_MONEY, type Money } from '../../../kernel/money.ts';
import { phraseText } from '../../../kernel/phrase.ts';
import { domainError, fail, ok, type DomainError, type Result } from '../../../kernel/result.ts';
import { FUNDING_SOURCES, type CapitalFigures } from './capital.ts';

export type ReprofileStatus = 'pending' | 'approved' | 'rejected';

export interface ReprofileRequestInput {
  fromYear: number;
  toYear: number;
  amount: Money;
  reason: string;
}

/** `fromBudget` is the from-year's budget, or null when the scheme has no figures for that year. */
export function checkReprofileRequest(input: ReprofileRequestInput, fromBudget: Money | null): DomainError[] {
  const errors: DomainError[] = [];
  if (input.amount <= 0)
    errors.push(domainError('invalid', phraseText('capitalReprofile.amountNotPositive'), 'amount'));
  if (input.toYear <= input.fromYear) {
    errors.push(domainError('invalid', phraseText('capitalReprofile.toYearNotLater'), 'toYear'));
  }
  if (input.reason.trim() === '')
    errors.push(domainError('invalid', phraseText('capitalReprofile.reasonMissing'), 'reason'));
  if (input.reason.length > 2000)
    errors.push(domainError('invalid', phraseText('capitalReprofile.reasonTooLong'), 'reason'));
  if (fromBudget === null) {
    errors.push(domainError('invalid', phraseText('capitalReprofile.noBudgetInFromYear'), 'fromYear'));
  } else if (input.amount > fromBudget) {
    errors.push(domainError('invalid', phraseText('capitalReprofile.amountOverBudget'), 'amount'));
  }
  return errors;
}

export interface ReprofileDecisionInput {
  status: ReprofileStatus;
  requestedBy: string;
  decidedBy: string;
  approve: boolean;
  reason: string;
}

export function checkReprofileDecision(input: ReprofileDecisionInput): DomainError[] {
  if (input.status !== 'pending') return [domainError('invalid_state', phraseText('capitalReprofile.alreadyDecided'))];
  if (input.requestedBy === input.decidedBy) {
    return [domainError('forbidden', phraseText('capitalReprofile.notOwnRequest'))];
  }
  if (!input.approve && input.reason.trim() === '') {
    return [domainError('invalid', phraseText('capitalReprofile.rejectReasonMissing'), 'reason')];
  }
  if (input.reason.length > 2000)
    return [domainError('invalid', phraseText('capitalReprofile.reasonTooLong'), 'reason')];
  return [];
}

export type Funding = Pick<CapitalFigures, 'budget' | (typeof FUNDING_SOURCES)[number]>;

export const EMPTY_FUNDING: Funding = {
  budget: ZERO_MONEY,
  borrowing: ZERO_MONEY,
  grants: ZERO_MONEY,
  receipts: ZERO_MONEY,
  revenueContributions: ZERO_MONEY,
};

/**
 * Moves `amount` of budget, and the same amount of funding, from one year to the other. Funding
 * is taken from the sources in FUNDING_SOURCES order, so the result is the same every time and
 * each year's sources still add up to its budget.
 */
export function applyReprofile(from: Funding, to: Funding, amount: Money): Result<{ from: Funding; to: Funding }> {
  if (amount <= 0 || amount > from.budget) {
    return fail(domainError('invalid', phraseText('capitalReprofile.amountOverBudget'), 'amount'));
  }
  const movedFrom = { ...from, budget: subtractMoney(from.budget, amount) };
  const movedTo = { ...to, budget: addMoney(to.budget, amount) };
  let left = amount;
  for (const source of FUNDING_SOURCES) {
    const taken = left < from[source] ? left : from[source];
    if (taken <= 0) continue;
    movedFrom[source] = subtractMoney(from[source], taken);
    movedTo[source] = addMoney(to[source], taken);
    left = subtractMoney(left, taken);
  }
  if (left > 0) {
    return fail(domainError('invalid', phraseText('capitalReprofile.fundingShort'), 'amount'));
  }
  return ok({ from: movedFrom, to: movedTo });
}

/**
 * Slippage is budget expected to move into later years; once a reprofile moves it, that much is
 * no longer expected, so the from-year's slippage falls by the amount moved (never below nothing)
 * and its variance (forecast + slippage − budget) stays as it was.
 */
export function slippageAfterReprofile(slippage: Money, amount: Money): Money {
  return slippage > amount ? subtractMoney(slippage, amount) : ZERO_MONEY;
}
