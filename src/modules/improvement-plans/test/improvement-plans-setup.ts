/**
 * A small council for the improvement-plan tests: a service unit, a key quarterly measure owned by
 * a person, a Corporate Performance Panel with one member named in the settings, and helpers to
 * store statuses (as the performance engine would) and to drive plans through the API.
 */
import { expect } from 'vitest';
import { governanceBodies, governanceBodyMembers, measureStatuses, units } from '../../../schema.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, type Agent, type DatabaseKind } from '../../../../test/helpers/test-app.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { runImprovementRequests } from '../index.ts';

// "Today" is 20 November 2025: 2025/26 Q2 and every quarter before it have ended.
export const TODAY = new Date('2025-11-20T10:00:00Z');

export async function improvementCouncil(kind: DatabaseKind) {
  const t = await createTestApp(kind, { clock: () => TODAY });
  const db = t.deps.database.db;
  const [service] = await db
    .insert(units)
    .values({
      organisationId: t.org.id,
      parentId: t.org.rootUnitId,
      code: 'HOMECARE',
      name: 'Home care',
      kind: 'service',
    })
    .returning();
  const officer = await t.as('performance-officer');
  const admin = await t.as('administrator');
  const owner = await t.as('data-entry');
  const panelMember = await t.as('viewer');
  const stranger = await t.as('viewer');
  const [panel] = await db
    .insert(governanceBodies)
    .values({
      organisationId: t.org.id,
      name: 'Corporate Performance Panel',
      kind: 'panel',
      frameworkRoles: ['scrutinises'],
    })
    .returning();
  await db
    .insert(governanceBodyMembers)
    .values({ organisationId: t.org.id, bodyId: panel!.id, personId: panelMember.personId });
  const saved = await admin.api('PUT', '/api/v1/improvement-plans/settings', {
    panelBodyId: panel!.id,
    consecutivePeriods: 2,
    triggers: ['red', 'spc-concern'],
  });
  expect(saved.statusCode, saved.body).toBe(200);

  let counter = 0;
  async function keyMeasure(more: Record<string, unknown> = {}): Promise<string> {
    counter += 1;
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({
        code: `IP-${counter}`,
        title: `Improvement measure ${counter}`,
        isKey: true,
        ownerPersonId: owner.personId,
        ownerUnitId: service!.id,
        ...more,
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string }>().id;
  }

  /** Stored statuses as the engine leaves them (the job reads only what is stored). */
  async function storeStatuses(measureId: string, statuses: [string, string, boolean?][], organisationId = t.org.id) {
    await db.insert(measureStatuses).values(
      statuses.map(([periodKey, rag, concern]) => ({
        organisationId,
        measureId,
        periodKey,
        rag,
        spcLatestType: concern ? 'special-cause-concern' : 'common-cause',
      })),
    );
  }

  const mail: MailMessage[] = [];
  const runJob = () =>
    runImprovementRequests({
      db,
      clock: fixedClock(TODAY),
      baseUrl: 'https://golden-thread.test',
      mailer: async (message) => {
        mail.push(message);
      },
    });

  /** A plan for the measure with every part written, as a draft. */
  async function draftPlan(by: Agent, measureId: string, more: Record<string, unknown> = {}): Promise<string> {
    const created = await by.api('POST', '/api/v1/improvement-plans', {
      measureId,
      problem: 'Fewer people supported at home than planned',
      rootCause: 'Vacancies in the reablement team',
      expectedValue: 80,
      expectedPeriod: '2026-27-Q1',
      dueDate: '2026-06-30',
      ...more,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string }>().id;
  }

  const decision = (outcome: 'agreed' | 'sent-back', more: Record<string, unknown> = {}) => ({
    outcome,
    meetingDate: '2025-11-20',
    minuteReference: 'CPP/25/42',
    comments: outcome === 'sent-back' ? 'Say how the vacancies will be filled' : '',
    ...more,
  });

  return {
    t,
    db,
    people: { officer, admin, owner, panelMember, stranger },
    units: { service: service!.id },
    panel: panel!.id,
    keyMeasure,
    storeStatuses,
    runJob,
    mail,
    draftPlan,
    decision,
  };
}

export type ImprovementCouncil = Awaited<ReturnType<typeof improvementCouncil>>;
