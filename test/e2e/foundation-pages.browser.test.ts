import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, signInThroughPage, textOf } from '../helpers/browser.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';

describe('sign-in, home and organisation structure pages', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the public home page and the sign-in page without errors', async () => {
    await page.goto(`${base}/`);
    expect(await textOf(page.getByRole('link', { name: 'Sign in' }).first())).toBeTruthy();
    await expectNoAxeViolations(page);
    await page.goto(`${base}/sign-in`);
    await expectNoAxeViolations(page);
  });

  it('explains a wrong password with the GOV.UK error summary', async () => {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email address').fill('nobody@example.com');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter a correct email address and password');
    await expectNoAxeViolations(page);
  });

  it('signs an administrator in and adds a unit through the form', async () => {
    const admin = await t.as('administrator');
    await signInThroughPage(page, base, admin.email, TEST_PASSWORD);
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
  });
});
