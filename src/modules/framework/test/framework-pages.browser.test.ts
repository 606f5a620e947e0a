import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installDefaultFramework, type InstalledFramework } from '../data/default-framework.seed.ts';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// Each test has its own organisation with the default framework, and its own browser context.
describe('framework settings pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let page: Page;
  let base: string;
  let admin: Agent;
  let installed: InstalledFramework;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
  });
  beforeEach(async () => {
    const organisation = await t.createOrganisation('Test Borough Council');
    installed = await t.deps.database.db.transaction(async (tx) =>
      installDefaultFramework(tx as never, organisation.id),
    );
    admin = await t.as('administrator', { organisation });
    page = browser.page;
    await signInAs(page, base, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The Locality plan page (level 4, under the directorate plan) with no sections or steps yet. */
  async function openNewLocalityPlanType(): Promise<void> {
    const created = await admin.api('POST', '/api/v1/plan-types', {
      key: 'locality-plan',
      name: 'Locality plan',
      level: 4,
      description: '',
      active: true,
      parentTypeIds: [installed.planTypes['directorate-plan']],
      itemTypeIds: [installed.itemTypes['action']],
    });
    expect(created.statusCode).toBe(201);
    await page.goto(`${base}/framework/plan-types/${created.json().id as string}`);
  }

  it('shows the framework overview in level order', async () => {
    await page.goto(`${base}/framework`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Planning framework');
    const cards = await page.locator('.govuk-summary-card__title').allInnerTexts();
    expect(cards[0]).toBe('Level 1: Community strategy');
    expect(cards.at(-1)).toBe('Level 6: Individual plan');
    expect(await textOf(page.getByRole('heading', { name: 'Item types' }))).toBeTruthy();
    await expectNoAxeViolations(page);
  });

  it('shows a plan type with its sections and steps', async () => {
    await page.goto(`${base}/framework/plan-types/${installed.planTypes['service-plan']}`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Service plan');
    expect(await textOf(page.getByRole('table', { name: 'Template sections of Service plan' }))).toContain(
      'Where are we now?',
    );
    expect(await textOf(page.getByRole('table', { name: 'Approval steps of Service plan' }))).toContain('Director');
    await expectNoAxeViolations(page);
  });

  it('refuses a plan type that sits under a lower one, then adds it properly', async () => {
    await page.goto(`${base}/framework`);
    await page.getByRole('button', { name: 'Add a plan type' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Name', { exact: true }).fill('Locality plan');
    await page.getByLabel('Key', { exact: true }).fill('locality-plan');
    await page.getByLabel('Level', { exact: true }).fill('4');
    await page.getByLabel('Team plan').check();
    await page.getByLabel('Action', { exact: true }).check();
    await page.getByRole('button', { name: 'Save plan type' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Locality plan (level 4) cannot sit under Team plan (level 5)',
    );
    await expectNoAxeViolations(page);
    // What was typed is kept.
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Locality plan');
    await page.getByLabel('Team plan').uncheck();
    await page.getByLabel('Directorate plan').check();
    await page.getByRole('button', { name: 'Save plan type' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Locality plan');
    expect(await textOf(page.getByText('Plan type Locality plan added'))).toBeTruthy();
    await expectNoAxeViolations(page);
  });

  it('adds sections and steps with the buttons, and moves and removes them', async () => {
    await openNewLocalityPlanType();
    await page.getByLabel('Section title').fill('Our area');
    await page.getByLabel('Section key').fill('our-area');
    await page.getByRole('button', { name: 'Add section' }).click();
    await page.getByLabel('Section title').fill('Partners');
    await page.getByLabel('Section key').fill('partners');
    await page.getByRole('button', { name: 'Add section' }).click();
    const sections = page.getByRole('table', { name: 'Template sections of Locality plan' });
    expect(await textOf(sections)).toContain('Partners');
    await page.getByRole('button', { name: 'Move up section Partners' }).click();
    // Each button posts the form and the page comes back: wait for the new page, not the old one.
    await expect.poll(async () => (await sections.locator('tbody tr').allInnerTexts())[0]).toContain('Partners');
    await expectNoAxeViolations(page);

    await page.getByLabel('Step name').fill('Sign-off by the locality manager');
    await page.getByLabel('Sign-off by the plan owner').check();
    await page.getByRole('button', { name: 'Add approval step' }).click();
    await page.getByLabel('Step name').fill('Agreed by Cabinet');
    await page.getByLabel('Approval by a governance body').check();
    await page.getByLabel('Governance body', { exact: true }).selectOption({ label: 'Cabinet' });
    await page.getByRole('button', { name: 'Add approval step' }).click();
    const steps = page.getByRole('table', { name: 'Approval steps of Locality plan' });
    expect(await textOf(steps)).toContain('Cabinet');
    await page.getByRole('button', { name: 'Move up step Agreed by Cabinet' }).click();
    await expect.poll(async () => (await steps.locator('tbody tr').allInnerTexts())[0]).toContain('Agreed by Cabinet');
    await page.getByRole('button', { name: 'Remove step Sign-off by the locality manager' }).click();
    await expect.poll(() => steps.locator('tbody tr').count()).toBe(1);
    expect(await textOf(steps)).not.toContain('Sign-off by the locality manager');
    await expectNoAxeViolations(page);
  });

  it('shows an error when a step is added without saying who approves', async () => {
    await openNewLocalityPlanType();
    await page.getByLabel('Step name').fill('Somebody');
    await page.getByLabel('Approval by someone holding a role').check();
    await page.getByRole('button', { name: 'Add approval step' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Select the role that approves at this step');
    await expectNoAxeViolations(page);
  });

  it('edits a plan type and adds and edits an item type', async () => {
    await page.goto(`${base}/framework/plan-types/${installed.planTypes['team-plan']}/edit`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Description (optional)').fill('Each team, every year');
    await page.getByRole('button', { name: 'Save plan type' }).click();
    expect(await textOf(page.getByText('Each team, every year'))).toBeTruthy();

    await page.goto(`${base}/framework`);
    await page.getByRole('button', { name: 'Add an item type' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save item type' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter a key');
    await expectNoAxeViolations(page);
    await page.getByLabel('Name', { exact: true }).fill('Milestone');
    await page.getByLabel('Key', { exact: true }).fill('milestone');
    await page.getByRole('button', { name: 'Save item type' }).click();
    expect(await textOf(page.getByText('Item type Milestone added'))).toBeTruthy();
    await page.getByRole('link', { name: 'Edit Milestone' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Name', { exact: true }).fill('Key milestone');
    await page.getByRole('button', { name: 'Save item type' }).click();
    expect(await textOf(page.getByText('Key milestone updated'))).toBeTruthy();
  });
});
