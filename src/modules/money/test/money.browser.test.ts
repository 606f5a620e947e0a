import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../../schema.ts';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// A finance officer works through every money page in a real browser, without JavaScript needed.
describe('money pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let base: string;
  let finance: Agent;
  let serviceId: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
    const [directorate] = await t.deps.database.db
      .insert(units)
      .values({
        organisationId: t.org.id,
        code: 'PEOPLE',
        name: 'People',
        kind: 'directorate',
        parentId: t.org.rootUnitId,
      })
      .returning();
    const [service] = await t.deps.database.db
      .insert(units)
      .values({
        organisationId: t.org.id,
        code: 'ASC',
        name: 'Adult social care',
        kind: 'service',
        parentId: directorate!.id,
      })
      .returning();
    serviceId = service!.id;
    finance = await t.as('finance-officer');
  });
  afterAll(async () => t?.close());

  it('adds a cost centre, imports its figures, explains a variance and reads the summary', async () => {
    const page = browser.page;
    await signInAs(page, base, finance);

    await page.goto(`${base}/money/cost-centres/new`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add cost centre' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter the cost centre code');
    await expectNoAxeViolations(page);
    await page.getByLabel('Code').fill('asc101');
    await page.getByLabel('Name').fill('Residential care');
    await page.getByLabel('Unit that owns it').selectOption(serviceId);
    await page.getByRole('button', { name: 'Add cost centre' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Cost centres');
    expect(await textOf(page.locator('tbody'))).toContain('ASC101');
    await expectNoAxeViolations(page);

    await page.goto(`${base}/money/import`);
    await expectNoAxeViolations(page);
    const header =
      'cost_centre,year,period,original_budget,virements,budget_to_date,actual_to_date,previous_forecast,forecast_before_action,latest_forecast';
    await page
      .getByLabel('Or paste CSV')
      .fill(`${header}\nASC101,2025/26,6,1000000,0,500000,560000,1000000,1150000,1100000`);
    await page.getByRole('button', { name: 'Import' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('1 problem found: nothing was imported');
    expect(await textOf(page.locator('#problems + div, #problems ~ *').first())).toContain('Explain the variance');
    await expectNoAxeViolations(page);
    await page
      .getByLabel('Or paste CSV')
      .fill(
        `${header},explanation\nASC101,2025/26,6,1000000,0,500000,560000,1000000,1150000,1100000,Three placements above plan`,
      );
    await page.getByRole('button', { name: 'Import' }).click();
    expect(page.url()).toMatch(/\/money$/);

    await page.goto(`${base}/money?year=2025&period=6`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Revenue budget monitoring');
    expect(await textOf(page.locator('body'))).toContain('Three placements above plan');
    expect(await page.locator('figure svg').count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'ASC101 Residential care' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Explanation of the variance').fill('');
    await page.getByRole('button', { name: 'Save figures' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Explain the variance');
    await expectNoAxeViolations(page);
    await page.getByLabel('Explanation of the variance').fill('Placements; two step-downs agreed for October');
    await page.getByRole('button', { name: 'Save figures' }).click();
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Budget for ASC101 saved');

    await page.goto(`${base}/money/variance-bands`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Amber when the variance is more than').fill('3');
    await page.getByLabel('Red when the variance is more than').fill('2');
    await page.getByRole('button', { name: 'Save variance bands' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('The red threshold must be more than the amber threshold');
    await expectNoAxeViolations(page);
  });

  it('adds a capital scheme, is told when its funding does not add up, asks to reprofile it, and reads the other money pages', async () => {
    const page = browser.page;
    await signInAs(page, base, finance);
    await page.goto(`${base}/money/capital/schemes/new`);
    await page.getByLabel('Code').fill('cap01');
    await page.getByLabel('Name').fill('Care home refurbishment');
    await page.getByLabel('Unit that owns it').selectOption(serviceId);
    await page.getByRole('button', { name: 'Add scheme' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toContain('CAP01 Care home refurbishment');
    await expectNoAxeViolations(page);
    const amounts: [string, string][] = [
      ['Budget for the year', '500000'],
      ['Spend to date', '100000'],
      ['Forecast spend for the year', '500000'],
      ['Slippage into later years', '0'],
      ['Funding from borrowing', '400000'],
      ['Funding from grants', '0'],
      ['Funding from capital receipts', '0'],
      ['Funding from revenue contributions', '0'],
    ];
    for (const [label, value] of amounts) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Save figures' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('must add up to the budget');
    await expectNoAxeViolations(page);
    await page.getByLabel('Funding from grants', { exact: true }).fill('100000');
    await page.getByRole('button', { name: 'Save figures' }).click();
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Scheme figures saved');

    // Reprofiling from the scheme's page: a refusal named at its field, then the request in the history.
    await page.getByLabel('Amount to move').fill('50000');
    await page.getByRole('button', { name: 'Ask to reprofile' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Give the reason for reprofiling');
    await expectNoAxeViolations(page);
    await page.getByLabel('Reason for reprofiling').fill('Asbestos survey delays the works');
    await page.getByRole('button', { name: 'Ask to reprofile' }).click();
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Reprofile asked for');
    expect(await textOf(page.locator('table', { hasText: 'Asbestos survey' }))).toContain('Waiting for a decision');
    await expectNoAxeViolations(page);

    for (const path of ['/money/capital', '/money/reserves', '/money/savings/new', '/money/mtfs']) {
      await page.goto(`${base}${path}`);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await expectNoAxeViolations(page);
    }
    await page.goto(`${base}/money/cost-centres`);
    await page.getByRole('link', { name: 'Residential care' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('ASC101 Residential care');
    await expectNoAxeViolations(page);
  });
});
