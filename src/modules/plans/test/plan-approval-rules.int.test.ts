/**
 * Plan approval by different people and a governance body's recorded decision: the "different
 * person" rule of a step, the body's decision date and minute reference, through the API and the
 * pages, with nothing written on a refusal.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/db.ts';
import { auditEvents, planEvents, plans } from '../../../schema.ts';
import { installDefaultFramework, type InstalledFramework } from '../../framework/index.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

interface StepJson {
  position: number;
  name: string;
  distinctPerson: boolean;
  state: string;
  decisionDate: string | null;
  minuteReference: string | null;
  recordedBy: { id: string; name: string } | null;
}

describe.each(DATABASES)('plan approval by different people on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let fw: InstalledFramework;
  const now = new Date('2026-06-10T09:00:00Z');
  let owner: Agent;
  let officer: Agent;
  let secondOfficer: Agent;

  const counts = async () => ({
    events: (await db.select().from(planEvents)).length,
    audit: (await db.select().from(auditEvents)).length,
  });

  async function submittedCommunityStrategy(title: string): Promise<string> {
    const created = await owner.api('POST', '/api/v1/plans', {
      planTypeId: fw.planTypes['community-strategy'],
      title,
      ownerPersonId: owner.personId,
      parentPlanId: null,
      periodStart: '2026-04-01',
      periodEnd: '2036-03-31',
      owningUnitId: t.org.rootUnitId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const submitted = await owner.api('POST', `/api/v1/plans/${id}/submit`, { comment: '' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // The owner's own sign-off allows the submitter: it asks for no different person.
    const signed = await owner.api('POST', `/api/v1/plans/${id}/approve`, { step: 1 });
    expect(signed.statusCode, signed.body).toBe(200);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
    db = t.deps.database.db;
    fw = await db.transaction(async (tx) => installDefaultFramework(tx as unknown as Db, t.org.id));
    owner = await t.as('manager');
    officer = await t.as('performance-officer');
    secondOfficer = await t.as('performance-officer');
  });
  afterAll(async () => t?.close());

  it('installs the default framework with a different person required after the owner’s sign-off', async () => {
    const response = await officer.api('GET', `/api/v1/plan-types/${fw.planTypes['community-strategy']}`);
    expect(response.statusCode, response.body).toBe(200);
    const steps = response.json<{ approvalSteps: { kind: string; distinctPerson: boolean }[] }>().approvalSteps;
    expect(steps.map((step) => [step.kind, step.distinctPerson])).toEqual([
      ['owner', false],
      ['body', true],
      ['body', true],
    ]);
  });

  it('records a body’s decision and refuses the same officer the next step, writing nothing', async () => {
    const id = await submittedCommunityStrategy('Borough Vision 2036');
    const board = await officer.api('POST', `/api/v1/plans/${id}/approve`, {
      step: 2,
      decisionDate: '2026-06-10',
      minuteReference: 'LSP/2026/07',
    });
    expect(board.statusCode, board.body).toBe(200);

    const before = await counts();
    const again = await officer.api('POST', `/api/v1/plans/${id}/approve`, {
      step: 3,
      decisionDate: '2026-06-10',
      minuteReference: 'FC/2026/042',
    });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().detail).toBe(
      'You recorded the step ‘Agreed by the Local Strategic Partnership Board’, so someone else must take ‘Adopted by Full Council’',
    );
    expect(await counts()).toEqual(before);
    const [unchanged] = await db.select().from(plans).where(eq(plans.id, id));
    expect(unchanged).toMatchObject({ status: 'in-approval', nextStep: 3 });

    const council = await secondOfficer.api('POST', `/api/v1/plans/${id}/approve`, {
      step: 3,
      decisionDate: '2026-06-10',
      minuteReference: 'FC/2026/042',
      comment: 'Adopted',
    });
    expect(council.statusCode, council.body).toBe(200);
    expect(council.json()).toMatchObject({ status: 'approved' });

    const detail = (await officer.api('GET', `/api/v1/plans/${id}`)).json<{
      approvalSteps: StepJson[];
      events: { action: string; decisionDate: string | null; minuteReference: string | null }[];
    }>();
    expect(detail.approvalSteps.map((step) => [step.decisionDate, step.minuteReference, step.recordedBy?.id])).toEqual([
      [null, null, owner.personId],
      ['2026-06-10', 'LSP/2026/07', officer.personId],
      ['2026-06-10', 'FC/2026/042', secondOfficer.personId],
    ]);
    expect(detail.events.filter((event) => event.minuteReference !== null)).toHaveLength(2);

    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'approve')));
    expect(audits.map((row) => row.newValue)).toContainEqual(
      expect.objectContaining({ step: 3, decisionDate: '2026-06-10', minuteReference: 'FC/2026/042' }),
    );
  });

  it('refuses the person who submitted the plan a step asking for a different person', async () => {
    // An officer submits for the owner, who signs off; the officer may not then record a body's step.
    const ownerAsOfficer = await t.as('performance-officer');
    const created = await ownerAsOfficer.api('POST', '/api/v1/plans', {
      planTypeId: fw.planTypes['community-strategy'],
      title: 'Submitted by an officer',
      ownerPersonId: owner.personId,
      parentPlanId: null,
      periodStart: '2026-04-01',
      periodEnd: '2036-03-31',
      owningUnitId: t.org.rootUnitId,
    });
    const planId = created.json<{ id: string }>().id;
    expect((await ownerAsOfficer.api('POST', `/api/v1/plans/${planId}/submit`, {})).statusCode).toBe(200);
    expect((await owner.api('POST', `/api/v1/plans/${planId}/approve`, { step: 1 })).statusCode).toBe(200);
    const refused = await ownerAsOfficer.api('POST', `/api/v1/plans/${planId}/approve`, {
      step: 2,
      decisionDate: '2026-06-10',
      minuteReference: 'LSP/1',
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toBe(
      'You submitted this plan, so someone else must take ‘Agreed by the Local Strategic Partnership Board’',
    );
  });

  it.each([
    [{ minuteReference: 'M1' }, 'decisionDate', 'Enter the date of Local Strategic Partnership Board’s decision'],
    [
      { decisionDate: '2026-06-11', minuteReference: 'M1' },
      'decisionDate',
      'The date of the decision must be today or in the past',
    ],
    [
      { decisionDate: '2026-05-31', minuteReference: 'M1' },
      'decisionDate',
      'The date of the decision must be on or after the plan was submitted (10 June 2026)',
    ],
    [
      { decisionDate: '2026-06-10', minuteReference: '  ' },
      'minuteReference',
      'Enter the minute reference of Local Strategic Partnership Board’s decision',
    ],
  ])('refuses a body decision %j with a problem naming %s, writing nothing', async (decision, field, message) => {
    const id = await submittedCommunityStrategy(`Decision ${field} ${message.length}`);
    const before = await counts();
    const refused = await officer.api('POST', `/api/v1/plans/${id}/approve`, { step: 2, ...decision });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ detail: message, errors: [{ field, message }] });
    expect(await counts()).toEqual(before);
  });

  it('on the plan page: asks for the date in three boxes, shows the error summary, then explains the rule', async () => {
    const id = await submittedCommunityStrategy('Plan page decisions');
    const page = await officer.get(`/plans/${id}`);
    expect(page.body).toContain('name="decisionDate-day"');
    expect(page.body).toContain('name="minuteReference"');
    expect(page.body).not.toContain('type="date"');

    const before = await counts();
    const missing = await officer.post(`/plans/${id}/approve`, {
      step: '2',
      'decisionDate-day': '',
      'decisionDate-month': '',
      'decisionDate-year': '',
      minuteReference: 'LSP/9',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('govuk-error-summary');
    expect(missing.body).toContain('href="#approve-decisionDate-day"');
    expect(missing.body).toContain('value="LSP/9"');
    expect(await counts()).toEqual(before);

    const recorded = await officer.post(`/plans/${id}/approve`, {
      step: '2',
      'decisionDate-day': '10',
      'decisionDate-month': '6',
      'decisionDate-year': '2026',
      minuteReference: 'LSP/9',
    });
    expect(recorded.statusCode, recorded.body).toBe(302);
    const after = await officer.get(`/plans/${id}`);
    expect(after.body).toContain('Decided on 10 June 2026, minute LSP/9');
    expect(after.body).not.toContain('id="approve-form"');
    expect(after.body).toContain(
      'You recorded the step ‘Agreed by the Local Strategic Partnership Board’, so someone else must take ‘Adopted by Full Council’',
    );
    const history = await officer.get(`/plans/${id}/history`);
    expect(history.body).toContain('Decided on 10 June 2026, minute LSP/9');

    const refused = await officer.post(`/plans/${id}/approve`, {
      step: '3',
      'decisionDate-day': '10',
      'decisionDate-month': '6',
      'decisionDate-year': '2026',
      minuteReference: 'FC/1',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('govuk-error-summary');
  });

  it('lets an administrator turn the rule off for a step on the framework page, audited', async () => {
    const typeId = fw.planTypes['delivery-plan'] ?? fw.planTypes['corporate-plan']!;
    const admin = await t.as('administrator');
    type PlanTypeJson = { approvalSteps: { id: string; name: string; distinctPerson: boolean }[] };
    const type = (await admin.api('GET', `/api/v1/plan-types/${typeId}`)).json<PlanTypeJson>();
    const step = type.approvalSteps.find((candidate) => candidate.distinctPerson)!;
    const turned = await admin.post(`/framework/plan-types/${typeId}/approval-steps/${step.id}/distinct-person`, {
      distinctPerson: 'no',
    });
    expect(turned.statusCode, turned.body).toBe(302);
    const after = (await admin.api('GET', `/api/v1/plan-types/${typeId}`)).json<PlanTypeJson>();
    expect(after.approvalSteps.find((candidate) => candidate.id === step.id)?.distinctPerson).toBe(false);
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, typeId), eq(auditEvents.action, 'allow-any-approver')));
    expect(audit).toHaveLength(1);
    const page = await admin.get(`/framework/plan-types/${typeId}`);
    expect(page.body).toContain('Require a different person');
  });
});
