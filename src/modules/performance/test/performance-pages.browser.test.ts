import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewEnvironment } from '../../../platform/http/views.ts';
import { withChart } from '../web/measure-performance.presenter.ts';
import { paths } from '../../../kernel/paths.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  signInThroughPage,
  textOf,
} from '../../../../test/helpers/browser.ts';
import { buildFixture, type Fixture, today } from '../../../../test/helpers/performance-fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/helpers/test-app.ts';

describe('performance pages', () => {
  let t: TestApp;
  let f: Fixture;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => today });
    f = await buildFixture(t);
    await t.deps.services.performance.recompute(t.deps.database.db, t.org.id, 'all');
    base = await t.listen();
    browser = await launchBrowser();
    page = await newPage(browser);
    const viewer = await t.as('viewer');
    await signInThroughPage(page, base, viewer.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the corporate dashboard with every status in words', async () => {
    await page.goto(`${base}/performance`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Performance dashboard');
    expect(await textOf(page.locator('#overall-counts'))).toContain('2 green, 0 amber, 1 red, 1 overdue, 1 no target');
    const priorities = await textOf(page.locator('#priorities'));
    expect(priorities).toContain('Thriving places');
    expect(priorities).toContain('Red');
    expect(await textOf(page.locator('#worst-performers'))).toContain('M1 Measure M1');
    expect(await textOf(page.getByRole('link', { name: 'Performance', exact: true }))).toBe('Performance');
    await expectNoAxeViolations(page);
  });

  it('shows framework health per unit against the risk appetite', async () => {
    await page.goto(`${base}/performance/health`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Framework health');
    const council = await textOf(page.locator('#health-council'));
    expect(council).toContain('1 of 2 (50%)');
    expect(council).toContain('Outside appetite');
    await page.getByText('How each figure is worked out').click();
    await expectNoAxeViolations(page);
  });

  it('shows the roll-up on an item page and a plan page', async () => {
    await page.goto(`${base}${paths.item(f.items.p1)}`);
    const rollup = await textOf(page.locator('.app-rollup'));
    expect(rollup).toContain('Overall status: Red');
    expect(rollup).toContain('1 green, 0 amber, 1 red');
    expect(rollup).toContain('O2 Cleaner streets');
    await expectNoAxeViolations(page);
    await page.goto(`${base}${paths.plan(f.planId)}`);
    expect(await textOf(page.locator('.app-rollup'))).toContain('0 green, 0 amber, 1 red, 1 overdue');
    await expectNoAxeViolations(page);
  });

  it("renders a measure's performance partial (chart, data table, forecast) without accessibility faults", async () => {
    const viewer = await t.as('viewer');
    const caller = {
      kind: 'person' as const,
      personId: viewer.personId,
      organisationId: t.org.id,
      name: 'Viewer',
      partnerId: null,
      grants: [{ role: 'viewer' as const, unitId: null }],
    };
    const perf = await t.deps.services.performanceViews.measurePerformance(caller, f.m.m1);
    if (!perf.ok) throw new Error(perf.error.message);
    // The measure page belongs to the measures engineer; the partial is checked inside the layout.
    const html = createViewEnvironment([fileURLToPath(new URL('../web/views', import.meta.url))]).renderString(
      `{% extends "layouts/base.njk" %}{% from "components/measure-performance.njk" import measurePerformance %}
       {% block pageContent %}<h1 class="govuk-heading-l">M1</h1>{{ measurePerformance(perf) }}{% endblock %}`,
      { perf: withChart(perf.value), title: 'M1', serviceName: 'Golden Thread', navigation: [], paths },
    );
    await page.goto(`${base}/performance`);
    await page.setContent(html, { waitUntil: 'load' });
    await page.getByText('Show the data').click();
    const table = await textOf(page.locator('.app-spc-data table'));
    expect(table).toContain('2025/26 Q2');
    expect(table).toContain('62.1%');
    expect(await textOf(page.locator('.app-measure-performance'))).toContain('Red');
    await expectNoAxeViolations(page);
  });
});
