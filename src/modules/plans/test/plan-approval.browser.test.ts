import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/db.ts';
import { systemClock } from '../../../platform/clock.ts';
import { installDefaultFramework } from '../../framework/index.ts';
import { signInAs, useBrowser } from '../../../../test/helpers/browser.ts';
import { PlanPage } from '../../../../test/helpers/pages/plan-pages.ts';
import { GovukPage } from '../../../../test/helpers/pages/govuk-page.ts';
import { paths } from '../../../kernel/paths.ts';
import { type Agent, createTestApp, type TestApp, type TestOrganisation } from '../../../../test/helpers/test-app.ts';

// The approval form of a governance body's step: the decision's date in three boxes and the minute
// reference, the error summary when they are missing, and the explanation shown instead of the
// button to someone who took an earlier step.
describe('recording a governance body’s decision on the plan page', () => {
  const browser = useBrowser();
  let t: TestApp;
  let page: Page;
  let base: string;
  let organisation: TestOrganisation;
  let planTypeId: string;
  let corporatePlanId: string;
  let owner: Agent;
  let officer: Agent;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
    organisation = await t.createOrganisation('Decision Borough Council');
    const db = t.deps.database.db;
    const installed = await db.transaction(async (tx) => installDefaultFramework(tx as unknown as Db, organisation.id));
    planTypeId = installed.planTypes['community-strategy']!;
    // A type with no plan going through approval, whose steps may change.
    corporatePlanId = installed.planTypes['corporate-plan']!;
    owner = await t.as('manager', { organisation });
    officer = await t.as('performance-officer', { organisation });
  });
  afterAll(async () => t?.close());

  it('asks for the date and minute, explains mistakes, then explains why the recorder cannot take the next step', async () => {
    page = browser.page;
    const created = await owner.api('POST', '/api/v1/plans', {
      planTypeId,
      title: 'Vision 2036',
      periodStart: '2026-04-01',
      periodEnd: '2036-03-31',
      owningUnitId: organisation.rootUnitId,
      ownerPersonId: owner.personId,
      parentPlanId: null,
    });
    const id = created.json<{ id: string }>().id;
    expect((await owner.api('POST', `/api/v1/plans/${id}/submit`, {})).statusCode).toBe(200);
    expect((await owner.api('POST', `/api/v1/plans/${id}/approve`, { step: 1 })).statusCode).toBe(200);

    await signInAs(page, base, officer);
    const plan = await new PlanPage(page, base).open(id);
    await plan.expectAccessible();
    await plan.press('Approve as Local Strategic Partnership Board');
    const summary = await plan.errorSummary();
    expect(summary).toContain('Enter the date of Local Strategic Partnership Board’s decision');
    await plan.expectAccessible();

    await plan.recordDecision('Local Strategic Partnership Board', {
      date: systemClock.today(),
      minute: 'LSP/2026/07',
    });
    expect(await plan.shows('Approval recorded')).toBeTruthy();
    expect(await plan.shows(/minute LSP\/2026\/07/)).toBeTruthy();
    expect(await plan.approvalRefusal()).toBe(
      'You recorded the step ‘Agreed by the Local Strategic Partnership Board’, so someone else must take ‘Adopted by Full Council’',
    );
    await plan.expectAccessible();
  });

  it('shows and changes the rule on the plan type page', async () => {
    page = browser.page;
    const admin = await t.as('administrator', { organisation });
    await signInAs(page, base, admin);
    const planType = await new GovukPage(page, base).visit(paths.planType(corporatePlanId));
    await planType.expectAccessible();
    await planType.press(/Allow anyone allowed\s*: step Adopted by Full Council/);
    expect(await planType.shows('Step Adopted by Full Council may now be taken by anyone allowed')).toBeTruthy();
    await planType.expectAccessible();
  });
});
