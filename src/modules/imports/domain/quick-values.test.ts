import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriodKey, periodOrdinal } from '../../../kernel/measurement/periods.ts';
import { type MeasureForValues } from '../../measures/domain/index.ts';
import { AGGREGATIONS, FREQUENCIES } from '../../../kernel/measurement/vocabulary.ts';
import { checkHeaders, recordOf } from './columns.ts';
import { cellAt, createQuickValueChecker, VALUE_FIELDS, valueColumnIndexes } from './quick-values.ts';
import { checkValueRow } from './rows.ts';

const measureArb: fc.Arbitrary<MeasureForValues> = fc.record({
  code: fc.constant('M-1'),
  unit: fc.constantFrom('%', 'number', '£'),
  decimalPlaces: fc.integer({ min: 0, max: 3 }),
  frequency: fc.constantFrom(...FREQUENCIES),
  aggregation: fc.constantFrom(...AGGREGATIONS),
  minValue: fc.constantFrom(null, 0, -10, 5),
  maxValue: fc.constantFrom(null, 100, 50),
  status: fc.constantFrom('active', 'active', 'active', 'retired'),
});

const periodText = fc.constantFrom(
  '2025-26',
  '2025-26-H1',
  '2025-26-Q2',
  '2025-26-M03',
  '2025-26-M3',
  '2025/26 Q2',
  '2025/26',
  'April 2021',
  'Mar 2022',
  ' 2024-25-Q4 ',
  '2025-26-Q5',
  '2025-27',
  '2025-26-q1',
  'Smarch 2021',
  '',
);
const numberText = fc.oneof(
  fc.constantFrom('', '70', '70.5', '70.55', '-3', '1,234', '12.', '.5', 'seventy', ' 42 ', '140', '0012', '-0', '+5'),
  fc.integer({ min: -200, max: 200 }).map(String),
  fc.double({ min: -200, max: 200, noNaN: true }).map((n) => n.toFixed(3)),
  fc.double({ min: -200, max: 200, noNaN: true }).map(String),
);
const partText = fc.oneof(fc.constant(''), fc.constant(''), fc.constant(''), numberText);
const commentaryText = fc.oneof(
  fc.constantFrom('', 'Better than last year', ' padded ', '\u2003spaced\u2003', 'x'.repeat(5001)),
  fc.string(),
);
const qualityText = fc.constantFrom('', 'final', 'FINAL', 'Provisional', 'estimated', 'bad');
const evidenceText = fc.constantFrom('', '', 'https://example.org/evidence', 'not a link');
const statusText = fc.constantFrom('', 'approved', 'Published', 'draft', 'returned', 'bogus');

const rowArb = fc.record({
  periodKey: periodText,
  value: numberText,
  numerator: partText,
  denominator: partText,
  commentary: commentaryText,
  quality: qualityText,
  evidenceUrl: evidenceText,
  status: statusText,
});

const KEYS_OF: Record<string, string[]> = {
  annual: ['2025-26', '2025/26', ' 2019-20 '],
  'half-yearly': ['2025-26-H1', '2025/26 H2'],
  quarterly: ['2025-26-Q2', '2025/26 Q4', '2024-25-Q1 '],
  monthly: ['2025-26-M03', 'April 2021', 'Mar 2022', '2025/26 M3'],
};
/** A measure with a row that is mostly right for it: the quick path's usual diet. */
const plausibleArb = measureArb.chain((measure) =>
  fc.tuple(
    fc.constant(measure),
    fc.record({
      periodKey: fc.constantFrom(...KEYS_OF[measure.frequency]!),
      value: fc.oneof(
        fc.integer({ min: -20, max: 120 }).map(String),
        fc.integer({ min: -2000, max: 12000 }).map((n) => (n / 100).toFixed(measure.decimalPlaces)),
        numberText,
      ),
      numerator: fc.constantFrom('', '', '', '', '3'),
      denominator: fc.constantFrom('', '', '', '', '4'),
      commentary: commentaryText,
      quality: qualityText,
      evidenceUrl: fc.constantFrom('', '', '', 'https://example.org/evidence'),
      status: statusText,
    }),
  ),
);

/** Which columns the file has, in which order (measureCode first, as it must be). */
const layoutArb = fc
  .shuffledSubarray([...VALUE_FIELDS], { minLength: 1 })
  .map((fields) => ['measureCode', ...(fields.includes('periodKey') ? fields : ['periodKey', ...fields])]);

describe('the quick check of a values row', () => {
  it('agrees with checkValueRow whenever it gives an answer', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(fc.tuple(measureArb, rowArb), plausibleArb), layoutArb, ([measure, row], headers) => {
        const { indexOf, problems } = checkHeaders('values', headers);
        expect(problems).toEqual([]);
        const cells = headers.map((header) => (header === 'measureCode' ? 'M-1' : row[header as keyof typeof row]));
        const checker = createQuickValueChecker();
        const quick = checker.check(cells, valueColumnIndexes(indexOf), measure);
        if (quick === undefined) return;
        answered += 1;
        const full = checkValueRow(recordOf('values', indexOf, cells), measure);
        expect(full).toEqual({ ok: true, value: { ...quick, period: undefined } });
        const parsed = parsePeriodKey(quick.periodKey);
        expect(parsed.ok && periodOrdinal(parsed.value)).toBe(quick.period.ordinal);
        expect(quick.period.key).toBe(quick.periodKey);
      }),
      { numRuns: 5000 },
    );
    // The fast path must actually be taken for ordinary rows, or it is not worth having.
    expect(answered).toBeGreaterThan(100);
  });

  it('answers for the ordinary row of a bulk import and leaves the rest to the full check', () => {
    const measure: MeasureForValues = {
      code: 'M-1',
      unit: '%',
      decimalPlaces: 1,
      frequency: 'monthly',
      aggregation: 'mean',
      minValue: 0,
      maxValue: 100,
      status: 'active',
    };
    const { indexOf } = checkHeaders('values', ['measureCode', 'periodKey', 'value', 'status']);
    const columns = valueColumnIndexes(indexOf);
    const checker = createQuickValueChecker();
    expect(checker.check(['M-1', 'April 2021', '5.2', 'published'], columns, measure)).toEqual({
      periodKey: '2021-22-M01',
      value: 5.2,
      numerator: null,
      denominator: null,
      commentary: '',
      quality: 'final',
      evidenceUrl: '',
      status: 'published',
      period: { key: '2021-22-M01', ordinal: 2021 * 12, id: 0 },
    });
    // The same period in another form is the same period, with the same id.
    expect(checker.period('2021-22-M01', 'monthly')).toBe(checker.period('Apr 2021', 'monthly'));
    expect(checker.period('2021-22-M02', 'monthly')).toMatchObject({ id: 1 });
    expect(checker.period('2021-22-Q1', 'monthly')).toBeNull();
    expect(checker.check(['M-1', '2021-22-M01', '140', ''], columns, measure)).toBeUndefined();
    expect(checker.check(['M-1', '2021-22-Q1', '40', ''], columns, measure)).toBeUndefined();
    expect(checker.check(['M-1', '2021-22-M01', '1,000', ''], columns, measure)).toBeUndefined();
    expect(checker.check(['M-1', '2021-22-M01', '5.25', ''], columns, measure)).toBeUndefined();
  });

  it('reads cells as recordOf does: trimmed, and blank when the column is absent', () => {
    expect(cellAt([' a '], 0)).toBe('a');
    expect(cellAt(['\u00a0b'], 0)).toBe('b');
    expect(cellAt(['c'], 0)).toBe('c');
    expect(cellAt(['c'], -1)).toBe('');
    expect(cellAt([], 3)).toBe('');
  });
});
