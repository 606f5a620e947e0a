/**
 * The kernel's refusals are stored phrases (its tests check the codes, as the kernel may not import
 * the catalogue); here they are said, word for word as people have always read them.
 */
import { describe, expect, it } from 'vitest';
import { isoDate, optionalText, requiredText } from '../../kernel/inputs.ts';
import {
  validateRagThresholds,
  validateTargetPlan,
  type Polarity,
  type RagThresholds,
  type TargetPlan,
} from '../../kernel/measurement/index.ts';
import { optionalNumber, optionalWholeNumber } from '../../kernel/measurement/numbers.ts';
import { parseMoney } from '../../kernel/money.ts';
import { phrase, phraseText, readStoredPhrase } from '../../kernel/phrase.ts';
import type { Result } from '../../kernel/result.ts';
import { sayStored } from './index.ts';

function said(result: Result<unknown>): string {
  if (result.ok) throw new Error('expected a refusal');
  return sayStored(result.error.message);
}

function zodSaid(
  schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const parsed = schema.safeParse(value);
  return (parsed.error?.issues ?? []).map((issue) => sayStored(issue.message));
}

describe('the kernel’s refusals in words', () => {
  it.each([
    [{ kind: 'percentage', amberPercent: -1 }, 'higher-is-better', 'The amber percentage cannot be negative'],
    [{ kind: 'absolute', amberAmount: -1 }, 'higher-is-better', 'The amber amount cannot be negative'],
    [{ kind: 'bands', amberLower: 71 }, 'higher-is-better', 'Amber must start at or below the target (70), not at 71'],
    [{ kind: 'bands', amberUpper: 69 }, 'lower-is-better', 'Amber must end at or above the target (70), not at 69'],
    [{ kind: 'bands' }, 'higher-is-better', 'Give the value where amber starts'],
    [{ kind: 'bands' }, 'lower-is-better', 'Give the value where amber ends'],
  ] as const)('thresholds %o', (thresholds, polarity: Polarity, words) => {
    expect(said(validateRagThresholds(thresholds as RagThresholds, polarity, { kind: 'value', value: 70 }))).toBe(
      words,
    );
  });

  it.each([
    [
      { kind: 'fixed', target: { kind: 'range', lower: 6, upper: 4 } },
      'sum',
      'A target range must run from the lower to the upper value, not 6 to 4',
    ],
    [{ kind: 'fixed', target: { kind: 'value', value: Number.NaN } }, 'sum', 'Every target must be a number'],
    [
      { kind: 'profiled', yearEnd: {}, weights: [1, 1, 1] },
      'sum',
      'A quarterly profile needs 4 weights, one for each period, not 3',
    ],
    [{ kind: 'profiled', yearEnd: {}, weights: [1, -1, 1, 1] }, 'sum', 'Profile weights cannot be negative'],
    [{ kind: 'profiled', yearEnd: {}, weights: [0, 0, 0, 0] }, 'sum', 'At least one profile weight must be above zero'],
    [
      { kind: 'profiled', yearEnd: {}, weights: [1, 1, 1, 1] },
      'mean',
      'A profiled target spreads a year-end total, so it needs a measure that is summed over the year',
    ],
  ] as const)('target plan %o (%s)', (plan, rule, words) => {
    expect(said(validateTargetPlan(plan as TargetPlan, 'quarterly', rule))).toBe(words);
  });

  it('money', () => {
    expect(said(parseMoney('£1.2.3', 'amount'))).toBe('Enter an amount of money in pounds and pence, like £1,234.56');
  });

  it('shared input checks, with English labels and with labels from the catalogue', () => {
    expect(zodSaid(requiredText('a title', 5), '')).toEqual(['Enter a title']);
    expect(zodSaid(requiredText('a title', 5), 'too long')).toEqual(['A title must be 5 characters or fewer']);
    expect(zodSaid(requiredText(phrase('fieldNames.aTitle'), 5), '')).toEqual(['Enter a title']);
    expect(zodSaid(requiredText(phrase('fieldNames.aTitle'), 5), 'too long')).toEqual([
      'A title must be 5 characters or fewer',
    ]);
    expect(zodSaid(optionalText(phrase('fieldNames.description'), 3), 'long')).toEqual([
      'Description must be 3 characters or fewer',
    ]);
    expect(readStoredPhrase(requiredText(phrase('fieldNames.aTitle')).safeParse('').error!.issues[0]!.message)).toEqual(
      phrase('inputs.enter', { label: phrase('fieldNames.aTitle') }),
    );
    expect(zodSaid(optionalText('reason', 3), 'long')).toEqual(['Reason must be 3 characters or fewer']);
    expect(zodSaid(isoDate('the date they left'), '2025-4-1')[0]).toBe(
      'The date they left must be a real date, like 2025-04-01',
    );
    expect(zodSaid(isoDate('the date they left'), '2025-02-30')).toEqual(['The date they left must be a real date']);
    expect(zodSaid(optionalNumber('target'), 'seventy')).toEqual(['Target must be a number, like 70 or 12.5']);
    expect(zodSaid(optionalWholeNumber('decimal places', 0, 10), '11')).toEqual([
      'Decimal places must be a whole number from 0 to 10',
    ]);
  });
});

describe("the API's parameter messages", () => {
  // The words API clients have always read in problem JSON's field messages.
  it.each([
    [phraseText('apiInputs.uuid'), 'must be a UUID'],
    [phraseText('apiInputs.namedUuid', { field: 'unitId' }), 'unitId must be a UUID'],
    [phraseText('apiInputs.dateLike'), 'must be a date like 2025-04-01'],
    [phraseText('apiInputs.realDate'), 'must be a real date'],
    [phraseText('apiInputs.quarter'), 'must be a quarter such as 2025-26-Q2'],
    [phraseText('apiInputs.rollupMethod'), 'must be worst-of, majority or weighted-score'],
    [phraseText('apiInputs.share'), 'must be a share from 0 to 1'],
  ])('%s', (stored, english) => {
    expect(sayStored(stored)).toBe(english);
  });
});
