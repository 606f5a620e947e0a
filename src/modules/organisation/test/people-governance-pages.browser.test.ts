import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { totp } from '../../../platform/security/totp.ts';

// Many pages, each checked with axe, on a shared 2-core machine: generous per-test time limits.
// Each test adds its own records and starts in a fresh browser context, signed in by cookie.
describe('people, roles, portfolios, partners, governance bodies, API token and account security pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let admin: Agent;
  let page: Page;
  let base: string;

  const heading = () => textOf(page.getByRole('heading', { level: 1 }));
  const alert = () => textOf(page.locator('.govuk-error-summary'));

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
    admin = await t.as('administrator');
  });
  beforeEach(async () => {
    page = browser.page;
    await signInAs(page, base, admin);
  });
  afterAll(async () => {
    await t?.close();
  }, 120_000);

  it('adds a person, grants and ends a role, edits them and records them as left', async () => {
    await page.goto(`${base}/people`);
    expect(await heading()).toBe('People');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add a person' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Full name').fill('Priya Shah');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await alert()).toContain('Enter an email address');
    await expectNoAxeViolations(page);
    await page.getByLabel('Email address').fill('priya.shah@council.example');
    await page.getByLabel('Job title (optional)').fill('Head of Housing');
    await page.getByRole('button', { name: 'Save' }).click();
    // The link for Priya to set her own password, shown once.
    expect(await heading()).toBe('Link to set a password for Priya Shah');
    expect(await textOf(page.locator('#password-link'))).toContain('/set-password?token=');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Go to Priya Shah’s page' }).click();
    expect(await heading()).toBe('Priya Shah');
    await expectNoAxeViolations(page);

    await page.getByLabel('Role', { exact: true }).selectOption('partner');
    await page.getByRole('button', { name: 'Grant role' }).click();
    expect(await alert()).toContain('Select the partner organisation');
    await expectNoAxeViolations(page);
    await page.getByLabel('Role', { exact: true }).selectOption('manager');
    await page.getByRole('button', { name: 'Grant role' }).click();
    expect(await textOf(page.getByText('Role granted'))).toBeTruthy();
    expect(await textOf(page.getByRole('cell', { name: 'Manager' }))).toBe('Manager');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /^End/ }).click();
    expect(await textOf(page.getByText('Role ended'))).toBeTruthy();

    await page.getByRole('button', { name: 'Edit details' }).click();
    await expectNoAxeViolations(page);
    expect(await page.getByLabel(/password/i).count()).toBe(0); // nobody sets another person's password
    await page.getByLabel('Full name').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await alert()).toContain('Enter a name');
    await expectNoAxeViolations(page);
    await page.getByLabel('Full name').fill('Priya Shah');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByText('Details updated'))).toBeTruthy();

    await page.getByRole('button', { name: 'Record that they have left' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2025');
    await page.getByRole('button', { name: 'Record that they have left' }).click();
    expect(await alert()).toContain('real date');
    await expectNoAxeViolations(page);
    await page.getByLabel('Day').fill('28');
    await page.getByRole('button', { name: 'Record that they have left' }).click();
    expect(await textOf(page.getByText('Left 28 February 2025'))).toBeTruthy();
    await expectNoAxeViolations(page);
  }, 240_000);

  it('sets a password from a single-use link, signed out, then signs in with it', async () => {
    const newcomer = await t.as(null);
    const link = (await admin.api('POST', `/api/v1/people/${newcomer.personId}/password-link`)).json<{ url: string }>();
    const token = new URL(link.url).searchParams.get('token') ?? '';
    await page.context().clearCookies();
    await page.goto(`${base}/set-password?token=${token}`);
    expect(await heading()).toBe('Set your password');
    await expectNoAxeViolations(page);
    await page.getByLabel('New password').fill('too short');
    await page.getByLabel('Type the password again').fill('too short');
    await page.getByRole('button', { name: 'Set password' }).click();
    expect(await alert()).toContain('at least 12 characters');
    await expectNoAxeViolations(page);
    await page.getByLabel('New password').fill('my own long password');
    await page.getByLabel('Type the password again').fill('my own long password');
    await page.getByRole('button', { name: 'Set password' }).click();
    expect(await heading()).toBe('Sign in');
    expect(await textOf(page.getByText('Your password has been set'))).toBeTruthy();
    await expectNoAxeViolations(page);
    await page.getByLabel('Email address').fill(newcomer.email);
    await page.getByLabel('Password').fill('my own long password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBeGreaterThan(0);
    await page.goto(`${base}/set-password?token=${token}`);
    expect(await heading()).toBe('This link cannot be used');
    expect(await textOf(page.locator('#link-problem'))).toContain('already been used');
    await expectNoAxeViolations(page);
  }, 120_000);

  it('adds and edits a partner', async () => {
    await page.goto(`${base}/partners`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add a partner' }).click();
    await page.getByLabel('Name').fill('Northshire NHS Trust');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await alert()).toContain('Select the kind of partner');
    await expectNoAxeViolations(page);
    await page.getByLabel('NHS', { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading()).toBe('Northshire NHS Trust');
    expect(await textOf(page.getByText('No plan items name this partner yet'))).toBeTruthy();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Edit partner' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Description (optional)').fill('Acute and community health services');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByText('Acute and community health services'))).toBeTruthy();
  }, 120_000);

  it('adds a governance body and a member', async () => {
    await page.goto(`${base}/governance-bodies`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add a governance body' }).click();
    await page.getByLabel('Name').fill('Overview and Scrutiny');
    await page.getByLabel('Scrutiny', { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await alert()).toContain('Select at least one thing the body does');
    await expectNoAxeViolations(page);
    await page.getByLabel('Scrutinises performance').check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading()).toBe('Overview and Scrutiny');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add member' }).click();
    expect(await alert()).toContain('Select a person');
    await expectNoAxeViolations(page);
    await page.getByLabel('Person').selectOption({ index: 1 });
    await page.getByLabel('Chair', { exact: true }).check();
    await page.getByRole('button', { name: 'Add member' }).click();
    expect(await textOf(page.getByText('added as chair'))).toBeTruthy();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Edit body' }).click();
    await expectNoAxeViolations(page);
  }, 120_000);

  it('adds a cabinet portfolio covering a unit', async () => {
    await page.goto(`${base}/portfolios`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add a portfolio' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await alert()).toContain('Enter a name');
    await expectNoAxeViolations(page);
    await page.getByLabel('Portfolio name').fill('Resources');
    await page.getByLabel(/Test Borough Council/).check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading()).toBe('Resources');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Edit portfolio' }).click();
    await expectNoAxeViolations(page);
  }, 120_000);

  it('creates an API token shown once, and revokes it', async () => {
    await page.goto(`${base}/account/api-tokens`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Create token' }).click();
    expect(await alert()).toContain('Enter a name for the token');
    await expectNoAxeViolations(page);
    await page.getByLabel('Token name').fill('Reporting');
    await page.getByLabel('Read only').check();
    await page.getByLabel('90 days').check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await textOf(page.locator('#new-token'));
    expect(token.length).toBeGreaterThan(30);
    await expectNoAxeViolations(page);
    const response = await fetch(`${base}/api/v1/units`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    await page.getByRole('button', { name: 'Revoke Reporting' }).click();
    expect(await textOf(page.getByText('no longer works'))).toBeTruthy();
    await expectNoAxeViolations(page);
  }, 120_000);

  it('sets up a second factor, shows your sessions, the sign-in rules and the forgotten-password page', async () => {
    await page.goto(`${base}/account/second-factor`);
    expect(await heading()).toBe('Your second factor');
    await page.getByRole('button', { name: 'Set up a second factor' }).click();
    const secret = await textOf(page.locator('#totp-secret'));
    await expectNoAxeViolations(page);
    await page.getByLabel('The 6-digit code your app shows now').fill(totp(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on' }).click();
    expect(await page.locator('#recovery-codes li').count()).toBe(10);
    await expectNoAxeViolations(page);

    await page.goto(`${base}/account/sessions`);
    expect(await heading()).toBe('Your sessions');
    expect(await textOf(page.getByRole('cell', { name: 'This session' }))).toBe('This session');
    await expectNoAxeViolations(page);

    await page.goto(`${base}/council/sign-in-settings`);
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByText('Sign-in rules saved'))).toBeTruthy();
    await expectNoAxeViolations(page);

    await page.goto(`${base}/forgot-password`);
    await page.getByRole('button', { name: 'Send the link' }).click();
    expect(await alert()).toContain('Enter your email address');
    await expectNoAxeViolations(page);
  }, 120_000);
});
