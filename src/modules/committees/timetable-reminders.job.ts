/**
 * Reminders of the planning timetable's deadlines: a week before each deadline worked back from a
 * reporting meeting (data due, sign-off, report published; the council's own lead days from its
 * committee settings), the council's performance officers are told once.
 *
 * Who is told: the people holding the performance-officer role. They compile the quarterly report
 * and chase the data owners; this module cannot see which measures (and so which data owners) feed
 * a given meeting's report, so it tells the officers who can, rather than guessing at owners.
 *
 * Each deadline is claimed for each officer (a timetable_reminders row) before anything is sent, so a second run
 * sends nothing; a send that fails gives the claim back for the next run. Claims are per person,
 * so an officer named after the first run still hears, and a failure for one resends to no other.
 */
import { addDays } from '../../kernel/calendar-days.ts';
import { paths } from '../../kernel/paths.ts';
import { formatDate } from '../../platform/http/filters.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { fill, words } from '../../platform/words/index.ts';
import { loadSettings } from './data/settings.repository.ts';
import * as repo from './data/timetable-reminders.repository.ts';
import { deadlinesToRemind, REMIND_DAYS_AHEAD } from './domain/deadline-reminders.ts';
import { MAX_LEAD_DAYS } from './domain/settings.ts';

export const TIMETABLE_REMINDERS_DAILY_AT = '07:25';

export interface TimetableRemindersDeps {
  db: Db;
  mailer: Mailer | undefined;
  baseUrl: string;
  log?: (line: string) => void;
}

export interface TimetableRemindersSummary {
  /** reminded and failed count mails (one per officer per deadline); the others count deadlines. */
  reminded: number;
  failed: number;
  noOneToTell: number;
  notConfigured: number;
}

const mail = words.committeeDeadlines;
const kindName = words.committees.timetableKind;

export async function runTimetableReminders(
  deps: TimetableRemindersDeps,
  today: string,
): Promise<TimetableRemindersSummary> {
  const summary: TimetableRemindersSummary = { reminded: 0, failed: 0, noOneToTell: 0, notConfigured: 0 };
  // Any meeting whose deadlines could fall in the coming week, whatever a council's lead days.
  const meetings = await repo.meetingsBetween(deps.db, today, addDays(today, REMIND_DAYS_AHEAD + MAX_LEAD_DAYS));
  const byCouncil = new Map<string, typeof meetings>();
  for (const meeting of meetings) {
    byCouncil.set(meeting.organisationId, [...(byCouncil.get(meeting.organisationId) ?? []), meeting]);
  }
  for (const [organisationId, councilMeetings] of byCouncil) {
    const lead = await loadSettings(deps.db, organisationId);
    const due = deadlinesToRemind(councilMeetings, today, lead);
    if (due.length === 0) continue;
    if (!deps.mailer) {
      summary.notConfigured += due.length;
      continue;
    }
    const officers = await repo.performanceOfficers(deps.db, organisationId);
    if (officers.length === 0) {
      // No performance officer to tell: nothing is claimed, so one named later hears in time.
      summary.noOneToTell += due.length;
      continue;
    }
    for (const deadline of due) {
      for (const officer of officers) {
        const claim = { meetingId: deadline.meetingId, kind: deadline.kind, personId: officer.id };
        if (!(await repo.claimReminder(deps.db, { ...claim, organisationId, remindedOn: today }))) continue;
        const params = {
          name: officer.name,
          body: deadline.bodyName,
          meeting: formatDate(deadline.heldOn),
          deadline: kindName[deadline.kind],
          due: formatDate(deadline.dueOn),
          link: `${deps.baseUrl}${paths.timetable()}`,
        };
        try {
          await deps.mailer({
            to: officer.email,
            subject: fill(mail.remindSubject, params),
            text: fill(mail.remindBody, params),
          });
          summary.reminded += 1;
        } catch (error) {
          summary.failed += 1;
          await repo.releaseReminder(deps.db, claim);
          deps.log?.(
            `timetable ${deadline.kind} of meeting ${deadline.meetingId}: not sent (${(error as Error).message})`,
          );
        }
      }
    }
  }
  return summary;
}
