/**
 * The improvement-plan pages over FAKE services: what each page shows (the plan's parts, its
 * actions from the actions port and the link to add one, the panel's decisions), and how a refusal
 * is shown (status, error summary naming the problem, what was typed kept).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { fail, ok } from '../../../kernel/result.ts';
import type { PlanDetail } from '../improvement-plans.service.ts';
import type { ImprovementPlan } from '../improvement-plans.types.ts';
import type { ImprovementPlansServices } from '../services.ts';
import { improvementPlansRoutes } from './improvement-plans.routes.ts';
import { improvementSettingsRoutes } from './settings.routes.ts';

const PLAN_ID = '11111111-1111-4111-8111-111111111111';
const MEASURE_ID = '22222222-2222-4222-8222-222222222222';

const plan: ImprovementPlan = {
  id: PLAN_ID,
  organisationId: '00000000-0000-4000-8000-000000000001',
  measureId: MEASURE_ID,
  requestId: null,
  ownerPersonId: null,
  problem: 'Fewer people supported at home',
  rootCause: '',
  expectedValue: 80,
  expectedPeriod: '2026-27-Q1',
  dueDate: '2026-06-30',
  status: 'submitted',
  agreedOn: null,
  submittedOn: '2025-11-01',
  closingSummary: '',
  openActionsReason: '',
  withdrawnReason: '',
  rowVersion: 3,
  createdAt: new Date('2025-10-01T09:00:00Z'),
  updatedAt: new Date('2025-11-01T09:00:00Z'),
};

function detail(more: Partial<PlanDetail> = {}): PlanDetail {
  return {
    row: {
      plan,
      measureCode: 'ASC-01',
      measureTitle: 'Adults at home',
      measureFrequency: 'quarterly',
      measureOwnerUnitId: null,
      ownerName: 'Priya Shah',
    },
    status: 'submitted',
    actions: [
      {
        id: 'a1',
        code: 'ACT-7',
        title: 'Recruit two reablement workers',
        status: 'on-track',
        derivedStatus: 'on-track',
        percentComplete: 40,
        dueDate: '2026-01-31',
        overdue: false,
        href: '/actions/a1',
      },
    ],
    decisions: [
      {
        decision: {
          id: 'd1',
          organisationId: plan.organisationId,
          planId: PLAN_ID,
          outcome: 'sent-back',
          meetingDate: '2025-10-14',
          minuteReference: 'CPP/25/31',
          comments: 'Say how the vacancies will be filled',
          bodyId: null,
          recordedByPersonId: null,
          recordedAt: new Date('2025-10-15T09:00:00Z'),
        },
        bodyName: 'Corporate Performance Panel',
        recordedByName: 'Clerk',
      },
    ],
    events: [],
    panel: { id: 'b1', name: 'Corporate Performance Panel' },
    mayWrite: true,
    mayDecide: true,
    steps: ['decide', 'withdraw'],
    ...more,
  };
}

const improvementPlans = {
  list: vi.fn(async () => []),
  filterOptions: vi.fn(async () => ({ people: [{ id: MEASURE_ID, name: 'Priya Shah', email: 'p@x' }], units: [] })),
  formOptions: vi.fn(async () => ({
    people: [],
    measures: [{ id: MEASURE_ID, code: 'ASC-01', title: 'Adults at home' }],
  })),
  detail: vi.fn(async () => ok(detail())),
  create: vi.fn(),
  update: vi.fn(),
  submit: vi.fn(),
  start: vi.fn(),
  decide: vi.fn(),
  close: vi.fn(),
  withdraw: vi.fn(),
  openPlanForMeasure: vi.fn(),
};
const improvementSettings = {
  get: vi.fn(async () => ({
    settings: {
      panelBodyId: null,
      consecutivePeriods: 2,
      triggers: ['red' as const, 'spc-concern' as const],
      isDefault: true,
    },
    bodies: [{ id: 'b1', name: 'Corporate Performance Panel' }],
    canManage: true,
  })),
  update: vi.fn(),
};
const fakes = {
  improvementPlans,
  improvementRequests: { list: vi.fn(async () => []), countMine: vi.fn(async () => 0) },
  improvementSettings,
} as unknown as ImprovementPlansServices;

describe('improvement-plan pages over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(improvementSettingsRoutes, { services: fakes });
          await app.register(improvementPlansRoutes, { services: fakes });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    improvementPlans.detail.mockImplementation(async () => ok(detail()));
  });

  it('shows the plan’s parts, its actions with the link to add one, and the panel’s decisions', async () => {
    const page = await t.as('viewer').get(`/improvement-plans/${PLAN_ID}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Problem statement');
    expect(page.body).toMatch(/Root cause[\s\S]*Incomplete/);
    expect(page.body).toContain('ACT-7 Recruit two reablement workers');
    expect(page.body).toContain(`href="/actions/new?answers=improvement-plan:${PLAN_ID}"`);
    expect(page.body).toContain('CPP/25/31');
    expect(page.body).toContain('Say how the vacancies will be filled');
    expect(page.body).toContain(`href="/improvement-plans/${PLAN_ID}/decision"`);
    expect(page.body).not.toContain('Submit to the panel');
  });

  it('offers no "Add an action" to someone who may not change the plan', async () => {
    improvementPlans.detail.mockImplementation(async () => ok(detail({ mayWrite: false, steps: [] })));
    const page = await t.as('viewer').get(`/improvement-plans/${PLAN_ID}`);
    expect(page.body).not.toContain('/actions/new');
  });

  it('refuses a decision without an outcome before asking the service, and shows the service’s refusals', async () => {
    const caller = t.as('viewer');
    improvementPlans.decide.mockReset();
    const noOutcome = await caller.post(`/improvement-plans/${PLAN_ID}/decision`, { minuteReference: 'CPP/1' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.body).toContain('Select whether the panel agreed the plan or sent it back');
    expect(improvementPlans.decide).not.toHaveBeenCalled();

    improvementPlans.decide.mockResolvedValueOnce(
      fail({ code: 'invalid', message: 'Enter the date of the panel’s meeting', field: 'meetingDate' }),
    );
    const noDate = await caller.post(`/improvement-plans/${PLAN_ID}/decision`, {
      outcome: 'agreed',
      'meetingDate-day': '',
      'meetingDate-month': '',
      'meetingDate-year': '',
      minuteReference: 'CPP/25/42',
    });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('href="#meetingDate">Enter the date of the panel’s meeting');
    expect(noDate.body).toContain('value="CPP/25/42"');
    expect(improvementPlans.decide).toHaveBeenLastCalledWith(expect.anything(), PLAN_ID, {
      outcome: 'agreed',
      meetingDate: null,
      minuteReference: 'CPP/25/42',
      comments: '',
    });

    improvementPlans.decide.mockResolvedValueOnce(
      fail({
        code: 'forbidden',
        message:
          'Only a member of the panel, or someone who manages governance for the council, can record the panel’s decision',
      }),
    );
    const stranger = await caller.post(`/improvement-plans/${PLAN_ID}/decision`, {
      outcome: 'agreed',
      'meetingDate-day': '20',
      'meetingDate-month': '11',
      'meetingDate-year': '2025',
      minuteReference: 'CPP/25/42',
    });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.body).toContain('Only a member of the panel');
    expect(improvementPlans.decide).toHaveBeenLastCalledWith(
      expect.anything(),
      PLAN_ID,
      expect.objectContaining({ meetingDate: '2025-11-20' }),
    );

    improvementPlans.decide.mockResolvedValueOnce(ok(plan));
    const agreed = await caller.post(`/improvement-plans/${PLAN_ID}/decision`, {
      outcome: 'agreed',
      'meetingDate-day': '20',
      'meetingDate-month': '11',
      'meetingDate-year': '2025',
      minuteReference: 'CPP/25/42',
    });
    expect([agreed.statusCode, agreed.headers.location]).toEqual([302, `/improvement-plans/${PLAN_ID}`]);
    expect(t.flashOf(agreed)).toBe('The panel’s decision is recorded: agreed');
  });

  it('shows the refusal of an expected-effect period that is not the measure’s, keeping what was typed', async () => {
    improvementPlans.create.mockResolvedValueOnce(
      fail({
        code: 'invalid',
        message: 'The expected effect’s period "2026-27-M03" is not one of this measure’s periods',
        field: 'expectedPeriod',
      }),
    );
    const page = await t.as('manager').post('/improvement-plans/new', {
      measureId: MEASURE_ID,
      problem: 'Too few',
      expectedPeriod: '2026-27-M03',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('href="#expectedPeriod"');
    expect(page.body).toContain('value="2026-27-M03"');
    expect(page.body).toContain('Too few');
  });

  it('refuses a due date that is not a real date at the form', async () => {
    improvementPlans.create.mockReset();
    const page = await t.as('manager').post('/improvement-plans/new', {
      measureId: MEASURE_ID,
      'dueDate-day': '31',
      'dueDate-month': '2',
      'dueDate-year': '2026',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('must be a real date');
    expect(improvementPlans.create).not.toHaveBeenCalled();
  });

  it('shows a change to a closed plan refused, and a submission refused for a missing part', async () => {
    improvementPlans.update.mockResolvedValueOnce(
      fail({ code: 'invalid_state', message: 'This improvement plan is closed, so it cannot be changed' }),
    );
    const edit = await t.as('manager').post(`/improvement-plans/${PLAN_ID}/edit`, { problem: 'Later' });
    expect(edit.statusCode).toBe(409);
    expect(edit.body).toContain('This improvement plan is closed, so it cannot be changed');

    improvementPlans.submit.mockResolvedValueOnce(
      fail({ code: 'invalid', message: 'Write the root cause before submitting the plan', field: 'rootCause' }),
    );
    const submit = await t.as('manager').post(`/improvement-plans/${PLAN_ID}/submit`);
    expect(submit.statusCode).toBe(400);
    expect(submit.body).toContain('href="#plan-parts">Write the root cause before submitting the plan');
  });

  it('refuses closing without a summary as the service says, on the close page', async () => {
    improvementPlans.close.mockResolvedValueOnce(
      fail({ code: 'invalid', message: 'Enter a closing summary: what the plan achieved', field: 'closingSummary' }),
    );
    const page = await t.as('manager').post(`/improvement-plans/${PLAN_ID}/close`, { closingSummary: '' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('href="#closingSummary">Enter a closing summary');
  });

  it('passes the list filters to the service and refuses a status it does not know', async () => {
    await t.as('viewer').get(`/improvement-plans?status=agreed&ownerPersonId=${MEASURE_ID}&unitId=`);
    expect(improvementPlans.list).toHaveBeenLastCalledWith(expect.anything(), {
      status: 'agreed',
      ownerPersonId: MEASURE_ID,
      unitId: null,
    });
    const bad = await t.as('viewer').get('/improvement-plans?status=sleeping');
    expect(bad.body).toContain('Select a status');
  });

  it('keeps the settings to framework managers and refuses settings with no trigger', async () => {
    expect((await t.as('viewer').get('/improvement-plans/settings')).statusCode).toBe(403);
    improvementSettings.update.mockReset();
    const page = await t.as('administrator').post('/improvement-plans/settings', { consecutivePeriods: '2' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Select at least one trigger');
    expect(improvementSettings.update).not.toHaveBeenCalled();
  });
});
