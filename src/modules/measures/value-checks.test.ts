/**
 * Checking a figure against its measure, read as a person reads them: the domain returns stored phrases, said here through the
 * catalogue (these tests sit outside domain/, which may not import the catalogue).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sayStored } from '../../platform/words/index.ts';
import { checkMeasureValue, validateMeasureValue, type MeasureForValues } from './domain/values.ts';

const percentage: MeasureForValues = {
  code: 'ASC-01',
  unit: '%',
  decimalPlaces: 1,
  frequency: 'quarterly',
  aggregation: 'mean',
  minValue: 0,
  maxValue: 100,
  status: 'active',
};
const count: MeasureForValues = {
  ...percentage,
  code: 'HOU-02',
  unit: 'number',
  decimalPlaces: 0,
  aggregation: 'sum',
  minValue: 0,
  maxValue: null,
  frequency: 'monthly',
};
const ratio: MeasureForValues = { ...percentage, code: 'EDU-03', aggregation: 'ratio' };

function firstErrors(measure: MeasureForValues, input: Parameters<typeof checkMeasureValue>[1]) {
  const result = checkMeasureValue(measure, input);
  return result.ok ? [] : result.error.map((e) => `${e.field ?? ''}: ${sayStored(e.message)}`);
}

describe('checking a value', () => {
  it.each<[string, MeasureForValues, Parameters<typeof checkMeasureValue>[1], string]>([
    [
      'non-numeric',
      percentage,
      { periodKey: '2025-26-Q1', value: 'seventy' },
      'value: The value must be a number, like 70 or 12.5',
    ],
    [
      'a percentage of 140',
      percentage,
      { periodKey: '2025-26-Q1', value: '140' },
      'value: The value must be between 0% and 100%, not 140%',
    ],
    [
      'a negative count',
      count,
      { periodKey: '2025-26-M01', value: '-3' },
      'value: The value cannot be negative: HOU-02 counts things',
    ],
    [
      'denominator 0',
      ratio,
      { periodKey: '2025-26-Q1', numerator: '3', denominator: '0' },
      'denominator: The denominator cannot be 0: there is nothing to divide by',
    ],
    [
      'numerator above denominator',
      ratio,
      { periodKey: '2025-26-Q1', numerator: '12', denominator: '10' },
      'numerator: The numerator (12) cannot be more than the denominator (10) for a percentage',
    ],
    [
      'a month for a quarterly measure',
      percentage,
      { periodKey: '2025-26-M03', value: '50' },
      'periodKey: 2025-26-M03 is a monthly period but this measure is quarterly',
    ],
    [
      'a period that does not exist',
      percentage,
      { periodKey: '2025-26-Q5', value: '50' },
      'periodKey: 2025-26-Q5 is not a period: quarters run Q1 to Q4',
    ],
    [
      'too many decimals',
      percentage,
      { periodKey: '2025-26-Q1', value: '70.25' },
      'value: Enter the value to no more than 1 decimal place',
    ],
    [
      'decimals on a whole-number measure',
      count,
      { periodKey: '2025-26-M01', value: '3.5' },
      'value: Enter a whole number: this measure has no decimal places',
    ],
    [
      'a ratio without its parts',
      ratio,
      { periodKey: '2025-26-Q1', value: '50' },
      'numerator: Enter the numerator: this measure is a ratio',
    ],
    [
      'half a ratio',
      percentage,
      { periodKey: '2025-26-Q1', numerator: '5' },
      'denominator: Enter the denominator as well as the numerator',
    ],
    [
      'a value that disagrees with its parts',
      ratio,
      { periodKey: '2025-26-Q1', value: '60', numerator: '1', denominator: '2' },
      'value: The value (60) does not match numerator ÷ denominator (50); leave it blank to work it out',
    ],
    [
      'a negative numerator',
      ratio,
      { periodKey: '2025-26-Q1', numerator: '-1', denominator: '2' },
      'numerator: The numerator cannot be negative',
    ],
  ])('refuses %s', (_, measure, input, expected) => {
    expect(firstErrors(measure, input)).toContain(expected);
  });

  it('refuses any value for a retired measure', () => {
    const result = validateMeasureValue({ ...percentage, status: 'retired' }, { periodKey: '2025-26-Q1', value: '50' });
    expect(
      result.ok ? result : { ok: false, error: { ...result.error, message: sayStored(result.error.message) } },
    ).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'ASC-01 is retired: it takes no new values' },
    });
  });

  it('works out a ratio value from its parts, rounded to the measure', () => {
    const result = validateMeasureValue(ratio, { periodKey: '2025-26-Q2', numerator: '1', denominator: '3' });
    expect(result).toMatchObject({
      ok: true,
      value: { value: 33.3, numerator: 1, denominator: 3, periodKey: '2025-26-Q2' },
    });
  });

  it('accepts thousands separators, trailing zeros within the decimals, and a blank draft', () => {
    expect(validateMeasureValue(count, { periodKey: '2025-26-M01', value: '1,234' })).toMatchObject({
      ok: true,
      value: { value: 1234 },
    });
    expect(validateMeasureValue(percentage, { periodKey: '2025-26-Q1', value: '70.0' })).toMatchObject({
      ok: true,
      value: { value: 70 },
    });
    expect(validateMeasureValue(percentage, { periodKey: '2025-26-Q1', value: '' })).toMatchObject({
      ok: true,
      value: { value: null },
    });
  });

  it('reports every problem together', () => {
    expect(firstErrors(percentage, { periodKey: 'soon', value: '140' })).toHaveLength(2);
  });

  it('accepts exactly the percentages from 0 to 100 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), (tenths) => {
        const value = (tenths / 10).toFixed(1);
        const ok = validateMeasureValue(percentage, { periodKey: '2025-26-Q1', value }).ok;
        expect(ok).toBe(tenths >= 0 && tenths <= 1000);
      }),
    );
  });

  it('any valid ratio of a percentage stays within 0..100 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (denominator, share) => {
          const numerator = Math.floor(denominator * share);
          const result = validateMeasureValue(ratio, { periodKey: '2025-26-Q1', numerator, denominator });
          expect(result.ok).toBe(true);
          if (result.ok) {
            expect(result.value.value).toBeGreaterThanOrEqual(0);
            expect(result.value.value).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});
