/**
 * Improvement plans through HTTP and SQL on both databases: the daily job's requests (once per
 * episode), a plan made from a request, the panel's decisions kept as history, refusals that write
 * nothing, the plan beside its measure, and tenancy.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, improvementPlanRequests, improvementPlans } from '../../../schema.ts';
import { DATABASES } from '../../../../test/helpers/test-app.ts';
import { improvementPlanExists } from '../index.ts';
import { improvementCouncil, type ImprovementCouncil } from './improvement-plans-setup.ts';

describe.each(DATABASES)('improvement plans on %s', (kind) => {
  let c: ImprovementCouncil;
  beforeAll(async () => {
    c = await improvementCouncil(kind);
  });
  afterAll(async () => c?.t.close());

  const auditCount = async (entityId: string) =>
    (await c.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId))).length;

  it('asks the owner once per episode for a key measure red for two periods, by mail and in the work queue', async () => {
    const { owner, officer } = c.people;
    const red = await c.keyMeasure();
    const amber = await c.keyMeasure();
    const notKey = await c.keyMeasure({ isKey: false });
    await c.storeStatuses(red, [
      ['2025-26-Q1', 'red'],
      ['2025-26-Q2', 'red'],
    ]);
    await c.storeStatuses(amber, [
      ['2025-26-Q1', 'red'],
      ['2025-26-Q2', 'amber'],
    ]);
    await c.storeStatuses(notKey, [
      ['2025-26-Q1', 'red'],
      ['2025-26-Q2', 'red'],
    ]);

    const made = await c.runJob();
    expect(made.map((request) => [request.episodeStartPeriod, request.mailedTo])).toEqual([
      ['2025-26-Q1', owner.email],
    ]);
    expect(c.mail.at(-1)?.subject).toContain('An improvement plan is needed for IP-1');
    expect(await auditCount(made[0]!.requestId)).toBe(1);
    // The next day's run asks nothing more: the request for this episode is already made.
    expect(await c.runJob()).toEqual([]);

    const queue = await owner.get('/improvement-plans/needed');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('IP-1 Improvement measure 1');
    expect(queue.body).toContain(`/improvement-plans/new?requestId=${made[0]!.requestId}`);
    const home = await owner.get('/');
    expect(home.body).toMatch(/id="improvement-plans-needed">\s*You are asked for 1 improvement plan\(s\)/);
    expect((await officer.get('/')).body).toContain('No improvement plans are asked of you.');

    // A plan made from the request answers it; the queue and the count empty.
    const created = await owner.post('/improvement-plans/new', {
      requestId: made[0]!.requestId,
      problem: 'Two quarters below target',
      rootCause: '',
      expectedValue: '',
      expectedPeriod: '',
      'dueDate-day': '',
      'dueDate-month': '',
      'dueDate-year': '',
      ownerPersonId: '',
    });
    expect(created.statusCode, created.body).toBe(302);
    const [request] = await c.db
      .select()
      .from(improvementPlanRequests)
      .where(eq(improvementPlanRequests.id, made[0]!.requestId));
    expect(request).toMatchObject({ status: 'answered' });
    expect((await owner.api('GET', '/api/v1/improvement-plans/requests')).json()).toEqual([]);
    // A measure with a plan open is not asked about again.
    await c.storeStatuses(red, [['2025-26-Q3', 'red']]);
    expect(await c.runJob()).toEqual([]);
  });

  it('takes a plan through the panel: sent back, revised, agreed, in progress, closed; every step audited', async () => {
    const { owner, panelMember, stranger } = c.people;
    const measure = await c.keyMeasure();
    const id = await c.draftPlan(owner, measure);
    expect((await owner.api('POST', `/api/v1/improvement-plans/${id}/submit`)).statusCode).toBe(200);

    // Someone not on the panel and without the right cannot record the decision.
    const refused = await stranger.api('POST', `/api/v1/improvement-plans/${id}/decisions`, c.decision('agreed'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('Only a member of the panel');
    // Nor can a decision be recorded without the meeting date or the minute reference.
    const noDate = await panelMember.api(
      'POST',
      `/api/v1/improvement-plans/${id}/decisions`,
      c.decision('agreed', { meetingDate: null }),
    );
    expect([noDate.statusCode, noDate.json().detail]).toEqual([400, 'Enter the date of the panel’s meeting']);
    const noMinute = await panelMember.api(
      'POST',
      `/api/v1/improvement-plans/${id}/decisions`,
      c.decision('agreed', { minuteReference: '' }),
    );
    expect([noMinute.statusCode, noMinute.json().detail]).toEqual([
      400,
      'Enter the minute reference of the panel’s decision',
    ]);

    const sentBack = await panelMember.api(
      'POST',
      `/api/v1/improvement-plans/${id}/decisions`,
      c.decision('sent-back'),
    );
    expect([sentBack.statusCode, sentBack.json().status]).toEqual([200, 'sent-back']);
    expect(
      (await owner.api('PATCH', `/api/v1/improvement-plans/${id}`, { rootCause: 'Vacancies; recruitment under way' }))
        .statusCode,
    ).toBe(200);
    expect((await owner.api('POST', `/api/v1/improvement-plans/${id}/submit`)).statusCode).toBe(200);
    const agreed = await panelMember.api(
      'POST',
      `/api/v1/improvement-plans/${id}/decisions`,
      c.decision('agreed', { minuteReference: 'CPP/25/51', meetingDate: '2025-11-20' }),
    );
    expect(agreed.json()).toMatchObject({ status: 'agreed', agreedOn: '2025-11-20' });
    // Agreeing again: the plan is no longer submitted.
    const twice = await panelMember.api('POST', `/api/v1/improvement-plans/${id}/decisions`, c.decision('agreed'));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain('the panel decides only on a plan submitted to it');

    const detail = (await owner.api('GET', `/api/v1/improvement-plans/${id}`)).json();
    expect(
      detail.decisions.map((d: { outcome: string; minuteReference: string }) => [d.outcome, d.minuteReference]),
    ).toEqual([
      ['sent-back', 'CPP/25/42'],
      ['agreed', 'CPP/25/51'],
    ]);
    expect(detail.decisions[0].bodyName).toBe('Corporate Performance Panel');

    // The measure's page shows the open plan beside it.
    const measurePage = await owner.get(`/measures/${measure}`);
    expect(measurePage.body).toContain('id="improvement-plan-heading"');
    expect(measurePage.body).toContain('80 by');

    expect((await owner.api('POST', `/api/v1/improvement-plans/${id}/start`)).json().status).toBe('in-progress');
    const noSummary = await owner.api('POST', `/api/v1/improvement-plans/${id}/close`, {
      closingSummary: '',
      openActionsReason: '',
    });
    expect([noSummary.statusCode, noSummary.json().detail]).toEqual([
      400,
      'Enter a closing summary: what the plan achieved',
    ]);
    const closed = await owner.api('POST', `/api/v1/improvement-plans/${id}/close`, {
      closingSummary: 'Back on target in Q1',
      openActionsReason: '',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closingSummary: 'Back on target in Q1' });
    // A closed plan takes no more changes, and nothing is written.
    const late = await owner.api('PATCH', `/api/v1/improvement-plans/${id}`, { problem: 'Changed after closing' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('closed');
    const [row] = await c.db.select().from(improvementPlans).where(eq(improvementPlans.id, id));
    expect(row?.problem).toBe('Fewer people supported at home than planned');
    // create, submit, sent-back, edit, submit, agreed, start, close.
    expect(await auditCount(id)).toBe(8);
    expect((await owner.get(`/measures/${measure}`)).body).not.toContain('id="improvement-plan-heading"');
  });

  it('refuses an expected-effect period that is not one of the measure’s periods, writing nothing', async () => {
    const { owner } = c.people;
    const measure = await c.keyMeasure();
    const before = (await c.db.select().from(improvementPlans)).length;
    const refused = await owner.api('POST', '/api/v1/improvement-plans', {
      measureId: measure,
      expectedPeriod: '2026-27-M03',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('is not one of this measure’s periods');
    expect((await c.db.select().from(improvementPlans)).length).toBe(before);
    // Naming yourself the owner does not let you start a plan for someone else's measure.
    const { stranger } = c.people;
    const forbidden = await stranger.api('POST', '/api/v1/improvement-plans', {
      measureId: measure,
      ownerPersonId: stranger.personId,
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await c.db.select().from(improvementPlans)).length).toBe(before);
  });

  it('keeps councils apart: another council’s measure and plans are not found', async () => {
    const { owner } = c.people;
    const measure = await c.keyMeasure();
    const id = await c.draftPlan(owner, measure);
    const other = await c.t.createOrganisation('Other Borough Council');
    const outsider = await c.t.as('administrator', { organisation: other });
    const forOurMeasure = await outsider.api('POST', '/api/v1/improvement-plans', { measureId: measure });
    expect(forOurMeasure.statusCode).toBe(404);
    expect(forOurMeasure.json().detail).toBe('The measure was not found in this council');
    expect((await outsider.api('GET', `/api/v1/improvement-plans/${id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/improvement-plans/${id}`)).statusCode).toBe(404);
    expect((await outsider.api('POST', `/api/v1/improvement-plans/${id}/submit`)).statusCode).toBe(404);
    expect((await outsider.api('GET', '/api/v1/improvement-plans')).json()).toEqual([]);
    const [row] = await c.db
      .select()
      .from(improvementPlans)
      .where(and(eq(improvementPlans.id, id), eq(improvementPlans.status, 'draft')));
    expect(row).toBeDefined();
    // What the actions module asks before an action may answer a plan: only the council's own.
    expect(await improvementPlanExists(c.db, c.t.org.id, id)).toBe(true);
    expect(await improvementPlanExists(c.db, other.id, id)).toBe(false);
  });
});
