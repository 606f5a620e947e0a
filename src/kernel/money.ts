/**
 * Money as a whole number of pence, ready for budgets.
 *
 * Figures elsewhere are double precision, which cannot hold 0.1 exactly: £0.10 + £0.20 would not
 * be £0.30. Budgets must add up to the penny, so an amount is an integer count of pence, branded so
 * that a plain number (a percentage, a count) cannot be passed where money is expected by mistake.
 * Integers are exact in a double up to 2^53, about £90 trillion, far beyond any council budget;
 * arithmetic that would leave that range throws rather than silently losing pence.
 */
import { phraseText } from './phrase.ts';
import { domainError, fail, ok, type Result } from './result.ts';

declare const moneyBrand: unique symbol;

/** An amount of money in pence (an integer; negative for a reduction or an overspend). */
export type Money = number & { readonly [moneyBrand]: 'pence' };

function checked(pence: number): Money {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`Not a whole number of pence in range: ${pence}`);
  return pence as Money;
}

/** Money from a count of pence; throws on fractions of a penny or amounts out of range. */
export function moneyFromPence(pence: number): Money {
  return checked(pence);
}

export const ZERO_MONEY: Money = checked(0);

// An optional minus, an optional pound sign, whole pounds (plain or grouped in threes with commas)
// and up to two decimal places. "(£12.30)" is how finance reports show a negative amount.
const AMOUNT = /^(-)?£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

const invalid = (field?: string) => fail(domainError('invalid', phraseText('inputs.money'), field));

/**
 * Reads an amount as people type it ("£1,234.56", "1234.5", "-£20", "(£20.00)") or as a number
 * of pounds (1234.56). Rejects more than two decimal places rather than rounding them away.
 */
export function parseMoney(input: string | number, field?: string): Result<Money> {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return invalid(field);
    // The shortest decimal that reads back as this number: 0.1 + 0.2 arrives as 0.30000000000000004
    // and is rejected, because it is not a whole number of pence.
    text = String(input);
    if (/e/i.test(text)) return invalid(field);
  } else {
    text = input.trim().replace(/\s+/g, '');
    const bracketed = /^\((.*)\)$/.exec(text);
    if (bracketed) text = bracketed[1]!.startsWith('-') ? '' : `-${bracketed[1]}`;
  }
  const match = AMOUNT.exec(text);
  if (!match) return invalid(field);
  const [, minus, pounds, decimals = ''] = match;
  const pence = Number(pounds!.replaceAll(',', '')) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) return invalid(field);
  return ok(checked(minus && pence !== 0 ? -pence : pence));
}

export function addMoney(a: Money, b: Money): Money {
  return checked(a + b);
}

export function subtractMoney(a: Money, b: Money): Money {
  return checked(a - b);
}

export function sumMoney(amounts: Iterable<Money>): Money {
  let total = ZERO_MONEY;
  for (const amount of amounts) total = addMoney(total, amount);
  return total;
}

/** "£1,234.56", "-£20.00": always pence, grouped pounds, as GOV.UK style writes money in tables. */
export function formatMoney(amount: Money): string {
  const pence = Math.abs(amount);
  const pounds = String(Math.floor(pence / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const rest = String(pence % 100).padStart(2, '0');
  return `${amount < 0 ? '-' : ''}£${pounds}.${rest}`;
}
