import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, textOf, useBrowser } from '../helpers/browser.ts';
import { SignInPage } from '../helpers/pages/sign-in-page.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';

// The one journey that signs in through the real sign-in page (the other files set the cookie).
describe('sign-in, home and organisation structure pages', () => {
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

  it('shows the public home page and the sign-in page without errors', async () => {
    const page = browser.page;
    await page.goto(`${base}/`);
    expect(await textOf(page.getByRole('link', { name: 'Sign in' }).first())).toBeTruthy();
    await expectNoAxeViolations(page);
    await page.goto(`${base}/sign-in`);
    await expectNoAxeViolations(page);
  });

  it('explains a wrong password with the GOV.UK error summary', async () => {
    const signIn = await new SignInPage(browser.page, base).open();
    await signIn.signIn('nobody@example.com', 'wrong');
    expect(await signIn.errorSummary()).toContain('Enter a correct email address and password');
    await signIn.expectAccessible();
  });

  it('signs an administrator in and adds a unit through the form', async () => {
    const page = browser.page;
    const admin = await t.as('administrator');
    await new SignInPage(page, base).open().then((signIn) => signIn.signInSuccessfully(admin.email, TEST_PASSWORD));
    await page.goto(`${base}/units`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add a unit' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter a code');
    await expectNoAxeViolations(page);
    await page.getByLabel('Code').fill('HOUSING');
    await page.getByLabel('Name').fill('Housing');
    await page.getByLabel('Service', { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Housing');
    expect(await textOf(page.getByText('Unit Housing added'))).toBeTruthy();
    await expectNoAxeViolations(page);
    // The pages that gather the set-up, delivery, and risks and money under one navigation entry each.
    for (const [path, heading] of [
      ['/council', 'Your council'],
      ['/delivery', 'Delivery'],
      ['/risks-and-money', 'Risks and money'],
    ]) {
      await page.goto(`${base}${path}`);
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(heading);
      await expectNoAxeViolations(page);
    }
  });
});
