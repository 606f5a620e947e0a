import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceBodies, governanceBodyMembers } from '../../../schema.ts';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// A committee officer sets up a panel meeting, the panel's chair records its decision and asks an
// officer for an explanation, and the officer answers: every page in a real browser, with axe.
describe('committee pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let base: string;
  let officer: Agent;
  let chair: Agent;
  let manager: Agent;
  let managerName: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => new Date('2027-01-20T12:00:00Z') });
    base = await t.listen();
    officer = await t.as('performance-officer');
    chair = await t.as('scrutiny-member');
    manager = await t.as('manager');
    const [panel] = await t.deps.database.db
      .insert(governanceBodies)
      .values({ organisationId: t.org.id, name: 'Performance Panel', kind: 'panel', frameworkRoles: ['receives'] })
      .returning();
    await t.deps.database.db
      .insert(governanceBodyMembers)
      .values({ organisationId: t.org.id, bodyId: panel!.id, personId: chair.personId, role: 'chair' });
    managerName = (await manager.api('GET', `/api/v1/people/${manager.personId}`)).json().name as string;
  });
  afterAll(async () => t?.close());

  it('takes a meeting from the calendar to a decision and a member’s request to an answer', async () => {
    const page = browser.page;
    await signInAs(page, base, officer);
    await page.goto(`${base}/meetings/new`);
    await page.getByRole('button', { name: 'Save meeting' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Select the body');
    await expectNoAxeViolations(page);
    await page.getByLabel('Body').selectOption({ label: 'Performance Panel' });
    await page.getByLabel('Day').fill('14');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill('2027');
    await page.getByRole('button', { name: 'Save meeting' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Performance Panel, 14 January 2027');
    await page.getByRole('link', { name: 'Add an agenda item' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Item', { exact: true }).fill('Quarter 3 performance report');
    // The record picker without JavaScript: Find posts back, lists nothing here, keeps what was typed.
    await page.getByLabel('Improvement plan').check();
    await page.getByLabel('Find a record').fill('no such plan');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    expect(await textOf(page.locator('main'))).toContain('No records of that kind match');
    await expectNoAxeViolations(page);
    await page.getByLabel('A paper').check();
    await page.getByRole('button', { name: 'Add to the agenda' }).click();
    const meetingUrl = page.url().replace(/#.*$/, '');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/meetings`);
    await expectNoAxeViolations(page);

    await signInAs(page, base, chair);
    await page.goto(meetingUrl);
    await page.getByRole('link', { name: /Record the decision/ }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Agreed', { exact: true }).check();
    await page.getByLabel('Minute reference').fill('PP/12');
    await page.getByRole('button', { name: 'Record decision' }).click();
    expect(await textOf(page.locator('main'))).toContain('Minute PP/12');

    await page.getByRole('link', { name: 'Ask an officer' }).click();
    await page.getByLabel('Explanation').check();
    await page.getByLabel('Officer to ask').selectOption({ label: managerName });
    await page.getByLabel('Your question or request').fill('Why did missed bins rise in December?');
    await page.getByLabel('Day').fill('3');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2027');
    await page.getByRole('button', { name: 'Send request' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Explanation');
    await expectNoAxeViolations(page);
    const requestUrl = page.url();

    await signInAs(page, base, manager);
    await page.goto(`${base}/member-requests`);
    expect(await textOf(page.locator('main'))).toContain('Why did missed bins rise in December?');
    await expectNoAxeViolations(page);
    await page.goto(requestUrl);
    await page.getByLabel('Answer the request').fill('Snow closed the depot for four days.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    expect(await textOf(page.locator('.govuk-tag').first())).toBe('Answered');
    await expectNoAxeViolations(page);

    await signInAs(page, base, officer);
    await page.goto(`${base}/statutory-returns`);
    await page.getByRole('button', { name: 'Add a return' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter the return’s name');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/timetable`);
    expect(await textOf(page.locator('main'))).toContain('Report published');
    await expectNoAxeViolations(page);

    // The timetable's settings, not checked with axe before.
    await signInAs(page, base, await t.as('administrator'));
    await page.goto(`${base}/timetable/settings`);
    expect(page.url()).toContain('/timetable/settings');
    await expectNoAxeViolations(page);
  });
});
