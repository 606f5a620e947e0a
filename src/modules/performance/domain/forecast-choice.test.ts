import { describe, expect, it } from 'vitest';
import { backTestBrier } from './forecast-choice.ts';
import { normalCdf } from './normal.ts';

describe('the back-test Brier score that decides whose chance of meeting the target is shown', () => {
  // Two origins a season (m = 4) apart: the later one's outturn (10) is set against the earlier one's (8).
  const origins = [5, 1];
  const outcomes = Float64Array.from([10, 8]);
  const all = () => true;
  const score = (error: number, spread: number) =>
    backTestBrier(Float64Array.from([error, 0]), outcomes, origins, 4, spread, all);

  it('scores a sure and right forecast 0, a sure and wrong one 1', () => {
    expect(score(1, 0)).toBe(0);
    expect(score(-3, 0)).toBe(1);
  });

  it('scores an uncertain forecast by the normal chance the spread gives', () => {
    expect(score(0, 2)).toBeCloseTo((normalCdf(1) - 1) ** 2, 12);
    // A forecast on the wrong side scores worse than one on the right side, the same distance away.
    expect(score(-3, 2)).toBeGreaterThan(score(1, 2));
  });

  it('has nothing to score without an outturn a season before, or on origins not every method has', () => {
    expect(Number.isNaN(backTestBrier(Float64Array.from([0, 0]), outcomes, [5, 2], 4, 1, all))).toBe(true);
    expect(Number.isNaN(backTestBrier(Float64Array.from([0, 0]), outcomes, origins, 4, 1, () => false))).toBe(true);
  });
});
