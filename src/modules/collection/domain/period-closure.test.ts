import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FREQUENCIES,
  type Frequency,
  type Period,
  periodKey,
  periodsPerYear,
  periodsWithin,
  isFinerOrEqual,
} from '../../../kernel/measurement/periods.ts';
import { closingPeriodsOf, closureCovering } from './period-closure.ts';

const q2: Period = { frequency: 'quarterly', fyStartYear: 2026, index: 2 };

describe('which periods a closure covers', () => {
  it('closes the months inside a closed quarter', () => {
    const closed = new Set([periodKey(q2)]);
    expect(
      ['2026-27-M03', '2026-27-M04', '2026-27-M05', '2026-27-M06', '2026-27-M07'].map(
        (key) => closureCovering(key, closed) !== null,
      ),
    ).toEqual([false, true, true, true, false]);
    expect(closureCovering('2026-27-M05', closed)).toEqual(q2);
  });

  it('does not close the quarter when its months are closed', () => {
    expect(closureCovering('2026-27-Q2', new Set(['2026-27-M04', '2026-27-M05', '2026-27-M06']))).toBeNull();
  });

  it('names the period itself before a longer one containing it', () => {
    expect(closureCovering('2026-27-Q2', new Set(['2026-27', '2026-27-Q2']))).toEqual(q2);
    expect(closureCovering('2026-27-Q2', new Set(['2026-27', '2026-27-H1']))).toMatchObject({
      frequency: 'half-yearly',
    });
  });

  it('never closes a key that is not a period', () => {
    expect(closureCovering('Q2', new Set(['Q2']))).toBeNull();
  });

  it('lists the period and the longer ones containing it, shortest first', () => {
    expect(closingPeriodsOf({ frequency: 'monthly', fyStartYear: 2026, index: 5 }).map(periodKey)).toEqual([
      '2026-27-M05',
      '2026-27-Q2',
      '2026-27-H1',
      '2026-27',
    ]);
  });

  const frequency = fc.constantFrom<Frequency>(...FREQUENCIES);
  const period = (of: fc.Arbitrary<Frequency>) =>
    of.chain((f) =>
      fc.record({
        frequency: fc.constant(f),
        fyStartYear: fc.integer({ min: 2020, max: 2030 }),
        index: fc.integer({ min: 1, max: periodsPerYear(f) }),
      }),
    );

  it('closes exactly the periods of equal or shorter length inside the closed one (property)', () => {
    fc.assert(
      fc.property(period(frequency), period(frequency), (closed, asked) => {
        const covered = closureCovering(periodKey(asked), new Set([periodKey(closed)])) !== null;
        const inside =
          isFinerOrEqual(asked.frequency, closed.frequency) &&
          periodsWithin(closed, asked.frequency).some((candidate) => periodKey(candidate) === periodKey(asked));
        expect(covered).toBe(inside);
      }),
    );
  });
});
