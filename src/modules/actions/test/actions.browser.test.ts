import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { insertCascade } from '../../../../test/helpers/items-fixtures.ts';
import { type Agent, createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

// One council, one administrator who owns the action and is its escalation owner, going through
// every action page (with axe on each): list, new (with a mistake), the action, progress, revised
// date, milestone, close, the escalation decision, my actions and the delivery settings.
describe('action pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let page: Page;
  let base: string;
  let admin: Agent;
  let planId: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => new Date('2026-07-01T10:00:00Z') });
    base = await t.listen();
    const cascade = await insertCascade(t.deps.database.db, t.org.id, t.org.rootUnitId);
    planId = cascade.plans.service;
    admin = await t.as('administrator');
  });
  afterAll(async () => t?.close());

  const heading = () => textOf(page.getByRole('heading', { level: 1 }));

  it('adds an action, updates it, escalates it and decides, every page accessible', { timeout: 180_000 }, async () => {
    page = browser.page;
    page.setDefaultTimeout(15_000);
    await signInAs(page, base, admin);

    await page.goto(`${base}/actions/new`);
    expect(await heading()).toBe('Add an action');
    await expectNoAxeViolations(page);
    await page.getByLabel('Plan', { exact: true }).selectOption(planId);
    await page.getByLabel('Code').fill('A12');
    await page.getByLabel('Title').fill('Open the new library');
    const me = (await page.getByLabel('Owner', { exact: true }).locator('option').allTextContents()).find(
      (n) => n !== 'Select a person',
    )!;
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: me });
    await page.getByLabel('Escalation owner').selectOption({ label: me });
    await page.getByLabel('Start date').fill('2026-04-01');
    await page.getByLabel('Due date').fill('2026-03-01');
    await page.getByRole('button', { name: 'Save action' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('The due date must be on or after the start date');
    await expectNoAxeViolations(page);
    await page.getByLabel('Due date').fill('2026-09-30');
    await page.getByRole('button', { name: 'Save action' }).click();
    expect(await heading()).toBe('A12 Open the new library');
    await expectNoAxeViolations(page);

    // Two off-track updates escalate it to its escalation owner (the administrator).
    for (const percent of ['5', '10']) {
      await page.getByRole('button', { name: 'Add a progress update' }).click();
      expect(await heading()).toBe('Add a progress update');
      await expectNoAxeViolations(page);
      await page.getByLabel('% complete').fill(percent);
      await page.getByLabel('Commentary').fill('The builders have not started');
      await page.getByRole('button', { name: 'Add the update' }).click();
    }
    expect(
      await textOf(page.getByRole('region', { name: 'Success' }).or(page.locator('.govuk-notification-banner'))),
    ).toContain('escalated');
    await page.getByRole('link', { name: 'Record your decision' }).click();
    expect(await heading()).toBe('Decide the escalation');
    await expectNoAxeViolations(page);
    await page.getByLabel('More resource').check();
    await page.getByLabel('Reason').fill('Two more officers from the capital team');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    expect(await textOf(page.locator('#escalations + ul'))).toContain('Two more officers from the capital team');

    await page.getByRole('button', { name: 'Revise the due date' }).click();
    expect(await heading()).toBe('Revise the due date');
    await expectNoAxeViolations(page);
    await page.getByLabel('Revised due date').fill('2026-12-31');
    await page.getByRole('button', { name: 'Revise the due date' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter the reason for the new date');
    await expectNoAxeViolations(page);
    await page.getByLabel('Reason for the new date').fill('Contractor delay');
    await page.getByRole('button', { name: 'Revise the due date' }).click();

    await page.getByRole('button', { name: 'Add a milestone' }).click();
    expect(await heading()).toBe('Add a milestone');
    await expectNoAxeViolations(page);
    await page.getByLabel('Milestone').fill('Building handed over');
    await page.getByLabel('Due date').fill('2026-11-30');
    await page.getByRole('button', { name: 'Add the milestone' }).click();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Close the action' }).click();
    expect(await heading()).toBe('Close the action');
    await expectNoAxeViolations(page);
    await page.getByLabel('Complete').check();
    await page.getByRole('button', { name: 'Close the action' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('a milestone is open: Building handed over');

    await page.goto(`${base}/actions/mine`);
    expect(await heading()).toBe('My actions');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/actions?status=at-risk`);
    expect(await heading()).toBe('Actions');
    expect(await textOf(page.locator('table'))).toContain('A12 Open the new library');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/framework/delivery-settings`);
    expect(await heading()).toBe('Delivery settings');
    await expectNoAxeViolations(page);
  });
});
