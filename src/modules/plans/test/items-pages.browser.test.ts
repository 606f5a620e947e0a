import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, signInThroughPage, textOf } from '../../../../test/helpers/browser.ts';
import { type Cascade, insertCascade, insertPartner } from '../../../../test/helpers/items-fixtures.ts';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/helpers/test-app.ts';

describe('plan item pages', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let cascade: Cascade;
  let admin: Agent;
  const ids: Record<string, string> = {};

  async function item(
    code: string,
    plan: keyof Cascade['plans'],
    type: keyof Cascade['framework']['itemTypes'],
    parent?: string,
  ) {
    const response = await admin.api('POST', '/api/v1/items', {
      planId: cascade.plans[plan],
      itemTypeId: cascade.framework.itemTypes[type],
      parentItemId: parent ? ids[parent] : null,
      code,
      title: `${code} title`,
      ownerUnitId: t.org.rootUnitId,
      ownerPersonId: null,
      partnerIds: [],
      throughPartnership: false,
    });
    expect(response.statusCode, response.body).toBe(201);
    ids[code] = response.json().id;
  }

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
    cascade = await insertCascade(t.deps.database.db, t.org.id, t.org.rootUnitId);
    await insertPartner(t.deps.database.db, t.org.id, 'Integrated Care Board');
    admin = await t.as('administrator');
    await item('V', 'community', 'vision');
    await item('P1', 'community', 'priority', 'V');
    await item('C1', 'corporate', 'priority');
    expect(
      (await admin.api('POST', `/api/v1/items/${ids.C1}/links`, { toItemId: ids.P1, kind: 'direct' })).statusCode,
    ).toBe(201);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signInThroughPage(page, base, admin.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('adds an item through the form, explaining mistakes first', async () => {
    await page.goto(`${base}/plans/${cascade.plans.service}/items/new`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Add an item');
    await expectNoAxeViolations(page);
    await page.getByLabel('Title').fill('Recycle more');
    await page.getByRole('button', { name: 'Save item' }).click();
    const alert = await textOf(page.getByRole('alert'));
    expect(alert).toContain('Select the type of item');
    expect(alert).toContain('Enter a code');
    expect(await page.getByLabel('Title').inputValue()).toBe('Recycle more');
    await expectNoAxeViolations(page);
    await page.getByLabel('Type of item').selectOption({ label: 'Objective' });
    await page.getByLabel('Code').fill('S1');
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Test Borough Council' });
    await page.getByLabel('Integrated Care Board').check();
    await page.getByRole('button', { name: 'Save item' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('S1 Recycle more');
    expect(await textOf(page.getByText('Item S1 added'))).toBeTruthy();
    ids.S1 = page.url().split('/').pop()!;
    await expectNoAxeViolations(page);
  });

  it('links the item to the corporate plan and shows its line of sight to the vision', async () => {
    await page.goto(`${base}/items/${ids.S1}/links`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Contribution links');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add link' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Select the item this contributes to');
    await expectNoAxeViolations(page);
    await page.getByLabel('Contributes to').selectOption({ label: 'C1 C1 title (Priority)' });
    await page.getByLabel('Contributes indirectly').check();
    await page.getByRole('button', { name: 'Add link' }).click();
    expect(await textOf(page.getByText('Contribution link added'))).toBeTruthy();
    expect(await textOf(page.getByRole('table'))).toContain('C1 C1 title');
    await expectNoAxeViolations(page);

    await page.goto(`${base}/items/${ids.S1}`);
    const up = page.locator('[data-direction="up"]');
    expect(await textOf(up)).toContain('Contributes indirectly to');
    const chain = await up.getByRole('link').allInnerTexts();
    expect(chain.filter((text) => /title$/.test(text))).toEqual(['C1 C1 title', 'P1 P1 title', 'V V title']);
    await expectNoAxeViolations(page);
  });

  it('edits the item', async () => {
    await page.goto(`${base}/items/${ids.S1}`);
    await page.getByRole('button', { name: 'Edit item' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Edit item');
    expect(await page.getByLabel('Integrated Care Board').isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByLabel('Title').fill('Recycle much more');
    await page.getByLabel('Delivered through a partnership').check();
    await page.getByRole('button', { name: 'Save item' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('S1 Recycle much more');
    expect(await textOf(page.getByText('Item updated'))).toBeTruthy();
    await expectNoAxeViolations(page);
  });

  it('shows the line of sight down from the vision', async () => {
    await page.goto(`${base}/items/${ids.V}`);
    const down = page.locator('[data-direction="down"]');
    const text = await textOf(down);
    expect(text).toContain('P1 title');
    expect(text).toContain('C1 title');
    expect(text).toContain('S1 Recycle much more');
    expect(text.indexOf('P1 title')).toBeLessThan(text.indexOf('S1 Recycle much more'));
    await expectNoAxeViolations(page);
  });
});
