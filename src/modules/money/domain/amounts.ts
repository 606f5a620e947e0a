/**
 * Amounts as a finance system's extract or a person writes them. The kernel's parser refuses
 * fractions of a penny; this says so in words that name the problem, since "12.345" is the usual
 * sign of a formula's unrounded result pasted into the extract.
 */
import { parseMoney, type Money } from '../../../kernel/money.ts';
import { domainError, fail, ok, type Result } from '../../../kernel/result.ts';

const MORE_THAN_TWO_DECIMALS = /^\(?-?£?[\d,]*\.\d{3,}\)?$/;

export function parseAmount(input: string, label: string, field?: string): Result<Money> {
  const text = input.trim().replace(/\s+/g, '');
  if (text === '') return fail(domainError('invalid', `Enter the ${label}`, field));
  if (MORE_THAN_TWO_DECIMALS.test(text)) {
    return fail(
      domainError(
        'invalid',
        `The ${label} “${input.trim()}” has more than two decimal places: amounts are in pounds and whole pence`,
        field,
      ),
    );
  }
  const parsed = parseMoney(text, field);
  if (!parsed.ok) {
    return fail(
      domainError('invalid', `The ${label} “${input.trim()}” is not an amount of money, like 1234.56`, field),
    );
  }
  return ok(parsed.value);
}

/** An amount that may be left blank (null). */
export function parseOptionalAmount(input: string, label: string, field?: string): Result<Money | null> {
  if (input.trim() === '') return ok(null);
  return parseAmount(input, label, field);
}
