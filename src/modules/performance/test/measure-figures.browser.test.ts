import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureValues } from '../../../schema.ts';
import { paths } from '../../../kernel/paths.ts';
import { signInAs } from '../../../../test/helpers/browser.ts';
import { useBrowser } from '../../../../test/helpers/browser.ts';
import { MeasureFiguresPage } from '../../../../test/helpers/pages/measure-figures-pages.ts';
import { ImportsPage } from '../../../../test/helpers/pages/measure-pages.ts';
import { quarterly, today } from '../../../../test/helpers/performance-fixtures.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

const COMMENTARY = 'Staff shortages in the reablement team; a recovery plan was agreed in October';

describe('a measure’s figures with their state and commentary, in the browser', () => {
  const browser = useBrowser();
  let t: TestApp;
  let base: string;
  let red: string;
  let waiting: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => today });
    const db = t.deps.database.db;
    red = (await quarterly(t, t.org, 'FIG-RED', null, true, [70, 72, 71, 69, 66, 55])).id;
    waiting = (await quarterly(t, t.org, 'FIG-WAIT', null, false, [70, 72, 71, 73, 74, 99])).id;
    const note = (measureId: string, set: Partial<typeof measureValues.$inferInsert>) =>
      db
        .update(measureValues)
        .set(set)
        .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, '2025-26-Q2')));
    await note(red, { commentary: COMMENTARY });
    await note(waiting, { status: 'submitted', quality: 'provisional', commentary: 'Awaiting audit' });
    await t.deps.services.performance.recompute(db, t.org.id, 'all');
    base = await t.listen();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function pageAs(role: 'viewer' | 'performance-officer'): Promise<MeasureFiguresPage> {
    await signInAs(browser.page, base, await t.as(role));
    return new MeasureFiguresPage(browser.page, base);
  }

  it('shows the period-by-period table and the chart’s marking without accessibility faults', async () => {
    await browser.page.setViewportSize({ width: 1280, height: 900 });
    const measure = await (await pageAs('viewer')).openMeasure(waiting);
    const figures = await measure.periodFigures();
    expect(figures).toContain('2025/26 Q2');
    expect(figures).toContain('Awaiting audit');
    expect(figures).toContain('Provisional');
    expect(figures).toContain('Not yet official');
    expect(await measure.chartData()).toContain('Hollow point: not yet official (Submitted)');
    await measure.expectAccessible();
  });

  it('fits a 375 px screen: the wide table scrolls in its own labelled, focusable region', async () => {
    await browser.page.setViewportSize({ width: 375, height: 800 });
    const measure = await (await pageAs('viewer')).openMeasure(red);
    expect(await measure.periodFigures()).toContain(COMMENTARY);
    expect(await measure.pageOverflow()).toBeLessThanOrEqual(0);
    expect(await measure.regionScrolls()).toBe(true);
    await measure.figuresRegion().focus();
    expect(await measure.focusedRole()).toBe('region');
    await measure.expectAccessible();
  });

  it('shows the commentary of red and amber rows on the dashboard', async () => {
    await browser.page.setViewportSize({ width: 1280, height: 900 });
    const dashboard = await (await pageAs('viewer')).openDashboard();
    expect(await dashboard.section('#worst-performers')).toContain(`Commentary: ${COMMENTARY}`);
    await dashboard.expectAccessible();
  });

  it('warns, after saving, that a target above the upper process limit cannot be met', async () => {
    await browser.page.setViewportSize({ width: 1280, height: 900 });
    const measure = await (await pageAs('performance-officer')).openMeasure(red);
    await measure.setTarget('2026-27', '95');
    const notice = await measure.notification();
    expect(notice).toMatch(
      /Target set\. A target of 95\.0% is above the upper process limit of [\d.]+%: it cannot be met without changing the process/,
    );
    await measure.expectAccessible();
  });

  it('marks a figure not yet official on its entry page', async () => {
    await browser.page.setViewportSize({ width: 1280, height: 900 });
    const entry = await (await pageAs('performance-officer')).visit(paths.valueEntry(waiting, '2025-26-Q2'));
    expect(await entry.shows(/Not yet official: the council counts a figure once it is verified/)).toContain(
      'provisional',
    );
    await entry.expectAccessible();
  });

  it('lists the targets an import accepted with a warning, by line', async () => {
    await browser.page.setViewportSize({ width: 1280, height: 900 });
    await signInAs(browser.page, base, await t.as('performance-officer'));
    const imports = await new ImportsPage(browser.page, base).open();
    await imports.paste('Targets', 'measureCode,kind,financialYear,value\nFIG-RED,annual,2027-28,95\n');
    await imports.press('Import');
    const warnings = await imports.section('#import-warnings');
    expect(warnings).toMatch(/2\s+value\s+Target accepted: A target of 95\.0% is above the upper process limit/);
    await imports.expectAccessible();
  });
});
