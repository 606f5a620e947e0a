/**
 * The improvement-plan pages in Chromium, with axe on each: the demo council's plan agreed by its
 * panel and the request waiting for a plan, then a plan made from that request, refused and put
 * right, submitted, agreed at a meeting, shown beside its measure; the close, withdraw, queue and
 * settings pages. Works without JavaScript: every step is a link or a form post.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { improvementPlanRequests, improvementPlans, units } from '../../../schema.ts';

describe('improvement-plan pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let base: string;
  let admin: Agent;

  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: true });
    base = await t.listen();
    const organisationId = t.demo!.organisationId;
    const [root] = await t.deps.database.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.organisationId, organisationId), isNull(units.parentId)));
    admin = await t.as('administrator', { organisation: { id: organisationId, rootUnitId: root!.id } });
  });
  afterAll(async () => t?.close());

  it('shows the demo’s plan agreed by its panel, its step pages and the plan beside its measure', async () => {
    const page = browser.page;
    await signInAs(page, base, admin);
    const db = t.deps.database.db;

    await page.goto(`${base}/improvement-plans`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Improvement plans');
    expect(await textOf(page.locator('#plans'))).toContain('Agreed');
    await expectNoAxeViolations(page);

    // The demo's plan, agreed by the Performance Panel at a meeting with its minute reference.
    const [agreed] = await db.select().from(improvementPlans).where(eq(improvementPlans.status, 'agreed'));
    await page.goto(`${base}/improvement-plans/${agreed!.id}`);
    const decisions = await textOf(page.locator('#decision-table'));
    expect(decisions).toContain('Performance Panel');
    expect(decisions).toContain('PP/2025/17');
    expect(await page.getByRole('link', { name: 'Add an action' }).getAttribute('href')).toBe(
      `/actions/new?answers=improvement-plan:${agreed!.id}`,
    );
    await expectNoAxeViolations(page);
    for (const step of ['close', 'withdraw']) {
      await page.goto(`${base}/improvement-plans/${agreed!.id}/${step}`);
      await expectNoAxeViolations(page);
    }
    // Beside its measure.
    await page.goto(`${base}/measures/${agreed!.measureId}`);
    expect(await textOf(page.locator('#improvement-plan-heading'))).toBe('Improvement plan');
    await expectNoAxeViolations(page);
  });

  it('takes a plan made from the demo’s request through a refusal, submission and the panel’s agreement', async () => {
    const page = browser.page;
    await signInAs(page, base, admin);
    const db = t.deps.database.db;
    // The request waiting for a plan: start it from the list.
    await page.goto(`${base}/improvement-plans`);
    await page
      .getByRole('link', { name: /Start the plan/ })
      .first()
      .click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Start an improvement plan');
    await page.getByLabel('Problem statement').fill('Two periods below target');
    await page.getByLabel('Root cause').fill('Vacancies in the team');
    await page.getByLabel('Expected value').fill('75');
    await page.getByLabel('By which period').fill('not-a-period');
    await page.getByRole('button', { name: 'Save improvement plan' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('is not one of this measure’s periods');
    await expectNoAxeViolations(page);

    const [request] = await db.select().from(improvementPlanRequests).where(eq(improvementPlanRequests.status, 'open'));
    const period = request!.latestPeriod;
    // A period of the measure's own frequency: the latest one the request names, a year on.
    const later = period.replace(
      /^(\d{4})-(\d{2})/,
      (_m, y: string, yy: string) => `${Number(y) + 1}-${String(Number(yy) + 1).padStart(2, '0')}`,
    );
    await page.getByLabel('By which period').fill(later);
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill(String(Number(later.slice(0, 4)) + 1));
    await page.getByRole('button', { name: 'Save improvement plan' }).click();
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Improvement plan started as a draft');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Edit plan' }).click();
    expect(await page.getByLabel('Root cause').inputValue()).toBe('Vacancies in the team');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save improvement plan' }).click();
    await page.getByRole('button', { name: 'Submit to the panel' }).click();
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('submitted to the panel');

    await page.getByRole('button', { name: 'Record the panel’s decision' }).click();
    await page.getByLabel('Agreed', { exact: true }).check();
    await page.getByRole('button', { name: 'Record decision' }).click();
    const errors = await textOf(page.locator('.govuk-error-summary'));
    expect(errors).toContain('Enter the date of the panel’s meeting');
    await expectNoAxeViolations(page);
    const today = t.deps.clock.today();
    await page.getByLabel('Agreed', { exact: true }).check();
    await page.getByLabel('Day').fill(String(Number(today.slice(8, 10))));
    await page.getByLabel('Month').fill(String(Number(today.slice(5, 7))));
    await page.getByLabel('Year').fill(today.slice(0, 4));
    await page.getByLabel('Minute reference').fill('PP/2025/23');
    await page.getByRole('button', { name: 'Record decision' }).click();
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('agreed');
    expect(await textOf(page.locator('#decision-table'))).toContain('PP/2025/23');
  });

  it('shows the work queue and the settings page', async () => {
    const page = browser.page;
    await signInAs(page, base, admin);
    await page.goto(`${base}/improvement-plans/needed`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Improvement plans needed');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/improvement-plans/settings`);
    expect(await page.getByLabel('The panel that agrees plans').inputValue()).not.toBe('');
    await expectNoAxeViolations(page);
  });
});
