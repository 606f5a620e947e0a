import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, signInThroughPage, textOf } from '../../../../test/helpers/browser.ts';
import { planWithItems } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/helpers/test-app.ts';

describe('measure pages', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
    browser = await launchBrowser();
    page = await newPage(browser);
    const officer = await t.as('performance-officer');
    await planWithItems(t);
    await signInThroughPage(page, base, officer.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('adds a measure through the form, explaining mistakes and keeping what was typed', async () => {
    await page.goto(`${base}/measures`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Measures');
    expect(await textOf(page.getByText('0 measures'))).toBeTruthy();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Add a measure' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Title').fill('Adults supported to live at home');
    await page.getByLabel('Unit', { exact: true }).fill('%');
    await page.getByLabel('Decimal places').fill('1');
    await page.getByLabel('Ratio of summed numerator and denominator').check();
    await page.getByLabel('Baseline period').fill('2024-25-M12');
    await page.getByRole('button', { name: 'Save measure' }).click();
    const summary = await textOf(page.getByRole('alert'));
    expect(summary).toContain('Enter a code');
    expect(summary).toContain('Select whether higher or lower is better');
    expect(summary).toContain('Select how often the measure is reported');
    expect(await page.getByLabel('Title').inputValue()).toBe('Adults supported to live at home');
    await expectNoAxeViolations(page);

    await page.getByLabel('Code').fill('ASC-01');
    await page.getByLabel('Higher is better').check();
    await page.getByLabel('Quarterly').check();
    await page.getByRole('button', { name: 'Save measure' }).click();
    // Checks across fields come once every field makes sense on its own.
    const second = await textOf(page.getByRole('alert'));
    expect(second).toContain('Enter what the numerator counts (the measure is a ratio)');
    expect(second).toContain('2024-25-M12 is a monthly period but this measure is quarterly');
    await expectNoAxeViolations(page);
    await page.getByLabel('Numerator (for a ratio)').fill('People supported at home');
    await page.getByLabel('Denominator (for a ratio)').fill('People receiving long-term support');
    await page.getByLabel('Baseline period').fill('');
    await page.getByLabel('Tags').fill('Adults, Scrutiny: People');
    await page.getByLabel('Key measure').check();
    await page.getByRole('button', { name: 'Save measure' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Adults supported to live at home');
    expect(await textOf(page.getByText('Measure ASC-01 added'))).toBeTruthy();
    expect(await textOf(page.getByText('0.0% to 100.0%'))).toBeTruthy();
    await expectNoAxeViolations(page);
  });

  it('edits the measure, links a plan item and adds a breakdown', async () => {
    await page.getByRole('button', { name: 'Edit measure' }).click();
    expect(await page.getByLabel('Code').inputValue()).toBe('ASC-01');
    await expectNoAxeViolations(page);
    await page.getByLabel('Title').fill('');
    await page.getByRole('button', { name: 'Save measure' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter a title');
    await page.getByLabel('Title').fill('Adults supported at home');
    await page.getByRole('button', { name: 'Save measure' }).click();
    expect(await textOf(page.getByText('Measure updated'))).toBeTruthy();

    await page.getByLabel('Link to a plan item').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Link plan item' }).click();
    expect(await textOf(page.getByText('Plan item linked'))).toBeTruthy();
    expect(await textOf(page.locator('#items ~ ul').first())).toContain('OBJ-1');

    await page.getByText('Add a breakdown category').click();
    await page.getByLabel('Breakdown', { exact: true }).fill('ward');
    await page.getByLabel('Category code').fill('E05000001');
    await page.getByLabel('Category name').fill('Abbey');
    await page.getByRole('button', { name: 'Add category' }).click();
    expect(await textOf(page.getByText('Ward: Abbey (E05000001)'))).toBeTruthy();
    await expectNoAxeViolations(page);
  });

  it('imports values for a breakdown category and shows them against its target', async () => {
    const measurePage = page.url();
    await page.getByRole('button', { name: 'Set a target' }).click();
    await page.getByLabel('Financial year').fill('2024-25');
    await page.getByLabel('Target (%)').fill('65');
    await page.getByLabel('For', { exact: true }).selectOption({ label: 'ward: Abbey' });
    await page.getByRole('button', { name: 'Set target' }).click();
    expect(await textOf(page.getByText('Target set'))).toBeTruthy();

    await page.goto(`${base}/imports`);
    await page.getByLabel('Values', { exact: true }).check();
    const header = 'measureCode,breakdown,breakdownCode,periodKey,numerator,denominator';
    await page
      .getByLabel('Or paste CSV')
      .fill(`${header}\nASC-01,ward,E05000001,2024-25-Q3,55,100\nASC-01,ward,E05000009,2024-25-Q4,61,100\n`);
    await page.getByRole('button', { name: 'Check' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('1 problem found: nothing was imported');
    const problems = await textOf(page.locator('table'));
    expect(problems).toContain('breakdownCode');
    expect(problems).toContain('ASC-01 has no ward category with the code E05000009');
    await expectNoAxeViolations(page);
    await page
      .getByLabel('Or paste CSV')
      .fill(`${header}\nASC-01,ward,E05000001,2024-25-Q3,55,100\nASC-01,ward,E05000001,2024-25-Q4,63,100\n`);
    await page.getByRole('button', { name: 'Import' }).click();
    expect(await textOf(page.getByText('Imported values: 2 new, 0 changed, 0 unchanged'))).toBeTruthy();

    await page.goto(measurePage);
    const table = page.locator('#breakdowns ~ table').first();
    expect(await textOf(table.locator('caption'))).toBe('By ward: the latest 2 periods with values');
    expect(await textOf(table.getByRole('columnheader', { name: '2024/25 Q4' }))).toBe('2024/25 Q4');
    const abbey = (await textOf(table.getByRole('row', { name: /Abbey/ }))).replace(/\s+/g, ' ');
    expect(abbey).toContain('55.0% Red Target 65.0%');
    expect(abbey).toContain('63.0% Amber Target 65.0%');
    await expectNoAxeViolations(page);
  });

  it('sets a target and revises it with a reason, keeping the history', async () => {
    await page.getByRole('button', { name: 'Set a target' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Financial year').fill('2025-26');
    await page.getByLabel('Target (%)').fill('140');
    await page.getByRole('button', { name: 'Set target' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('The target cannot be above 100%');
    await expectNoAxeViolations(page);
    await page.getByLabel('Target (%)').fill('70');
    await page.getByRole('button', { name: 'Set target' }).click();
    expect(await textOf(page.getByText('Target set'))).toBeTruthy();

    await page.getByRole('link', { name: 'Revise the target for 2025/26' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('New target (%)').fill('75');
    await page.getByRole('button', { name: 'Save revised target' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter the reason for the change');
    await page.getByLabel('Reason for the change').fill('Cabinet raised the ambition');
    await page.getByRole('button', { name: 'Save revised target' }).click();
    const history = await textOf(page.locator('#target-history'));
    expect(history).toContain('changed from 70.0% to 75.0%');
    expect(history).toContain('Cabinet raised the ambition');
    expect(history).toContain('set to 70.0%');
    await expectNoAxeViolations(page);
  });

  it('lists and filters measures, and retires one keeping its page', async () => {
    await page.goto(`${base}/measures?key=true&q=asc`);
    expect(await textOf(page.getByRole('link', { name: 'ASC-01' }))).toBe('ASC-01');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/measures?q=nothing-like-this`);
    expect(await textOf(page.getByText('No measures match.'))).toBeTruthy();

    await page.goto(`${base}/measures?q=ASC-01`);
    await page.getByRole('link', { name: 'ASC-01' }).click();
    await page.getByRole('button', { name: 'Retire measure' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Retire measure' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter the reason for retiring the measure');
    await page.getByLabel('Why is it being retired?').fill('Replaced by a national indicator');
    await page.getByRole('button', { name: 'Retire measure' }).click();
    expect(await textOf(page.getByText('ASC-01 retired: its history is kept'))).toBeTruthy();
    expect(await page.getByRole('button', { name: 'Edit measure' }).count()).toBe(0);
    expect(await textOf(page.locator('#target-history'))).toContain('changed from 70.0% to 75.0%');
    await expectNoAxeViolations(page);
  });
});
