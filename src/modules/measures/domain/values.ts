/**
 * Checking one figure for a measure and period before it is stored: the period must exist for
 * the measure's frequency, the number must be a number within the measure's range with no more
 * decimals than it is reported to, and a ratio's parts must make sense.
 */
import { domainError, fail, ok, type DomainError, type Result } from '../../../kernel/result.ts';
import { isValidPeriodForFrequency, type Period } from '../../../kernel/measurement/periods.ts';
import { formatNumber } from '../../../kernel/measurement/format.ts';
import { decimalPlacesOf, numberFromInput } from '../../../kernel/measurement/numbers.ts';
import { ratioScale, type AggregationRule, type Frequency } from '../../../kernel/measurement/vocabulary.ts';

export interface MeasureForValues {
  code: string;
  unit: string;
  decimalPlaces: number;
  frequency: Frequency;
  aggregation: AggregationRule;
  minValue: number | null;
  maxValue: number | null;
  status: string;
}

export interface ValueInput {
  periodKey: string;
  value?: unknown;
  numerator?: unknown;
  denominator?: unknown;
}

export interface CheckedValue {
  period: Period;
  periodKey: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

function plural(n: number, word: string): string {
  return n === 1 ? `${n} ${word}` : `${n} ${word}s`;
}

function rangeWords(min: number | null, max: number | null, unit: string): string {
  const show = (n: number) =>
    unit === '%' ? `${formatNumber(n, decimalsToShow(n))}%` : formatNumber(n, decimalsToShow(n));
  if (min !== null && max !== null) return `between ${show(min)} and ${show(max)}`;
  if (min !== null) return min === 0 ? '0 or more' : `${show(min)} or more`;
  if (max !== null) return `${show(max)} or less`;
  return '';
}

function decimalsToShow(n: number): number {
  return Math.min(6, decimalPlacesOf(n));
}

/**
 * All problems at once (a form shows them together), each naming its field. An empty value with
 * no parts is allowed (a draft with commentary only) and returns value null.
 */
export function checkMeasureValue(measure: MeasureForValues, input: ValueInput): Result<CheckedValue, DomainError[]> {
  const errors: DomainError[] = [];
  const add = (field: string, message: string) => errors.push(domainError('invalid', message, field));

  if (measure.status === 'retired') {
    return fail([domainError('invalid_state', `${measure.code} is retired: it takes no new values`)]);
  }
  const period = isValidPeriodForFrequency(input.periodKey ?? '', measure.frequency);
  if (!period.ok) add('periodKey', period.error.message);

  const number = (raw: unknown, field: string, name: string): number | null => {
    const parsed = numberFromInput(raw);
    if (parsed !== null && Number.isNaN(parsed)) {
      add(field, `${name} must be a number, like 70 or 12.5`);
      return null;
    }
    return parsed;
  };
  const value = number(input.value, 'value', 'The value');
  const numerator = number(input.numerator, 'numerator', 'The numerator');
  const denominator = number(input.denominator, 'denominator', 'The denominator');
  const hasParts = numerator !== null || denominator !== null;

  if (measure.aggregation === 'ratio' && (numerator === null || denominator === null) && !errors.length) {
    if (value !== null || hasParts) {
      if (numerator === null) add('numerator', 'Enter the numerator: this measure is a ratio');
      if (denominator === null) add('denominator', 'Enter the denominator: this measure is a ratio');
    }
  } else if (hasParts && (numerator === null || denominator === null)) {
    if (numerator === null) add('numerator', 'Enter the numerator as well as the denominator');
    if (denominator === null) add('denominator', 'Enter the denominator as well as the numerator');
  }

  let computed: number | null = value;
  if (numerator !== null && denominator !== null) {
    if (numerator < 0) add('numerator', 'The numerator cannot be negative');
    if (denominator < 0) add('denominator', 'The denominator cannot be negative');
    if (denominator === 0) add('denominator', 'The denominator cannot be 0: there is nothing to divide by');
    else if (measure.unit === '%' && numerator > denominator) {
      add(
        'numerator',
        `The numerator (${numerator}) cannot be more than the denominator (${denominator}) for a percentage`,
      );
    }
    if (numerator >= 0 && denominator > 0) {
      const raw = (numerator / denominator) * ratioScale(measure.unit);
      computed = Number(raw.toFixed(measure.decimalPlaces));
      if (value !== null && Math.abs(value - computed) > 0.5 * 10 ** -measure.decimalPlaces + 1e-9) {
        add(
          'value',
          `The value (${value}) does not match numerator ÷ denominator (${computed}); leave it blank to work it out`,
        );
      }
    }
  } else if (value !== null) {
    const places = decimalPlacesOf(input.value);
    if (places > measure.decimalPlaces) {
      add(
        'value',
        measure.decimalPlaces === 0
          ? 'Enter a whole number: this measure has no decimal places'
          : `Enter the value to no more than ${plural(measure.decimalPlaces, 'decimal place')}`,
      );
    }
  }

  if (computed !== null) {
    const field = value !== null || !hasParts ? 'value' : 'numerator';
    const tooLow = measure.minValue !== null && computed < measure.minValue;
    const tooHigh = measure.maxValue !== null && computed > measure.maxValue;
    if (tooLow || tooHigh) {
      const isCount = measure.unit === 'number' && measure.minValue === 0 && computed < 0;
      add(
        field,
        isCount
          ? `The value cannot be negative: ${measure.code} counts things`
          : `The value must be ${rangeWords(measure.minValue, measure.maxValue, measure.unit)}, not ${computed}${measure.unit === '%' ? '%' : ''}`,
      );
    }
  }

  if (errors.length > 0 || !period.ok) return fail(errors);
  return ok({ period: period.value, periodKey: input.periodKey.trim(), value: computed, numerator, denominator });
}

/** The first problem only, for callers that report one failure (API single value). */
export function validateMeasureValue(measure: MeasureForValues, input: ValueInput): Result<CheckedValue> {
  const checked = checkMeasureValue(measure, input);
  if (checked.ok) return checked;
  return fail(checked.error[0] ?? domainError('invalid', 'The value is not valid'));
}
