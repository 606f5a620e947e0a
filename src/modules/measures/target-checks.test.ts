/**
 * Target input and the checks against its measure, read as a person reads them: the domain returns stored phrases, said here through the
 * catalogue (these tests sit outside domain/, which may not import the catalogue).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sayStored } from '../../platform/words/index.ts';
import { checkTarget, targetInput, targetRevisionInput, type MeasureForTargets } from './domain/targets.ts';

const measure: MeasureForTargets = {
  code: 'ASC-01',
  status: 'active',
  polarity: 'higher-is-better',
  frequency: 'quarterly',
  unit: '%',
  minValue: 0,
  maxValue: 100,
};
const ranged: MeasureForTargets = { ...measure, polarity: 'within-range' };

function check(m: MeasureForTargets, raw: Record<string, unknown>) {
  return checkTarget(m, targetInput.parse({ kind: 'annual', financialYear: '2025-26', ...raw }));
}
function errorsOf(m: MeasureForTargets, raw: Record<string, unknown>): string[] {
  const result = check(m, raw);
  return result.ok ? [] : result.error.map((e) => `${e.field ?? ''}: ${sayStored(e.message)}`);
}

describe('target input', () => {
  it('an annual target applies from the start of its financial year unless a date is given', () => {
    expect(check(measure, { value: '75' })).toEqual({
      ok: true,
      value: {
        kind: 'annual',
        financialYear: '2025-26',
        periodKey: null,
        planPeriodStart: null,
        planPeriodEnd: null,
        breakdownId: null,
        value: 75,
        lower: null,
        upper: null,
        effectiveFrom: '2025-04-01',
      },
    });
    expect(check(measure, { value: '75', effectiveFrom: '2025-07-01' })).toMatchObject({
      ok: true,
      value: { effectiveFrom: '2025-07-01' },
    });
  });

  it.each<[string, MeasureForTargets, Record<string, unknown>, string]>([
    [
      'a retired measure',
      { ...measure, status: 'retired' },
      { value: '70' },
      ': ASC-01 is retired: it cannot be given new targets',
    ],
    [
      'a monitor-only measure',
      { ...measure, polarity: 'none' },
      { value: '70' },
      'kind: ASC-01 has no polarity (monitor only), so it has no targets',
    ],
    ['a missing figure', measure, {}, 'value: Enter the target'],
    ['a percentage target of 140', measure, { value: '140' }, 'value: The target cannot be above 100%'],
    [
      'a range with lower above upper',
      ranged,
      { lower: '20', upper: '10' },
      'upper: The upper end (10) must not be below the lower end (20)',
    ],
    ['a range with no upper end', ranged, { lower: '20' }, 'upper: Enter the upper end of the target range'],
    [
      'a range for a higher-is-better measure',
      measure,
      { value: '5', lower: '1', upper: '9' },
      'value: Only a within-range measure has a target range: enter a single target',
    ],
    [
      'a bad year',
      measure,
      { financialYear: '2025', value: '70' },
      'financialYear: 2025 is not a financial year: use the form 2025-26',
    ],
    [
      'a profile without its period',
      measure,
      { kind: 'profile', value: '70' },
      'periodKey: Enter the period the profiled target is for, like 2025-26-Q2',
    ],
    [
      'a profile for a month of a quarterly measure',
      measure,
      { kind: 'profile', periodKey: '2025-26-M04', value: '70' },
      'periodKey: 2025-26-M04 is a monthly period but this measure is quarterly',
    ],
    [
      'a profile for another year',
      measure,
      { kind: 'profile', periodKey: '2026-27-Q1', value: '70' },
      'periodKey: 2026-27-Q1 is not in 2025-26',
    ],
    [
      'an annual target with a period',
      measure,
      { periodKey: '2025-26-Q1', value: '70' },
      'periodKey: Only a profiled target is for one period: leave the period blank for an annual target',
    ],
    [
      'a multi-year target without its plan period',
      measure,
      { kind: 'multi-year', value: '80' },
      'planPeriodStart: Enter the first year of the plan period, like 2024-25',
    ],
    [
      'a plan period that ends before it starts',
      measure,
      { kind: 'multi-year', planPeriodStart: '2027-28', planPeriodEnd: '2024-25', value: '80' },
      'planPeriodEnd: The plan period must end in or after the year it starts',
    ],
    [
      'a multi-year target outside its plan period',
      measure,
      {
        kind: 'multi-year',
        financialYear: '2030-31',
        planPeriodStart: '2024-25',
        planPeriodEnd: '2027-28',
        value: '80',
      },
      'financialYear: The target year 2030-31 must be within the plan period 2024-25 to 2027-28',
    ],
  ])('refuses %s', (_, m, raw, expected) => {
    expect(errorsOf(m, raw)).toContain(expected);
  });

  it('accepts a range for a within-range measure and a multi-year step change', () => {
    expect(check(ranged, { lower: '10', upper: '10' })).toMatchObject({
      ok: true,
      value: { value: null, lower: 10, upper: 10 },
    });
    expect(
      check(measure, {
        kind: 'multi-year',
        financialYear: '2027-28',
        planPeriodStart: '2024-25',
        planPeriodEnd: '2027-28',
        value: '85',
      }),
    ).toMatchObject({
      ok: true,
      value: { kind: 'multi-year', planPeriodStart: '2024-25', planPeriodEnd: '2027-28', value: 85 },
    });
  });

  it('a profiled target is accepted for exactly the periods of the measure frequency in its year (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('monthly', 'quarterly', 'half-yearly', 'annual' as const),
        fc.constantFrom('2025-26', '2025-26-H2', '2025-26-Q3', '2025-26-M11', '2024-25-Q1', '2025-26-M13'),
        (frequency, periodKey) => {
          const result = check({ ...measure, frequency }, { kind: 'profile', periodKey, value: '50' });
          const suffix = periodKey.slice(8, 9);
          const expectedFrequency = { '': 'annual', H: 'half-yearly', Q: 'quarterly', M: 'monthly' }[suffix];
          const valid =
            expectedFrequency === frequency && periodKey.startsWith('2025-26') && periodKey !== '2025-26-M13';
          expect(result.ok).toBe(valid);
        },
      ),
    );
  });

  it('a revision needs a reason', () => {
    const parsed = targetRevisionInput.safeParse({ value: '75', reason: ' ' });
    expect(parsed.success).toBe(false);
    expect(sayStored(parsed.error!.issues[0]!.message)).toBe('Enter the reason for the change');
  });
});
