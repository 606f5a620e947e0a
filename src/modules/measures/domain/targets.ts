/**
 * Setting and revising a target: what people send, and the checks against the measure it is for.
 */
import { z } from 'zod';
import { isoDate, optionalId, optionalText } from '../../../kernel/inputs.ts';
import { domainError, fail, ok, type DomainError, type Result } from '../../../kernel/result.ts';
import { isValidPeriodForFrequency, parsePeriodKey, periodStart } from '../../../kernel/measurement/periods.ts';
import { formatNumber } from '../../../kernel/measurement/format.ts';
import { optionalNumber } from '../../../kernel/measurement/numbers.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import {
  TARGET_KINDS,
  type Frequency,
  type Polarity,
  type TargetKind,
} from '../../../kernel/measurement/vocabulary.ts';

const keyText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((raw) => (raw === undefined || raw === null || raw.trim() === '' ? null : raw.trim()));

/** A new target (reason optional) or a revision (reason required: see targetRevisionInput). */
export const targetInput = z.object({
  kind: z.enum(TARGET_KINDS, { message: phraseText('targetRefusals.chooseKind') }),
  financialYear: z
    .string({ message: phraseText('targetRefusals.enterYear') })
    .trim()
    .min(1, phraseText('targetRefusals.enterYear')),
  periodKey: keyText,
  planPeriodStart: keyText,
  planPeriodEnd: keyText,
  breakdownId: optionalId(phraseText('targetRefusals.categoryExists')),
  value: optionalNumber(phrase('measureFields.target')),
  lower: optionalNumber(phrase('measureFields.lowerEnd')),
  upper: optionalNumber(phrase('measureFields.upperEnd')),
  effectiveFrom: z.preprocess(
    (raw) => (raw === '' || raw === null ? undefined : raw),
    isoDate(phrase('measureFields.targetAppliesFrom')).optional(),
  ),
  reason: optionalText(phrase('measureFields.reason'), 1000),
});
export type TargetInput = z.infer<typeof targetInput>;

/** A revision changes only the figures, from a date, for a reason. */
export const targetRevisionInput = z.object({
  value: optionalNumber(phrase('measureFields.target')),
  lower: optionalNumber(phrase('measureFields.lowerEnd')),
  upper: optionalNumber(phrase('measureFields.upperEnd')),
  effectiveFrom: z.preprocess(
    (raw) => (raw === '' || raw === null ? undefined : raw),
    isoDate(phrase('measureFields.newTargetAppliesFrom')).optional(),
  ),
  reason: z
    .string({ message: phraseText('targetRefusals.enterReason') })
    .trim()
    .min(1, phraseText('targetRefusals.enterReason'))
    .max(1000, phraseText('targetRefusals.reasonTooLong')),
});
export type TargetRevisionInput = z.infer<typeof targetRevisionInput>;

export interface MeasureForTargets {
  code: string;
  status: string;
  polarity: Polarity;
  frequency: Frequency;
  unit: string;
  minValue: number | null;
  maxValue: number | null;
}

/** What is stored for a target version, after checking. */
export interface CheckedTarget {
  kind: TargetKind;
  financialYear: string;
  periodKey: string | null;
  planPeriodStart: string | null;
  planPeriodEnd: string | null;
  breakdownId: string | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  effectiveFrom: string;
}

const notAYear = (given: string, example: string) => phraseText('targetRefusals.notAYear', { given, example });

function annualStart(key: string): number | null {
  const parsed = parsePeriodKey(key);
  return parsed.ok && parsed.value.frequency === 'annual' ? parsed.value.fyStartYear : null;
}

/** The figures: one value, or a range for a within-range measure; within the measure's range. */
export function checkTargetFigures(
  measure: MeasureForTargets,
  figures: { value: number | null; lower: number | null; upper: number | null },
): DomainError[] {
  const errors: DomainError[] = [];
  const add = (field: string, message: string) => errors.push(domainError('invalid', message, field));
  const inRange = (n: number, field: string) => {
    const show = (x: number) =>
      `${formatNumber(x, Math.min(6, String(x).split('.')[1]?.length ?? 0))}${measure.unit === '%' ? '%' : ''}`;
    if (measure.minValue !== null && n < measure.minValue)
      add(field, phraseText('targetRefusals.belowLowest', { min: show(measure.minValue) }));
    else if (measure.maxValue !== null && n > measure.maxValue)
      add(field, phraseText('targetRefusals.aboveHighest', { max: show(measure.maxValue) }));
  };
  if (measure.polarity === 'within-range') {
    if (figures.lower === null) add('lower', phraseText('targetRefusals.enterLower'));
    if (figures.upper === null) add('upper', phraseText('targetRefusals.enterUpper'));
    if (figures.lower !== null && figures.upper !== null) {
      if (figures.lower > figures.upper) {
        add('upper', phraseText('targetRefusals.upperBelowLower', { upper: figures.upper, lower: figures.lower }));
      }
      inRange(figures.lower, 'lower');
      inRange(figures.upper, 'upper');
    }
  } else {
    if (figures.lower !== null || figures.upper !== null) {
      add('value', phraseText('targetRefusals.singleTarget'));
    } else if (figures.value === null) add('value', phraseText('targetRefusals.enterTarget'));
    if (figures.value !== null) inRange(figures.value, 'value');
  }
  return errors;
}

/**
 * Checks a new target against its measure. Unless a date is given it applies from the start of
 * its financial year, so a target set late still covers the whole year it is for; revisions
 * (see target-history) apply from the day they are made.
 */
export function checkTarget(measure: MeasureForTargets, input: TargetInput): Result<CheckedTarget, DomainError[]> {
  if (measure.status === 'retired') {
    return fail([domainError('invalid_state', phraseText('targetRefusals.retired', { code: measure.code }))]);
  }
  if (measure.polarity === 'none') {
    return fail([
      domainError('invalid_state', phraseText('targetRefusals.noPolarity', { code: measure.code }), 'kind'),
    ]);
  }
  const errors: DomainError[] = [];
  const add = (field: string, message: string) => errors.push(domainError('invalid', message, field));
  const year = annualStart(input.financialYear);
  if (year === null) add('financialYear', notAYear(input.financialYear, '2025-26'));

  let periodKey: string | null = null;
  let planPeriodStart: string | null = null;
  let planPeriodEnd: string | null = null;
  if (input.kind === 'profile') {
    if (input.periodKey === null) add('periodKey', phraseText('targetRefusals.enterProfilePeriod'));
    else {
      const period = isValidPeriodForFrequency(input.periodKey, measure.frequency);
      if (!period.ok) add('periodKey', period.error.message);
      else if (year !== null && period.value.fyStartYear !== year) {
        add(
          'periodKey',
          phraseText('targetRefusals.periodNotInYear', { period: input.periodKey, year: input.financialYear }),
        );
      } else periodKey = input.periodKey;
    }
  } else if (input.periodKey !== null) {
    add(
      'periodKey',
      input.kind === 'annual'
        ? phraseText('targetRefusals.noPeriodForAnnual')
        : phraseText('targetRefusals.noPeriodForMultiYear'),
    );
  }
  if (input.kind === 'multi-year') {
    const start = input.planPeriodStart === null ? null : annualStart(input.planPeriodStart);
    const end = input.planPeriodEnd === null ? null : annualStart(input.planPeriodEnd);
    if (input.planPeriodStart === null) add('planPeriodStart', phraseText('targetRefusals.enterPlanStart'));
    else if (start === null) add('planPeriodStart', notAYear(input.planPeriodStart, '2024-25'));
    if (input.planPeriodEnd === null) add('planPeriodEnd', phraseText('targetRefusals.enterPlanEnd'));
    else if (end === null) add('planPeriodEnd', notAYear(input.planPeriodEnd, '2027-28'));
    if (start !== null && end !== null) {
      if (start > end) add('planPeriodEnd', phraseText('targetRefusals.planBackwards'));
      else if (year !== null && (year < start || year > end)) {
        add(
          'financialYear',
          phraseText('targetRefusals.yearOutsidePlan', {
            year: input.financialYear,
            start: input.planPeriodStart ?? start,
            end: input.planPeriodEnd ?? end,
          }),
        );
      } else {
        planPeriodStart = input.planPeriodStart;
        planPeriodEnd = input.planPeriodEnd;
      }
    }
  } else if (input.planPeriodStart !== null || input.planPeriodEnd !== null) {
    add('planPeriodStart', phraseText('targetRefusals.planOnlyMultiYear'));
  }
  errors.push(...checkTargetFigures(measure, input));
  if (errors.length > 0 || year === null) return fail(errors);

  const yearStart = periodStart({ frequency: 'annual', fyStartYear: year, index: 1 });
  const effectiveFrom = input.effectiveFrom ?? yearStart;
  const range = measure.polarity === 'within-range';
  return ok({
    kind: input.kind,
    financialYear: input.financialYear,
    periodKey,
    planPeriodStart,
    planPeriodEnd,
    breakdownId: input.breakdownId,
    value: range ? null : input.value,
    lower: range ? input.lower : null,
    upper: range ? input.upper : null,
    effectiveFrom,
  });
}
