/**
 * Actions through HTTP on both databases: creating, progress updates, escalation and decisions,
 * roll-ups through performance's port, framework health, bad input (nothing written) and tenancy.
 * "Today" is 20 November 2025 (the performance fixture's date).
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionEscalations,
  actionUpdates,
  actions,
  auditEvents,
  itemTypes,
  people,
  planItems,
  plans,
  planTypes,
} from '../../../schema.ts';
import { buildFixture, type Fixture, today } from '../../../../test/helpers/performance-fixtures.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';
import { xlsxRows } from '../../../../test/helpers/xlsx.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { createActionChangesService } from '../action-changes.service.ts';

describe.each(DATABASES)('actions on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Agent;
  let owner: Agent;
  let chief: Agent;
  let objectiveId: string;
  let actionId: string;

  const db = () => t.deps.database.db;
  const actionCount = async () =>
    (await db().select({ n: count() }).from(actions).where(eq(actions.organisationId, t.org.id)))[0]!.n;
  const body = (extra: Record<string, unknown> = {}) => ({
    planId: f.planId,
    code: 'A1',
    title: 'Bring empty homes back into use',
    ownerPersonId: owner.personId,
    escalationOwnerPersonId: chief.personId,
    startDate: '2025-04-01',
    dueDate: '2026-03-31',
    itemIds: [objectiveId],
    measureIds: [f.m.m1],
    assigneeIds: [],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    f = await buildFixture(t);
    await t.deps.services.performance.recompute(db(), t.org.id, 'all');
    admin = await t.as('administrator');
    owner = await t.as('manager');
    chief = await t.as('director');
    // An objective under P2 with no measures: delivered only through actions.
    const [type] = await db()
      .select()
      .from(itemTypes)
      .where(and(eq(itemTypes.organisationId, t.org.id), eq(itemTypes.key, 'objective')));
    const [item] = await db()
      .insert(planItems)
      .values({
        organisationId: t.org.id,
        planId: f.planId,
        parentItemId: f.items.p2,
        itemTypeId: type!.id,
        code: 'O3',
        title: 'Warmer homes',
      })
      .returning();
    objectiveId = item!.id;
  });
  afterAll(async () => t?.close());

  it('refuses bad input with a clear error and writes nothing', async () => {
    const gone = await t.as('director');
    await db().update(people).set({ status: 'left', leftOn: '2025-10-31' }).where(eq(people.id, gone.personId));
    const other = await t.createOrganisation('Elsewhere');
    const otherAdmin = await t.as('administrator', { organisation: other });
    const [otherType] = await db()
      .insert(itemTypes)
      .values({ organisationId: other.id, key: 'objective', name: 'Objective' })
      .returning();
    expect(Array.isArray((await otherAdmin.api('GET', '/api/v1/plans')).json())).toBe(true);
    // The other council's own plan: the database refuses an item of one council in another's plan.
    const [otherPlanType] = await db()
      .insert(planTypes)
      .values({ organisationId: other.id, key: 'service-plan', name: 'Service plan', level: 4, templateSections: [] })
      .returning();
    const [otherPlan] = await db()
      .insert(plans)
      .values({
        organisationId: other.id,
        lineageId: randomUUID(),
        planTypeId: otherPlanType!.id,
        title: 'Their plan',
        periodStart: '2025-04-01',
        periodEnd: '2026-03-31',
        owningUnitId: other.rootUnitId,
      })
      .returning();
    const [otherItem] = await db()
      .insert(planItems)
      .values({
        organisationId: other.id,
        planId: otherPlan!.id,
        itemTypeId: otherType!.id,
        code: 'X1',
        title: 'Not ours',
      })
      .returning();

    const cases: [Record<string, unknown>, number, string][] = [
      [{ dueDate: '2025-03-01' }, 400, 'The due date must be on or after the start date'],
      [{ escalationOwnerPersonId: gone.personId }, 400, 'has left, so cannot be the escalation owner'],
      [{ itemIds: [otherItem!.id] }, 400, 'Select plan items of this council'],
    ];
    for (const [extra, status, detail] of cases) {
      const response = await admin.api('POST', '/api/v1/actions', body(extra));
      expect(response.statusCode, JSON.stringify(extra)).toBe(status);
      expect(response.json().detail).toContain(detail);
    }
    expect(await actionCount()).toBe(0);
  });

  it('creates an action, audited, whose objective is red while it is off track', async () => {
    const created = await admin.api('POST', '/api/v1/actions', body());
    expect(created.statusCode).toBe(201);
    const action = created.json();
    actionId = action.id;
    // 0% complete, 233 of 364 days gone: 64% expected, so 64 points behind → off track.
    expect(action).toMatchObject({
      code: 'A1',
      status: 'off-track',
      derivedStatus: 'off-track',
      originalDueDate: '2026-03-31',
      expectedPercent: 64,
    });
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'action'), eq(auditEvents.entityId, actionId)));
    expect(audits.map((a) => a.action)).toEqual(['create']);
    expect((await admin.api('POST', '/api/v1/actions', body({ title: 'Again' }))).statusCode).toBe(409);

    const rollup = (await admin.api('GET', `/api/v1/items/${objectiveId}/rollup`)).json();
    expect(rollup.status).toBe('red');
    expect(rollup.contributors).toEqual([
      expect.objectContaining({ kind: 'action', code: 'A1', status: 'red', href: `/actions/${actionId}` }),
    ]);
    const page = await admin.get(`/items/${objectiveId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/actions/${actionId}"`);
    // The measure it contributes to lists it on its page (through measures' port); another does not.
    const measurePage = await admin.get(`/measures/${f.m.m1}`);
    expect(measurePage.body).toContain('Actions contributing to this measure');
    expect(measurePage.body).toContain(`href="/actions/${actionId}"`);
    expect((await admin.get(`/measures/${f.m.m2}`)).body).not.toContain(`href="/actions/${actionId}"`);
    const byMeasure = (await admin.api('GET', `/api/v1/actions?measureId=${f.m.m1}`)).json();
    expect(byMeasure.map((a: { id: string }) => a.id)).toEqual([actionId]);
    expect((await admin.api('GET', `/api/v1/actions?measureId=${f.m.m2}`)).json()).toEqual([]);
    // The priority above it and the plan take the red up the golden thread.
    const p2 = (await admin.api('GET', `/api/v1/items/${f.items.p2}/rollup`)).json();
    expect(p2.contributors.map((c: { code: string; status: string }) => [c.code, c.status])).toContainEqual([
      'O3',
      'red',
    ]);
  });

  it('appends progress updates, never overwriting, and turns the objective green when on track', async () => {
    const update = await owner.api('POST', `/api/v1/actions/${actionId}/updates`, {
      percentComplete: 70,
      commentary: 'Forty homes back in use',
      asOf: '2025-11-20',
    });
    expect(update.statusCode).toBe(201);
    expect(update.json()).toMatchObject({ status: 'on-track', percentComplete: 70 });
    expect((await admin.api('GET', `/api/v1/items/${objectiveId}/rollup`)).json().status).toBe('green');

    // The owner's judgement overrides the derived status, but only with a reason.
    const noReason = await owner.api('POST', `/api/v1/actions/${actionId}/updates`, {
      percentComplete: 72,
      status: 'at-risk',
      commentary: 'Contractor problems',
      asOf: '2025-11-20',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toBe('Enter why your status differs from the derived status');
    const judged = await owner.api('POST', `/api/v1/actions/${actionId}/updates`, {
      percentComplete: 72,
      status: 'at-risk',
      statusReason: 'The contractor has gone into administration',
      commentary: 'Contractor problems',
      asOf: '2025-11-20',
    });
    expect(judged.json()).toMatchObject({ status: 'at-risk', derivedStatus: 'on-track', judgedStatus: 'at-risk' });
    expect((await admin.api('GET', `/api/v1/items/${objectiveId}/rollup`)).json().status).toBe('amber');

    const bad = await owner.api('POST', `/api/v1/actions/${actionId}/updates`, {
      percentComplete: 101,
      commentary: 'x',
      asOf: '2025-11-20',
    });
    expect(bad.statusCode).toBe(400);
    const rows = await db().select().from(actionUpdates).where(eq(actionUpdates.actionId, actionId));
    expect(rows.map((r) => r.percentComplete).sort()).toEqual([70, 72]);
  });

  it('escalates after two off-track updates, shows it in the escalation owner’s queue, and records the decision', async () => {
    for (const percent of [20, 25]) {
      const response = await owner.api('POST', `/api/v1/actions/${actionId}/updates`, {
        percentComplete: percent,
        commentary: 'Slipping',
        asOf: '2025-11-20',
      });
      expect(response.json().status).toBe('off-track');
    }
    const detail = (await owner.api('GET', `/api/v1/actions/${actionId}`)).json();
    expect(detail.escalations).toHaveLength(1);
    expect(detail.escalations[0]).toMatchObject({ decision: null, trigger: { code: 'off-track-updates', updates: 2 } });
    const queue = (await chief.api('GET', '/api/v1/actions/mine')).json();
    expect(queue.awaitingDecision.map((a: { code: string }) => a.code)).toEqual(['A1']);
    expect((await chief.get('/actions/mine')).body).toContain('Escalations waiting for my decision');

    const escalationId = detail.escalations[0].id;
    const path = `/api/v1/actions/${actionId}/escalations/${escalationId}/decision`;
    // Only the escalation owner decides.
    expect((await owner.api('POST', path, { decision: 'more-resource', reason: 'Two more officers' })).statusCode).toBe(
      403,
    );
    const decided = await chief.api('POST', path, {
      decision: 're-plan',
      reason: 'Funding arrives in April',
      newDueDate: '2026-09-30',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      originalDueDate: '2026-03-31',
      revisedDueDate: '2026-09-30',
      openEscalationId: null,
    });
    expect(decided.json().escalations[0]).toMatchObject({
      decision: 're-plan',
      decisionReason: 'Funding arrives in April',
    });
    expect((await chief.api('GET', '/api/v1/actions/mine')).json().awaitingDecision).toEqual([]);
    const history = await admin.get(`/actions/${actionId}`);
    expect(history.body).toContain('Escalation decided');
    expect(history.body).toContain('Re-plan with a new date');
  });

  it('revises a date only with a reason, and closes only with milestones done and reasons given', async () => {
    expect(
      (
        await admin.api('POST', `/api/v1/actions/${actionId}/revised-due-date`, {
          revisedDueDate: '2026-10-31',
          reason: '',
        })
      ).statusCode,
    ).toBe(400);
    // Where the council says so, a revised date waits for the escalation owner, who approves it.
    const settings = (await admin.api('GET', '/api/v1/delivery-settings')).json();
    const approver = await admin.api('PUT', '/api/v1/delivery-settings', {
      ...settings,
      revisedDateApprover: 'escalation-owner',
    });
    expect(approver.statusCode).toBe(200);
    const requested = await admin.api('POST', `/api/v1/actions/${actionId}/revised-due-date`, {
      revisedDueDate: '2026-10-31',
      reason: 'The surveyor is booked until October',
    });
    expect(requested.json()).toMatchObject({ revisedDueDate: '2026-09-30' }); // waiting, not yet counted
    expect((await chief.api('GET', '/api/v1/actions/mine')).json().awaitingDateApproval).toHaveLength(1);
    const decision = `/api/v1/actions/${actionId}/revised-due-date/decision`;
    expect((await owner.api('POST', decision, { decision: 'approve' })).statusCode).toBe(403);
    expect((await chief.api('POST', decision, { decision: 'reject' })).statusCode).toBe(400);
    const approved = await chief.api('POST', decision, { decision: 'approve' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ originalDueDate: '2026-03-31', revisedDueDate: '2026-10-31' });
    expect((await chief.api('POST', decision, { decision: 'approve' })).statusCode).toBe(409);
    await admin.api('PUT', '/api/v1/delivery-settings', settings);

    const milestone = await admin.api('POST', `/api/v1/actions/${actionId}/milestones`, {
      title: 'Survey done',
      dueDate: '2026-01-31',
    });
    expect(milestone.statusCode).toBe(201);
    const refused = await admin.api('POST', `/api/v1/actions/${actionId}/close`, { status: 'complete' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('a milestone is open: Survey done');
    expect(
      (await admin.api('POST', `/api/v1/actions/${actionId}/close`, { status: 'terminated', reason: '' })).statusCode,
    ).toBe(400);
    expect((await admin.api('GET', `/api/v1/actions/${actionId}`)).json().status).not.toBe('complete');

    const milestoneId = milestone.json().milestones[0].id;
    const done = await owner.api('POST', `/api/v1/actions/${actionId}/milestones/${milestoneId}/complete`, {});
    expect(done.statusCode).toBe(200);
    expect(done.json().milestones[0]).toMatchObject({ title: 'Survey done', completedOn: '2025-11-20' });
    const closed = await admin.api('POST', `/api/v1/actions/${actionId}/close`, { status: 'complete' });
    expect(closed.json()).toMatchObject({ status: 'complete', percentComplete: 100 });
    const late = await owner.api('POST', `/api/v1/actions/${actionId}/updates`, {
      percentComplete: 100,
      commentary: 'x',
      asOf: '2025-11-20',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('This action is complete, so no update can be added');
    expect((await admin.api('GET', `/api/v1/items/${objectiveId}/rollup`)).json().status).toBe('green');
  });

  it('counts an objective delivered through actions in framework health', async () => {
    const health = (await admin.api('GET', '/api/v1/performance/health')).json();
    const council = health.units[0].indicators.find((i: { id: string }) => i.id === 'objectives-on-target');
    // The fixture's council has two objectives judged from measures; O3 (and P2 above it) join them.
    expect(council.total).toBeGreaterThan(2);
  });

  it('imports actions from CSV only when every row is good, and exports them with formulas guarded', async () => {
    const email = async (agent: Agent) =>
      (await db().select().from(people).where(eq(people.id, agent.personId)))[0]!.email;
    const [ownerEmail, chiefEmail] = [await email(owner), await email(chief)];
    const header = 'code,title,plan,owner_email,escalation_owner_email,start_date,due_date,item_codes,measure_codes';
    const good = `B1,=Fix the roof,Corporate plan 2025/26,${ownerEmail},${chiefEmail},2025-06-01,2026-01-31,O3,M1`;
    const bad = [
      header,
      good,
      `B2,Paint the hall,Corporate plan 2025/26,${ownerEmail},nobody@example.com,2025-06-01,2025-05-01,O9,`,
    ].join('\n');
    const before = await actionCount();
    const refused = await admin.post('/actions/import', { csv: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Nothing was imported: 3 problems in the file');
    for (const text of [
      'No person of this council has the e-mail',
      'has no item O9',
      'The due date must be on or after the start date',
    ]) {
      expect(refused.body).toContain(text);
    }
    expect(await actionCount()).toBe(before);

    const imported = await admin.post('/actions/import', { csv: [header, good].join('\n') });
    expect(imported.statusCode).toBe(302);
    expect(await actionCount()).toBe(before + 1);
    const exported = await admin.get('/actions/export.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body).toContain("B1,'=Fix the roof,,Corporate plan 2025/26");
    // The API takes the file as the body and lists the same row errors; its export is the page's.
    const apiImport = (csv: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/actions/import',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/csv' },
        payload: csv,
      });
    const apiRefused = await apiImport(bad.replace('B1,', 'B3,'));
    expect(apiRefused.statusCode).toBe(400);
    expect(apiRefused.json().rows).toHaveLength(3);
    expect(await actionCount()).toBe(before + 1);
    const apiImported = await apiImport([header, good.replace('B1,', 'B4,')].join('\n'));
    expect(apiImported.json()).toEqual({ imported: 1 });
    const apiExport = await admin.api('GET', '/api/v1/actions/export?format=csv');
    expect(apiExport.body).toContain("B4,'=Fix the roof");
    const xlsx = await admin.get('/actions/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await xlsxRows(xlsx.rawPayload)).flat()).toContain("'=Fix the roof");
  });

  it('escalates an action overdue by the council’s days in the daily job, telling its escalation owner once', async () => {
    const inbox: MailMessage[] = [];
    const jobWith = (mailer: (m: MailMessage) => Promise<void>) =>
      createActionChangesService({
        db: db(),
        clock: t.deps.clock,
        notifier: { mailer, baseUrl: 'https://gt.example' },
      }).runEscalations();
    const record = async (m: MailMessage) => {
      inbox.push(m);
    };
    const create = async (code: string, dueDate: string) =>
      (
        await admin.api(
          'POST',
          '/api/v1/actions',
          body({ code, title: `Late ${code}`, startDate: '2025-01-06', dueDate }),
        )
      ).json().id as string;
    // 20 days overdue (the default is 14) is escalated; 5 days is not.
    const late = await create('J1', '2025-10-31');
    const recent = await create('J2', '2025-11-15');
    const chiefEmail = (await db().select().from(people).where(eq(people.id, chief.personId)))[0]!.email;

    // A send that fails leaves the escalation un-notified for the next run.
    const failing = await jobWith(async () => {
      throw new Error('SMTP down');
    });
    expect(failing.failed).toBeGreaterThanOrEqual(1);
    const escalationsOf = async (id: string) =>
      db().select().from(actionEscalations).where(eq(actionEscalations.actionId, id));
    expect((await escalationsOf(late)).map((e) => [e.trigger, e.notifiedAt])).toEqual([
      [{ code: 'overdue-days', days: 20 }, null],
    ]);
    expect(await escalationsOf(recent)).toEqual([]);

    await jobWith(record);
    const mine = inbox.filter((m) => m.subject.includes('J1') || m.subject.includes('J2'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ to: chiefEmail, subject: 'Action J1 escalated to you: Late J1' });
    expect(mine[0]!.text).toContain('it is overdue by 20 days');
    expect(mine[0]!.text).toContain(`https://gt.example/actions/${late}`);
    expect((await escalationsOf(late))[0]!.notifiedAt).not.toBeNull();

    // A second run raises and sends nothing more while the escalation waits for its decision.
    await jobWith(record);
    expect(inbox.filter((m) => m.subject.includes('J1'))).toHaveLength(1);
    expect(await escalationsOf(late)).toHaveLength(1);
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'action'), eq(auditEvents.entityId, late)))
      // The chain position is the order they were written (two rows can share a timestamp).
      .orderBy(auditEvents.chainSeq);
    expect(audits.map((a) => a.action)).toEqual(['create', 'escalate']);

    // The escalation owner's decision is recorded on the action, as history.
    const escalationId = (await escalationsOf(late))[0]!.id;
    const decided = await chief.api('POST', `/api/v1/actions/${late}/escalations/${escalationId}/decision`, {
      decision: 'terminate',
      reason: 'Superseded by the housing strategy',
    });
    expect(decided.json()).toMatchObject({ status: 'terminated', openEscalationId: null });
    expect(decided.json().escalations[0]).toMatchObject({
      decision: 'terminate',
      decisionReason: 'Superseded by the housing strategy',
    });
    expect((await admin.get(`/actions/${late}`)).body).toContain('Escalation decided');
    // Closed now, so the job leaves it alone.
    await jobWith(record);
    expect(await escalationsOf(late)).toHaveLength(1);
  });

  it('escalates once: not again after a "more resource" decision while still late, but again when a re-planned date is missed', async () => {
    const jobOn = (day: string) =>
      createActionChangesService({
        db: db(),
        clock: Object.assign(() => new Date(`${day}T12:00:00Z`), { today: () => day }),
        notifier: { baseUrl: 'https://gt.example' },
      }).runEscalations();
    const created = await admin.api(
      'POST',
      '/api/v1/actions',
      body({ code: 'K1', title: 'Late K1', startDate: '2025-01-06', dueDate: '2025-10-31' }),
    );
    const id = created.json().id as string;
    const escalations = async () =>
      db()
        .select()
        .from(actionEscalations)
        .where(eq(actionEscalations.actionId, id))
        .orderBy(actionEscalations.createdAt);
    await jobOn('2025-11-20');
    const [first] = await escalations();
    expect(first).toMatchObject({ trigger: { code: 'overdue-days', days: 20 }, raisedOn: '2025-11-20' });
    const decided = await chief.api('POST', `/api/v1/actions/${id}/escalations/${first!.id}/decision`, {
      decision: 'more-resource',
      reason: 'Two more officers from January',
    });
    expect(decided.statusCode).toBe(200);

    // Still late against the same date, and off track by two updates: the matter already decided.
    for (const percentComplete of [20, 30]) {
      const update = await owner.api('POST', `/api/v1/actions/${id}/updates`, {
        percentComplete,
        commentary: 'Officers start in January',
        asOf: '2025-11-20',
      });
      expect(update.json().status).toBe('off-track');
    }
    await jobOn('2025-11-20');
    await jobOn('2025-12-31');
    expect(await escalations()).toHaveLength(1);

    // Re-planned to 1 December and missed by the council's 14 days: a new trigger.
    const revised = await admin.api('POST', `/api/v1/actions/${id}/revised-due-date`, {
      revisedDueDate: '2025-12-01',
      reason: 'The officers start sooner',
    });
    expect(revised.json()).toMatchObject({ revisedDueDate: '2025-12-01' });
    await jobOn('2025-12-14');
    expect(await escalations()).toHaveLength(1);
    await jobOn('2025-12-15');
    const after = await escalations();
    expect(after.map((e) => e.trigger)).toEqual([
      { code: 'overdue-days', days: 20 },
      { code: 'overdue-days', days: 14 },
    ]);
  });

  it('keeps another council out: its people see no actions, and ours are not found', async () => {
    const other = await t.createOrganisation('Far away');
    const stranger = await t.as('administrator', { organisation: other });
    expect((await stranger.api('GET', `/api/v1/actions/${actionId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/actions/${actionId}`)).statusCode).toBe(404);
    expect((await stranger.api('GET', '/api/v1/actions')).json()).toEqual([]);
    const decision = await stranger.api('POST', `/api/v1/actions/${actionId}/updates`, {
      percentComplete: 1,
      commentary: 'x',
      asOf: '2025-11-20',
    });
    expect(decision.statusCode).toBe(404);
  });
});
