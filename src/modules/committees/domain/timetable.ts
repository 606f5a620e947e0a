/**
 * The planning timetable, pure: each meeting that receives or scrutinises performance sets its own
 * deadlines, worked back from its date (the report is published with the agenda, signed off before
 * that, its data in before sign-off); the framework's yearly dates (directorate plans outlined by
 * the end of November, approved by the end of March: seed 003 §19); and the statutory returns.
 */
import { addDays } from '../../../kernel/calendar-days.ts';
import { financialYearLabel } from '../../../kernel/measurement/periods.ts';
import { DEFAULT_COMMITTEE_SETTINGS, type CommitteeSettings } from './settings.ts';
import type { ReturnStatus, TimetableKind } from './vocabulary.ts';

/** Days before the meeting each deadline falls: the council's settings (defaults in settings.ts). */
export type LeadDays = Pick<CommitteeSettings, 'dataDueDays' | 'signOffDays' | 'reportIssuedDays'>;

export interface TimetableMeeting {
  id: string;
  bodyName: string;
  heldOn: string;
  /** The body receives or scrutinises performance reports (its framework roles). */
  receivesReports: boolean;
}

export interface TimetableReturn {
  id: string;
  title: string;
  recipient: string;
  dueOn: string;
  status: ReturnStatus;
}

export interface TimetableEntry {
  date: string;
  kind: TimetableKind;
  /** What the date is for: the body and its meeting date, the return's title, the plan year. */
  subject: string;
  meetingId?: string;
  returnId?: string;
  /** Past its date and not done (a return not submitted; a deadline of a meeting still to come). */
  late: boolean;
  /** A date of a meeting that receives performance reports: its reports are tracked against it. */
  forReports?: true;
}

/** The financial years whose plan deadlines fall between `from` and `to`. */
function planDeadlines(from: string, to: string): TimetableEntry[] {
  const entries: TimetableEntry[] = [];
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year += 1) {
    const planYear = financialYearLabel(year + 1);
    entries.push({ date: `${year}-11-30`, kind: 'plan-outline', subject: planYear, late: false });
    entries.push({ date: `${year + 1}-03-31`, kind: 'plan-approval', subject: planYear, late: false });
  }
  return entries.filter((entry) => entry.date >= from && entry.date <= to);
}

export function timetable(
  input: { meetings: TimetableMeeting[]; returns: TimetableReturn[] },
  window: { from: string; to: string },
  today: string,
  lead: LeadDays = DEFAULT_COMMITTEE_SETTINGS,
): TimetableEntry[] {
  const entries: TimetableEntry[] = [];
  for (const meeting of input.meetings) {
    const subject = meeting.bodyName;
    if (!meeting.receivesReports) {
      entries.push({ subject, meetingId: meeting.id, date: meeting.heldOn, kind: 'meeting', late: false });
      continue;
    }
    const base = { subject, meetingId: meeting.id, forReports: true as const };
    entries.push({ ...base, date: meeting.heldOn, kind: 'meeting', late: false });
    const upcoming = meeting.heldOn >= today;
    for (const [kind, days] of [
      ['report-issued', lead.reportIssuedDays],
      ['sign-off', lead.signOffDays],
      ['data-due', lead.dataDueDays],
    ] as const) {
      const date = addDays(meeting.heldOn, -days);
      // A deadline already passed for a meeting still to come is the one to chase.
      entries.push({ ...base, date, kind, late: upcoming && date < today });
    }
  }
  for (const due of input.returns) {
    entries.push({
      date: due.dueOn,
      kind: 'return-due',
      subject: `${due.title} (${due.recipient})`,
      returnId: due.id,
      late: due.status !== 'submitted' && due.dueOn < today,
    });
  }
  entries.push(...planDeadlines(window.from, window.to));
  return entries
    .filter((entry) => entry.date >= window.from && entry.date <= window.to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject));
}

/** Entries grouped by month ("2027-01"), for the calendar view. */
export function byMonth<Entry extends TimetableEntry>(entries: Entry[]): { month: string; entries: Entry[] }[] {
  const months = new Map<string, Entry[]>();
  for (const entry of entries) {
    const month = entry.date.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), entry]);
  }
  return [...months].map(([month, list]) => ({ month, entries: list }));
}
