/**
 * Amounts as a finance system's extract or a person writes them. The kernel's parser refuses
 * fractions of a penny; this says so in words that name the problem, since "12.345" is the usual
 * sign of a formula's unrounded result pasted into the extract.
 */
import { phrase, phraseText, type Phrase } from '../../../kernel/phrase.ts';
import { parseMoney, type Money } from '../../../kernel/money.ts';
import { domainError, fail, ok, type Result } from '../../../kernel/result.ts';

const MORE_THAN_TWO_DECIMALS = /^\(?-?£?[\d,]*\.\d{3,}\)?$/;

export function parseAmount(input: string, label: Phrase, field?: string): Result<Money> {
  const text = input.trim().replace(/\s+/g, '');
  if (text === '') return fail(domainError('invalid', phraseText('moneyRefusals.amountMissing', { label }), field));
  if (MORE_THAN_TWO_DECIMALS.test(text)) {
    return fail(
      domainError('invalid', phraseText('moneyRefusals.amountDecimals', { label, text: input.trim() }), field),
    );
  }
  const parsed = parseMoney(text, field);
  if (!parsed.ok) {
    return fail(
      domainError('invalid', phraseText('moneyRefusals.amountInvalid', { label, text: input.trim() }), field),
    );
  }
  return ok(parsed.value);
}

/** An amount that may be left blank (null). */
export function parseOptionalAmount(input: string, label: Phrase, field?: string): Result<Money | null> {
  if (input.trim() === '') return ok(null);
  return parseAmount(input, label, field);
}

/** Each field's name as a phrase: its words are at moneyFields.<area>.<field> in the catalogue. */
export function fieldLabels<F extends string>(area: string, fields: readonly F[]): Record<F, Phrase> {
  return Object.fromEntries(fields.map((field) => [field, phrase(`moneyFields.${area}.${field}`)])) as Record<
    F,
    Phrase
  >;
}
