import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/db.ts';
import { and, eq } from 'drizzle-orm';
import { plans, planTypes, units } from '../../../schema.ts';
import { installDefaultFramework } from '../../framework/index.ts';
import { signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { systemClock } from '../../../platform/clock.ts';
import { PlanPage, PlansListPage } from '../../../../test/helpers/pages/plan-pages.ts';
import { type Agent, createTestApp, type TestApp, type TestOrganisation } from '../../../../test/helpers/test-app.ts';

// Each test has its own organisation (default framework, a Place directorate), officer and browser
// context; the plan a test needs is made for it through the API, in the state the test starts from.
describe('plan pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let page: Page;
  let base: string;
  let organisation: TestOrganisation;
  let communityStrategyId: string;
  let officer: Agent;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
  });
  beforeEach(async () => {
    const db = t.deps.database.db;
    organisation = await t.createOrganisation('Test Borough Council');
    const installed = await db.transaction(async (tx) => installDefaultFramework(tx as unknown as Db, organisation.id));
    communityStrategyId = installed.planTypes['community-strategy']!;
    await db.insert(units).values({
      organisationId: organisation.id,
      code: 'PLACE',
      name: 'Place',
      kind: 'directorate',
      parentId: organisation.rootUnitId,
    });
    officer = await t.as('performance-officer', { organisation });
    page = browser.page;
    await signInAs(page, base, officer);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The draft community strategy the first test starts through the form (the second fills in its vision). */
  async function draftPlan({ withVision }: { withVision: boolean }): Promise<string> {
    const fields = {
      title: 'Borough Vision 2025-2030',
      periodStart: '2025-04-01',
      periodEnd: '2030-03-31',
      owningUnitId: organisation.rootUnitId,
      ownerPersonId: officer.personId,
      parentPlanId: null,
    };
    const created = await officer.api('POST', '/api/v1/plans', { planTypeId: communityStrategyId, ...fields });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json<{ id: string; rowVersion: number }>();
    if (withVision) {
      const sections = { vision: 'A greener, fairer borough.' };
      const updated = await officer.api('PUT', `/api/v1/plans/${plan.id}`, {
        ...fields,
        sections,
        rowVersion: plan.rowVersion,
      });
      expect(updated.statusCode, updated.body).toBe(200);
    }
    return plan.id;
  }

  /**
   * The plan taken through its three approval steps, as the approval test does on the page: the
   * bodies' decisions are recorded by two other officers (each step asks for a different person).
   */
  async function approvedPlan(): Promise<string> {
    const id = await draftPlan({ withVision: true });
    const [second, third] = [
      await t.as('performance-officer', { organisation }),
      await t.as('performance-officer', { organisation }),
    ];
    const act = (agent: Agent, action: string, body: Record<string, unknown>) =>
      agent.api('POST', `/api/v1/plans/${id}/${action}`, body);
    const decisionDate = systemClock.today();
    expect((await act(officer, 'submit', {})).statusCode).toBe(200);
    for (const [agent, approval] of [
      [officer, { step: 1 }],
      [second, { step: 2, decisionDate, minuteReference: 'LSP 7' }],
      [third, { step: 3, decisionDate, minuteReference: 'FC 42', comment: 'Council minute 42' }],
    ] as const) {
      const approved = await act(agent, 'approve', approval);
      expect(approved.statusCode, approved.body).toBe(200);
    }
    return id;
  }

  it('starts a plan through the form, explaining mistakes first', async () => {
    const plans = await new PlansListPage(page, base).open();
    expect(await plans.heading()).toBe('Plans');
    await plans.expectAccessible();
    await plans.startNewPlan();
    await plans.expectAccessible();
    await plans.press('Start plan');
    const summary = await plans.errorSummary();
    expect(summary).toContain('Select the type of plan');
    expect(summary).toContain('Enter a title');
    expect(summary).toContain('Enter the start of the period');
    await plans.expectAccessible();

    await plans.fillNewPlan({
      type: 'Community strategy (level 1)',
      title: 'Borough Vision 2025-2030',
      starts: '2025-04-01',
      ends: '2030-03-31',
      unit: 'Test Borough Council (COUNCIL)',
      // Test people are named after their role and number: performance-officer-3@… is "performance-officer 3".
      owner: officer.email.split('@')[0]!.replace(/-(\d+)$/, ' $1'),
    });
    await plans.press('Start plan');
    const plan = new PlanPage(page, base);
    expect(await plan.heading()).toBe('Borough Vision 2025-2030');
    expect(await plan.shows('started as a draft')).toBeTruthy();
    expect(await textOf(page.locator('.govuk-tag').first())).toBe('Draft');
    expect(await textOf(page.getByRole('link', { name: 'Add an item' }))).toBe('Add an item');
    await plan.expectAccessible();
  });

  it('fills in the template sections on the edit form', async () => {
    const plan = await new PlanPage(page, base).open(await draftPlan({ withVision: false }));
    await plan.edit();
    await plan.expectAccessible();
    await plan.field('Title').fill('');
    await plan.press('Save');
    expect(await plan.errorSummary()).toContain('Enter a title');
    await plan.expectAccessible();
    await plan.field('Title').fill('Borough Vision 2025-2030');
    await plan.field('Our vision').fill('A greener, fairer borough.');
    await plan.press('Save');
    expect(await plan.shows('A greener, fairer borough.')).toBeTruthy();
  });

  it('takes the plan through its approval steps from the plan page', async () => {
    const id = await draftPlan({ withVision: true });
    const plan = await new PlanPage(page, base).open(id);
    await plan.press('Submit for approval');
    expect(await plan.shows('Plan submitted for approval')).toBeTruthy();
    await plan.expectAccessible();
    await plan.approveAs('Sign off as owner');
    // Whoever submitted the plan cannot record the boards' decisions: two other officers do.
    expect(await plan.approvalRefusal()).toBe(
      'You approved the step ‘Sign-off by the plan owner’, so someone else must take ‘Agreed by the Local Strategic Partnership Board’',
    );
    const today = systemClock.today();
    await signInAs(page, base, await t.as('performance-officer', { organisation }));
    await plan.open(id);
    await plan.recordDecision('Local Strategic Partnership Board', { date: today, minute: 'LSP 7' });
    await signInAs(page, base, await t.as('performance-officer', { organisation }));
    await plan.open(id);
    await plan.recordDecision('Full Council', { date: today, minute: 'Council minute 42' });
    expect(await plan.shows('Plan approved')).toBeTruthy();
    expect(await plan.status()).toBe('Approved');
    expect(await textOf(page.getByRole('button', { name: 'Start an amendment' }))).toBeTruthy();
    await plan.expectAccessible();
    // An amendment needs reasons.
    await plan.press('Start an amendment');
    expect(await plan.errorSummary()).toContain('Enter the reasons for the amendment');
    await plan.expectAccessible();
  });

  it('shows the history with every event and version', async () => {
    const plan = await new PlanPage(page, base).open(await approvedPlan());
    await plan.openHistory();
    expect(await plan.heading()).toBe('History and versions');
    expect(await plan.shows('Council minute 42')).toBeTruthy();
    expect(await plan.shows(/minute FC 42; recorded by/)).toBeTruthy();
    expect(await plan.shows('Step 2: Agreed by the Local Strategic Partnership Board')).toBeTruthy();
    expect(await plan.shows('Version 1 (this page)')).toBeTruthy();
    await plan.expectAccessible();
  });

  it('filters the list', async () => {
    await approvedPlan();
    const plans = await new PlansListPage(page, base).open();
    await plans.filterByStatus('Draft');
    expect(await plans.shows('No plans match these filters.')).toBeTruthy();
    await plans.filterByStatus('Approved');
    expect(await textOf(page.getByRole('link', { name: 'Borough Vision 2025-2030' }))).toBeTruthy();
    expect(page.url()).toContain('status=approved');
    await plans.expectAccessible();
  });

  it('rolls a five-year plan forward by one year or, when chosen, to a new plan period', async () => {
    const plan = await new PlanPage(page, base).open(await approvedPlan());
    expect(await plan.shows('Annual refresh: 2026/27 to 2030/31')).toBeTruthy();
    await plan.expectAccessible();
    await page.getByLabel('Start a new plan period: 2030/31 to 2034/35').check();
    await plan.press('Roll forward');
    expect(await plan.shows('New plan period started')).toBeTruthy();
    expect(await plan.heading()).toBe('Borough Vision 2030-2035');
    await plan.expectAccessible();
  });

  it('tells someone outside the chain how many people have an individual plan, without listing them', async () => {
    const db = t.deps.database.db;
    const [type] = await db
      .select({ id: planTypes.id })
      .from(planTypes)
      .where(and(eq(planTypes.organisationId, organisation.id), eq(planTypes.key, 'individual-plan')));
    const appraisee = await t.as('data-entry', { organisation });
    await db.insert(plans).values({
      organisationId: organisation.id,
      lineageId: crypto.randomUUID(),
      planTypeId: type!.id,
      title: 'Sam Appraisee objectives 2025/26',
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: organisation.rootUnitId,
      ownerPersonId: appraisee.personId,
      status: 'approved',
    });
    const list = await new PlansListPage(page, base).open();
    expect(await list.shows('1 person has an approved individual plan.')).toBeTruthy();
    expect(await page.getByText('Sam Appraisee objectives').count()).toBe(0);
    await list.expectAccessible();
  });
});
