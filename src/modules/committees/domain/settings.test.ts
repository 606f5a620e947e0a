import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStoredPhrase } from '../../../kernel/phrase.ts';
import { DEFAULT_COMMITTEE_SETTINGS, settingsInput, settingsProblems } from './settings.ts';
import { timetable } from './timetable.ts';

describe('committee settings', () => {
  it('accepts the defaults and refuses deadlines out of the order the work is done in', () => {
    expect(settingsProblems(DEFAULT_COMMITTEE_SETTINGS)).toEqual([]);
    expect(settingsProblems({ ...DEFAULT_COMMITTEE_SETTINGS, signOffDays: 21 }).map((p) => p.field)).toEqual([
      'dataDueDays',
    ]);
    const [late] = settingsProblems({ ...DEFAULT_COMMITTEE_SETTINGS, reportIssuedDays: 14 });
    expect(readStoredPhrase(late!.message)?.code).toBe('committees.problem.signOffBeforeReport');
  });

  it('names the field when a number of days is not a whole number from 1 up', () => {
    const parsed = settingsInput.safeParse({
      dataDueDays: '21',
      signOffDays: '0',
      reportIssuedDays: '7.5',
      escalateAfterDays: 'ten',
    });
    expect(parsed.success).toBe(false);
    const named = parsed.error!.issues.map((issue) => {
      const stored = readStoredPhrase(issue.message);
      return [issue.path[0], stored?.code, JSON.stringify(stored?.params)];
    });
    expect(named.map(([field, code]) => [field, code])).toEqual([
      ['signOffDays', 'committees.problem.wholeDays'],
      ['reportIssuedDays', 'committees.problem.wholeDays'],
      ['escalateAfterDays', 'committees.problem.wholeDays'],
    ]);
    expect(named[2]![2]).toContain('committees.field.escalateAfterDays');
    expect(named[2]![2]).toContain('90');
  });

  it('puts every deadline the council sets that many days before the meeting, and before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 120 }), fc.integer({ min: 2, max: 119 }), (dataDue, signOff) => {
        fc.pre(signOff < dataDue);
        const lead = { dataDueDays: dataDue, signOffDays: signOff, reportIssuedDays: 1 };
        const entries = timetable(
          { meetings: [{ id: 'm', bodyName: 'Panel', heldOn: '2027-06-30', receivesReports: true }], returns: [] },
          { from: '2026-12-01', to: '2027-06-30' },
          '2026-12-01',
          lead,
        ).filter((entry) => entry.meetingId === 'm');
        const at = (kind: string) => entries.find((entry) => entry.kind === kind)?.date;
        const daysBefore = (date: string | undefined) =>
          (Date.parse('2027-06-30') - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
        return (
          daysBefore(at('data-due')) === dataDue &&
          daysBefore(at('sign-off')) === signOff &&
          daysBefore(at('report-issued')) === 1
        );
      }),
    );
  });
});
