import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../kernel/calendar-days.ts';
import { deadlineDate, deadlinesToRemind, REMIND_DAYS_AHEAD } from './deadline-reminders.ts';
import { DEFAULT_COMMITTEE_SETTINGS as lead } from './settings.ts';

const cabinet = { id: 'm1', bodyName: 'Cabinet', heldOn: '2027-02-10', receivesReports: true };

describe('the timetable deadlines to remind of', () => {
  it('picks the deadlines falling within the coming week, not those passed or further off', () => {
    // Deadlines: data 2027-01-20, sign-off 2027-01-27, report 2027-02-03.
    expect(deadlinesToRemind([cabinet], '2027-01-21', lead).map((d) => [d.kind, d.dueOn])).toEqual([
      ['sign-off', '2027-01-27'],
    ]);
    expect(deadlinesToRemind([cabinet], '2027-01-27', lead).map((d) => d.kind)).toEqual(['sign-off', 'report-issued']);
    expect(deadlinesToRemind([cabinet], '2027-01-05', lead)).toEqual([]);
  });

  it('leaves out bodies that do not receive performance reports', () => {
    expect(deadlinesToRemind([{ ...cabinet, receivesReports: false }], '2027-01-27', lead)).toEqual([]);
  });

  it('uses the council’s own lead days', () => {
    const own = { dataDueDays: 30, signOffDays: 20, reportIssuedDays: 10 };
    expect(deadlineDate('2027-02-10', 'data-due', own)).toBe('2027-01-11');
    expect(deadlinesToRemind([cabinet], '2027-01-10', own).map((d) => d.kind)).toEqual(['data-due']);
  });

  it('reminds only of deadlines from today to the horizon, each before its meeting', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-06-01', n));
    fc.assert(
      fc.property(day, day, (heldOn, today) => {
        for (const due of deadlinesToRemind([{ ...cabinet, heldOn }], today, lead)) {
          expect(due.dueOn >= today && due.dueOn <= addDays(today, REMIND_DAYS_AHEAD)).toBe(true);
          expect(due.dueOn < heldOn).toBe(true);
        }
      }),
    );
  });
});
