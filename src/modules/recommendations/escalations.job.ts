/**
 * The overdue escalation job: for every council, each recommendation still being worked on whose
 * due date has come is sent to its owner once ("due"), and once it is overdue by the council's
 * number of days, to the head of its unit (or the nearest head above, never the owner themself)
 * ("escalation"). Each notice is claimed in recommendation_notifications for the due date it was
 * about before it is sent, so running the job twice never mails twice, and a revised due date
 * earns fresh notices. A send that fails gives its claim back so the next run tries again.
 */
import { formatDate } from '../../kernel/measurement/index.ts';
import { paths } from '../../kernel/paths.ts';
import { phrase } from '../../kernel/phrase.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { fill, say, words } from '../../platform/words/index.ts';
import * as notices from './data/notifications.repository.ts';
import { escalateAfterDays } from './data/recommendations.repository.ts';
import { historyPhrase } from './recommendation-checks.ts';
import { daysBetween } from './domain/rules.ts';

export interface EscalationDeps {
  db: Db;
  /** Absent when SMTP is not configured: then nothing is claimed, and the log says so. */
  mailer: Mailer | undefined;
  baseUrl: string;
  log?: (line: string) => void;
}

export interface EscalationSummary {
  sent: { recommendationId: string; kind: 'due' | 'escalation'; to: string }[];
  alreadySent: number;
  failed: number;
  notConfigured: number;
  noOneToTell: number;
}

/** When the server runs the job, in London time (before the working day, like the reminders). */
export const ESCALATIONS_DAILY_AT = '07:15';

const mailWords = words.recommendations.notifications;

export async function runRecommendationEscalations(deps: EscalationDeps, today: string): Promise<EscalationSummary> {
  const log = deps.log ?? ((line: string) => console.log(line));
  const summary: EscalationSummary = { sent: [], alreadySent: 0, failed: 0, notConfigured: 0, noOneToTell: 0 };
  const thresholds = new Map<string, number>();
  for (const due of await notices.dueRecommendations(deps.db, today)) {
    let threshold = thresholds.get(due.organisationId);
    if (threshold === undefined) {
      threshold = await escalateAfterDays(deps.db, due.organisationId);
      thresholds.set(due.organisationId, threshold);
    }
    const daysOverdue = daysBetween(due.dueDate, today);
    const owed: { kind: 'due' | 'escalation'; person: { id: string; name: string; email: string } }[] = [];
    if (due.ownerStatus === 'active') {
      owed.push({ kind: 'due', person: { id: due.ownerPersonId, name: due.ownerName, email: due.ownerEmail } });
    }
    if (daysOverdue >= threshold) {
      const head = await escalationHead(deps.db, due);
      if (head) owed.push({ kind: 'escalation', person: head });
      else {
        summary.noOneToTell += 1;
        log(`recommendation escalations: ${due.reference || due.id} is overdue but its unit has no head to tell`);
      }
    }
    for (const { kind, person } of owed) {
      if (!deps.mailer) {
        summary.notConfigured += 1;
        continue;
      }
      const claim = await notices.claimNotification(deps.db, {
        organisationId: due.organisationId,
        recommendationId: due.id,
        kind,
        dueDate: due.dueDate,
        personId: person.id,
      });
      if (!claim) {
        summary.alreadySent += 1;
        continue;
      }
      try {
        await deps.mailer({ to: `${person.name} <${person.email}>`, ...message(kind, due, daysOverdue, deps.baseUrl) });
        await notices.recordSent(deps.db, claim, {
          organisationId: due.organisationId,
          recommendationId: due.id,
          summary: historyPhrase(kind === 'due' ? 'notifiedDue' : 'notifiedEscalation', {
            name: person.name,
            due: formatDate(due.dueDate),
          }),
        });
        summary.sent.push({ recommendationId: due.id, kind, to: person.email });
      } catch (error) {
        await notices.releaseClaim(deps.db, claim);
        summary.failed += 1;
        log(
          `recommendation escalations: sending to ${person.email} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  if (summary.notConfigured > 0) {
    log(`recommendation escalations: SMTP_HOST is not set, so ${summary.notConfigured} notices were not sent`);
  }
  return summary;
}

/** The head of the recommendation's unit (else the owner's), or the nearest above, who is not the owner and has not left. */
async function escalationHead(db: Db, due: notices.DueRecommendation) {
  const unitId = due.unitId ?? due.ownerUnitId;
  if (!unitId) return undefined;
  for (const headId of await notices.unitHeads(db, due.organisationId, unitId)) {
    if (headId === due.ownerPersonId) continue;
    const head = await notices.personById(db, due.organisationId, headId);
    if (head && head.status === 'active') return head;
  }
  return undefined;
}

function message(kind: 'due' | 'escalation', due: notices.DueRecommendation, days: number, baseUrl: string) {
  const params = {
    reference: due.reference || '',
    report: due.reportTitle,
    source: say(phrase(`recommendations.source.${due.source}`)),
    due: formatDate(due.dueDate),
    owner: due.ownerName,
    days,
  };
  const link = `${baseUrl.replace(/\/$/, '')}${paths.recommendation(due.id)}`;
  const body = kind === 'due' ? mailWords.dueText : mailWords.escalationText;
  return {
    subject: fill(kind === 'due' ? mailWords.dueSubject : mailWords.escalationSubject, params),
    text: [fill(body, params), '', fill(mailWords.link, { link }), '', 'Golden Thread'].join('\n'),
  };
}
