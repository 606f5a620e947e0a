import { describe, expect, it } from 'vitest';
import type { Period } from '../../kernel/measurement/index.ts';
import { sayStored } from '../../platform/words/index.ts';
import { periodNotEnded } from './entry-checks.ts';

const quarter = (index: number): Period => ({ frequency: 'quarterly', fyStartYear: 2025, index });
const today = '2025-11-20'; // 2025/26 Q3 runs to 31 December 2025

/** The refusal as a person reads it: its field and its stored phrase in words. */
function notEnded(...args: Parameters<typeof periodNotEnded>) {
  const found = periodNotEnded(...args);
  return found && { field: found.field, message: sayStored(found.message) };
}

describe('a value for a period that has not ended', () => {
  it('is taken once the period has ended, whatever the measure and quality', () => {
    for (const allowsInPeriodEstimate of [true, false])
      expect(notEnded(quarter(2), today, { allowsInPeriodEstimate, quality: 'final' })).toBeNull();
  });

  it('is refused on the period when the measure takes no in-period estimate', () => {
    expect(notEnded(quarter(3), today, { allowsInPeriodEstimate: false, quality: 'estimated' })).toEqual({
      field: 'periodKey',
      message: '2025/26 Q3 has not ended yet (it ends on 31 December 2025): enter its value once the period is over',
    });
  });

  it('is taken for the current period as an estimate when the measure allows one, and refused on the quality otherwise', () => {
    expect(notEnded(quarter(3), today, { allowsInPeriodEstimate: true, quality: 'estimated' })).toBeNull();
    expect(notEnded(quarter(3), today, { allowsInPeriodEstimate: true, quality: 'provisional' })).toMatchObject({
      field: 'quality',
      message: expect.stringContaining('set the data quality to estimated'),
    });
  });

  it('is refused for a later period even as an estimate, naming the current one', () => {
    expect(notEnded(quarter(4), today, { allowsInPeriodEstimate: true, quality: 'estimated' })).toMatchObject({
      field: 'periodKey',
      message: expect.stringContaining('an estimate is taken only for the current period, 2025/26 Q3'),
    });
  });
});
