import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/db.ts';
import { units } from '../../../schema.ts';
import { installDefaultFramework } from '../../framework/index.ts';
import { expectNoAxeViolations, launchBrowser, newPage, signInThroughPage, textOf } from '../../../../test/helpers/browser.ts';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/helpers/test-app.ts';

describe('plan pages', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let officer: Agent;
  let planUrl: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    const db = t.deps.database.db;
    await db.transaction(async (tx) => installDefaultFramework(tx as unknown as Db, t.org.id));
    await db.insert(units).values({
      organisationId: t.org.id,
      code: 'PLACE',
      name: 'Place',
      kind: 'directorate',
      parentId: t.org.rootUnitId,
    });
    base = await t.listen();
    browser = await launchBrowser();
    page = await newPage(browser);
    officer = await t.as('performance-officer');
    await signInThroughPage(page, base, officer.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

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
    planUrl = page.url();
    await expectNoAxeViolations(page);
  });

  it('fills in the template sections on the edit form', async () => {
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
    await page.goto(planUrl);
    await page.getByRole('link', { name: 'History and versions of this plan' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('History and versions');
    expect(await textOf(page.getByText('Council minute 42'))).toBeTruthy();
    expect(await textOf(page.getByText('Step 2: Agreed by the Local Strategic Partnership Board'))).toBeTruthy();
    expect(await textOf(page.getByText('Version 1 (this page)'))).toBeTruthy();
    await expectNoAxeViolations(page);
  });

  it('filters the list', async () => {
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
