/**
 * Checking one figure for a measure and period before it is stored: the period must exist for
 * the measure's frequency, the number must be a number within the measure's range with no more
 * decimals than it is reported to, and a ratio's parts must make sense.
 */
import { domainError, fail, ok, type DomainError, type Result } from '../../../kernel/result.ts';
import { isValidPeriodForFrequency, type Period } from '../../../kernel/measurement/periods.ts';
import { formatNumber } from '../../../kernel/measurement/format.ts';
import { decimalPlacesOf, numberFromInput } from '../../../kernel/measurement/numbers.ts';
import { phrase, phraseText, type Phrase } from '../../../kernel/phrase.ts';
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

/** The allowed range in words; only called when the value is outside it, so at least one end is set. */
function rangeWords(min: number | null, max: number | null, unit: string): Phrase {
  const show = (n: number) =>
    unit === '%' ? `${formatNumber(n, decimalsToShow(n))}%` : formatNumber(n, decimalsToShow(n));
  if (min !== null && max !== null) return phrase('valueRefusals.between', { min: show(min), max: show(max) });
  if (min !== null)
    return min === 0 ? phrase('valueRefusals.zeroOrMore') : phrase('valueRefusals.atLeast', { min: show(min) });
  return phrase('valueRefusals.atMost', { max: show(max ?? 0) });
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
    return fail([domainError('invalid_state', phraseText('valueRefusals.retired', { code: measure.code }))]);
  }
  const period = isValidPeriodForFrequency(input.periodKey ?? '', measure.frequency);
  if (!period.ok) add('periodKey', period.error.message);

  const number = (raw: unknown, field: string, name: Phrase): number | null => {
    const parsed = numberFromInput(raw);
    if (parsed !== null && Number.isNaN(parsed)) {
      add(field, phraseText('valueRefusals.notANumber', { name }));
      return null;
    }
    return parsed;
  };
  const value = number(input.value, 'value', phrase('measureFields.theValue'));
  const numerator = number(input.numerator, 'numerator', phrase('measureFields.theNumerator'));
  const denominator = number(input.denominator, 'denominator', phrase('measureFields.theDenominator'));
  const hasParts = numerator !== null || denominator !== null;

  if (measure.aggregation === 'ratio' && (numerator === null || denominator === null) && !errors.length) {
    if (value !== null || hasParts) {
      if (numerator === null) add('numerator', phraseText('valueRefusals.enterNumeratorRatio'));
      if (denominator === null) add('denominator', phraseText('valueRefusals.enterDenominatorRatio'));
    }
  } else if (hasParts && (numerator === null || denominator === null)) {
    if (numerator === null) add('numerator', phraseText('valueRefusals.enterNumeratorToo'));
    if (denominator === null) add('denominator', phraseText('valueRefusals.enterDenominatorToo'));
  }

  let computed: number | null = value;
  if (numerator !== null && denominator !== null) {
    if (numerator < 0) add('numerator', phraseText('valueRefusals.numeratorNegative'));
    if (denominator < 0) add('denominator', phraseText('valueRefusals.denominatorNegative'));
    if (denominator === 0) add('denominator', phraseText('valueRefusals.denominatorZero'));
    else if (measure.unit === '%' && numerator > denominator) {
      add('numerator', phraseText('valueRefusals.numeratorAbovePercent', { numerator, denominator }));
    }
    if (numerator >= 0 && denominator > 0) {
      const raw = (numerator / denominator) * ratioScale(measure.unit);
      computed = Number(raw.toFixed(measure.decimalPlaces));
      if (value !== null && Math.abs(value - computed) > 0.5 * 10 ** -measure.decimalPlaces + 1e-9) {
        add('value', phraseText('valueRefusals.valueNotRatio', { value, computed }));
      }
    }
  } else if (value !== null) {
    const places = decimalPlacesOf(input.value);
    if (places > measure.decimalPlaces) {
      add(
        'value',
        measure.decimalPlaces === 0
          ? phraseText('valueRefusals.wholeNumber')
          : measure.decimalPlaces === 1
            ? phraseText('valueRefusals.oneDecimal')
            : phraseText('valueRefusals.decimals', { places: measure.decimalPlaces }),
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
          ? phraseText('valueRefusals.countNegative', { code: measure.code })
          : phraseText('valueRefusals.outOfRange', {
              range: rangeWords(measure.minValue, measure.maxValue, measure.unit),
              value: `${computed}${measure.unit === '%' ? '%' : ''}`,
            }),
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
  return fail(checked.error[0] ?? domainError('invalid', phraseText('valueRefusals.notValid')));
}
