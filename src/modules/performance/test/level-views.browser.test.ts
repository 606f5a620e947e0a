import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { GovukPage } from '../../../../test/helpers/pages/govuk-page.ts';
import { buildFixture, type Fixture, today } from '../../../../test/helpers/performance-fixtures.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

// A directorate's dashboard, the filtered measure list it links to and the overdue returns, with
// axe, at desktop width and on a 375 px screen (where nothing may widen the page).
describe('views for every level', () => {
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

  const overflow = () => browser.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

  for (const width of [1280, 375]) {
    it(`goes from a directorate's dashboard to the red measures behind its count, and to the overdue returns, at ${width} px`, async () => {
      await browser.page.setViewportSize({ width, height: 900 });
      await signInAs(browser.page, base, await t.as('performance-officer'));
      const page = new GovukPage(browser.page, base);
      await page.visit(`/performance/units/${f.unitA}`);
      expect(await page.heading()).toBe('Performance of Unit DIRA');
      expect(await page.section('#overall-counts')).toContain('2 measures: 1 green, 0 amber, 1 red');
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.expectAccessible();

      // The period picker works without JavaScript: a GET form.
      await page.field('Period').selectOption('2025-26-Q1');
      await page.press('Show');
      await browser.page.waitForURL(/period=2025-26-Q1/);

      await page.visit(`/performance/units/${f.unitA}`);
      await browser.page.locator('#status-tiles').getByRole('link', { name: /Red/ }).click();
      await browser.page.waitForURL(/\/performance\/measures\?status=red/);
      expect(await page.section('#measure-count')).toContain('1 of 2 measures in this view');
      expect(await textOf(browser.page.locator('#measures'))).toContain('M1 Measure M1');
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.expectAccessible();

      // Adding a filter in the form keeps the others (the query string).
      await browser.page.getByLabel('Key measures only').check();
      await page.press('Apply filters');
      await browser.page.waitForURL(/key=true/);
      expect(await page.section('#measure-count')).toContain('1 of 2 measures in this view');

      await page.visit('/performance/overdue-returns');
      expect(await page.heading()).toBe('Overdue returns');
      expect(await textOf(browser.page.locator('#overdue-returns'))).toContain('M4 Measure M4');
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.expectAccessible();
    });
  }
});
