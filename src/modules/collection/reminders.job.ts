/**
 * The reminder job: for every active measure and its recent periods not yet submitted, the
 * reminder the collection calendar says is owed today — before the due date and when overdue to
 * the people who enter the data (and the owner), then an escalation to the owner, then to the
 * owner's line manager — sent by SMTP. Idempotent: each (measure, period, person, kind) is claimed
 * in reminders_sent before it is sent, so running the job twice never mails twice; a send that
 * fails gives its claim back so the next run tries again.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../../platform/config.ts';
import { dueDate, reminderOwed, type ReminderKind } from './domain/due-dates.ts';
import { formatDate, periodKey as keyOf, periodLabel, type Period } from '../../kernel/measurement/index.ts';
import type { Db } from '../../platform/db/db.ts';
import * as repo from './data/collection.repository.ts';
import { recentPeriods, ruleFor } from './collection.service.ts';
import { paths } from '../../kernel/paths.ts';
import { fill, words } from '../../platform/words/index.ts';

const e = words.collection.reminders;

export interface ReminderDeps {
  db: Db;
  smtp: SmtpConfig | undefined;
  baseUrl: string;
  log?: (message: string) => void;
  /** A ready transport (tests); otherwise one is made from `smtp`. */
  transport?: Transporter;
}

export interface ReminderSent {
  to: string;
  kind: StoredKind;
  measureCode: string;
  periodKey: string;
  messageId: string;
}

export interface ReminderSummary {
  today: string;
  sent: ReminderSent[];
  /** Owed today but already sent on an earlier run. */
  alreadySent: number;
  failed: number;
  /** Owed but not sent because SMTP is not configured. */
  notConfigured: number;
}

/** reminders_sent.kind: before | overdue | escalation-owner | escalation-manager */
type StoredKind = 'before' | 'overdue' | 'escalation-owner' | 'escalation-manager';
const STORED: Record<ReminderKind, StoredKind> = {
  'before-due': 'before',
  overdue: 'overdue',
  'escalation-owner': 'escalation-owner',
  'escalation-manager': 'escalation-manager',
};

/** Periods looked at per measure: the latest ended ones (older gaps are for the performance team). */
const PERIODS_CHECKED = 3;
const NOT_SUBMITTED = new Set(['draft', 'returned']);

interface Message {
  subject: string;
  text: string;
}

function message(
  kind: ReminderKind,
  measure: repo.MeasureRow,
  period: Period,
  due: string,
  link: string,
  recipient: repo.Recipient,
  owner: repo.Recipient | undefined,
): Message {
  const said = {
    code: measure.code,
    period: periodLabel(period),
    what: fill(e.what, { code: measure.code, title: measure.title, period: periodLabel(period) }),
    due: formatDate(due),
  };
  const lines = (...text: string[]) =>
    [fill(e.dear, { name: recipient.name }), '', ...text, '', fill(e.link, { link }), '', e.signature].join('\n');
  switch (kind) {
    case 'before-due':
      return {
        subject: fill(e.beforeDue.subject, said),
        text: lines(fill(e.beforeDue.text, said), e.beforeDue.ask),
      };
    case 'overdue':
      return {
        subject: fill(e.overdue.subject, said),
        text: lines(fill(e.overdue.text, said)),
      };
    case 'escalation-owner':
      return {
        subject: fill(e.owner.subject, said),
        text: lines(fill(e.owner.text, said), e.owner.ask),
      };
    case 'escalation-manager':
      return {
        subject: fill(e.manager.subject, { ...said, owner: owner?.name ?? e.manager.yourTeam }),
        text: lines(fill(e.manager.text, { ...said, owner: owner?.name ?? e.manager.aMember })),
      };
  }
}

export function createTransport(smtp: SmtpConfig): Transporter {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
  });
}

/** Runs the job for every organisation, as of `today` (an ISO date in London). */
export async function runReminders(deps: ReminderDeps, today: string): Promise<ReminderSummary> {
  const log = deps.log ?? ((text: string) => console.log(text));
  const summary: ReminderSummary = { today, sent: [], alreadySent: 0, failed: 0, notConfigured: 0 };
  const transport = deps.transport ?? (deps.smtp ? createTransport(deps.smtp) : undefined);
  const from = deps.smtp?.from ?? 'Golden Thread <golden-thread@localhost>';
  for (const organisation of await repo.organisationIds(deps.db)) {
    const org = organisation.id;
    const rule = await repo.collectionRuleFor(deps.db, org);
    const measures = await repo.activeMeasures(deps.db, org);
    if (measures.length === 0) continue;
    const ids = measures.map((measure) => measure.id);
    const slots = measures.flatMap((measure) =>
      recentPeriods(measure.frequency, today, PERIODS_CHECKED).map((period) => ({
        measure,
        period,
        key: keyOf(period),
      })),
    );
    const values = await repo.valuesFor(deps.db, org, ids, [...new Set(slots.map((slot) => slot.key))]);
    const status = new Map(values.map((value) => [`${value.measureId}|${value.periodKey}`, value.status]));
    const assignees = await repo.assigneesOf(deps.db, org, ids);
    const owners = measures.map((measure) => measure.ownerPersonId).filter((id): id is string => id !== null);
    let people = await repo.peopleOf(deps.db, org, [...new Set([...owners, ...assignees.map((a) => a.personId)])]);
    const managerIds = people.map((person) => person.lineManagerId).filter((id): id is string => id !== null);
    people = [...people, ...(await repo.peopleOf(deps.db, org, [...new Set(managerIds)]))];
    const personById = new Map(people.map((person) => [person.id, person]));

    for (const { measure, period, key } of slots) {
      const stored = status.get(`${measure.id}|${key}`);
      if (stored !== undefined && !NOT_SUBMITTED.has(stored)) continue;
      const measureRule = ruleFor(rule, measure);
      const kind = reminderOwed(period, today, measureRule);
      if (!kind) continue;
      const owner = measure.ownerPersonId ? personById.get(measure.ownerPersonId) : undefined;
      const recipients: (repo.Recipient | undefined)[] =
        kind === 'escalation-owner'
          ? [owner]
          : kind === 'escalation-manager'
            ? [owner?.lineManagerId ? personById.get(owner.lineManagerId) : undefined]
            : [...assignees.filter((a) => a.measureId === measure.id).map((a) => personById.get(a.personId)), owner];
      const unique = [
        ...new Map(
          recipients.filter((p): p is repo.Recipient => p !== undefined && p.status === 'active').map((p) => [p.id, p]),
        ).values(),
      ];
      if (unique.length === 0) {
        log(`reminders: ${measure.code} ${key} is owed a ${kind} reminder but has no one to send it to`);
        continue;
      }
      const due = dueDate(period, measureRule);
      for (const person of unique) {
        if (!transport) {
          summary.notConfigured += 1;
          log(
            `reminders: SMTP_HOST is not set, so the ${kind} reminder for ${measure.code} ${key} to ${person.email} was not sent`,
          );
          continue;
        }
        const claim = await repo.reserveReminder(deps.db, {
          organisationId: org,
          measureId: measure.id,
          periodKey: key,
          personId: person.id,
          kind: STORED[kind],
        });
        if (!claim) {
          summary.alreadySent += 1;
          continue;
        }
        const link = `${deps.baseUrl.replace(/\/$/, '')}${paths.valueEntry(measure.id, key)}`;
        const mail = message(kind, measure, period, due, link, person, owner);
        try {
          const info = await transport.sendMail({
            from,
            to: `${person.name} <${person.email}>`,
            subject: mail.subject,
            text: mail.text,
          });
          const messageId = String(info.messageId ?? '');
          await repo.recordReminderSent(deps.db, org, claim, messageId);
          summary.sent.push({
            to: person.email,
            kind: STORED[kind],
            measureCode: measure.code,
            periodKey: key,
            messageId,
          });
        } catch (error) {
          await repo.releaseReminder(deps.db, org, claim);
          summary.failed += 1;
          log(
            `reminders: sending the ${kind} reminder for ${measure.code} ${key} to ${person.email} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    }
  }
  log(
    `reminders for ${today}: ${summary.sent.length} sent, ${summary.alreadySent} already sent earlier, ${summary.failed} failed` +
      (summary.notConfigured ? `, ${summary.notConfigured} not sent (SMTP_HOST not set)` : ''),
  );
  return summary;
}

/**
 * When the server sends reminders (REMINDERS=on), in London time: before the working day, so a
 * reminder is in the inbox when people start. The job scheduler runs it in one process only.
 */
export const REMINDERS_DAILY_AT = '07:00';
