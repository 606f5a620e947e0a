import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../../kernel/paths.ts';
import { axeResults, expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

/**
 * Every WCAG rule, with one known exception: GOV.UK Frontend's conditional reveal sets
 * aria-expanded on its radios, which axe reports under aria-allowed-attr. The Design System keeps
 * it on purpose because screen readers announce it (alphagov/govuk-frontend#979). So that rule is
 * run on its own, and the only thing it may report is aria-expanded on a radio that reveals fields.
 */
async function expectAccessible(page: Page) {
  await expectNoAxeViolations(page, { disableRules: ['aria-allowed-attr'] });
  const results = await axeResults(page, { onlyRules: ['aria-allowed-attr'] });
  const unexpected = results.violations.flatMap((violation) =>
    violation.nodes.filter(
      (node) =>
        !(
          node.html.includes('govuk-radios__input') &&
          node.html.includes('aria-controls="conditional-') &&
          node.any.concat(node.all, node.none).every((check) => /aria-expanded/.test(check.message))
        ),
    ),
  );
  expect(unexpected.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`)).toEqual([]);
}

// Each test has its own organisation (so its own settings) and its own browser context.
describe('performance settings page', () => {
  const browser = useBrowser();
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** An administrator of a new organisation, signed in on the page. */
  async function adminOn(page: Page): Promise<Agent> {
    const admin = await t.as('administrator', { organisation: await t.createOrganisation('Test Borough Council') });
    await signInAs(page, base, admin);
    return admin;
  }

  it('is linked from the framework page and shows the defaults as defaults', async () => {
    const page = browser.page;
    await adminOn(page);
    await page.goto(`${base}/framework`);
    await page.getByRole('link', { name: /Performance settings/ }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Performance settings');
    expect(await textOf(page.locator('.govuk-tag').first())).toBe('Defaults');
    const summary = await textOf(page.locator('.govuk-summary-list'));
    expect(summary).toContain('Worst of its measures and items');
    expect(summary).toContain('At least 90% of plan objectives on target (the default)');
    expect(await page.getByLabel('Worst of').isChecked()).toBe(true);
    expect(await page.getByLabel('Plan objectives on target, at least').inputValue()).toBe('90');
    await expectAccessible(page);
  });

  it('reveals the weighted shares, shows the errors against them and saves once they are right', async () => {
    const page = browser.page;
    await adminOn(page);
    await page.goto(`${base}/framework/performance-settings`);
    // With JavaScript, the shares show only when the weighted rule is chosen.
    expect(await page.getByLabel('Green from').isVisible()).toBe(false);
    await page.getByLabel('Weighted score').check();
    expect(await page.getByLabel('Green from').isVisible()).toBe(true);
    await page.getByLabel('Green from').fill('40');
    await page.getByLabel('Amber from').fill('60');
    await page.getByRole('button', { name: 'Save settings' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Amber from must be below green from');
    expect(await textOf(page.locator('#amberFrom-error'))).toContain('Amber from must be below green from');
    // What was typed is kept, and the option stays open.
    expect(await page.getByLabel('Weighted score').isChecked()).toBe(true);
    expect(await page.getByLabel('Amber from').inputValue()).toBe('60');
    await expectAccessible(page);
    // The error summary link takes the person to the field.
    await page.getByRole('alert').getByRole('link', { name: 'Amber from must be below green from' }).click();
    expect(await page.locator(':focus').getAttribute('id')).toBe('amberFrom');

    await page.getByLabel('Green from').fill('70');
    await page.getByLabel('Amber from').fill('40');
    await page.getByRole('button', { name: 'Save settings' }).click();
    expect(await textOf(page.getByText('Performance settings saved'))).toBeTruthy();
    expect(await textOf(page.locator('.govuk-tag').first())).toBe('Set by the council');
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain(
      'Weighted score of its measures and items (green from 70%, amber from 40%)',
    );
    await expectAccessible(page);
  });

  it('works without JavaScript: every revealed field is shown and usable', async () => {
    const plain = await browser.newPage({ javaScriptEnabled: false });
    const admin = await adminOn(plain);
    // The weighted rule saved before (the test above saves it with JavaScript).
    const saved = await admin.post(paths.performanceSettings(), {
      rowVersion: '0',
      rollupRule: 'weighted-score',
      greenFrom: '70',
      amberFrom: '40',
      keyMeasuresDominate: 'true',
      overdueAs: 'not-rated',
      objectivesAppetite: '90',
      targetsAppetite: '75',
      toleranceKind: 'none',
      toleranceAmount: '',
      tolerancePercent: '',
    });
    expect(saved.statusCode).toBe(302);
    await plain.goto(`${base}/framework/performance-settings`);
    for (const label of ['Green from', 'Amber from', 'Smallest change that counts']) {
      expect(await plain.getByLabel(label, { exact: true }).isVisible(), label).toBe(true);
    }
    const percent = plain.getByLabel('Smallest change that counts, as a percentage of the earlier value');
    expect(await percent.isVisible()).toBe(true);
    // (No axe run here: axe itself needs JavaScript in the page. The JavaScript pages are checked above.)
    await plain.getByRole('radio', { name: 'A percentage of the earlier value' }).check();
    await percent.fill('5');
    await plain.getByLabel('Key targets projected to be achieved, at least').fill('60');
    await plain.getByRole('button', { name: 'Save settings' }).click();
    expect(await textOf(plain.getByText('Performance settings saved'))).toBeTruthy();
    const summary = await textOf(plain.locator('.govuk-summary-list'));
    expect(summary).toContain('A change of 5% of the earlier value or less is no significant change');
    expect(summary).toContain('At least 60% of key targets projected to be achieved');
    // The weighted rule saved before is kept.
    expect(summary).toContain('green from 70%');
  });
});
