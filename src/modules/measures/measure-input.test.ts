/**
 * The measure definition input and its refusals, read as a person reads them: the domain returns stored phrases, said here through the
 * catalogue (these tests sit outside domain/, which may not import the catalogue).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sayStored } from '../../platform/words/index.ts';
import { formValuesOf, measureInput } from './domain/measure.ts';

const base = {
  code: 'ASC-01',
  title: 'Adults supported at home',
  unit: '%',
  polarity: 'higher-is-better',
  frequency: 'quarterly',
  aggregation: 'mean',
  measureType: 'local',
};

function messages(input: Record<string, unknown>): Record<string, string> {
  const parsed = measureInput.safeParse(input);
  if (parsed.success) return {};
  // The first message per field, as the form shows it.
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) out[issue.path.join('.')] ??= sayStored(issue.message);
  return out;
}

describe('measure definition input', () => {
  it('normalises a minimal form: percentage range 0..100, 5% amber, screening on', () => {
    const parsed = measureInput.parse({
      ...base,
      decimalPlaces: '1',
      isKey: 'true',
      tags: 'Adults, scrutiny,  adults ',
    });
    expect(parsed).toMatchObject({
      code: 'ASC-01',
      decimalPlaces: 1,
      isKey: true,
      tags: ['Adults', 'scrutiny'],
      minValue: 0,
      maxValue: 100,
      ragThresholds: { kind: 'percentage', amberPercent: 5 },
      spcSettings: { screenMovingRanges: true, baselinePoints: null },
      baselineValue: null,
      ownerPersonId: null,
    });
  });

  it('accepts JSON numbers and arrays from the API the same as form text', () => {
    const fromApi = measureInput.parse({ ...base, decimalPlaces: 1, tags: ['Adults'], minValue: 10, maxValue: 90 });
    const fromForm = measureInput.parse({
      ...base,
      decimalPlaces: '1',
      tags: 'Adults',
      minValue: '10',
      maxValue: '90',
    });
    expect(fromApi).toEqual(fromForm);
  });

  it.each([
    [{ code: '' }, 'code', 'Enter a code'],
    [
      { code: 'has space' },
      'code',
      'Code can only contain letters, numbers, hyphens, full stops, slashes and underscores',
    ],
    [{ title: '  ' }, 'title', 'Enter a title'],
    [{ polarity: 'upwards' }, 'polarity', 'Select whether higher or lower is better'],
    [{ frequency: 'weekly' }, 'frequency', 'Select how often the measure is reported'],
    [{ aggregation: 'median' }, 'aggregation', 'Select how periods add up to the year'],
    [{ measureType: 'x' }, 'measureType', 'Select the type of measure'],
    [{ decimalPlaces: '7' }, 'decimalPlaces', 'Decimal places must be a whole number from 0 to 6'],
    [{ decimalPlaces: '1.5' }, 'decimalPlaces', 'Decimal places must be a whole number from 0 to 6'],
    [{ minValue: 'ten' }, 'minValue', 'Lowest allowed value must be a number, like 70 or 12.5'],
    [
      { minValue: '50', maxValue: '10' },
      'maxValue',
      'The highest allowed value (10) must not be below the lowest (50)',
    ],
    [{ aggregation: 'ratio' }, 'numeratorLabel', 'Enter what the numerator counts (the measure is a ratio)'],
    [
      { baselinePeriod: '2024-25-M03' },
      'baselinePeriod',
      '2024-25-M03 is a monthly period but this measure is quarterly',
    ],
    [
      { baselinePeriod: '2024-26' },
      'baselinePeriod',
      '2024-26 is not a period: a financial year starting in 2024 is written 2024-25',
    ],
    [{ baselineValue: '60' }, 'baselinePeriod', 'Enter the period the baseline is for, like 2024-25'],
    [{ ragMethod: 'absolute' }, 'amberAmount', 'Enter the amber amount'],
    [{ ragMethod: 'absolute', amberAmount: '-1' }, 'amberAmount', 'Amber amount cannot be negative'],
    [{ ragMethod: 'percentage', amberPercent: '150' }, 'amberPercent', 'Amber percentage must be from 0 to 100'],
    [{ ragMethod: 'bands' }, 'amberLower', 'Enter the value where amber starts'],
    [{ ragMethod: 'bands', polarity: 'lower-is-better' }, 'amberUpper', 'Enter the value where amber ends'],
    [{ ragMethod: 'purple' }, 'ragMethod', 'Select how amber is decided'],
    [{ ownerPersonId: 'not-a-uuid' }, 'ownerPersonId', 'Select an owner who exists'],
    [{ tags: 'x'.repeat(51) }, 'tags', `Tag "${'x'.repeat(20)}…" must be 50 characters or fewer`],
    [{ spcBaselinePoints: '1' }, 'spcBaselinePoints', 'SPC baseline points must be a whole number from 2 to 100'],
  ])('refuses %o with a clear message on the field', (change, field, message) => {
    expect(messages({ ...base, ...change })[field]).toBe(message);
  });

  it('keeps explicit bands and a count default of not below zero', () => {
    const parsed = measureInput.parse({
      ...base,
      unit: 'number',
      polarity: 'within-range',
      ragMethod: 'bands',
      amberLower: '10',
      amberUpper: '20',
      spcScreening: 'false',
      spcBaselinePoints: '12',
    });
    expect(parsed.ragThresholds).toEqual({ kind: 'bands', amberLower: 10, amberUpper: 20 });
    expect(parsed.minValue).toBe(0);
    expect(parsed.maxValue).toBeNull();
    expect(parsed.spcSettings).toEqual({ screenMovingRanges: false, baselinePoints: 12 });
  });

  it('round-trips through the edit form values (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          decimalPlaces: fc.integer({ min: 0, max: 6 }),
          isKey: fc.boolean(),
          minValue: fc.option(fc.integer({ min: -1000, max: 0 }), { nil: null }),
          maxValue: fc.option(fc.integer({ min: 1, max: 100000 }), { nil: null }),
          amberPercent: fc.integer({ min: 0, max: 100 }),
          tags: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z ]{0,10}[a-z]$/), {
            maxLength: 5,
            comparator: (a, b) => a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' '),
          }),
          unit: fc.constantFrom('%', 'number', '£', 'days', 'visits'),
        }),
        (props) => {
          const first = measureInput.parse({ ...base, ...props, ragMethod: 'percentage' });
          const again = measureInput.parse(formValuesOf(first));
          expect(again).toEqual(first);
        },
      ),
    );
  });

  it('never throws on arbitrary input: it parses or reports issues', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...Object.keys(base), 'minValue', 'tags', 'decimalPlaces', 'ragMethod'),
          fc.anything(),
        ),
        (junk) => {
          const parsed = measureInput.safeParse({ ...base, ...junk });
          expect(typeof parsed.success).toBe('boolean');
        },
      ),
    );
  });
});
