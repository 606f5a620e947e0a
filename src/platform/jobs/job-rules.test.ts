import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abandoned,
  canMove,
  claimable,
  isFinished,
  JOB_STATES,
  MAX_ATTEMPTS,
  percentDone,
  runsInBackground,
} from './job-rules.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
const before = new Date(NOW.getTime() - 1);
const after = new Date(NOW.getTime() + 60_000);

describe('background job rules', () => {
  it('moves a job forward only: queued → running → succeeded or failed, and never out of an end', () => {
    expect(canMove('queued', 'running')).toBe(true);
    expect(canMove('running', 'succeeded')).toBe(true);
    expect(canMove('running', 'failed')).toBe(true);
    expect(canMove('queued', 'succeeded')).toBe(false);
    for (const to of JOB_STATES) {
      expect(canMove('succeeded', to)).toBe(false);
      expect(canMove('failed', to)).toBe(false);
    }
    expect(JOB_STATES.filter(isFinished)).toEqual(['succeeded', 'failed']);
  });

  it('claims a queued job, and a running one only once its lease has run out', () => {
    expect(claimable({ state: 'queued', lockedUntil: null, attempts: 0 }, NOW)).toBe(true);
    expect(claimable({ state: 'running', lockedUntil: after, attempts: 1 }, NOW)).toBe(false);
    expect(claimable({ state: 'running', lockedUntil: before, attempts: 1 }, NOW)).toBe(true);
    expect(claimable({ state: 'succeeded', lockedUntil: null, attempts: 1 }, NOW)).toBe(false);
    expect(claimable({ state: 'failed', lockedUntil: null, attempts: 1 }, NOW)).toBe(false);
  });

  it('stops trying a job that keeps crashing: after the last attempt it is abandoned, not claimed', () => {
    const crashed = { state: 'running' as const, lockedUntil: before, attempts: MAX_ATTEMPTS };
    expect(claimable(crashed, NOW)).toBe(false);
    expect(abandoned(crashed, NOW)).toBe(true);
    expect(abandoned({ ...crashed, lockedUntil: after }, NOW)).toBe(false);
    expect(abandoned({ ...crashed, attempts: MAX_ATTEMPTS - 1 }, NOW)).toBe(false);
  });

  it('never both claims and abandons a job', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...JOB_STATES),
        fc.option(fc.integer({ min: -10_000, max: 10_000 }), { nil: null }),
        fc.integer({ min: 0, max: MAX_ATTEMPTS + 2 }),
        (state, offset, attempts) => {
          const job = { state, lockedUntil: offset === null ? null : new Date(NOW.getTime() + offset), attempts };
          expect(claimable(job, NOW) && abandoned(job, NOW)).toBe(false);
        },
      ),
    );
  });

  it('says how far along a job is in whole per cent, within 0–100, unknown without a total', () => {
    expect(percentDone(0, null)).toBeUndefined();
    expect(percentDone(5, 0)).toBeUndefined();
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(3, 3)).toBe(100);
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 10_000_000 }), (done, total) => {
        const percent = percentDone(done, total)!;
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
        if (done >= total) expect(percent).toBe(100);
      }),
    );
  });

  it('queues work above the threshold only', () => {
    expect(runsInBackground(5_000, 5_000)).toBe(false);
    expect(runsInBackground(5_001, 5_000)).toBe(true);
    expect(runsInBackground(0, 0)).toBe(false);
  });
});
