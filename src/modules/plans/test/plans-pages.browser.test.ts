import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/db.ts';
import { units } from '../../../schema.ts';
import { installDefaultFramework } from '../../framework/index.ts';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
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
    const plan = created.json() as { id: string; rowVersion: number };
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

  /** The plan taken through its three approval steps, as the approval test does on the page. */
  async function approvedPlan(): Promise<string> {
    const id = await draftPlan({ withVision: true });
    const act = (action: string, body: Record<string, unknown>) =>
      officer.api('POST', `/api/v1/plans/${id}/${action}`, body);
    expect((await act('submit', {})).statusCode).toBe(200);
    for (const approval of [{ step: 1 }, { step: 2 }, { step: 3, comment: 'Council minute 42' }]) {
      const approved = await act('approve', approval);
      expect(approved.statusCode, approved.body).toBe(200);
    }
    return id;
  }

  it('starts a plan through the form, explaining mistakes first', async () => {
    await page.goto(`${base}/plans`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Plans');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Start a new plan' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Start plan' }).click();
    const summary = await textOf(page.getByRole('alert'));
    expect(summary).toContain('Select the type of plan');
    expect(summary).toContain('Enter a title');
    expect(summary).toContain('Enter the start of the period');
    await expectNoAxeViolations(page);

    await page.getByLabel('Type of plan').selectOption({ label: 'Community strategy (level 1)' });
    await page.getByLabel('Title').fill('Borough Vision 2025-2030');
    const start = page.getByRole('group', { name: 'Period starts' });
    await start.getByLabel('Day').fill('1');
    await start.getByLabel('Month').fill('4');
    await start.getByLabel('Year').fill('2025');
    const end = page.getByRole('group', { name: 'Period ends' });
    await end.getByLabel('Day').fill('31');
    await end.getByLabel('Month').fill('3');
    await end.getByLabel('Year').fill('2030');
    await page.getByLabel('Owning unit').selectOption({ label: 'Test Borough Council (COUNCIL)' });
    // Test people are named after their role and number: performance-officer-3@… is "performance-officer 3".
    const officerName = officer.email.split('@')[0]!.replace(/-(\d+)$/, ' $1');
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: officerName });
    await page.getByRole('button', { name: 'Start plan' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Borough Vision 2025-2030');
    expect(await textOf(page.getByText('started as a draft'))).toBeTruthy();
    expect(await textOf(page.locator('.govuk-tag').first())).toBe('Draft');
    expect(await textOf(page.getByRole('link', { name: 'Add an item' }))).toBe('Add an item');
    await expectNoAxeViolations(page);
  });

  it('fills in the template sections on the edit form', async () => {
    await page.goto(`${base}/plans/${await draftPlan({ withVision: false })}`);
    await page.getByRole('link', { name: /Edit this plan/ }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Title').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter a title');
    await expectNoAxeViolations(page);
    await page.getByLabel('Title').fill('Borough Vision 2025-2030');
    await page.getByLabel('Our vision').fill('A greener, fairer borough.');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByText('A greener, fairer borough.'))).toBeTruthy();
  });

  it('takes the plan through its approval steps from the plan page', async () => {
    await page.goto(`${base}/plans/${await draftPlan({ withVision: true })}`);
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    expect(await textOf(page.getByText('Plan submitted for approval'))).toBeTruthy();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign off as owner' }).click();
    await page.getByRole('button', { name: 'Approve as Local Strategic Partnership Board' }).click();
    await page.getByLabel('Comment or decision reference (optional)').fill('Council minute 42');
    await page.getByRole('button', { name: 'Approve as Full Council' }).click();
    expect(await textOf(page.getByText('Plan approved'))).toBeTruthy();
    expect(await textOf(page.locator('main .govuk-tag').first())).toBe('Approved');
    expect(await textOf(page.getByRole('button', { name: 'Start an amendment' }))).toBeTruthy();
    await expectNoAxeViolations(page);
    // An amendment needs reasons.
    await page.getByRole('button', { name: 'Start an amendment' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter the reasons for the amendment');
    await expectNoAxeViolations(page);
  });

  it('shows the history with every event and version', async () => {
    await page.goto(`${base}/plans/${await approvedPlan()}`);
    await page.getByRole('link', { name: 'History and versions of this plan' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('History and versions');
    expect(await textOf(page.getByText('Council minute 42'))).toBeTruthy();
    expect(await textOf(page.getByText('Step 2: Agreed by the Local Strategic Partnership Board'))).toBeTruthy();
    expect(await textOf(page.getByText('Version 1 (this page)'))).toBeTruthy();
    await expectNoAxeViolations(page);
  });

  it('filters the list', async () => {
    await approvedPlan();
    await page.goto(`${base}/plans`);
    await page.getByLabel('Status').selectOption({ label: 'Draft' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await textOf(page.getByText('No plans match these filters.'))).toBeTruthy();
    await page.getByLabel('Status').selectOption({ label: 'Approved' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await textOf(page.getByRole('link', { name: 'Borough Vision 2025-2030' }))).toBeTruthy();
    expect(page.url()).toContain('status=approved');
    await expectNoAxeViolations(page);
  });
});
