import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { PerformancePage } from '../../../../test/helpers/pages/performance-pages.ts';
import { buildFixture, type Fixture, today } from '../../../../test/helpers/performance-fixtures.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

// The tests only read the fixture, so they share it; each has its own browser context and session.
describe('performance pages', () => {
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

  async function viewerPage(): Promise<PerformancePage> {
    await signInAs(browser.page, base, await t.as('viewer'));
    return new PerformancePage(browser.page, base);
  }

  it('shows the corporate dashboard with every status in words', async () => {
    const dashboard = await (await viewerPage()).openDashboard();
    expect(await dashboard.heading()).toBe('Performance dashboard');
    expect(await dashboard.section('#overall-counts')).toContain('2 green, 0 amber, 1 red, 1 overdue, 1 no target');
    const priorities = await dashboard.section('#priorities');
    expect(priorities).toContain('Thriving places');
    expect(priorities).toContain('Red');
    expect(await dashboard.section('#worst-performers')).toContain('M1 Measure M1');
    expect(await textOf(browser.page.getByRole('link', { name: 'Performance', exact: true }))).toBe('Performance');
    await dashboard.expectAccessible();
  });

  it('shows framework health per unit against the risk appetite', async () => {
    const health = await (await viewerPage()).openHealth();
    expect(await health.heading()).toBe('Framework health');
    const council = await health.section('#health-council');
    expect(council).toContain('1 of 2 (50%)');
    expect(council).toContain('Outside appetite');
    await browser.page.getByText('How each figure is worked out').click();
    await health.expectAccessible();
  });

  it('shows the roll-up on an item page and a plan page', async () => {
    const pages = await viewerPage();
    await pages.openItem(f.items.p1);
    const rollup = await pages.rollup();
    expect(rollup).toContain('Overall status: Red');
    expect(rollup).toContain('1 green, 0 amber, 1 red');
    expect(rollup).toContain('O2 Cleaner streets');
    await pages.expectAccessible();
    await pages.openPlan(f.planId);
    expect(await pages.rollup()).toContain('0 green, 0 amber, 1 red, 1 overdue');
    await pages.expectAccessible();
  });

  it("shows a measure's performance (chart, data table, forecast) on its page without accessibility faults", async () => {
    const measure = await (await viewerPage()).openMeasure(f.m.m1);
    expect(await measure.heading()).toContain('Measure M1');
    const table = await measure.chartData();
    expect(table).toContain('2025/26 Q2');
    expect(table).toContain('62.1%');
    expect(await measure.measurePerformance()).toContain('Red');
    await measure.expectAccessible();
  });
});
