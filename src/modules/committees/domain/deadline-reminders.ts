/**
 * Which of a meeting's own deadlines (data due, sign-off, report issued: worked back from its date
 * by the council's lead days) should be reminded of today. Pure: the job claims each one before it
 * mails, so a deadline is reminded once however often the job runs.
 */
import { addDays } from '../../../kernel/calendar-days.ts';
import type { LeadDays, TimetableMeeting } from './timetable.ts';

/** How many days ahead of a deadline its reminder goes out: a working week to act on it. */
export const REMIND_DAYS_AHEAD = 7;

export const REMINDED_DEADLINES = ['data-due', 'sign-off', 'report-issued'] as const;
export type RemindedDeadline = (typeof REMINDED_DEADLINES)[number];

export interface DueDeadline {
  meetingId: string;
  bodyName: string;
  heldOn: string;
  kind: RemindedDeadline;
  dueOn: string;
}

/** The deadline's date: the meeting date less the council's lead days for that step. */
export function deadlineDate(heldOn: string, kind: RemindedDeadline, lead: LeadDays): string {
  const days = kind === 'data-due' ? lead.dataDueDays : kind === 'sign-off' ? lead.signOffDays : lead.reportIssuedDays;
  return addDays(heldOn, -days);
}

/**
 * Deadlines falling from today to REMIND_DAYS_AHEAD days on, for meetings of bodies that receive
 * or scrutinise performance reports. A deadline already passed is not reminded (the timetable
 * page shows it late); one that falls within the window is due its single reminder.
 */
export function deadlinesToRemind(meetings: TimetableMeeting[], today: string, lead: LeadDays): DueDeadline[] {
  const horizon = addDays(today, REMIND_DAYS_AHEAD);
  const due: DueDeadline[] = [];
  for (const meeting of meetings) {
    if (!meeting.receivesReports) continue;
    for (const kind of REMINDED_DEADLINES) {
      const dueOn = deadlineDate(meeting.heldOn, kind, lead);
      if (dueOn >= today && dueOn <= horizon) {
        due.push({ meetingId: meeting.id, bodyName: meeting.bodyName, heldOn: meeting.heldOn, kind, dueOn });
      }
    }
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.meetingId.localeCompare(b.meetingId));
}
