/**
 * The single sign-on settings in a real browser: an administrator reaches them from the Council
 * page, is told clearly when the issuer cannot be read, saves a real (loopback) provider and maps a
 * group to a role; the sign-in page then offers the provider's button. Axe on every page visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../../kernel/paths.ts';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { startTestProvider, TEST_CLIENT, type TestProvider } from './test-provider.ts';

describe('single sign-on settings page', () => {
  const browser = useBrowser();
  let t: TestApp;
  let op: TestProvider;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
    op = await startTestProvider(t.deps.config.baseUrl, paths.singleSignOnCallback());
  });
  afterAll(async () => {
    await t?.close();
    await op?.close();
  });

  it('lets an administrator set up the provider and map a group, then offers its button', async () => {
    const page = browser.page;
    await signInAs(page, base, await t.as('administrator'));
    await page.goto(`${base}${paths.council()}`);
    await page.getByRole('link', { name: 'Single sign-on' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Single sign-on');
    await expectNoAxeViolations(page);

    await page.getByLabel('Name on the sign-in button').fill('Test Council (Microsoft)');
    await page.getByLabel('Issuer URL').fill('http://127.0.0.1:9/nothing-here');
    await page.getByLabel('Client ID').fill(TEST_CLIENT.clientId);
    await page.getByLabel('Client secret').fill(TEST_CLIENT.clientSecret);
    await page.getByRole('button', { name: 'Save provider' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain(
      'No OpenID Connect configuration could be read from http://127.0.0.1:9/nothing-here',
    );
    await expectNoAxeViolations(page);

    await page.getByLabel('Issuer URL').fill(op.issuer);
    await page.getByLabel('Client secret').fill(TEST_CLIENT.clientSecret);
    await page.getByRole('button', { name: 'Save provider' }).click();
    expect(await textOf(page.locator('body'))).toContain('Identity provider saved');

    await page.getByLabel('Claim value').fill('g-performance');
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Performance officer' });
    await page.getByRole('button', { name: 'Add mapping' }).click();
    const row = page.locator('tbody tr').filter({ hasText: 'g-performance' });
    expect(await textOf(row)).toContain('Performance officer');
    expect(await textOf(row)).toContain('The whole council');
    await expectNoAxeViolations(page);

    await page.goto(`${base}${paths.singleSignOn()}`);
    // The GOV.UK start button: a link styled, and announced, as a button.
    const button = page.getByRole('button', { name: 'Sign in with Test Council (Microsoft)' });
    expect(await button.getAttribute('href')).toMatch(/^\/sign-in\/single-sign-on\/[^/]+\/start$/);
    await expectNoAxeViolations(page);
  });
});
