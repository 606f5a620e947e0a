import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { quarterly, today } from '../../../../test/helpers/performance-fixtures.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { measureStatuses } from '../../../schema.ts';

// The report's pages in one journey, each checked with axe: the definitions, the report settings
// refused and saved, a definition's form
// refused and saved, the draft with its chart and tables, the gate, issuing, and the issued report
// with its revisions. What each page shows in detail is in the route and integration tests.
describe('report pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let officer: Agent;
  let page: Page;
  let base: string;

  const heading = () => textOf(page.getByRole('heading', { level: 1 }));

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => today });
    base = await t.listen();
    officer = await t.as('performance-officer');
    const m1 = await quarterly(t, t.org, 'M1', null, true, [70, 71, 72, 73, 74, 75]);
    await t.deps.database.db.insert(measureStatuses).values([
      { organisationId: t.org.id, measureId: m1.id, periodKey: '2025-26-Q1', rag: 'amber', value: 68, targetValue: 70 },
      {
        organisationId: t.org.id,
        measureId: m1.id,
        periodKey: '2025-26-Q2',
        rag: 'green',
        value: 75,
        targetValue: 70,
        directionPrevious: 'improving',
      },
    ]);
  });
  beforeEach(async () => {
    page = browser.page;
    await signInAs(page, base, officer);
  });
  afterAll(async () => {
    await t?.close();
  }, 120_000);

  it('defines a report, previews its draft, passes the gate, issues it and reads it back, every page accessible', async () => {
    await page.goto(`${base}/reports`);
    expect(await heading()).toBe('Report definitions');
    await expectNoAxeViolations(page);

    // The council's report settings: a blank margin is refused against its field, a good one saved.
    await page.getByRole('link', { name: 'Report settings: the exception margin' }).click();
    await page.getByLabel('Exception margin (percentage of the target)').fill('');
    await page.getByRole('button', { name: 'Save the report settings' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('The exception margin must be a whole number');
    await expectNoAxeViolations(page);
    await page.getByLabel('Exception margin (percentage of the target)').fill('15');
    await page.getByRole('button', { name: 'Save the report settings' }).click();
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Report settings saved');
    await page.goto(`${base}/reports`);

    await page.getByRole('button', { name: 'Add a report definition' }).click();
    await page.getByLabel('Title').fill('');
    await page.getByRole('button', { name: 'Save report definition' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter a title for the report definition');
    await expectNoAxeViolations(page);
    await page.getByLabel('Title').fill('Quarterly report to Cabinet');
    await page.getByRole('button', { name: 'Save report definition' }).click();
    expect(await heading()).toBe('Quarterly report to Cabinet');
    await expectNoAxeViolations(page);

    await page.getByLabel('Period').fill('2025-26-Q2');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(await heading()).toBe('Draft for 2025/26 Q2');
    expect(await textOf(page.locator('#what-changed ul'))).toContain('M1 Measure M1 moved from Amber to Green.');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Check the exception gate' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Issue the report' }).click();
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Report issued as revision 1');
    expect(await textOf(page.locator('.govuk-table').last())).toContain('First issue');
    await expectNoAxeViolations(page);
  });
});
