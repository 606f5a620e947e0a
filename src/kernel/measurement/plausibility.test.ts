import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlausibility, periodHasEnded, processLimits } from './plausibility.ts';

const usual = [34, 38, 35, 37, 36, 36];

describe('plausibility at entry', () => {
  it('computes XmR natural process limits from at least six figures', () => {
    expect(processLimits(usual.slice(0, 5))).toBeNull();
    const limits = processLimits(usual)!;
    expect(limits.mean).toBe(36);
    expect(limits.averageMovingRange).toBeCloseTo((4 + 3 + 2 + 1 + 0) / 5);
    expect(limits.upper).toBeCloseTo(36 + (3 * 2) / 1.128);
    expect(limits.lower).toBeCloseTo(36 - (3 * 2) / 1.128);
  });

  it('flags a figure thousands of times the usual one', () => {
    const found = checkPlausibility(999_999, usual)!;
    expect(found.kind).toBe('outside-limits');
    expect(found.timesUsual).toBeCloseTo(999_999 / 36);
  });

  it('accepts a usual figure and judges nothing without enough history', () => {
    expect(checkPlausibility(37, usual)).toBeNull();
    expect(checkPlausibility(null, usual)).toBeNull();
    expect(checkPlausibility(999_999, [36, 36, 36])).toBeNull();
  });

  it('flags a jump from the previous figure beyond the usual moving range, inside the limits', () => {
    const history = [30, 31, 30, 31, 30, 31, 30, 31, 30, 31, 27];
    const found = checkPlausibility(33, history);
    expect(found?.kind).toBe('jump');
    expect(found?.timesUsual).toBeNull();
  });

  it('still judges a history that never moved', () => {
    expect(checkPlausibility(36, [36, 36, 36, 36, 36, 36])).toBeNull();
    expect(checkPlausibility(60, [36, 36, 36, 36, 36, 36])?.kind).toBe('outside-limits');
  });

  it('never flags a figure equal to the mean of a steady history', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 6, max: 30 }), (level, count) => {
        const history = Array.from({ length: count }, (_, i) => level + (i % 2));
        return checkPlausibility(level, history) === null;
      }),
    );
  });

  it('knows when a period has ended', () => {
    const march = { frequency: 'monthly', fyStartYear: 2025, index: 12 } as const;
    expect(periodHasEnded(march, '2026-03-31')).toBe(true);
    expect(periodHasEnded(march, '2026-03-30')).toBe(false);
  });
});

describe('plausibility inside the measure’s allowed range', () => {
  const counts = [0, 4, 0, 5, 1, 0, 6, 0];
  it('keeps the usual range of a count at or above 0 and of a percentage at or below 100', () => {
    expect(processLimits(counts)!.lower).toBeLessThan(0);
    expect(processLimits(counts, { min: 0, max: null })!.lower).toBe(0);
    const percentages = [99, 100, 98, 100, 99, 100];
    expect(processLimits(percentages)!.upper).toBeGreaterThan(100);
    expect(processLimits(percentages, { min: 0, max: 100 })!.upper).toBe(100);
  });

  it('quotes limits inside the range when it flags a figure', () => {
    const found = checkPlausibility(40, counts, { min: 0, max: null });
    expect(found?.kind).toBe('outside-limits');
    expect(found!.limits.lower).toBe(0);
    expect(found!.limits.upper).toBeGreaterThan(0);
  });
});
