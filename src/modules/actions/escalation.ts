/**
 * Raising an escalation (inside the transaction that found it owed) and telling the escalation
 * owner by e-mail (after it commits). A notice that fails to send stays un-notified, and the daily
 * job tries again.
 */
import { paths } from '../../kernel/paths.ts';
import { formatDate } from '../../kernel/measurement/format.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { fill, words } from '../../platform/words/index.ts';
import type { EscalationTrigger } from './domain/index.ts';
import * as repo from './data/actions.repository.ts';
import * as escalationsRepo from './data/escalations.repository.ts';

export interface Notifier {
  mailer?: Mailer | undefined;
  baseUrl: string;
}

export async function raiseEscalation(
  tx: Db,
  action: repo.ActionRow,
  trigger: EscalationTrigger,
  today: string,
  actor: Actor,
): Promise<string> {
  const escalation = await escalationsRepo.insertEscalation(tx, {
    organisationId: action.organisationId,
    actionId: action.id,
    escalationOwnerPersonId: action.escalationOwnerPersonId,
    trigger: { ...trigger },
    raisedOn: today,
  });
  await repo.insertEvent(tx, {
    organisationId: action.organisationId,
    actionId: action.id,
    kind: 'escalated',
    detail: { ...trigger, escalationId: escalation.id },
    byPersonId: actor.personId,
    byLabel: actor.label,
  });
  await recordAudit(tx, {
    organisationId: action.organisationId,
    actor,
    entityType: 'action',
    entityId: action.id,
    action: 'escalate',
    newValue: { escalationId: escalation.id, trigger, escalationOwnerPersonId: action.escalationOwnerPersonId },
  });
  return escalation.id;
}

export function triggerWords(trigger: Record<string, unknown>): string {
  if (trigger.code === 'off-track-updates')
    return fill(words.actionsEscalation.offTrackUpdates, { n: Number(trigger.updates) });
  return fill(words.actionsEscalation.overdueDays, { n: Number(trigger.days) });
}

/** Sends the notice of every escalation not yet notified (of one council, or all). */
export async function sendEscalationNotices(
  db: Db,
  notifier: Notifier,
  organisationId: string | null = null,
): Promise<{ sent: number; failed: number }> {
  if (!notifier.mailer) return { sent: 0, failed: 0 };
  const pending = await escalationsRepo.unnotifiedEscalations(db, organisationId);
  let sent = 0;
  let failed = 0;
  for (const row of pending) {
    try {
      await notifier.mailer({
        to: row.email,
        subject: fill(words.actionsEscalation.subject, { code: row.code, title: row.title }),
        text: fill(words.actionsEscalation.body, {
          name: row.name,
          code: row.code,
          title: row.title,
          why: triggerWords(row.trigger),
          raised: formatDate(row.raisedOn),
          link: `${notifier.baseUrl}${paths.action(row.actionId)}`,
        }),
      });
      await escalationsRepo.markNotified(db, row.id);
      sent++;
    } catch {
      failed++;
    }
  }
  return { sent, failed };
}
