/**
 * Setting and revising a target: what people send, and the checks against the measure it is for.
 */
import { z } from 'zod';
import { isoDate, optionalId, optionalText } from '../../../kernel/inputs.ts';
import { domainError, fail, ok, type DomainError, type Result } from '../../../kernel/result.ts';
import { isValidPeriodForFrequency, parsePeriodKey, periodStart } from '../../../kernel/measurement/periods.ts';
import { formatNumber } from '../../../kernel/measurement/format.ts';
import { optionalNumber } from '../../../kernel/measurement/numbers.ts';
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
  kind: z.enum(TARGET_KINDS, { message: 'Select the kind of target' }),
  financialYear: z
    .string({ message: 'Enter the financial year, like 2025-26' })
    .trim()
    .min(1, 'Enter the financial year, like 2025-26'),
  periodKey: keyText,
  planPeriodStart: keyText,
  planPeriodEnd: keyText,
  breakdownId: optionalId('Select a breakdown category that exists'),
  value: optionalNumber('target'),
  lower: optionalNumber('lower end of the range'),
  upper: optionalNumber('upper end of the range'),
  effectiveFrom: z.preprocess(
    (raw) => (raw === '' || raw === null ? undefined : raw),
    isoDate('the date the target applies from').optional(),
  ),
  reason: optionalText('reason', 1000),
});
export type TargetInput = z.infer<typeof targetInput>;

/** A revision changes only the figures, from a date, for a reason. */
export const targetRevisionInput = z.object({
  value: optionalNumber('target'),
  lower: optionalNumber('lower end of the range'),
  upper: optionalNumber('upper end of the range'),
  effectiveFrom: z.preprocess(
    (raw) => (raw === '' || raw === null ? undefined : raw),
    isoDate('the date the new target applies from').optional(),
  ),
  reason: z
    .string({ message: 'Enter the reason for the change' })
    .trim()
    .min(1, 'Enter the reason for the change')
    .max(1000, 'Reason must be 1000 characters or fewer'),
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
      add(field, `The target cannot be below ${show(measure.minValue)}`);
    else if (measure.maxValue !== null && n > measure.maxValue)
      add(field, `The target cannot be above ${show(measure.maxValue)}`);
  };
  if (measure.polarity === 'within-range') {
    if (figures.lower === null) add('lower', 'Enter the lower end of the target range');
    if (figures.upper === null) add('upper', 'Enter the upper end of the target range');
    if (figures.lower !== null && figures.upper !== null) {
      if (figures.lower > figures.upper) {
        add('upper', `The upper end (${figures.upper}) must not be below the lower end (${figures.lower})`);
      }
      inRange(figures.lower, 'lower');
      inRange(figures.upper, 'upper');
    }
  } else {
    if (figures.lower !== null || figures.upper !== null) {
      add('value', 'Only a within-range measure has a target range: enter a single target');
    } else if (figures.value === null) add('value', 'Enter the target');
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
    return fail([domainError('invalid_state', `${measure.code} is retired: it cannot be given new targets`)]);
  }
  if (measure.polarity === 'none') {
    return fail([
      domainError('invalid_state', `${measure.code} has no polarity (monitor only), so it has no targets`, 'kind'),
    ]);
  }
  const errors: DomainError[] = [];
  const add = (field: string, message: string) => errors.push(domainError('invalid', message, field));
  const year = annualStart(input.financialYear);
  if (year === null) add('financialYear', `${input.financialYear} is not a financial year: use the form 2025-26`);

  let periodKey: string | null = null;
  let planPeriodStart: string | null = null;
  let planPeriodEnd: string | null = null;
  if (input.kind === 'profile') {
    if (input.periodKey === null) add('periodKey', 'Enter the period the profiled target is for, like 2025-26-Q2');
    else {
      const period = isValidPeriodForFrequency(input.periodKey, measure.frequency);
      if (!period.ok) add('periodKey', period.error.message);
      else if (year !== null && period.value.fyStartYear !== year) {
        add('periodKey', `${input.periodKey} is not in ${input.financialYear}`);
      } else periodKey = input.periodKey;
    }
  } else if (input.periodKey !== null) {
    add(
      'periodKey',
      `Only a profiled target is for one period: leave the period blank for ${input.kind === 'annual' ? 'an annual' : 'a multi-year'} target`,
    );
  }
  if (input.kind === 'multi-year') {
    const start = input.planPeriodStart === null ? null : annualStart(input.planPeriodStart);
    const end = input.planPeriodEnd === null ? null : annualStart(input.planPeriodEnd);
    if (input.planPeriodStart === null) add('planPeriodStart', 'Enter the first year of the plan period, like 2024-25');
    else if (start === null)
      add('planPeriodStart', `${input.planPeriodStart} is not a financial year: use the form 2024-25`);
    if (input.planPeriodEnd === null) add('planPeriodEnd', 'Enter the last year of the plan period, like 2027-28');
    else if (end === null) add('planPeriodEnd', `${input.planPeriodEnd} is not a financial year: use the form 2027-28`);
    if (start !== null && end !== null) {
      if (start > end) add('planPeriodEnd', 'The plan period must end in or after the year it starts');
      else if (year !== null && (year < start || year > end)) {
        add(
          'financialYear',
          `The target year ${input.financialYear} must be within the plan period ${input.planPeriodStart} to ${input.planPeriodEnd}`,
        );
      } else {
        planPeriodStart = input.planPeriodStart;
        planPeriodEnd = input.planPeriodEnd;
      }
    }
  } else if (input.planPeriodStart !== null || input.planPeriodEnd !== null) {
    add('planPeriodStart', 'Only a multi-year target has a plan period');
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
