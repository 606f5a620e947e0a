import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { insertProjectWorld, type ProjectWorld } from './projects-fixtures.ts';

// Every project and programme page, in Chromium, each checked with axe; generous time limits on a
// shared machine. The records are made through the API; the pages are used as a person would.
describe('project and programme pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let admin: Agent;
  let world: ProjectWorld;
  let page: Page;
  let base: string;
  let projectId: string;

  const heading = () => textOf(page.getByRole('heading', { level: 1 }));
  const alert = () => textOf(page.locator('.govuk-error-summary'));
  const fillDate = async (name: string, iso: string) => {
    const [year, month, day] = iso.split('-');
    await page.locator(`#${name}-day`).fill(String(Number(day)));
    await page.locator(`#${name}-month`).fill(String(Number(month)));
    await page.locator(`#${name}-year`).fill(year!);
  };

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
    admin = await t.as('administrator');
    world = await insertProjectWorld(t.deps.database.db, t.org.id, t.org.rootUnitId);
    const created = await admin.api('POST', '/api/v1/projects', {
      code: 'CAP-1',
      title: 'New leisure centre',
      planId: world.planId,
      itemIds: [world.itemIds[0]],
      sponsorPersonId: world.sponsorId,
      managerPersonId: world.managerId,
      boardId: world.boardId,
      startDate: '2026-04-01',
      endDate: '2028-03-31',
      budget: '12500000',
    });
    projectId = created.json<{ id: string }>().id;
    await admin.api('POST', `/api/v1/projects/${projectId}/status`, { action: 'start' });
    // A first stage, so the one added through the form is the second and the page offers reordering.
    await admin.api('POST', `/api/v1/projects/${projectId}/stages`, {
      name: 'Design',
      startDate: '2026-04-01',
      endDate: '2026-05-31',
    });
  }, 120_000);
  beforeEach(async () => {
    page = browser.page;
    await signInAs(page, base, admin);
  });
  afterAll(async () => {
    await t?.close();
  }, 120_000);

  it('adds a programme and a project through the forms', async () => {
    await page.goto(`${base}/programmes`);
    expect(await heading()).toBe('Programmes');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add a programme' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await alert()).toContain('Enter a code');
    await expectNoAxeViolations(page);
    await page.getByLabel('Code').fill('PRG-CAP');
    await page.getByLabel('Title').fill('Capital programme');
    await page.getByLabel('Sponsor').selectOption(world.sponsorId);
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading()).toBe('PRG-CAP Capital programme');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Edit programme' }).click();
    await expectNoAxeViolations(page);

    await page.goto(`${base}/projects/new`);
    await page.getByLabel('Code').fill('CAP-2');
    await page.getByLabel('Title', { exact: true }).fill('Library refit');
    await page.getByLabel('Plan it sits in').selectOption(world.planId);
    await page.getByRole('button', { name: 'Show the plan’s items' }).click();
    await page.getByLabel('O2 Objective O2').check();
    await page.getByLabel('Programme').selectOption({ label: 'PRG-CAP Capital programme' });
    await page.getByLabel('Sponsor').selectOption(world.sponsorId);
    await page.getByLabel('Project manager').selectOption(world.managerId);
    await fillDate('startDate', '2026-09-01');
    await fillDate('endDate', '2026-08-01');
    await page.getByLabel('Budget (optional)').fill('£300,000');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await alert()).toContain('The end date must be on or after the start date');
    await expectNoAxeViolations(page);
    await fillDate('endDate', '2027-08-01');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading()).toBe('CAP-2 Library refit');
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain('O2 Objective O2');
  });

  it('records a highlight report, stages and milestones, and shows them on the project', async () => {
    await page.goto(`${base}/projects`);
    expect(await heading()).toBe('Projects');
    await expectNoAxeViolations(page);
    await page.getByLabel('Status').selectOption('active');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: 'CAP-1 New leisure centre' }).click();
    expect(await heading()).toBe('CAP-1 New leisure centre');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Record a highlight report' }).click();
    await expectNoAxeViolations(page);
    for (const [name, rag] of [
      ['timeRag', 'red'],
      ['costRag', 'amber'],
      ['scopeRag', 'green'],
      ['qualityRag', 'green'],
      ['overallRag', 'amber'],
    ]) {
      await page.locator(`input[name="${name}"][value="${rag}"]`).check();
    }
    await page.getByLabel('Per cent complete').fill('140');
    await page.getByRole('button', { name: 'Record the report' }).click();
    expect(await alert()).toContain('The % complete must be between 0 and 100');
    await expectNoAxeViolations(page);
    await page.getByLabel('Per cent complete').fill('35');
    await page.getByLabel('Commentary on time (optional)').fill('Steel delivery six weeks late');
    await page.getByRole('button', { name: 'Record the report' }).click();
    expect(await textOf(page.getByText('Highlight report recorded'))).toBeTruthy();
    expect(await textOf(page.getByRole('table', { name: 'Time, cost, scope and quality' }))).toContain(
      'Steel delivery six weeks late',
    );

    await page.getByRole('button', { name: 'Add a stage' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Name').fill('Construction');
    await fillDate('startDate', '2026-06-01');
    await fillDate('endDate', '2027-12-31');
    await page.getByRole('button', { name: 'Add the stage' }).click();

    await page.getByRole('button', { name: 'Add a milestone' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Milestone').fill('Steel frame complete');
    await fillDate('dueDate', '2027-01-31');
    await page.getByLabel('Stage').selectOption({ label: '2. Construction' });
    await page.getByRole('button', { name: 'Add the milestone' }).click();
    expect(await textOf(page.getByRole('table', { name: /Construction/ }))).toContain('Steel frame complete');
    // Two stages: the page has the move up and down buttons, and axe checks them.
    expect(await page.getByRole('button', { name: 'Move down stage Design' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Move up stage Construction' }).click();
    // Stage headings are table captions when the stage has milestones, else h3s.
    const headings = await page.locator('table caption, h3.govuk-heading-s').allTextContents();
    const stageHeadings = headings.map((h) => h.trim()).filter((h) => /^\d+\. /.test(h));
    expect(stageHeadings.map((h) => h.replace(/\s*\(.*$/, ''))).toEqual(['1. Construction', '2. Design']);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Revise date of Steel frame complete' }).click();
    await fillDate('revisedDueDate', '2027-03-31');
    await page.getByRole('button', { name: 'Revise the date' }).click();
    expect(await alert()).toContain('Enter the reason for the revised date');
    await expectNoAxeViolations(page);
    await page.getByLabel('Reason').fill('Steel delivery late');
    await page.getByRole('button', { name: 'Revise the date' }).click();
    expect(await textOf(page.getByRole('table', { name: /Construction/ }))).toContain('Revised to 31 March 2027');

    await page.getByRole('link', { name: 'Close the project' }).click();
    await page.getByRole('button', { name: 'Close the project' }).click();
    expect(await alert()).toContain('1 milestone is not complete');
    await expectNoAxeViolations(page);

    await page.goto(`${base}/projects/${projectId}`);
    await page.getByRole('link', { name: 'Complete Steel frame complete' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Complete the milestone' }).click();
    expect(await textOf(page.getByText('Milestone completed'))).toBeTruthy();

    await page.getByRole('button', { name: 'Edit project' }).click();
    await expectNoAxeViolations(page);
    await fillDate('endDate', '2028-06-30');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await alert()).toContain('Enter the reason for changing the end date');
    await page.getByLabel('Reason for a new end date').fill('Steel delays');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain('Revised from 31 March 2028: Steel delays');

    await page.getByRole('link', { name: 'Cancel the project' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Cancel the project' }).click();
    expect(await alert()).toContain('Enter the reason for cancelling the project');
  }, 180_000);
});
