import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
/** Direction of travel: the judgements and the reason as a phrase (its words: web/direction-words.test.ts). */
import { assessDirection, calculateDirectionsForPeriod, indexPoints } from './index.ts';
import type { ChangeTolerance, DirectionInput, MeasurePoint, Polarity } from './index.ts';

const pct = { unit: '%', decimals: 1 } as const;

function direction(
  current: number | null,
  comparison: number | null,
  polarity: Polarity,
  extra: Partial<DirectionInput> = {},
) {
  return assessDirection({ current, comparison, polarity, format: pct, comparisonLabel: 'May 2025', ...extra });
}

describe('assessDirection', () => {
  it.each([
    [72, 68, 'higher-is-better', 'improving', 'up', 4],
    [64, 68, 'higher-is-better', 'worsening', 'down', -4],
    [64, 68, 'lower-is-better', 'improving', 'down', -4],
    [68.04, 67.96, 'higher-is-better', 'no-significant-change', 'same', 0],
    [72, 68, 'none', 'not-comparable', 'up', 4],
  ] as const)('%d vs %d (%s) → %s', (cur, cmp, polarity, dir, movement, change) => {
    const r = direction(cur, cmp, polarity);
    expect([r.direction, r.movement, r.change]).toEqual([dir, movement, change]);
  });

  describe('tolerance', () => {
    const half: ChangeTolerance = { kind: 'absolute', amount: 0.5 };
    it.each([
      [68.5, 68, 'no-significant-change'], // exactly the tolerance: not significant
      [68.6, 68, 'improving'],
      [67.5, 68, 'no-significant-change'],
      [67.4, 68, 'worsening'],
    ])('absolute 0.5: %d vs %d → %s', (cur, cmp, dir) => {
      expect(direction(cur, cmp, 'higher-is-better', { tolerance: half }).direction).toBe(dir);
    });
    it.each([
      [105, 100, 'no-significant-change'], // 5% of 100 = 5: not significant
      [105.1, 100, 'improving'],
      [94.9, 100, 'worsening'],
    ])('percentage 5%%: %d vs %d → %s', (cur, cmp, dir) => {
      expect(direction(cur, cmp, 'higher-is-better', { tolerance: { kind: 'percentage', percent: 5 } }).direction).toBe(
        dir,
      );
    });
  });

  describe('within range (4% to 6%)', () => {
    const target = { kind: 'range', lower: 4, upper: 6 } as const;
    it.each([
      [3.5, 3, 'improving'], // closer from below
      [3, 3.5, 'worsening'],
      [5, 7, 'improving'], // into the range
      [4.5, 5.5, 'no-significant-change'], // both inside
      [6.5, 3.5, 'no-significant-change'], // as far outside, other side
      [7, 3.5, 'worsening'],
    ])('%d vs %d → %s', (cur, cmp, dir) => {
      expect(direction(cur, cmp, 'within-range', { target }).direction).toBe(dir);
    });
    it('is not comparable without a range', () => {
      expect(direction(5, 7, 'within-range').direction).toBe('not-comparable');
    });
  });

  it('flipping the polarity swaps improving and worsening (property)', () => {
    const swap: Record<string, string> = {
      improving: 'worsening',
      worsening: 'improving',
      'no-significant-change': 'no-significant-change',
      'not-comparable': 'not-comparable',
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 50 }),
        (a, b, tol) => {
          const tolerance = { kind: 'absolute', amount: tol / 10 } as const;
          const higher = direction(a / 10, b / 10, 'higher-is-better', { tolerance });
          const lower = direction(a / 10, b / 10, 'lower-is-better', { tolerance });
          expect(lower.direction).toBe(swap[higher.direction]);
        },
      ),
    );
  });
});

describe('calculateDirectionsForPeriod', () => {
  const m = (fyStartYear: number, index: number) => ({ frequency: 'monthly' as const, fyStartYear, index });
  const points: MeasurePoint[] = [
    { period: m(2024, 1), value: 60 },
    { period: m(2024, 12), value: 70 },
    { period: m(2025, 1), value: 65 },
  ];
  it('compares with the previous period across the year boundary and with last year', () => {
    const r = calculateDirectionsForPeriod(indexPoints(points, 'monthly'), m(2025, 1), {
      polarity: 'higher-is-better',
      format: pct,
    });
    // Phrases; their words are tested in web/direction-words.test.ts.
    expect(r.previous.direction).toBe('worsening');
    expect(r.previous.reason).toEqual({
      code: 'direction.worsening',
      params: {
        compared: {
          code: 'direction.comparedIn',
          params: { current: '65.0%', comparison: '70.0%', period: 'March 2025' },
        },
        moved: { code: 'direction.down', params: { change: '5.0 percentage points' } },
      },
    });
    expect(r.samePeriodLastYear.direction).toBe('improving');
    expect(r.samePeriodLastYear.reason.params?.compared).toMatchObject({ params: { period: 'April 2024' } });
  });
  it('the first period has nothing to compare with', () => {
    const r = calculateDirectionsForPeriod(indexPoints(points, 'monthly'), m(2024, 1), {
      polarity: 'higher-is-better',
      format: pct,
    });
    expect(r.previous.direction).toBe('not-comparable');
    expect(r.previous.reason).toEqual({ code: 'direction.noDataFor', params: { period: 'March 2024' } });
  });
});

describe('the reason is a phrase: a code and parameters, no words', () => {
  const format = { unit: '%', decimals: 1 } as const;
  it('names the comparison and the movement as clauses', () => {
    const r = assessDirection({
      current: 72,
      comparison: 70,
      polarity: 'higher-is-better',
      format,
      comparisonLabel: 'May 2025',
    });
    expect(r.direction).toBe('improving');
    expect(r.reason).toEqual({
      code: 'direction.improving',
      params: {
        compared: {
          code: 'direction.comparedIn',
          params: { current: '72.0%', comparison: '70.0%', period: 'May 2025' },
        },
        moved: { code: 'direction.up', params: { change: expect.stringContaining('2.0') } },
      },
    });
  });

  it('gives missing data, no preferred direction and a change within tolerance their own codes', () => {
    expect(assessDirection({ current: null, comparison: 70, polarity: 'higher-is-better', format }).reason).toEqual({
      code: 'direction.noDataThisPeriod',
    });
    expect(assessDirection({ current: 72, comparison: 70, polarity: 'none', format }).reason.code).toBe(
      'direction.noPreferredDirection',
    );
    const within = assessDirection({
      current: 70.5,
      comparison: 70,
      polarity: 'higher-is-better',
      format,
      tolerance: { kind: 'absolute', amount: 1 },
    });
    expect(within.reason).toMatchObject({
      code: 'direction.noSignificantChangeWithin',
      params: { tolerance: expect.stringContaining('1.0') },
    });
  });
});
