/**
 * The daily reminder of overdue risk reviews: each open risk whose review date has passed is
 * mailed to its owner once for that review date (claimed in risk_review_reminders before it is
 * sent, so a second run the same day, or in another process, never mails twice; a failed send
 * gives its claim back for the next run). A risk reviewed since gets a new date and so a new
 * reminder if that one passes too.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { paths } from '../../kernel/paths.ts';
import { phrase } from '../../kernel/phrase.ts';
import type { Db } from '../../platform/db/db.ts';
import { parsedRows } from '../../platform/db/rows.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { say } from '../../platform/words/index.ts';
import { riskReviewReminders } from './data/risks.schema.ts';

/** When the job runs each day (London time). */
export const RISK_REMINDERS_DAILY_AT = '07:15';

export interface RiskReminderDeps {
  db: Db;
  /** Absent when SMTP is not configured: nothing is claimed or sent. */
  mailer: Mailer | undefined;
  baseUrl: string;
  /** Now, from the injected clock (when each reminder was sent). */
  now: () => Date;
  log?: (line: string) => void;
}

export interface RiskReminderSummary {
  today: string;
  sent: { to: string; reference: string; due: string }[];
  failed: number;
  notConfigured: number;
}

const overdueRow = z.object({
  organisation_id: z.string(),
  risk_id: z.string(),
  reference: z.string(),
  title: z.string(),
  due: z
    .union([z.string(), z.date()])
    .transform((v) => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10))),
  email: z.string(),
});

export async function runRiskReviewReminders(deps: RiskReminderDeps, today: string): Promise<RiskReminderSummary> {
  const { db, mailer } = deps;
  const result = await db.execute(sql`
    SELECT r.organisation_id, r.id AS risk_id, r.reference, r.title, r.next_review_on AS due, p.email
      FROM risks r
      JOIN people p ON p.id = r.owner_person_id AND p.status = 'active'
     WHERE r.status = 'open' AND r.next_review_on < ${today}::date
       AND NOT EXISTS (SELECT 1 FROM risk_review_reminders s WHERE s.risk_id = r.id AND s.review_due_on = r.next_review_on)
     ORDER BY r.organisation_id, r.reference`);
  const owed = parsedRows(overdueRow, result);
  const summary: RiskReminderSummary = { today, sent: [], failed: 0, notConfigured: 0 };
  if (!mailer) {
    summary.notConfigured = owed.length;
    return summary;
  }
  for (const risk of owed) {
    const claimed = await db
      .insert(riskReviewReminders)
      .values({ organisationId: risk.organisation_id, riskId: risk.risk_id, reviewDueOn: risk.due, sentAt: deps.now() })
      .onConflictDoNothing()
      .returning({ riskId: riskReviewReminders.riskId });
    if (claimed.length === 0) continue;
    const params = {
      reference: risk.reference,
      title: risk.title,
      due: risk.due,
      link: `${deps.baseUrl}${paths.risk(risk.risk_id)}`,
    };
    try {
      await mailer({
        to: risk.email,
        subject: say(phrase('risks.reminders.subject', params)),
        text: say(phrase('risks.reminders.body', params)),
      });
      summary.sent.push({ to: risk.email, reference: risk.reference, due: risk.due });
    } catch (error) {
      summary.failed += 1;
      deps.log?.(
        `risk review reminder for ${risk.reference} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      await db
        .delete(riskReviewReminders)
        .where(and(eq(riskReviewReminders.riskId, risk.risk_id), eq(riskReviewReminders.reviewDueOn, risk.due)));
    }
  }
  return summary;
}
