import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetAgainstLimits, type LatestProcessLimits } from './target-assurance.ts';

const limits: LatestProcessLimits = { lower: 60, upper: 80, trial: false };
const single = (value: number) => ({ value, lower: null, upper: null });
const range = (lower: number, upper: number) => ({ value: null, lower, upper });

describe('a target against the process limits', () => {
  it('cannot be met beyond the limit on the side the measure wants to move towards', () => {
    expect(targetAgainstLimits(single(95), 'higher-is-better', limits)).toEqual({
      code: 'target-cannot-be-met',
      beyond: 'upper',
      limits,
    });
    expect(targetAgainstLimits(single(40), 'lower-is-better', limits)).toMatchObject({
      code: 'target-cannot-be-met',
      beyond: 'lower',
    });
  });

  it('is always met beyond the limit on the other side', () => {
    expect(targetAgainstLimits(single(40), 'higher-is-better', limits)).toMatchObject({
      code: 'target-always-met',
      beyond: 'lower',
    });
    expect(targetAgainstLimits(single(95), 'lower-is-better', limits)).toMatchObject({
      code: 'target-always-met',
      beyond: 'upper',
    });
  });

  it('says nothing of a target on or between the limits (strictly beyond only, as the assurance icon)', () => {
    for (const value of [60, 70, 80]) {
      expect(targetAgainstLimits(single(value), 'higher-is-better', limits)).toBeNull();
      expect(targetAgainstLimits(single(value), 'lower-is-better', limits)).toBeNull();
    }
  });

  it('checks a range for a within-range measure: wholly outside cannot be met, holding both limits always is', () => {
    expect(targetAgainstLimits(range(85, 90), 'within-range', limits)).toMatchObject({
      code: 'target-cannot-be-met',
      beyond: 'upper',
    });
    expect(targetAgainstLimits(range(40, 55), 'within-range', limits)).toMatchObject({
      code: 'target-cannot-be-met',
      beyond: 'lower',
    });
    expect(targetAgainstLimits(range(50, 90), 'within-range', limits)).toMatchObject({
      code: 'target-always-met',
      beyond: 'both',
    });
    expect(targetAgainstLimits(range(65, 90), 'within-range', limits)).toBeNull();
  });

  it('needs limits and a direction', () => {
    expect(targetAgainstLimits(single(95), 'higher-is-better', null)).toBeNull();
    expect(targetAgainstLimits(single(95), 'none', limits)).toBeNull();
    expect(targetAgainstLimits(single(95), 'within-range', limits)).toBeNull();
  });

  it('flips between the two findings when the polarity flips, and never warns inside the limits', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(finite, finite, finite, (a, b, value) => {
        const found = { lower: Math.min(a, b), upper: Math.max(a, b), trial: false };
        const higher = targetAgainstLimits(single(value), 'higher-is-better', found);
        const lower = targetAgainstLimits(single(value), 'lower-is-better', found);
        if (value >= found.lower && value <= found.upper) {
          expect(higher).toBeNull();
          expect(lower).toBeNull();
        } else if (higher !== null || lower !== null) {
          expect(higher?.beyond).toBe(lower?.beyond);
          expect(new Set([higher?.code, lower?.code])).toEqual(new Set(['target-cannot-be-met', 'target-always-met']));
        }
      }),
    );
  });
});
