/**
 * Overdue members' requests: the officer asked is reminded once when a request is late, and the
 * head of their unit hears once it is the council's escalateAfterDays late (its committee settings). Each notice is claimed (the
 * reminded_on / escalated_on date set) before it is sent, so two runs never mail twice; a send
 * that fails gives its claim back for the next run.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { paths } from '../../kernel/paths.ts';
import { formatDate } from '../../platform/http/filters.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { fill, words } from '../../platform/words/index.ts';
import * as repo from './data/committees.repository.ts';
import { memberRequests } from './data/committees.schema.ts';
import { loadSettings } from './data/settings.repository.ts';
import { daysLate, nextNotice } from './domain/rules.ts';

export const REQUEST_REMINDERS_DAILY_AT = '07:20';

export interface RequestRemindersDeps {
  db: Db;
  mailer: Mailer | undefined;
  baseUrl: string;
  log?: (line: string) => void;
}

export interface RequestRemindersSummary {
  reminded: number;
  escalated: number;
  failed: number;
  noOneToTell: number;
  notConfigured: number;
}

const mail = words.committees.notices;

export async function runRequestReminders(deps: RequestRemindersDeps, today: string): Promise<RequestRemindersSummary> {
  const summary: RequestRemindersSummary = { reminded: 0, escalated: 0, failed: 0, noOneToTell: 0, notConfigured: 0 };
  for (const { id, organisationId } of await repo.overdueRequests(deps.db, today)) {
    const request = await repo.findRequest(deps.db, organisationId, id);
    if (!request) continue;
    const { escalateAfterDays } = await loadSettings(deps.db, organisationId);
    const notice = nextNotice(request, today, escalateAfterDays);
    if (notice === null) continue;
    if (!deps.mailer) {
      summary.notConfigured += 1;
      continue;
    }
    const to =
      notice === 'remind'
        ? { name: request.addresseeName, email: request.addresseeEmail }
        : await repo.managerOf(deps.db, organisationId, request.addresseePersonId);
    const column = notice === 'remind' ? memberRequests.remindedOn : memberRequests.escalatedOn;
    const claimed = await deps.db
      .update(memberRequests)
      .set(notice === 'remind' ? { remindedOn: today } : { escalatedOn: today })
      .where(and(eq(memberRequests.id, id), isNull(column)))
      .returning({ id: memberRequests.id });
    if (claimed.length === 0) continue;
    if (!to) {
      // No one above the officer: the claim stands (nothing to retry), and the run says so.
      summary.noOneToTell += 1;
      continue;
    }
    const params = {
      name: to.name,
      member: request.raisedByName,
      officer: request.addresseeName,
      raised: formatDate(request.raisedOn),
      question: request.question,
      due: formatDate(request.dueOn),
      days: daysLate(request, today),
      link: `${deps.baseUrl}${paths.memberRequest(id)}`,
    };
    try {
      await deps.mailer({
        to: to.email,
        subject: fill(notice === 'remind' ? mail.remindSubject : mail.escalateSubject, params),
        text: fill(notice === 'remind' ? mail.remindBody : mail.escalateBody, params),
      });
      summary[notice === 'remind' ? 'reminded' : 'escalated'] += 1;
    } catch (error) {
      summary.failed += 1;
      await deps.db
        .update(memberRequests)
        .set(notice === 'remind' ? { remindedOn: null } : { escalatedOn: null })
        .where(eq(memberRequests.id, id));
      deps.log?.(`member request ${id}: the ${notice} could not be sent (${(error as Error).message})`);
    }
  }
  return summary;
}
