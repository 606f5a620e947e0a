import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byMonth, timetable } from './timetable.ts';

const window = { from: '2026-10-01', to: '2027-04-30' };

describe('the planning timetable', () => {
  it('works a reporting meeting’s deadlines back from its date', () => {
    const entries = timetable(
      { meetings: [{ id: 'm1', bodyName: 'Cabinet', heldOn: '2027-02-10', receivesReports: true }], returns: [] },
      window,
      '2027-01-25',
    ).filter((entry) => entry.meetingId === 'm1');
    expect(entries.map((e) => [e.date, e.kind, e.late])).toEqual([
      ['2027-01-20', 'data-due', true],
      ['2027-01-27', 'sign-off', false],
      ['2027-02-03', 'report-issued', false],
      ['2027-02-10', 'meeting', false],
    ]);
  });

  it('gives a meeting that takes no reports only its date', () => {
    const entries = timetable(
      { meetings: [{ id: 'm', bodyName: 'Licensing', heldOn: '2027-02-10', receivesReports: false }], returns: [] },
      window,
      '2027-01-01',
    );
    expect(entries.filter((e) => e.meetingId === 'm').map((e) => e.kind)).toEqual(['meeting']);
  });

  it('holds the plan deadlines of seed 003 §19 and the returns, late when not submitted in time', () => {
    const entries = timetable(
      {
        meetings: [],
        returns: [
          { id: 'r1', title: 'Waste Data Flow Q2', recipient: 'Defra', dueOn: '2026-12-31', status: 'in-progress' },
          { id: 'r2', title: 'SSDA903', recipient: 'DfE', dueOn: '2026-12-01', status: 'submitted' },
        ],
      },
      window,
      '2027-01-05',
    );
    expect(entries.map((e) => [e.date, e.kind, e.late])).toEqual([
      ['2026-11-30', 'plan-outline', false],
      ['2026-12-01', 'return-due', false],
      ['2026-12-31', 'return-due', true],
      ['2027-03-31', 'plan-approval', false],
    ]);
    expect(entries[0]!.subject).toBe('2027/28');
  });

  it('keeps every deadline before the meeting it serves, in date order, inside the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (offset) => {
        const heldOn = new Date(Date.parse('2026-10-01T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
        const entries = timetable(
          { meetings: [{ id: 'm', bodyName: 'Panel', heldOn, receivesReports: true }], returns: [] },
          window,
          '2026-10-01',
        );
        const mine = entries.filter((e) => e.meetingId === 'm');
        const sorted = entries.every((e, i) => i === 0 || entries[i - 1]!.date <= e.date);
        const inside = entries.every((e) => e.date >= window.from && e.date <= window.to);
        return sorted && inside && mine.every((e) => e.date <= heldOn) && mine.length <= 4;
      }),
    );
  });

  it('groups by month for the calendar', () => {
    const groups = byMonth([
      { date: '2027-01-02', kind: 'meeting', subject: 'A', late: false },
      { date: '2027-01-30', kind: 'meeting', subject: 'B', late: false },
      { date: '2027-02-01', kind: 'meeting', subject: 'C', late: false },
    ]);
    expect(groups.map((g) => [g.month, g.entries.length])).toEqual([
      ['2027-01', 2],
      ['2027-02', 1],
    ]);
  });
});
