import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// Every risk page in Chromium with axe: a register with its heat map, a risk added through the
// form (an error first), reassessed, given a control, then the list, the settings and the forms.
// Axe on each of a dozen pages takes a while on a shared machine: hence the longer timeouts.
describe('risk register pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let base: string;
  let admin: Agent;
  let registerId: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
    admin = await t.as('administrator');
    const created = await admin.api('POST', '/api/v1/risk-registers', {
      name: 'Strategic risk register',
      level: 'strategic',
      unitId: t.org.rootUnitId,
      ownerPersonId: admin.personId,
    });
    registerId = created.json().id;
    const measure = await admin.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code: 'DIG-01', title: 'Systems available' }),
    );
    expect(measure.statusCode, measure.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('adds, reassesses and controls a risk through the pages, each page accessible', async () => {
    const page = browser.page;
    await signInAs(page, base, admin);
    await page.goto(`${base}/risk-registers`);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Strategic risk register' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add a risk' }).click();
    await expectNoAxeViolations(page);

    await page.getByLabel('Reference').fill('SR01');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter a title');
    await expectNoAxeViolations(page);

    await page.getByLabel('Title', { exact: true }).fill('Cyber attack');
    await page.getByLabel('Cause').fill('Ransomware aimed at councils');
    await page.getByLabel('Event').fill('Systems are encrypted');
    await page.getByLabel('Effect').fill('Services stop for weeks');
    await page.getByLabel('Owner').selectOption({ index: 1 });
    await page.getByLabel('Threat').check();
    await page.getByLabel('Category').selectOption('information');
    await page.getByLabel('Quarterly').check();
    await page.locator('#nextReviewOn-day').fill('31');
    await page.locator('#nextReviewOn-month').fill('12');
    await page.locator('#nextReviewOn-year').fill('2099');
    for (const [id, value] of [
      ['inherentLikelihood', '5'],
      ['inherentImpact', '5'],
      ['currentLikelihood', '4'],
      ['currentImpact', '4'],
      ['targetLikelihood', '2'],
      ['targetImpact', '4'],
    ]) {
      await page.locator(`#${id}`).selectOption(value!);
    }
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('SR01 Cyber attack');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Risk added');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Reassess' }).click();
    await expectNoAxeViolations(page);
    await page.locator('#currentLikelihood').selectOption('3');
    await page.getByLabel('Commentary').fill('Backups tested');
    await page.getByRole('button', { name: 'Save the reassessment' }).click();
    expect(await textOf(page.locator('table', { hasText: 'Assessment history' }))).toContain('Backups tested');

    await page.getByRole('button', { name: 'Add a control' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Control').fill('Offline backups');
    await page.getByLabel('Owner').selectOption({ index: 1 });
    await page.getByLabel('Effective', { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.locator('table', { hasText: 'Offline backups' }))).toContain('Effective');
    await expectNoAxeViolations(page);

    // Link the measure it concerns: search, tick, save; the risk page then lists it.
    await page.getByRole('link', { name: 'Change what the risk concerns' }).click();
    await page.getByLabel('Find plan items, measures and actions').fill('systems');
    await page.getByRole('button', { name: 'Search' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('DIG-01 Systems available').check();
    await page.getByRole('button', { name: 'Save links' }).click();
    expect(await textOf(page.locator('main'))).toContain('DIG-01 Systems available');

    for (const link of ['Escalate', 'Close the risk']) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await expectNoAxeViolations(page);
      await page.goBack();
    }
    await page.getByRole('button', { name: 'Change details' }).click();
    await expectNoAxeViolations(page);
  }, 150_000);

  it('shows the heat map, the filtered list, the settings and the register form, each accessible', async () => {
    const page = browser.page;
    await signInAs(page, base, admin);
    await page.goto(`${base}/risk-registers/${registerId}`);
    expect(await textOf(page.locator('#heat-now'))).toContain('1 (score 12, High)');
    expect(await page.locator('svg title').first().textContent()).toContain('1 risks');
    await page.goto(`${base}/risks?beyondAppetite=yes`);
    expect(await textOf(page.locator('table'))).toContain('SR01 Cyber attack');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/risk-settings`);
    await expectNoAxeViolations(page);
    await page.goto(`${base}/risk-registers/new`);
    await expectNoAxeViolations(page);
  }, 120_000);
});
