import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOffTrack, offTrackReasons, type ProjectOnDate } from './projects-off-track.ts';

const ON = '2025-09-30';
const onTrack: ProjectOnDate = { endDate: '2026-03-31', latestOverallRag: 'green', milestones: [] };

describe('projects off track at the report period’s end', () => {
  it('is on track with no late milestone, no red report and its end date to come', () => {
    const reasons = offTrackReasons(onTrack, ON);
    expect(reasons).toEqual({ lateMilestones: null, red: false, pastEnd: false });
    expect(isOffTrack(reasons)).toBe(false);
  });

  it('counts milestones due before the date and not completed by it, using a revised date where there is one', () => {
    const reasons = offTrackReasons(
      {
        ...onTrack,
        milestones: [
          { dueDate: '2025-08-01', revisedDueDate: null, completedOn: null },
          // Completed after the period ended: it was late at the period's end.
          { dueDate: '2025-07-01', revisedDueDate: null, completedOn: '2025-10-05' },
          // Revised to a date after the period's end: not late.
          { dueDate: '2025-06-01', revisedDueDate: '2025-12-01', completedOn: null },
          // Completed in time.
          { dueDate: '2025-05-01', revisedDueDate: null, completedOn: '2025-04-20' },
        ],
      },
      ON,
    );
    expect(reasons.lateMilestones).toEqual({ count: 2, firstDue: '2025-07-01' });
    expect(isOffTrack(reasons)).toBe(true);
  });

  it('is off track when reported red, or when its end date has passed', () => {
    expect(offTrackReasons({ ...onTrack, latestOverallRag: 'red' }, ON)).toMatchObject({ red: true, pastEnd: false });
    expect(offTrackReasons({ ...onTrack, latestOverallRag: 'amber' }, ON).red).toBe(false);
    expect(offTrackReasons({ ...onTrack, endDate: '2025-09-29' }, ON).pastEnd).toBe(true);
    expect(offTrackReasons({ ...onTrack, endDate: ON }, ON).pastEnd).toBe(false);
  });

  it('never counts a milestone completed on or before its due date as late, whatever the date', () => {
    const day = fc
      .integer({ min: 0, max: 2000 })
      .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (due, done, on) => {
        const completedOn = done <= due ? done : due;
        const reasons = offTrackReasons(
          { ...onTrack, milestones: [{ dueDate: due, revisedDueDate: null, completedOn }] },
          on,
        );
        expect(reasons.lateMilestones).toBeNull();
      }),
    );
  });
});
