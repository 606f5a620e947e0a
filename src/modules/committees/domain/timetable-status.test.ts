import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../kernel/calendar-days.ts';
import { planYearOf, recordStatuses, trackStatus, TRACK_STATUSES, type TrackedPlan } from './timetable-status.ts';
import { timetable, type TimetableEntry } from './timetable.ts';

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const plan = (id: string, status: TrackedPlan['status'], planYear = '2027/28'): TrackedPlan => ({
  id,
  title: `Plan ${id}`,
  planYear,
  status,
});

describe('a record’s status against a date', () => {
  it('is done whatever the date once done; late past it; due soon within a week; on time before', () => {
    expect(trackStatus('2027-01-10', '2027-01-20', true)).toBe('done');
    expect(trackStatus('2027-01-19', '2027-01-20', false)).toBe('late');
    expect(trackStatus('2027-01-20', '2027-01-20', false)).toBe('due-soon');
    expect(trackStatus('2027-01-27', '2027-01-20', false)).toBe('due-soon');
    expect(trackStatus('2027-01-28', '2027-01-20', false)).toBe('on-time');
  });

  it('only ever moves on as the days pass: on time, due soon, late (never back)', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: 1, max: 400 }), (due, today, later) => {
        const order = (status: string) => ['on-time', 'due-soon', 'late'].indexOf(status);
        const before = trackStatus(due, today, false);
        const after = trackStatus(due, addDays(today, later), false);
        expect(TRACK_STATUSES).toContain(before);
        expect(order(after)).toBeGreaterThanOrEqual(order(before));
        expect(after === 'late').toBe(due < addDays(today, later));
      }),
    );
  });
});

describe('the plans a plan deadline concerns', () => {
  const outline: TimetableEntry = { date: '2026-11-30', kind: 'plan-outline', subject: '2027/28', late: false };
  const approval: TimetableEntry = { date: '2027-03-31', kind: 'plan-approval', subject: '2027/28', late: false };
  const plans = [plan('b', 'draft'), plan('a', 'submitted'), plan('c', 'approved'), plan('x', 'draft', '2028/29')];

  it('counts an outline in once the plan has gone forward from draft, approval once approved', () => {
    const records = { plans, reports: [] };
    expect(recordStatuses(outline, records, '2026-12-01').map((r) => [r.id, r.status])).toEqual([
      ['a', 'done'],
      ['b', 'late'],
      ['c', 'done'],
    ]);
    expect(recordStatuses(approval, records, '2027-03-28').map((r) => [r.id, r.status])).toEqual([
      ['a', 'due-soon'],
      ['b', 'due-soon'],
      ['c', 'done'],
    ]);
  });

  it('shows a year with no plan yet as the one thing missing', () => {
    expect(recordStatuses(outline, { plans: [], reports: [] }, '2026-10-01')).toEqual([
      { kind: 'plan', id: null, title: null, status: 'on-time' },
    ]);
  });

  it('names the financial year a plan starts in as the timetable does', () => {
    expect(planYearOf('2027-04-01')).toBe('2027/28');
    expect(planYearOf('2028-03-31')).toBe('2027/28');
    expect(planYearOf('2099-12-01')).toBe('2099/00');
    // Every plan deadline the timetable sets names the year that starts after the outline date.
    const entries = timetable({ meetings: [], returns: [] }, { from: '2026-01-01', to: '2029-12-31' }, '2026-01-01');
    for (const entry of entries.filter((e) => e.kind === 'plan-outline'))
      expect(entry.subject).toBe(planYearOf(addDays(entry.date, 180)));
  });
});

describe('the reports a reporting meeting’s dates concern', () => {
  const meetings = [
    { id: 'panel', bodyName: 'Panel', heldOn: '2027-02-10', receivesReports: true },
    { id: 'licensing', bodyName: 'Licensing', heldOn: '2027-02-10', receivesReports: false },
  ];
  const entries = timetable({ meetings, returns: [] }, { from: '2027-01-01', to: '2027-03-01' }, '2027-01-25');
  const of = (meetingId: string, kind: string) => entries.find((e) => e.meetingId === meetingId && e.kind === kind)!;
  const issued = { meetingId: 'panel', id: 'r1', title: 'Q3 report', issuedOn: '2027-01-30', decided: false };
  const other = { meetingId: 'cabinet', id: 'r2', title: 'Q2 report', issuedOn: null, decided: false };

  it('marks an issued report’s steps done, and the meeting done once the body decided', () => {
    const records = { plans: [], reports: [issued, other] };
    const statuses = (kind: string) => recordStatuses(of('panel', kind), records, '2027-01-25');
    expect(statuses('data-due')).toEqual([{ kind: 'report', id: 'r1', title: 'Q3 report', status: 'done' }]);
    expect(statuses('report-issued').map((r) => r.status)).toEqual(['done']);
    expect(statuses('meeting').map((r) => r.status)).toEqual(['on-time']);
    const decided = { plans: [], reports: [{ ...issued, decided: true }] };
    expect(recordStatuses(of('panel', 'meeting'), decided, '2027-02-11').map((r) => r.status)).toEqual(['done']);
  });

  it('shows a reporting meeting with no report on its agenda as missing, late past the date', () => {
    const none = { plans: [], reports: [other] };
    expect(recordStatuses(of('panel', 'data-due'), none, '2027-01-25')).toEqual([
      { kind: 'report', id: null, title: null, status: 'late' },
    ]);
    expect(recordStatuses(of('panel', 'sign-off'), none, '2027-01-25')[0]!.status).toBe('due-soon');
  });

  it('tracks nothing against a meeting that takes no reports, or a return', () => {
    const records = { plans: [], reports: [{ ...issued, meetingId: 'licensing' }] };
    expect(recordStatuses(of('licensing', 'meeting'), records, '2027-01-25')).toEqual([]);
    const due: TimetableEntry = { date: '2027-02-01', kind: 'return-due', subject: 'R', returnId: 'x', late: false };
    expect(recordStatuses(due, records, '2027-01-25')).toEqual([]);
  });

  it('gives every report on the meeting’s agenda one status, and no other meeting’s', () => {
    const report = fc.record({
      meetingId: fc.constantFrom('panel', 'cabinet'),
      id: fc.uuid(),
      title: fc.string(),
      issuedOn: fc.option(isoDate, { nil: null }),
      decided: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 8 }), isoDate, (reports, today) => {
        for (const kind of ['data-due', 'sign-off', 'report-issued', 'meeting']) {
          const statuses = recordStatuses(of('panel', kind), { plans: [], reports }, today);
          const own = reports.filter((r) => r.meetingId === 'panel').map((r) => r.id);
          expect(statuses.map((s) => s.id).sort()).toEqual(own.length ? [...own].sort() : [null]);
        }
      }),
    );
  });
});
