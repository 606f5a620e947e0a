import { describe, expect, it } from 'vitest';
import {
  rangeTarget,
  targetForPeriod,
  validateTargetPlan,
  valueTarget,
  yearEndTarget,
  yearToDateTarget,
} from './index.ts';
import { type Period, type TargetPlan } from './index.ts';
import { phrase, storePhrase } from '../phrase.ts';

const q = (index: number): Period => ({ frequency: 'quarterly', fyStartYear: 2025, index });

describe('fixed target', () => {
  const plan: TargetPlan = { kind: 'fixed', target: valueTarget(70) };
  it('applies to every period; a sum adds up over the year', () => {
    expect(targetForPeriod(plan, q(3))).toEqual(valueTarget(70));
    expect(yearToDateTarget(plan, q(3), 'sum')).toEqual(valueTarget(210));
    expect(yearToDateTarget(plan, q(3), 'mean')).toEqual(valueTarget(70));
    expect(yearEndTarget(plan, 2025, 'quarterly', 'sum')).toEqual(valueTarget(280));
    expect(yearEndTarget(plan, 2025, 'quarterly', 'ratio')).toEqual(valueTarget(70));
  });
  it('scales ranges for sums', () => {
    const r: TargetPlan = { kind: 'fixed', target: rangeTarget(4, 6) };
    expect(yearToDateTarget(r, q(2), 'sum')).toEqual(rangeTarget(8, 12));
  });
});

describe('per-period targets', () => {
  const plan: TargetPlan = {
    kind: 'per-period',
    targets: {
      '2025-26-Q1': valueTarget(10),
      '2025-26-Q2': valueTarget(20),
      '2025-26-Q3': valueTarget(30),
      '2025-26-Q4': valueTarget(40),
    },
  };
  it.each([
    ['sum', q(2), valueTarget(30)],
    ['latest', q(2), valueTarget(20)],
    ['mean', q(2), null], // the targets differ: no guessing
    ['mean', q(1), valueTarget(10)],
  ] as const)('%s year to date at %o', (rule, period, expected) => {
    expect(yearToDateTarget(plan, period, rule)).toEqual(expected);
  });
  it('derives or reads the year-end target', () => {
    expect(yearEndTarget(plan, 2025, 'quarterly', 'sum')).toEqual(valueTarget(100));
    expect(yearEndTarget(plan, 2025, 'quarterly', 'latest')).toEqual(valueTarget(40));
    expect(yearEndTarget({ ...plan, yearEnd: { '2025-26': valueTarget(95) } }, 2025, 'quarterly', 'sum')).toEqual(
      valueTarget(95),
    );
    expect(yearEndTarget(plan, 2026, 'quarterly', 'sum')).toBeNull();
  });
  it('a missing period target means no derived target', () => {
    const gap: TargetPlan = { kind: 'per-period', targets: { '2025-26-Q2': valueTarget(20) } };
    expect(targetForPeriod(gap, q(1))).toBeNull();
    expect(yearToDateTarget(gap, q(2), 'sum')).toBeNull();
  });
  it('year-to-date figures apply to year-to-date values only', () => {
    const ytd: TargetPlan = { kind: 'per-period', basis: 'year-to-date', targets: { '2025-26-Q2': valueTarget(30) } };
    expect(yearToDateTarget(ytd, q(2), 'sum')).toEqual(valueTarget(30));
    expect(targetForPeriod(ytd, q(2))).toBeNull();
  });
  it('a range plus a value cannot be added', () => {
    const mixed: TargetPlan = {
      kind: 'per-period',
      targets: { '2025-26-Q1': valueTarget(1), '2025-26-Q2': rangeTarget(1, 2) },
    };
    expect(yearToDateTarget(mixed, q(2), 'sum')).toBeNull();
  });
});

describe('profiled targets', () => {
  // 1,200 a year, with a seasonal profile 1:2:2:1
  const plan: TargetPlan = { kind: 'profiled', yearEnd: { '2025-26': 1200 }, weights: [1, 2, 2, 1] };
  it.each([
    [1, 200, 200],
    [2, 400, 600],
    [3, 400, 1000],
    [4, 200, 1200],
  ])('Q%d: period %d, year to date %d', (index, period, ytd) => {
    expect(targetForPeriod(plan, q(index))).toEqual(valueTarget(period));
    expect(yearToDateTarget(plan, q(index), 'sum')).toEqual(valueTarget(ytd));
  });
  it('has no target for a year without a figure', () => {
    expect(targetForPeriod(plan, { frequency: 'quarterly', fyStartYear: 2026, index: 1 })).toBeNull();
    expect(yearEndTarget(plan, 2025, 'quarterly', 'sum')).toEqual(valueTarget(1200));
  });
});

describe('validateTargetPlan', () => {
  // The words are checked in src/platform/words/validation-words.test.ts.
  it.each([
    [
      { kind: 'fixed', target: rangeTarget(6, 4) },
      'sum',
      phrase('targetPlanChecks.rangeBackwards', { lower: 6, upper: 4 }),
    ],
    [{ kind: 'fixed', target: valueTarget(Number.NaN) }, 'sum', phrase('targetPlanChecks.notANumber')],
    [
      { kind: 'profiled', yearEnd: {}, weights: [1, 1, 1] },
      'sum',
      phrase('targetPlanChecks.weightCount', { frequency: 'quarterly', count: 4, given: 3 }),
    ],
    [{ kind: 'profiled', yearEnd: {}, weights: [1, -1, 1, 1] }, 'sum', phrase('targetPlanChecks.negativeWeight')],
    [{ kind: 'profiled', yearEnd: {}, weights: [0, 0, 0, 0] }, 'sum', phrase('targetPlanChecks.noWeight')],
    [{ kind: 'profiled', yearEnd: {}, weights: [1, 1, 1, 1] }, 'mean', phrase('targetPlanChecks.profiledNeedsSum')],
  ] as const)('%o (%s)', (plan, rule, message) => {
    expect(validateTargetPlan(plan as TargetPlan, 'quarterly', rule)).toEqual({
      ok: false,
      error: { code: 'invalid', message: storePhrase(message), field: 'target' },
    });
  });
  it('accepts a good plan', () => {
    expect(
      validateTargetPlan({ kind: 'profiled', yearEnd: { '2025-26': 10 }, weights: [1, 1, 1, 1] }, 'quarterly', 'sum')
        .ok,
    ).toBe(true);
  });
});
