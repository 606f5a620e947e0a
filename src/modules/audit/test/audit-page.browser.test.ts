import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

// The trail is written once and only read; each test signs an auditor in in its own browser context.
describe('audit trail page', () => {
  const browser = useBrowser();
  let t: TestApp;
  let base: string;

  async function auditorPage(): Promise<Page> {
    await signInAs(browser.page, base, await t.as('internal-auditor'));
    return browser.page;
  }

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
    // A real trail: a unit added, then renamed, through the API.
    const admin = await t.as('administrator');
    const unit = { code: 'PARKS', name: 'Parks', kind: 'service', parentId: null, headPersonId: null };
    const id = (await admin.api('POST', '/api/v1/units', unit)).json().id as string;
    await admin.api('PUT', `/api/v1/units/${id}`, { ...unit, name: 'Parks and open spaces' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows an auditor the changes, newest first, readably and accessibly', async () => {
    const page = await auditorPage();
    await page.goto(`${base}/audit`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Audit trail');
    const firstRow = page.locator('tbody tr').first();
    expect(await textOf(firstRow)).toContain('Name: Parks → Parks and open spaces');
    expect(await textOf(page.locator('tbody tr').nth(1))).toContain('Name: Parks');
    await expectNoAxeViolations(page);
    // The record is named, not shown by its id.
    expect(await textOf(firstRow.getByRole('link'))).toContain('Parks and open spaces');
    await firstRow.getByRole('link').click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Parks and open spaces');
  });

  it('filters without JavaScript through the GET form, and explains a bad date', async () => {
    const page = await auditorPage();
    await page.goto(`${base}/audit`);
    await page.getByLabel('What changed').selectOption('unit');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(page.url()).toContain('entityType=unit');
    expect(await textOf(page.getByRole('status'))).toMatch(/of 2 events/);
    await expectNoAxeViolations(page);
    // Dates go in the GOV.UK day, month and year boxes, not the browser's own picker.
    const from = page.getByRole('group', { name: 'From' });
    await from.getByLabel('Day').fill('30');
    await from.getByLabel('Month').fill('2');
    await from.getByLabel('Year').fill('2025');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('The date to start from must be a real date');
    expect(await page.locator('#from-day').inputValue()).toBe('30');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'The date to start from must be a real date' }).click();
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('from-day');
  });
});
