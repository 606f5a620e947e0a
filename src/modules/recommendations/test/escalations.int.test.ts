/**
 * The overdue escalation job on both databases: the owner is told once when a recommendation falls
 * due, the head of its unit once when it is overdue by the council's number of days, each recorded
 * so a second run sends nothing; a revised due date earns fresh notices; a failed send is retried.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import {
  people,
  recommendationHistory,
  recommendationNotifications,
  recommendationReports,
  recommendations,
  recommendationSettings,
  units,
} from '../../../schema.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';
import { runRecommendationEscalations } from '../escalations.job.ts';

describe.each(DATABASES)('recommendation escalations on %s', (kind) => {
  let t: TestApp;
  const inbox: MailMessage[] = [];
  const mailer = async (message: MailMessage) => {
    inbox.push(message);
  };
  // null: SMTP not configured.
  const run = (today: string, send: typeof mailer | null = mailer) =>
    runRecommendationEscalations(
      { db: t.deps.database.db, mailer: send ?? undefined, baseUrl: 'https://gt.example', log: () => {} },
      today,
    );
  let recommendationId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.deps.database.db;
    const person = async (name: string) =>
      (
        await db
          .insert(people)
          .values({ organisationId: t.org.id, name, email: `${name.split(' ')[0]!.toLowerCase()}@test.example` })
          .returning()
      )[0]!;
    const head = await person('Hana Head');
    const owner = await person('Omar Owner');
    const [unit] = await db
      .insert(units)
      .values({
        organisationId: t.org.id,
        parentId: t.org.rootUnitId,
        code: 'REV',
        name: 'Revenues',
        kind: 'service',
        headPersonId: head.id,
      })
      .returning();
    const [report] = await db
      .insert(recommendationReports)
      .values({
        organisationId: t.org.id,
        source: 'external-audit',
        title: 'Annual audit letter',
        reportDate: '2025-10-01',
      })
      .returning();
    const [created] = await db
      .insert(recommendations)
      .values({
        organisationId: t.org.id,
        reportId: report!.id,
        reference: 'E1',
        priority: 'high',
        text: 'Reconcile council tax records',
        ownerPersonId: owner.id,
        unitId: unit!.id,
        response: 'accepted',
        originalDueDate: '2026-01-31',
        dueDate: '2026-01-31',
        status: 'in-progress',
      })
      .returning();
    recommendationId = created!.id;
    await db.insert(recommendationSettings).values({ organisationId: t.org.id, escalateAfterDays: 14 });
  });
  afterAll(async () => t?.close());

  it('tells no one before the due date', async () => {
    expect((await run('2026-01-30')).sent).toEqual([]);
  });

  it('tells the owner once when due, and the unit head once when overdue by the council’s days', async () => {
    const due = await run('2026-01-31');
    expect(due.sent).toEqual([{ recommendationId, kind: 'due', to: 'omar@test.example' }]);
    expect(inbox.at(-1)?.subject).toBe('Recommendation due: E1 from Annual audit letter');
    expect(inbox.at(-1)?.text).toContain(`https://gt.example/recommendations/${recommendationId}`);
    expect((await run('2026-02-13')).sent).toEqual([]);
    const escalated = await run('2026-02-14');
    expect(escalated.sent).toEqual([{ recommendationId, kind: 'escalation', to: 'hana@test.example' }]);
    expect(escalated.alreadySent).toBe(1);
    expect(inbox.at(-1)?.text).toContain('14 days overdue');
    expect((await run('2026-02-20')).sent).toEqual([]);
    const history = await t.deps.database.db
      .select()
      .from(recommendationHistory)
      .where(eq(recommendationHistory.recommendationId, recommendationId));
    expect(history.map((entry) => entry.kind)).toEqual(['notified', 'notified']);
  });

  it('sends again for a revised due date, and gives a failed send back for the next run', async () => {
    const db = t.deps.database.db;
    await db.update(recommendations).set({ dueDate: '2026-03-31' }).where(eq(recommendations.id, recommendationId));
    const failing = async () => {
      throw new Error('SMTP is down');
    };
    const failed = await run('2026-03-31', failing);
    expect(failed.failed).toBe(1);
    expect(
      (await db.select().from(recommendationNotifications)).filter((notice) => notice.dueDate === '2026-03-31'),
    ).toEqual([]);
    expect((await run('2026-03-31')).sent).toEqual([{ recommendationId, kind: 'due', to: 'omar@test.example' }]);
  });

  it('claims nothing when mail is not configured, and nothing for a closed recommendation', async () => {
    const db = t.deps.database.db;
    const before = (await db.select().from(recommendationNotifications)).length;
    expect((await run('2026-04-30', null)).notConfigured).toBe(2);
    await db.update(recommendations).set({ status: 'closed' }).where(eq(recommendations.id, recommendationId));
    expect((await run('2026-04-30')).sent).toEqual([]);
    expect((await db.select().from(recommendationNotifications)).length).toBe(before);
  });
});
