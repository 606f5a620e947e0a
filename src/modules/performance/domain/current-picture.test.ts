import { describe, expect, it } from 'vitest';
import { corporatePlanOf, planInForce, shortfall, storedTarget, topLevelUnits } from './current-picture.ts';

const plan = {
  status: 'approved',
  periodStart: '2025-04-01',
  periodEnd: '2026-03-31',
  effectiveFrom: null as string | null,
  effectiveTo: null as string | null,
  planTypeKey: 'service-plan',
  planTypeLevel: 3,
};

describe('the current picture rules', () => {
  it('reads a stored target as a value, a range or none', () => {
    expect(storedTarget({ targetValue: 5, targetLower: null, targetUpper: null })).toEqual({ kind: 'value', value: 5 });
    expect(storedTarget({ targetValue: null, targetLower: 1, targetUpper: 2 })).toEqual({
      kind: 'range',
      lower: 1,
      upper: 2,
    });
    expect(storedTarget({ targetValue: null, targetLower: 1, targetUpper: null })).toBeNull();
  });

  it('finds each unit’s directorate (a child of a root) however deep it sits', () => {
    const units = [
      { id: 'council', parentId: null, name: 'Council' },
      { id: 'people', parentId: 'council', name: 'People' },
      { id: 'care', parentId: 'people', name: 'Care' },
      { id: 'homes', parentId: 'care', name: 'Homes' },
    ];
    const { tops, topOf } = topLevelUnits(units);
    expect(tops.map((u) => u.id)).toEqual(['people']);
    expect(topOf.get('homes')).toBe('people');
    expect(topOf.get('people')).toBe('people');
    expect(topOf.get('council')).toBeNull();
  });

  it('measures the shortfall relative to the target, by polarity', () => {
    expect(shortfall(40, { kind: 'value', value: 50 }, 'higher-is-better')).toBeCloseTo(0.2);
    expect(shortfall(60, { kind: 'value', value: 50 }, 'lower-is-better')).toBeCloseTo(0.2);
    expect(shortfall(12, { kind: 'range', lower: 5, upper: 10 }, 'higher-is-better')).toBeCloseTo(0.2);
    expect(shortfall(null, { kind: 'value', value: 50 }, 'higher-is-better')).toBe(0);
    expect(shortfall(40, null, 'higher-is-better')).toBe(0);
  });

  it('keeps a plan in force only while approved and within its dates', () => {
    expect(planInForce(plan, '2025-06-01')).toBe(true);
    expect(planInForce({ ...plan, status: 'draft' }, '2025-06-01')).toBe(false);
    expect(planInForce(plan, '2026-04-01')).toBe(false);
    expect(planInForce({ ...plan, effectiveFrom: '2025-07-01' }, '2025-06-01')).toBe(false);
    expect(planInForce({ ...plan, effectiveTo: '2025-06-01' }, '2025-06-01')).toBe(false);
  });

  it('prefers the corporate plan, then the highest-level plan in force', () => {
    const service = { ...plan, id: 'service' };
    const strategy = { ...plan, id: 'strategy', planTypeLevel: 2 };
    const corporate = { ...plan, id: 'corporate', planTypeKey: 'corporate-plan', planTypeLevel: 1 };
    expect(corporatePlanOf([service, strategy, corporate], '2025-06-01')?.id).toBe('corporate');
    expect(corporatePlanOf([service, strategy], '2025-06-01')?.id).toBe('strategy');
    expect(corporatePlanOf([service], '2025-06-01')?.id).toBe('service');
    expect(corporatePlanOf([{ ...corporate, status: 'draft' }], '2025-06-01')).toBeUndefined();
  });
});
