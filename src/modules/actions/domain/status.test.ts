import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_SETTINGS as S } from './settings.ts';
import {
  ACTION_STATUSES,
  CLOSED_STATUSES,
  daysBetween,
  deriveStatus,
  effectiveStatus,
  expectedProgress,
  onTargetInTime,
  ragOfAction,
} from './status.ts';

const facts = (percentComplete: number, dueDate = '2026-12-31', startDate = '2026-01-01') => ({
  startDate,
  dueDate,
  percentComplete,
  closedAs: null,
});

/** An ISO date between 2020 and 2030. */
const isoDate = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('derived status', () => {
  it.each([
    // [percent, today, expected status] for an action from 1 Jan to 31 Dec 2026 (364 days)
    [0, '2025-12-01', 'not-started'],
    [0, '2026-01-01', 'on-track'],
    [50, '2026-07-02', 'on-track'], // exactly on course
    [40, '2026-07-02', 'on-track'], // 10 points behind: not more than 10
    [39, '2026-07-02', 'at-risk'],
    [25, '2026-07-02', 'at-risk'], // 25 behind: not more than 25
    [24, '2026-07-02', 'off-track'],
    [49, '2027-01-05', 'off-track'], // overdue and under 50%
    [50, '2027-01-05', 'at-risk'], // overdue at 50% or more
    [100, '2027-01-05', 'on-track'], // all done, waiting to be closed
  ] as const)('%i%% complete on %s is %s', (percent, today, status) => {
    expect(deriveStatus(facts(percent), S, today).status).toBe(status);
  });

  it('says why, with the numbers behind it', () => {
    expect(deriveStatus(facts(20), S, '2026-07-02').reason).toEqual({
      code: 'behind',
      percent: 20,
      expected: 50,
      behindBy: 30,
    });
    expect(deriveStatus(facts(10), S, '2027-01-10').reason).toEqual({
      code: 'overdue-under',
      percent: 10,
      below: 50,
      daysOverdue: 10,
    });
  });

  it('keeps a closed action’s status whatever its progress and dates', () => {
    for (const closedAs of CLOSED_STATUSES) {
      expect(deriveStatus({ ...facts(0), closedAs }, S, '2030-01-01').status).toBe(closedAs);
    }
  });

  it('follows the council’s bands', () => {
    const strict = { ...S, atRiskBehindBy: 0, offTrackBehindBy: 5, overdueOffTrackBelow: 100 };
    expect(deriveStatus(facts(49), strict, '2026-07-02').status).toBe('at-risk');
    expect(deriveStatus(facts(44), strict, '2026-07-02').status).toBe('off-track');
    expect(deriveStatus(facts(99), strict, '2027-01-02').status).toBe('off-track');
  });

  it('never gets better as progress falls behind (property)', () => {
    const rank = { 'off-track': 0, 'at-risk': 1, 'on-track': 2 } as Record<string, number>;
    fc.assert(
      fc.property(
        isoDate,
        isoDate,
        isoDate,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (a, b, today, p, q) => {
          const [start, due] = a <= b ? [a, b] : [b, a];
          if (today < start) return; // before the start "not started" is its own answer
          const [low, high] = p <= q ? [p, q] : [q, p];
          const worse = deriveStatus(facts(low, due, start), S, today).status;
          const better = deriveStatus(facts(high, due, start), S, today).status;
          expect(rank[worse]!).toBeLessThanOrEqual(rank[better]!);
        },
      ),
    );
  });

  it('is off track whenever overdue and under the council’s % (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 100 }), (due, late, below) => {
        const today = new Date(Date.parse(`${due}T00:00:00Z`) + late * 86_400_000).toISOString().slice(0, 10);
        const settings = { ...S, overdueOffTrackBelow: below };
        const percent = Math.max(0, below - 1);
        const status = deriveStatus(facts(percent, due, '2019-01-01'), settings, today).status;
        expect(status).toBe(percent < below ? 'off-track' : 'at-risk');
      }),
    );
  });

  it('expects progress from 0 to 100 along the time from start to due (property)', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (a, b, today) => {
        const [start, due] = a <= b ? [a, b] : [b, a];
        const expected = expectedProgress(start, due, today);
        expect(expected).toBeGreaterThanOrEqual(0);
        expect(expected).toBeLessThanOrEqual(100);
        if (today <= start) expect(expected).toBe(0);
        if (today >= due && today > start) expect(expected).toBe(100);
      }),
    );
  });

  it('counts whole days across the clocks changing', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-30', '2026-10-26')).toBe(-4);
  });
});

describe('the status that counts', () => {
  it('is the owner’s judgement when stated, the derived one otherwise, and a closed one always', () => {
    expect(effectiveStatus('on-track', 'off-track')).toBe('off-track');
    expect(effectiveStatus('at-risk', null)).toBe('at-risk');
    expect(effectiveStatus('complete', 'on-track')).toBe('complete');
  });

  it('rolls up as a RAG, leaving cancelled and terminated work out', () => {
    expect(ACTION_STATUSES.map((s) => [s, ragOfAction(s), onTargetInTime(s)])).toEqual([
      ['not-started', 'no-data', null],
      ['on-track', 'green', true],
      ['at-risk', 'amber', false],
      ['off-track', 'red', false],
      ['complete', 'green', true],
      ['cancelled', null, null],
      ['terminated', null, null],
    ]);
  });
});
