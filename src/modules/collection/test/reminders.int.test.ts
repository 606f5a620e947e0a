import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.ts';
import { measureAssignees, measures, measureValues, people, remindersSent } from '../../../schema.ts';
import { runReminders, type ReminderDeps } from '../reminders.job.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

interface Mail {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free loopback port, keeping every message it receives. */
async function startSmtp(): Promise<{ port: number; inbox: Mail[]; stop(): Promise<void> }> {
  const inbox: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // Quoted-printable bodies wrap long lines with "=" and escape "=" itself: undo both.
        const raw = Buffer.concat(chunks)
          .toString('utf8')
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, inbox, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const subjectOf = (mail: Mail) => /^Subject: (.*)$/m.exec(mail.raw)?.[1]?.trim() ?? '';

describe.each(DATABASES)('e-mail reminders on %s', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let deps: ReminderDeps;
  const logs: string[] = [];
  const emails = { owner: '', assignee: '', manager: '', other: '' };

  beforeAll(async () => {
    t = await createTestApp(kind);
    smtp = await startSmtp();
    const config = loadConfig({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'Performance team <performance@test.example>',
      BASE_URL: 'https://gt.example.gov.uk',
    });
    expect(config.smtp).toMatchObject({
      host: '127.0.0.1',
      port: smtp.port,
      from: 'Performance team <performance@test.example>',
    });
    deps = { db: t.deps.database.db, smtp: config.smtp, baseUrl: config.baseUrl, log: (line) => logs.push(line) };
    const db = t.deps.database.db;
    const person = async (name: string, lineManagerId: string | null = null) => {
      const [row] = await db
        .insert(people)
        .values({
          organisationId: t.org.id,
          name,
          email: `${name.toLowerCase().replace(/ /g, '.')}@test.example`,
          lineManagerId,
        })
        .returning();
      return row!;
    };
    const manager = await person('Maya Manager');
    const owner = await person('Owen Owner', manager.id);
    const assignee = await person('Asha Assignee');
    const other = await person('Olu Other');
    Object.assign(emails, { owner: owner.email, assignee: assignee.email, manager: manager.email, other: other.email });
    const measure = async (code: string, ownerId: string) => {
      const [row] = await db
        .insert(measures)
        .values({
          organisationId: t.org.id,
          code,
          title: `Measure ${code}`,
          unit: '%',
          polarity: 'higher-is-better',
          frequency: 'quarterly',
          aggregation: 'mean',
          ownerPersonId: ownerId,
        })
        .returning();
      return row!;
    };
    const chased = await measure('REM-1', owner.id);
    const done = await measure('REM-2', other.id);
    await db.insert(measureAssignees).values({ organisationId: t.org.id, measureId: chased.id, personId: assignee.id });
    // Earlier quarters are in; REM-1 Q2 is only a draft (still owed), REM-2 Q2 is submitted.
    await db.insert(measureValues).values([
      ...['2024-25-Q4', '2025-26-Q1'].flatMap((periodKey) => [
        { organisationId: t.org.id, measureId: chased.id, periodKey, value: 70, status: 'approved' as const },
        { organisationId: t.org.id, measureId: done.id, periodKey, value: 70, status: 'approved' as const },
      ]),
      { organisationId: t.org.id, measureId: chased.id, periodKey: '2025-26-Q2', value: 60, status: 'draft' },
      { organisationId: t.org.id, measureId: done.id, periodKey: '2025-26-Q2', value: 71, status: 'submitted' },
    ]);
  });
  afterAll(async () => {
    await smtp?.stop();
    await t?.close();
  });

  // 2025/26 Q2 ends Tuesday 30 September 2025 and is due 15 working days later, Tuesday 21 October.
  it('sends nothing before the reminder window opens', async () => {
    const summary = await runReminders(deps, '2025-10-17');
    expect(summary.sent).toEqual([]);
    expect(smtp.inbox).toHaveLength(0);
  });

  it('reminds the assignee and the owner before the due date, once', async () => {
    const summary = await runReminders(deps, '2025-10-19');
    expect(summary.sent.map((s) => [s.to, s.kind, s.measureCode, s.periodKey]).sort()).toEqual([
      [emails.assignee, 'before', 'REM-1', '2025-26-Q2'],
      [emails.owner, 'before', 'REM-1', '2025-26-Q2'],
    ]);
    expect(smtp.inbox).toHaveLength(2);
    const mail = smtp.inbox.find((m) => m.to.includes(emails.assignee))!;
    expect(subjectOf(mail)).toBe('Reminder: REM-1 for 2025/26 Q2 is due on 21 October 2025');
    expect(mail.raw).toContain('https://gt.example.gov.uk/measures/');
    expect(mail.raw).toContain('/values/2025-26-Q2');
    expect(mail.raw).toMatch(/^From: Performance team <performance@test\.example>/m);
    const again = await runReminders(deps, '2025-10-19');
    expect(again.sent).toEqual([]);
    expect(again.alreadySent).toBe(2);
    expect(smtp.inbox).toHaveLength(2);
  });

  it('says it is overdue the day after the due date', async () => {
    const summary = await runReminders(deps, '2025-10-22');
    expect(summary.sent.map((s) => [s.to, s.kind]).sort()).toEqual([
      [emails.assignee, 'overdue'],
      [emails.owner, 'overdue'],
    ]);
    expect(subjectOf(smtp.inbox.at(-1)!)).toBe('Overdue: REM-1 for 2025/26 Q2 was due on 21 October 2025');
  });

  it('escalates to the owner after 5 working days, then to the line manager after 10', async () => {
    expect((await runReminders(deps, '2025-10-27')).sent).toEqual([]);
    const owner = await runReminders(deps, '2025-10-28');
    expect(owner.sent.map((s) => [s.to, s.kind])).toEqual([[emails.owner, 'escalation-owner']]);
    expect(subjectOf(smtp.inbox.at(-1)!)).toBe('Escalation: REM-1 for 2025/26 Q2 is overdue');
    const manager = await runReminders(deps, '2025-11-04');
    expect(manager.sent.map((s) => [s.to, s.kind])).toEqual([[emails.manager, 'escalation-manager']]);
    expect(smtp.inbox.at(-1)!.raw).toContain('Owen Owner owns REM-1');
    // Nobody else was ever written to; a second run on the last day sends nothing.
    expect((await runReminders(deps, '2025-11-04')).sent).toEqual([]);
    expect(smtp.inbox.flatMap((m) => m.to)).not.toContain(emails.other);
    expect(smtp.inbox).toHaveLength(6);
    const claims = await t.deps.database.db
      .select()
      .from(remindersSent)
      .where(eq(remindersSent.organisationId, t.org.id));
    expect(claims).toHaveLength(6);
    expect(claims.every((claim) => claim.messageId !== '')).toBe(true);
  });

  it('logs and sends nothing when SMTP is not configured', async () => {
    const before = smtp.inbox.length;
    const unconfigured = await runReminders({ ...deps, smtp: undefined }, '2026-01-20');
    expect(unconfigured.sent).toEqual([]);
    expect(unconfigured.notConfigured).toBeGreaterThan(0);
    expect(logs.some((line) => line.includes('SMTP_HOST is not set'))).toBe(true);
    expect(smtp.inbox).toHaveLength(before);
  });

  it('gives a failed send back so the next run retries it', async () => {
    const broken = await runReminders({ ...deps, smtp: { ...deps.smtp!, port: 1 } }, '2026-01-20');
    expect(broken.failed).toBeGreaterThan(0);
    expect(broken.sent).toEqual([]);
    const retried = await runReminders(deps, '2026-01-20');
    expect(retried.sent.length).toBe(broken.failed);
  });
});
