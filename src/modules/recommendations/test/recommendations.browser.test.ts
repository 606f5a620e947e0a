import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { governanceBodies } from '../../../schema.ts';

// Every page of the register, in one journey, each checked with axe: add a report and a
// recommendation, record the response, revise the due date with the audit committee's minute,
// move it on, close it with evidence, then the register's filters, the import page and the
// escalation rule.
describe('recommendation pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let officer: Agent;
  let page: Page;
  let base: string;

  const heading = () => textOf(page.getByRole('heading', { level: 1 }));
  const alert = () => textOf(page.locator('.govuk-error-summary'));
  const fillDate = async (legend: string, day: string, month: string, year: string) => {
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill(month);
    await group.getByLabel('Year').fill(year);
  };

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => new Date('2026-03-15T10:00:00Z') });
    base = await t.listen();
    officer = await t.as('performance-officer');
    await t.deps.database.db
      .insert(governanceBodies)
      .values({ organisationId: t.org.id, name: 'Audit Committee', kind: 'committee', frameworkRoles: ['receives'] });
  });
  beforeEach(async () => {
    page = browser.page;
    await signInAs(page, base, officer);
  });
  afterAll(async () => {
    await t?.close();
  }, 120_000);

  it('takes a recommendation from its report to closure, every page accessible', async () => {
    await page.goto(`${base}/recommendations`);
    expect(await heading()).toBe('Register of recommendations');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Reports' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add a report' }).click();
    await page.getByRole('button', { name: 'Save report' }).click();
    expect(await alert()).toContain('Select where the report came from');
    await expectNoAxeViolations(page);
    await page.getByLabel('Internal audit').check();
    await page.getByLabel('Title').fill('Data quality of performance indicators');
    await fillDate('Date of the report', '1', '9', '2025');
    await page.getByRole('button', { name: 'Save report' }).click();
    expect(await heading()).toBe('Data quality of performance indicators');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Add a recommendation from this report' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Reference (optional)').fill('R1');
    await page.getByLabel('Recommendation', { exact: true }).fill('Document how each indicator is calculated');
    await page.getByLabel('High').check();
    await page.getByLabel('Owner').selectOption({ index: 1 });
    await fillDate('Due date (optional)', '1', '8', '2025');
    await page.getByRole('button', { name: 'Save recommendation' }).click();
    expect(await alert()).toContain('on or after the report’s date');
    await expectNoAxeViolations(page);
    await fillDate('Due date (optional)', '31', '1', '2026');
    await page.getByRole('button', { name: 'Save recommendation' }).click();
    expect(await heading()).toBe('Recommendation R1');
    expect(await textOf(page.locator('.govuk-tag--red'))).toBe('Overdue');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Record the council’s response' }).click();
    await page.getByLabel('Rejected').check();
    await page.getByRole('button', { name: 'Save response' }).click();
    expect(await alert()).toContain('Enter why the recommendation was rejected');
    await expectNoAxeViolations(page);
    await page.getByLabel('Accepted', { exact: true }).check();
    await page.getByRole('button', { name: 'Save response' }).click();
    expect(await textOf(page.getByText('Response recorded', { exact: true }))).toBeTruthy();

    await page.getByRole('link', { name: 'Revise the due date' }).click();
    await fillDate('New due date', '30', '6', '2026');
    await page.getByLabel('Committee').selectOption({ label: 'Audit Committee' });
    await page.getByRole('button', { name: 'Save new due date' }).click();
    expect(await alert()).toContain('Enter the reason for the new due date');
    await expectNoAxeViolations(page);
    await page.getByLabel('Reason for the new date').fill('The new performance system goes live in May');
    await page.getByLabel('Decision reference').fill('Minute 42/26');
    await page.getByRole('button', { name: 'Save new due date' }).click();
    expect(await textOf(page.getByRole('cell', { name: 'Audit Committee, Minute 42/26' }))).toBeTruthy();

    await page.getByRole('link', { name: 'Update the status' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Implemented').check();
    await page.getByRole('button', { name: 'Save status' }).click();
    expect(await textOf(page.getByText('Status updated', { exact: true }))).toBeTruthy();

    await page.getByRole('link', { name: 'Close it with evidence' }).click();
    await page.getByRole('button', { name: 'Close recommendation' }).click();
    expect(await alert()).toContain('Enter the evidence');
    await expectNoAxeViolations(page);
    await page
      .getByLabel('Evidence that it has been dealt with')
      .fill('Definitions published; checked by internal audit');
    await page.getByRole('button', { name: 'Close recommendation' }).click();
    expect(await textOf(page.getByText('Recommendation closed', { exact: true }))).toBeTruthy();
    expect(await page.getByRole('link', { name: 'Revise the due date' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.goto(`${base}/recommendations`);
    await page.getByLabel('Status').selectOption('closed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await textOf(page.getByRole('link', { name: /R1: Document how/ }))).toBeTruthy();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Import recommendations' }).click();
    expect(await heading()).toBe('Import recommendations');
    await page.getByRole('button', { name: 'Import' }).click();
    expect(await alert()).toContain('Choose a CSV or Excel file');
    await expectNoAxeViolations(page);

    await page.goto(`${base}/recommendations/settings`);
    await page.getByLabel('Days overdue before escalation').fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await alert()).toContain('Enter at least 1 day');
    await expectNoAxeViolations(page);
    await page.getByLabel('Days overdue before escalation').fill('21');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByText('Escalation rule saved', { exact: true }))).toBeTruthy();
  }, 180_000);
});
