import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateFullYear, aggregatePeriods, aggregateYearToDate, indexPoints, periodsOfYear } from './index.ts';
import type { AggregationRule, MeasurePoint, Period } from './index.ts';

const q = (fyStartYear: number, index: number): Period => ({ frequency: 'quarterly', fyStartYear, index });
const point = (
  p: Period,
  value: number | null,
  numerator?: number | null,
  denominator?: number | null,
): MeasurePoint => ({
  period: p,
  value,
  numerator,
  denominator,
});

// 2025/26 quarters: 10, 20, (missing), 40; ratio parts 5/10, 10/40, –, 30/50
const year: MeasurePoint[] = [
  point(q(2025, 1), 10, 5, 10),
  point(q(2025, 2), 20, 10, 40),
  point(q(2025, 3), null),
  point(q(2025, 4), 40, 30, 50),
];

describe('full year with a missing quarter', () => {
  it.each<[AggregationRule, number | null, string]>([
    [
      'sum',
      null,
      'No value for 2025/26 Q1 to 2025/26 Q4 (4 quarters): 1 quarter without data (2025/26 Q3), and every period is needed',
    ],
    [
      'mean',
      70 / 3,
      'Average of 2025/26 Q1 to 2025/26 Q4 (4 quarters); 3 of 4 quarters have data, no data for 2025/26 Q3 (not counted as zero)',
    ],
    [
      'latest',
      40,
      'Latest value of 2025/26 Q1 to 2025/26 Q4 (4 quarters); 3 of 4 quarters have data, no data for 2025/26 Q3 (not counted as zero)',
    ],
    [
      'min',
      10,
      'Lowest value of 2025/26 Q1 to 2025/26 Q4 (4 quarters); 3 of 4 quarters have data, no data for 2025/26 Q3 (not counted as zero)',
    ],
    [
      'max',
      40,
      'Highest value of 2025/26 Q1 to 2025/26 Q4 (4 quarters); 3 of 4 quarters have data, no data for 2025/26 Q3 (not counted as zero)',
    ],
    // (5 + 10 + 30) / (10 + 40 + 50) × 100 = 45%: not the mean of the quarterly ratios (52.5%)
    [
      'ratio',
      45,
      'Total numerator ÷ total denominator of 2025/26 Q1 to 2025/26 Q4 (4 quarters); 3 of 4 quarters have data, no data for 2025/26 Q3 (not counted as zero)',
    ],
  ])('%s', (rule, value, explanation) => {
    const a = aggregateFullYear(year, 2025, 'quarterly', { rule, ratioScale: 100 });
    if (value === null) expect(a.value).toBeNull();
    else expect(a.value).toBeCloseTo(value, 10);
    expect(a.explanation).toBe(explanation);
    expect(a.complete).toBe(false);
    expect(a.partialYear).toBe(false);
    expect(a.missing).toEqual([q(2025, 3)]);
  });

  it('a sum of the available quarters only when asked, and marked incomplete', () => {
    const a = aggregateFullYear(year, 2025, 'quarterly', { rule: 'sum', missing: 'use-available' });
    expect(a.value).toBe(70);
    expect(a.complete).toBe(false);
  });

  it('other rules can require every period', () => {
    expect(aggregateFullYear(year, 2025, 'quarterly', { rule: 'mean', missing: 'require-all' }).value).toBeNull();
  });
});

describe('year to date', () => {
  it('is marked as part of the year', () => {
    const a = aggregateYearToDate(year, q(2025, 2), { rule: 'sum' });
    expect(a.value).toBe(30);
    expect(a.complete).toBe(true);
    expect(a.partialYear).toBe(true);
    expect(a.explanation).toBe('Sum of 2025/26 Q1 to 2025/26 Q2 (2 quarters); part of the year only');
  });

  it('names the latest value available when the latest period is missing', () => {
    const a = aggregateYearToDate(year, q(2025, 3), { rule: 'latest' });
    expect(a.value).toBe(20);
    expect(a.explanation).toContain('the latest value available is for 2025/26 Q2');
  });

  it('a single first period', () => {
    const a = aggregateYearToDate(year, q(2025, 1), { rule: 'mean' });
    expect(a.value).toBe(10);
    expect(a.explanation).toBe('Average of 2025/26 Q1; part of the year only');
  });

  it('accepts an index of the points', () => {
    expect(aggregateYearToDate(indexPoints(year, 'quarterly'), q(2025, 2), { rule: 'sum' }).value).toBe(30);
  });
});

describe('edges', () => {
  it('zero denominators give no ratio, not a division by zero', () => {
    const zero = [point(q(2025, 1), null, 0, 0), point(q(2025, 2), null, 3, 0)];
    const a = aggregateYearToDate(zero, q(2025, 2), { rule: 'ratio' });
    expect(a.value).toBeNull();
    expect(a.explanation).toContain('the denominators add up to zero');
    expect(a.denominator).toBe(0);
  });

  it('a ratio period needs both parts', () => {
    const parts = [point(q(2025, 1), 50, 5, 10), point(q(2025, 2), 20, null, 40)];
    const a = aggregateYearToDate(parts, q(2025, 2), { rule: 'ratio' });
    expect(a.value).toBe(0.5);
    expect(a.missing).toEqual([q(2025, 2)]);
  });

  it('no data at all', () => {
    const a = aggregateYearToDate([], q(2025, 2), { rule: 'mean' });
    expect(a.value).toBeNull();
    expect(a.explanation).toBe('No value for 2025/26 Q1 to 2025/26 Q2 (2 quarters): no period has data');
  });

  it('zero is a value, not missing', () => {
    const a = aggregateYearToDate([point(q(2025, 1), 0), point(q(2025, 2), 0)], q(2025, 2), { rule: 'sum' });
    expect(a.value).toBe(0);
    expect(a.complete).toBe(true);
  });

  it('rejects points of another frequency and duplicates', () => {
    expect(() =>
      aggregateYearToDate([point({ frequency: 'monthly', fyStartYear: 2025, index: 1 }, 1)], q(2025, 1), {
        rule: 'sum',
      }),
    ).toThrow(/not a quarterly period/);
    expect(() =>
      aggregateYearToDate([point(q(2025, 1), 1), point(q(2025, 1), 2)], q(2025, 1), { rule: 'sum' }),
    ).toThrow(/Two values given for 2025-26-Q1/);
    expect(() => aggregatePeriods(year, [], { rule: 'sum' })).toThrow(/empty/);
  });
});

describe('properties', () => {
  const arbYear = fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }), {
    minLength: 12,
    maxLength: 12,
  });
  const toPoints = (values: (number | null)[]) =>
    values.map((value, i) => point({ frequency: 'monthly', fyStartYear: 2025, index: i + 1 }, value));

  it('the mean lies between the min and the max, and the sum is the mean × count', () => {
    fc.assert(
      fc.property(arbYear, (values) => {
        const points = toPoints(values);
        const options = (rule: AggregationRule) => ({ rule, missing: 'use-available' as const });
        const mean = aggregateFullYear(points, 2025, 'monthly', options('mean'));
        const min = aggregateFullYear(points, 2025, 'monthly', options('min'));
        const max = aggregateFullYear(points, 2025, 'monthly', options('max'));
        const sum = aggregateFullYear(points, 2025, 'monthly', options('sum'));
        const present = values.filter((v): v is number => v !== null);
        expect(mean.included).toHaveLength(present.length);
        expect(mean.included.length + mean.missing.length).toBe(12);
        if (present.length === 0) {
          expect(mean.value).toBeNull();
          return;
        }
        expect(mean.value as number).toBeGreaterThanOrEqual(min.value as number);
        expect(mean.value as number).toBeLessThanOrEqual(max.value as number);
        expect(sum.value as number).toBeCloseTo((mean.value as number) * present.length, 6);
      }),
    );
  });

  it('year to date at the last period equals the full year', () => {
    fc.assert(
      fc.property(arbYear, fc.constantFrom<AggregationRule>('sum', 'mean', 'latest', 'min', 'max'), (values, rule) => {
        const points = toPoints(values);
        const full = aggregateFullYear(points, 2025, 'monthly', { rule });
        const ytd = aggregateYearToDate(points, periodsOfYear(2025, 'monthly')[11] as Period, { rule });
        expect(ytd.value).toBe(full.value);
        expect(ytd.partialYear).toBe(false);
      }),
    );
  });
});
