/**
 * The timetable reminder job against a real database (PGlite: its SQL is plain inserts with
 * ON CONFLICT and an array overlap the committees tests already run on both): performance officers
 * are told once a week before each reporting meeting's deadlines, a second run sends nothing, and a
 * failed send is tried again next run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { governanceBodies, meetings, timetableReminders } from '../../../schema.ts';
import { runTimetableReminders } from '../timetable-reminders.job.ts';

describe('timetable reminders', () => {
  let t: TestApp;
  let officer: Agent;

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => new Date('2027-01-20T12:00:00Z') });
    officer = await t.as('performance-officer');
    await t.as('manager'); // not a performance officer: never told
    const db = t.deps.database.db;
    const [panel] = await db
      .insert(governanceBodies)
      .values({ organisationId: t.org.id, name: 'Performance Panel', kind: 'panel', frameworkRoles: ['receives'] })
      .returning();
    const [planning] = await db
      .insert(governanceBodies)
      .values({ organisationId: t.org.id, name: 'Planning Committee', kind: 'committee', frameworkRoles: [] })
      .returning();
    // Default lead days: data due 2027-01-20, sign-off 2027-01-27, report published 2027-02-03.
    await db.insert(meetings).values([
      { organisationId: t.org.id, bodyId: panel!.id, heldOn: '2027-02-10' },
      { organisationId: t.org.id, bodyId: planning!.id, heldOn: '2027-02-10' },
    ]);
  });
  afterAll(() => t.close());

  it('tells the performance officers once of each coming deadline, and retries a failed send', async () => {
    const inbox: MailMessage[] = [];
    let failing = true;
    const run = (today: string) =>
      runTimetableReminders(
        {
          db: t.deps.database.db,
          baseUrl: 'https://gt.example',
          mailer: async (m) => {
            if (failing) throw new Error('SMTP down');
            inbox.push(m);
          },
        },
        today,
      );

    expect(await run('2027-01-21')).toMatchObject({ reminded: 0, failed: 1 });
    expect(await t.deps.database.db.select().from(timetableReminders)).toHaveLength(0);

    failing = false;
    expect(await run('2027-01-21')).toMatchObject({ reminded: 1, failed: 0 });
    expect(inbox.map((m) => m.to)).toEqual([officer.email]);
    expect(inbox[0]!.subject).toContain('Figures signed off');
    expect(inbox[0]!.subject).toContain('Performance Panel');
    expect(inbox[0]!.text).toContain('https://gt.example/timetable');

    expect(await run('2027-01-21')).toMatchObject({ reminded: 0 });
    // A week on, the publication deadline comes into view; sign-off is not told again.
    expect(await run('2027-01-28')).toMatchObject({ reminded: 1 });
    expect(inbox.map((m) => m.subject)).toEqual([
      expect.stringContaining('Figures signed off'),
      expect.stringContaining('Report published'),
    ]);
  });

  it('counts deadlines it could not send when no mail is set up', async () => {
    const run = await runTimetableReminders({ db: t.deps.database.db, baseUrl: '', mailer: undefined }, '2027-01-27');
    expect(run).toMatchObject({ reminded: 0, notConfigured: 2 });
  });
});
