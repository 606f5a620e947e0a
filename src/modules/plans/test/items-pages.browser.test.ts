import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { type Cascade, insertCascade, insertPartner } from '../../../../test/helpers/items-fixtures.ts';
import { type Agent, createTestApp, type TestApp, type TestOrganisation } from '../../../../test/helpers/test-app.ts';

// Each test has its own organisation (the cascade V → P1 ← C1) and its own browser context.
describe('plan item pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let page: Page;
  let base: string;
  let organisation: TestOrganisation;
  let cascade: Cascade;
  let admin: Agent;
  let partnerId: string;
  let ids: Record<string, string>;

  async function item(
    code: string,
    plan: keyof Cascade['plans'],
    type: keyof Cascade['framework']['itemTypes'],
    parent?: string,
    extra: Record<string, unknown> = {},
  ) {
    const response = await admin.api('POST', '/api/v1/items', {
      planId: cascade.plans[plan],
      itemTypeId: cascade.framework.itemTypes[type],
      parentItemId: parent ? ids[parent] : null,
      code,
      title: `${code} title`,
      ownerUnitId: organisation.rootUnitId,
      ownerPersonId: null,
      partnerIds: [],
      throughPartnership: false,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    ids[code] = response.json().id;
  }

  /** S1, as the first test adds it through the form (with the title given), linked to C1 when asked. */
  async function serviceObjective(title: string, linkedIndirectlyToC1 = false) {
    await item('S1', 'service', 'objective', undefined, { title, partnerIds: [partnerId] });
    if (linkedIndirectlyToC1) {
      const link = await admin.api('POST', `/api/v1/items/${ids.S1}/links`, { toItemId: ids.C1, kind: 'indirect' });
      expect(link.statusCode, link.body).toBe(201);
    }
  }

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
  });
  beforeEach(async () => {
    ids = {};
    organisation = await t.createOrganisation('Test Borough Council');
    cascade = await insertCascade(t.deps.database.db, organisation.id, organisation.rootUnitId);
    partnerId = await insertPartner(t.deps.database.db, organisation.id, 'Integrated Care Board');
    admin = await t.as('administrator', { organisation });
    await item('V', 'community', 'vision');
    await item('P1', 'community', 'priority', 'V');
    await item('C1', 'corporate', 'priority');
    expect(
      (await admin.api('POST', `/api/v1/items/${ids.C1}/links`, { toItemId: ids.P1, kind: 'direct' })).statusCode,
    ).toBe(201);
    page = browser.page;
    await signInAs(page, base, admin);
  });
  afterAll(async () => {
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
    await expectNoAxeViolations(page);
  });

  it('links the item to the corporate plan and shows its line of sight to the vision', async () => {
    await serviceObjective('Recycle more');
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
    await serviceObjective('Recycle more');
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
    await serviceObjective('Recycle much more', true);
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
