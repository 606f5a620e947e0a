import { describe, expect, it } from 'vitest';
import { targetWarnings } from './target-warnings.ts';

const percent = { polarity: 'higher-is-better' as const, unit: '%', decimalPlaces: 0 };
const limits = { lower: 61.6, upper: 82.4, trial: false };

describe('the warning a target is set with', () => {
  it('names the target and the limit it is beyond, in the measure’s own format', () => {
    expect(targetWarnings(percent, { value: 95, lower: null, upper: null }, limits)).toEqual([
      {
        code: 'target-cannot-be-met',
        message:
          'A target of 95% is above the upper process limit of 82%: it cannot be met without changing the process',
        lowerLimit: 61.6,
        upperLimit: 82.4,
        trialLimits: false,
      },
    ]);
  });

  it('says a target below the lower limit of a higher-is-better measure asks for no improvement', () => {
    const [warning] = targetWarnings(percent, { value: 40, lower: null, upper: null }, limits);
    expect(warning?.code).toBe('target-always-met');
    expect(warning?.message).toContain('below the lower process limit of 62%');
  });

  it('gives a range and both limits for a within-range measure, and says when the limits are trial ones', () => {
    const [warning] = targetWarnings(
      { polarity: 'within-range', unit: 'number', decimalPlaces: 1 },
      { value: null, lower: 90, upper: 95 },
      { ...limits, trial: true },
    );
    expect(warning?.message).toBe(
      'A target range of 90.0 to 95.0 lies outside the process limits of 61.6 to 82.4: it cannot be met without changing the process (trial limits, from fewer than 12 official figures)',
    );
    expect(warning?.trialLimits).toBe(true);
  });

  it('has nothing to say within the limits or without them', () => {
    expect(targetWarnings(percent, { value: 70, lower: null, upper: null }, limits)).toEqual([]);
    expect(targetWarnings(percent, { value: 95, lower: null, upper: null }, undefined)).toEqual([]);
  });
});
