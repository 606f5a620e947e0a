import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measures, measureValues, people, planItems, plans, roleAssignments } from '../../../schema.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { childUnit, planWithItems } from '../../../../test/helpers/measure-fixtures.ts';

const now = new Date('2025-11-20T10:00:00Z');

describe.each(DATABASES)('audit reads follow the reader’s scope (%s)', (kind) => {
  let t: TestApp;
  let directorateA: string;
  let teamA1: string;
  /** The subjects (entity type and id) of the events a reader of directorate A may see, and of the rest. */
  const inA: string[] = [];
  const outsideA: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
    const db = t.deps.database.db;
    directorateA = await childUnit(t, 'DIR-A');
    teamA1 = await childUnit(t, 'TEAM-A1', directorateA);
    const directorateB = await childUnit(t, 'DIR-B');
    const officer = await t.as('performance-officer');
    const send = async (what: string, csv: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/imports/${what}`,
        headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    await send(
      'measures',
      [
        'code,title,unit,polarity,frequency,aggregation,ownerUnitCode',
        'M-A,Measure A,number,lower-is-better,quarterly,sum,DIR-A',
        'M-A1,Measure A1,number,lower-is-better,quarterly,sum,TEAM-A1',
        'M-B,Measure B,number,lower-is-better,quarterly,sum,DIR-B',
        'M-C,Measure C,number,lower-is-better,quarterly,sum,',
      ].join('\n'),
    );
    await send('values', ['measureCode,periodKey,value', 'M-A1,2025-26-Q1,1', 'M-B,2025-26-Q1,2'].join('\n'));
    const measureId = async (code: string) => (await db.select().from(measures).where(eq(measures.code, code)))[0]!.id;
    const valueOf = async (code: string) =>
      (
        await db
          .select()
          .from(measureValues)
          .where(eq(measureValues.measureId, await measureId(code)))
      )[0]!.id;
    const personIn = async (unitId: string) => {
      const agent = await t.as('data-entry', { unitId });
      await db.update(people).set({ unitId }).where(eq(people.id, agent.personId));
      const [assignment] = await db.select().from(roleAssignments).where(eq(roleAssignments.personId, agent.personId));
      return { person: agent.personId, assignment: assignment!.id };
    };
    // A plan of directorate A: its item with no unit of its own is the plan's; the other is directorate B's.
    const planA = await planWithItems(t);
    await db.update(plans).set({ owningUnitId: directorateA }).where(eq(plans.id, planA.planId));
    await db.update(planItems).set({ ownerUnitId: directorateB }).where(eq(planItems.id, planA.itemIds[1]));
    const councilPlan = await planWithItems(t);
    const inTeam = await personIn(teamA1);
    const inB = await personIn(directorateB);
    inA.push(
      `measure ${await measureId('M-A')}`,
      `measure ${await measureId('M-A1')}`,
      `measure-value ${await valueOf('M-A1')}`,
      `unit ${teamA1}`,
      `person ${inTeam.person}`,
      `role-assignment ${inTeam.assignment}`,
      `plan ${planA.planId}`,
      `plan-item ${planA.itemIds[0]}`,
    );
    outsideA.push(
      `measure ${await measureId('M-B')}`,
      `measure ${await measureId('M-C')}`,
      `measure-value ${await valueOf('M-B')}`,
      `unit ${directorateB}`,
      `person ${inB.person}`,
      `role-assignment ${inB.assignment}`,
      `performance-settings ${t.org.id}`,
      `plan ${councilPlan.planId}`,
      `plan-item ${planA.itemIds[1]}`,
      `plan-item ${councilPlan.itemIds[0]}`,
    );
    const event = (subject: string, actor: string) => {
      const [entityType, entityId] = subject.split(' ') as [string, string];
      return { organisationId: t.org.id, actorLabel: actor, entityType, entityId, action: 'update' };
    };
    await db
      .insert(auditEvents)
      .values([
        ...inA.map((subject) => event(subject, 'Inside Actor')),
        ...outsideA.map((subject) => event(subject, 'Outside Actor')),
      ]);
  });
  afterAll(async () => t?.close());

  const subjectsSeenBy = async (reader: Agent) => {
    const response = await reader.get('/api/v1/audit-events');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ items: { entityType: string; entityId: string }[]; total: number }>();
    return body.items.map((item) => `${item.entityType} ${item.entityId}`).sort();
  };

  it('shows a director scoped to a directorate only the events about its records and those below it', async () => {
    const director = await t.as('director', { unitId: directorateA });
    expect(await subjectsSeenBy(director)).toEqual([...inA].sort());
    const page = await director.get('/audit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Showing 1 to ${inA.length} of ${inA.length} events`);
    expect(page.body).toContain('Inside Actor');
    // Neither the events nor the names of those who acted elsewhere (the filter's list of people).
    expect(page.body).not.toContain('Outside Actor');
  });

  it('still shows a council-wide reader every event, the import included', async () => {
    const auditor = await t.as('internal-auditor');
    const seen = await subjectsSeenBy(auditor);
    for (const subject of [...inA, ...outsideA]) expect(seen).toContain(subject);
    expect(seen.some((subject) => subject.startsWith('import '))).toBe(true);
  });

  it('shows a reader scoped to a team nothing of its parent directorate', async () => {
    const member = await t.as('audit-member', { unitId: teamA1 });
    expect(await subjectsSeenBy(member)).toEqual(inA.slice(1, 6).sort());
  });
});
