import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currentTargets,
  targetAt,
  targetChanges,
  targetVersionForPeriod,
  type TargetVersion,
} from './target-history.ts';

let n = 0;
function version(
  overrides: Partial<Omit<TargetVersion, 'setAt'>> & { value: number; effectiveFrom: string; setAt: string },
): TargetVersion {
  n += 1;
  return {
    id: `v${n}`,
    kind: 'annual',
    breakdownId: null,
    financialYear: '2025-26',
    periodKey: null,
    lower: null,
    upper: null,
    supersededAt: null,
    supersededBy: null,
    ...overrides,
    setAt: new Date(overrides.setAt),
  };
}

describe('which target applied', () => {
  const first = version({ value: 70, effectiveFrom: '2025-04-01', setAt: '2025-03-01T10:00:00Z' });
  const revised = version({ value: 75, effectiveFrom: '2025-10-01', setAt: '2025-09-15T10:00:00Z' });
  const versions = [first, revised];

  it.each([
    ['2025-03-31', null],
    ['2025-04-01', 70],
    ['2025-09-30', 70],
    ['2025-10-01', 75],
    ['2026-03-31', 75],
  ])('on %s the target was %s', (on, expected) => {
    expect(targetAt(versions, on)?.value ?? null).toBe(expected);
  });

  it('a back-dated correction replaces what applied for the dates it covers', () => {
    const correction = version({ value: 72, effectiveFrom: '2025-04-01', setAt: '2025-12-01T10:00:00Z' });
    expect(targetAt([...versions, correction], '2025-06-30')?.value).toBe(72);
    // …but a report as it was known in November still shows the original.
    expect(targetAt([...versions, correction], '2025-06-30', new Date('2025-11-30T00:00:00Z'))?.value).toBe(70);
  });

  it('for a period: the profiled target wins over the annual one; the date is the period end', () => {
    const profile = version({
      kind: 'profile',
      periodKey: '2025-26-Q3',
      value: 60,
      effectiveFrom: '2025-04-01',
      setAt: '2025-03-01T10:00:00Z',
    });
    const all = [first, revised, profile];
    expect(targetVersionForPeriod(all, { frequency: 'quarterly', fyStartYear: 2025, index: 3 })).toMatchObject({
      basis: 'profile',
      target: { kind: 'value', value: 60 },
    });
    expect(targetVersionForPeriod(all, { frequency: 'quarterly', fyStartYear: 2025, index: 2 })).toMatchObject({
      basis: 'annual',
      target: { kind: 'value', value: 70 },
    });
    expect(targetVersionForPeriod(all, { frequency: 'quarterly', fyStartYear: 2025, index: 4 })).toMatchObject({
      basis: 'annual',
      target: { kind: 'value', value: 75 },
    });
    expect(targetVersionForPeriod(all, { frequency: 'quarterly', fyStartYear: 2026, index: 1 })).toBeNull();
    expect(
      targetVersionForPeriod(all, { frequency: 'quarterly', fyStartYear: 2025, index: 2 }, { breakdownId: 'ward-1' }),
    ).toBeNull();
  });

  it('a range target comes back as a range', () => {
    const range = version({ value: 0, effectiveFrom: '2025-04-01', setAt: '2025-03-01T10:00:00Z' });
    range.value = null;
    range.lower = 10;
    range.upper = 20;
    expect(targetVersionForPeriod([range], { frequency: 'annual', fyStartYear: 2025, index: 1 })?.target).toEqual({
      kind: 'range',
      lower: 10,
      upper: 20,
    });
  });

  it('lists the history of changes with what each replaced, newest first', () => {
    const superseded = { ...first, supersededAt: revised.setAt, supersededBy: revised.id };
    const changes = targetChanges([superseded, revised]);
    expect(changes.map((c) => [c.previous?.value ?? null, c.version.value])).toEqual([
      [70, 75],
      [null, 70],
    ]);
    expect(currentTargets([superseded, revised])).toEqual([revised]);
  });

  it('the target applied is always one already set and effective, and the latest set among those (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 364 }),
            setOrder: fc.integer({ min: 0, max: 1000 }),
            value: fc.integer(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 364 }),
        (raw, onDay) => {
          const date = (d: number) => new Date(Date.UTC(2025, 3, 1 + d)).toISOString().slice(0, 10);
          const vs = raw.map((r, i) =>
            version({
              value: r.value,
              effectiveFrom: date(r.day),
              setAt: new Date(Date.UTC(2025, 0, 1, 0, 0, r.setOrder * 10 + i)).toISOString(),
            }),
          );
          const on = date(onDay);
          const chosen = targetAt(vs, on);
          const eligible = vs.filter((v) => v.effectiveFrom <= on);
          if (eligible.length === 0) expect(chosen).toBeNull();
          else {
            expect(chosen).not.toBeNull();
            expect(chosen!.effectiveFrom <= on).toBe(true);
            expect(eligible.every((v) => v.setAt.getTime() <= chosen!.setAt.getTime())).toBe(true);
          }
        },
      ),
    );
  });
});
