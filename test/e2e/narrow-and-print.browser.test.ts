import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, useBrowser } from '../helpers/browser.ts';
import { buildFixture, type Fixture, today } from '../helpers/performance-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The pages people read most, as they read them on a phone (375 px wide) and on paper: nothing
// pushes the page sideways, and print leaves out the service's controls but keeps the data.
describe('the measure page, the dashboard and the audit trail at 375 px and in print', () => {
  const browser = useBrowser();
  let t: TestApp;
  let f: Fixture;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => today });
    f = await buildFixture(t);
    await t.deps.services.performance.recompute(t.deps.database.db, t.org.id, 'all');
    base = await t.listen();
  });
  afterAll(async () => {
    await t?.close();
  });

  const pages = () => [
    { name: 'measure page', url: `${base}/measures/${f.m.m1}` },
    { name: 'dashboard', url: `${base}/performance` },
    { name: 'audit trail', url: `${base}/audit` },
  ];

  // Evaluated in the page (as strings: the project's types have no DOM).
  /** How far the page is wider than the window: 0 when nothing overflows sideways. */
  const sidewaysOverflow = (page: Page) =>
    page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

  /** The elements reaching past the window's right edge outside a scrolling region, to say what overflowed. */
  const widest = (page: Page) =>
    page.evaluate<string>(`[...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((element) => !element.parentElement?.closest('.app-table-scroll, .app-chart__scroll'))
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + '.' + String(element.className))
      .join(', ')`);

  it('fits a 375 px phone without sideways scrolling of the page, and passes axe there', async () => {
    const page = browser.page;
    await signInAs(page, base, await t.as('administrator'));
    await page.setViewportSize({ width: 375, height: 812 });
    for (const { name, url } of pages()) {
      await page.goto(url);
      if (name === 'measure page') {
        // A deep page says where it sits: breadcrumbs (collapsed to the parent on a phone), not only Back.
        const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
        expect(await trail.getByRole('link', { name: 'Measures' }).isVisible()).toBe(true);
      }
      expect(await sidewaysOverflow(page), `${name}: ${await widest(page)}`).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    }
  });

  it('prints the content and its data tables, without the navigation, footer or buttons', async () => {
    const page = browser.page;
    await signInAs(page, base, await t.as('administrator'));
    await page.setViewportSize({ width: 1024, height: 800 });
    for (const { name, url } of pages()) {
      await page.goto(url);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.govuk-service-navigation').isVisible(), name).toBe(false);
      expect(await page.locator('.govuk-footer').isVisible(), name).toBe(false);
      expect(await page.locator('main h1').isVisible(), name).toBe(true);
      // Every table is readable on paper, including a chart's table folded inside "details".
      const tables = page.locator('main table');
      const count = await tables.count();
      for (let index = 0; index < count; index += 1) {
        expect(await tables.nth(index).isVisible(), `${name}: table ${index + 1}`).toBe(true);
      }
      await page.emulateMedia({ media: 'screen' });
    }
    // The measure page has a chart table folded away on screen: print is where it opens.
    await page.goto(pages()[0]!.url);
    const folded = page.locator('main details:not([open]) table').first();
    expect(await folded.count()).toBe(1);
    expect(await folded.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await folded.isVisible()).toBe(true);
  });
});
