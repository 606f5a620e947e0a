/**
 * The actions port (filled by the actions module at merge) faked: a plan's actions are asked for by
 * its id, shown with it, and closing with actions still open needs a reason. Service behaviour over
 * ordinary reads and writes: PGlite only.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
    if (!refused.ok) expect(refused.error.message).toContain('1 of the plan’s actions is still open');
    const closed = await services.improvementPlans.close(caller, id, {
      closingSummary: 'Recovered',
      openActionsReason: 'The last action moves to the service plan',
    });
    expect(closed).toMatchObject({
      ok: true,
      value: { status: 'closed', openActionsReason: 'The last action moves to the service plan' },
    });
  });
});
