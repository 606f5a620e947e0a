import { describe, expect, it } from 'vitest';
import { meetingDatesFrom } from './meeting-dates.ts';

const rows = (...records: string[][]) => records.map((cells, index) => ({ line: index + 2, cells }));

describe('meeting dates from a calendar file', () => {
  it('reads our own columns', () => {
    expect(
      meetingDatesFrom(
        ['Body', 'Date', 'Time', 'Location'],
        rows(['Cabinet', '2027-01-27', '18:30', 'Council Chamber']),
      ),
    ).toEqual({
      ok: true,
      rows: [{ line: 2, bodyName: 'Cabinet', heldOn: '2027-01-27', startsAt: '18:30', location: 'Council Chamber' }],
    });
  });

  it('reads a ModernGov export: Committee, Meeting date with its time, Venue', () => {
    const read = meetingDatesFrom(
      ['Committee', 'Meeting date', 'Venue'],
      rows(['Scrutiny Board', '3/2/2027 9.30', 'Room 1'], ['', '', '']),
    );
    expect(read).toEqual({
      ok: true,
      rows: [{ line: 2, bodyName: 'Scrutiny Board', heldOn: '2027-02-03', startsAt: '09:30', location: 'Room 1' }],
    });
  });

  it('passes a date it cannot read on as given, for the check to name', () => {
    const read = meetingDatesFrom(['body', 'date'], rows(['Cabinet', 'next Tuesday']));
    expect(read.ok && read.rows[0]!.heldOn).toBe('next Tuesday');
  });

  it('refuses a file without a body or a date column', () => {
    expect(meetingDatesFrom(['Name', 'When'], rows(['Cabinet', '2027-01-27']))).toEqual({ ok: false });
  });
});
