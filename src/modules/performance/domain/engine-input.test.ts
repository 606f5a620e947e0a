import { describe, expect, it } from 'vitest';
import { buildTargetPlan } from './engine-input.ts';
import type { TargetVersion } from '../../../kernel/measurement/target-history.ts';

const version = (overrides: Partial<TargetVersion>): TargetVersion => ({
  id: Math.random().toString(36),
  kind: 'annual',
  breakdownId: null,
  financialYear: '2025-26',
  periodKey: null,
  value: 100,
  lower: null,
  upper: null,
  effectiveFrom: '2025-04-01',
  setAt: new Date('2025-03-01T00:00:00Z'),
  supersededAt: null,
  supersededBy: null,
  ...overrides,
});

describe('target plan from stored versions', () => {
  it('measures every period of a mean/ratio measure against the annual figure', () => {
    const plan = buildTargetPlan([version({ value: 70 })], [2025], { frequency: 'quarterly', aggregation: 'ratio' });
    expect(plan?.kind === 'per-period' && plan.targets['2025-26-Q3']).toEqual({ kind: 'value', value: 70 });
    expect(plan?.kind === 'per-period' && plan.yearEnd?.['2025-26']).toEqual({ kind: 'value', value: 70 });
  });

  it('spreads an unprofiled annual total for a sum evenly, keeping the year-end total', () => {
    const plan = buildTargetPlan([version({ value: 1200 })], [2025], { frequency: 'monthly', aggregation: 'sum' });
    expect(plan?.kind === 'per-period' && plan.targets['2025-26-M01']).toEqual({ kind: 'value', value: 100 });
    expect(plan?.kind === 'per-period' && plan.yearEnd?.['2025-26']).toEqual({ kind: 'value', value: 1200 });
  });

  it('prefers a profiled period target and uses the version that applied at the period end', () => {
    const versions = [
      version({ kind: 'annual', value: 60 }),
      version({ kind: 'profile', periodKey: '2025-26-Q1', value: 50 }),
      // Revised from 1 October: Q2 (ends 30 September) keeps 60, Q3 gets 65.
      version({ kind: 'annual', value: 65, effectiveFrom: '2025-10-01', setAt: new Date('2025-09-15T00:00:00Z') }),
    ];
    const plan = buildTargetPlan(versions, [2025], { frequency: 'quarterly', aggregation: 'mean' });
    if (plan?.kind !== 'per-period') throw new Error('expected a per-period plan');
    expect(plan.targets['2025-26-Q1']).toEqual({ kind: 'value', value: 50 });
    expect(plan.targets['2025-26-Q2']).toEqual({ kind: 'value', value: 60 });
    expect(plan.targets['2025-26-Q3']).toEqual({ kind: 'value', value: 65 });
  });

  it('has no plan when nothing was set, so the engine reports "no target"', () => {
    expect(buildTargetPlan([], [2025], { frequency: 'monthly', aggregation: 'sum' })).toBeNull();
  });
});
