/**
 * The actions port faked: a plan's actions are asked for by its id, shown with it, and closing
 * with actions still open needs a reason. Then the real pieces through the container and HTTP: an
 * action answering a recommendation and an improvement plan (actions' `AnswerTargets`, and their
 * `actionsAnswering`), shown on both, whose closure they follow. Service behaviour over ordinary
 * reads and writes: PGlite only.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../platform/db/db.ts';
import { sayStored } from '../../../platform/words/index.ts';
import { installDefaultFramework } from '../../framework/index.ts';
import { planTypes } from '../../../schema.ts';
import { PAGE_DATABASES } from '../../../../test/helpers/test-app.ts';
import { fixedClock } from '../../../platform/clock.ts';
import type { ActionSummary, ImplementingActions } from '../index.ts';
import { createImprovementPlansServices } from '../services.ts';
import { improvementCouncil, TODAY, type ImprovementCouncil } from './improvement-plans-setup.ts';

const action = (status: string): ActionSummary => ({
  id: `action-${status}`,
  code: 'ACT-1',
  title: 'Recruit two reablement workers',
  status,
  derivedStatus: status,
  percentComplete: status === 'complete' ? 100 : 40,
  dueDate: '2026-01-31',
  overdue: false,
  href: '/actions/action-1',
});

describe.each(PAGE_DATABASES)('a plan’s actions through the port on %s', (kind) => {
  let c: ImprovementCouncil;
  const answering = vi.fn<ImplementingActions['actionsAnswering']>();
  beforeAll(async () => {
    c = await improvementCouncil(kind);
  });
  afterAll(async () => c?.t.close());

  it('shows the actions answering the plan and refuses closing with open ones unless a reason is given', async () => {
    const services = createImprovementPlansServices({
      db: c.db,
      clock: fixedClock(TODAY),
      actions: { actionsAnswering: answering },
    });
    const { owner, panelMember } = c.people;
    const id = await c.draftPlan(owner, await c.keyMeasure());
    answering.mockResolvedValue([action('on-track'), action('complete')]);

    const caller = (await c.t.deps.services.auth.principalFor(owner.personId))!;
    if (caller.kind !== 'person') throw new Error('no caller');
    const detail = await services.improvementPlans.detail(caller, id);
    expect(detail.ok && detail.value.actions.map((a) => a.status)).toEqual(['on-track', 'complete']);
    expect(answering).toHaveBeenCalledWith(expect.anything(), c.t.org.id, 'improvement-plan', [id]);

    await owner.api('POST', `/api/v1/improvement-plans/${id}/submit`);
    await panelMember.api('POST', `/api/v1/improvement-plans/${id}/decisions`, c.decision('agreed'));
    const refused = await services.improvementPlans.close(caller, id, {
      closingSummary: 'Recovered',
      openActionsReason: '',
    });
    expect(refused).toMatchObject({ ok: false, error: { field: 'openActionsReason' } });
    if (!refused.ok) expect(sayStored(refused.error.message)).toContain('1 of the plan’s actions is still open');
    const closed = await services.improvementPlans.close(caller, id, {
      closingSummary: 'Recovered',
      openActionsReason: 'The last action moves to the service plan',
    });
    expect(closed).toMatchObject({
      ok: true,
      value: { status: 'closed', openActionsReason: 'The last action moves to the service plan' },
    });
  });
  it('through the container and HTTP: an action answering a recommendation and a plan shows on both, which follow it', async () => {
    const { admin, officer, owner, panelMember } = c.people;
    const orgId = c.t.org.id;
    const [type] = await c.db
      .select()
      .from(planTypes)
      .where(and(eq(planTypes.organisationId, orgId), eq(planTypes.key, 'community-strategy')));
    const planTypeId =
      type?.id ??
      (await c.db.transaction(async (tx) => installDefaultFramework(tx as unknown as Db, orgId))).planTypes[
        'community-strategy'
      ]!;
    const plan = await admin.api('POST', '/api/v1/plans', {
      planTypeId,
      title: 'Community strategy 2025/26',
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: c.t.org.rootUnitId,
      ownerPersonId: admin.personId,
      parentPlanId: null,
    });
    expect(plan.statusCode, plan.body).toBe(201);

    const measureId = await c.keyMeasure();
    const improvementPlanId = await c.draftPlan(owner, measureId);
    await owner.api('POST', `/api/v1/improvement-plans/${improvementPlanId}/submit`);
    await panelMember.api('POST', `/api/v1/improvement-plans/${improvementPlanId}/decisions`, c.decision('agreed'));
    const report = await officer.api('POST', '/api/v1/recommendations/reports', {
      source: 'internal-audit',
      title: 'Home care commissioning audit',
      reference: 'IA-25-07',
      reportDate: '2025-10-01',
    });
    const recommendation = await officer.api('POST', '/api/v1/recommendations', {
      reportId: report.json().id,
      priority: 'high',
      text: 'Monitor the reablement contract monthly',
      ownerPersonId: owner.personId,
      dueDate: '2026-03-31',
      response: 'accepted',
    });
    expect(recommendation.statusCode, recommendation.body).toBe(201);
    const recommendationId = recommendation.json().id as string;

    const action = (code: string, answersKind: string, answersId: string) =>
      admin.api('POST', '/api/v1/actions', {
        planId: plan.json().id,
        code,
        title: `Answer ${code}`,
        ownerPersonId: owner.personId,
        escalationOwnerPersonId: admin.personId,
        startDate: '2025-10-01',
        dueDate: '2026-02-28',
        answersKind,
        answersId,
      });
    // The port asks the later modules: an id they do not have is refused, nothing written.
    const unknown = await action('X1', 'recommendation', improvementPlanId);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toBe('The recommendation the action answers was not found');
    const forRecommendation = await action('R1', 'recommendation', recommendationId);
    const forPlan = await action('P1', 'improvement-plan', improvementPlanId);
    expect([forRecommendation.statusCode, forPlan.statusCode]).toEqual([201, 201]);
    const [r1, p1] = [forRecommendation.json().id as string, forPlan.json().id as string];

    // Shown on both, through the API and the pages (and the measure's page shows the plan's action).
    const recommendationDetail = async () =>
      (await officer.api('GET', `/api/v1/recommendations/${recommendationId}`)).json();
    const planDetail = async () => (await owner.api('GET', `/api/v1/improvement-plans/${improvementPlanId}`)).json();
    expect((await recommendationDetail()).actions).toEqual([
      expect.objectContaining({ code: 'R1', href: `/actions/${r1}` }),
    ]);
    expect((await planDetail()).actions).toEqual([expect.objectContaining({ code: 'P1', href: `/actions/${p1}` })]);
    expect((await officer.get(`/recommendations/${recommendationId}`)).body).toContain(`href="/actions/${r1}"`);
    expect((await owner.get(`/improvement-plans/${improvementPlanId}`)).body).toContain(`href="/actions/${p1}"`);
    expect((await owner.get(`/measures/${measureId}`)).body).toContain(`href="/actions/${p1}"`);

    // Their status follows the action: progress shows on both, and while it is open the
    // recommendation cannot be implemented nor the plan closed without a reason.
    const update = await owner.api('POST', `/api/v1/actions/${r1}/updates`, {
      percentComplete: 60,
      commentary: 'Monthly reviews started',
      asOf: '2025-11-20',
    });
    expect(update.statusCode, update.body).toBe(201);
    expect((await recommendationDetail()).actions[0]).toMatchObject({ percentComplete: 60 });
    const implemented = await officer.api('POST', `/api/v1/recommendations/${recommendationId}/status`, {
      status: 'implemented',
    });
    expect(implemented.statusCode).toBe(400);
    expect(implemented.json().detail).toContain('R1');
    const early = await owner.api('POST', `/api/v1/improvement-plans/${improvementPlanId}/close`, {
      closingSummary: 'Recovered',
    });
    expect(early.statusCode).toBe(400);

    for (const id of [r1, p1])
      expect((await admin.api('POST', `/api/v1/actions/${id}/close`, { status: 'complete' })).statusCode).toBe(200);
    expect((await recommendationDetail()).actions[0]).toMatchObject({ status: 'complete' });
    expect((await planDetail()).actions[0]).toMatchObject({ status: 'complete' });
    const nowImplemented = await officer.api('POST', `/api/v1/recommendations/${recommendationId}/status`, {
      status: 'implemented',
    });
    expect(nowImplemented.statusCode, nowImplemented.body).toBe(200);
    const closed = await owner.api('POST', `/api/v1/improvement-plans/${improvementPlanId}/close`, {
      closingSummary: 'Recovered',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', openActionsReason: '' });
  });
});
