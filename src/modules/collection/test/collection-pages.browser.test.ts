import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// 20 November 2025: 2025/26 Q2 was due on 21 October, so it is overdue.
const today = new Date('2025-11-20T10:00:00Z');

interface Council {
  officer: Agent;
  enterer: Agent;
  verifier: Agent;
  measureId: string;
  ratioId: string;
}

// Each test has its own council (two measures, an officer, an enterer and a verifier) and its own
// browser context, so none relies on what another entered.
describe('data collection pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => today });
    base = await t.listen();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function council(): Promise<Council> {
    const organisation = await t.createOrganisation('Test Borough Council');
    const officer = await t.as('performance-officer', { organisation });
    const enterer = await t.as('data-entry', { organisation });
    const verifier = await t.as('manager', { organisation });
    const create = async (body: Record<string, unknown>) => {
      const created = await officer.api(
        'POST',
        '/api/v1/measures',
        measureBody({ ownerUnitId: organisation.rootUnitId, verifierPersonId: verifier.personId, ...body }),
      );
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      await officer.api('POST', `/api/v1/measures/${id}/assignees`, { personId: enterer.personId });
      await officer.api('POST', `/api/v1/measures/${id}/targets`, {
        kind: 'annual',
        financialYear: '2025-26',
        value: 70,
      });
      return id;
    };
    const measureId = await create({ code: 'ASC-01' });
    const ratioId = await create({
      code: 'HOU-02',
      title: 'Households prevented from becoming homeless',
      aggregation: 'ratio',
      numeratorLabel: 'Prevented',
      denominatorLabel: 'Approached',
    });
    return { officer, enterer, verifier, measureId, ratioId };
  }

  it('shows what is overdue on My data and takes a value from draft to submitted', async () => {
    const { enterer } = await council();
    const page = browser.page;
    await signInAs(page, base, enterer);
    await page.goto(`${base}/my-data`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('My data');
    expect(await textOf(page.locator('#overdue'))).toBe('Overdue (6)');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: /^ASC-01 Adults supported to live at home\s*, 2025\/26 Q2$/ }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Adults supported to live at home');
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain('70.0%');
    // The hint says where "off target" starts for this measure and period.
    expect(await textOf(page.locator('#commentary-hint'))).toContain(
      'Required before you submit a value below 70.0%, the annual target (amber from 66.5%; red below 66.5%).',
    );
    await expectNoAxeViolations(page);

    await page.getByLabel('Value').fill('55');
    await page.getByRole('button', { name: 'Submit' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Add commentary explaining the performance');
    expect(await page.getByLabel('Value').inputValue()).toBe('55');
    await expectNoAxeViolations(page);

    await page.getByLabel('Commentary').fill('Two care providers closed in August');
    await page.getByLabel('Provisional').check();
    await page.getByRole('button', { name: 'Submit' }).click();
    expect(await textOf(page.getByText('Value submitted'))).toBeTruthy();
    expect(await textOf(page.locator('table'))).toContain('Submitted');
    await expectNoAxeViolations(page);
  });

  it('shows both versions when someone else saved first', async () => {
    const { officer, enterer, measureId } = await council();
    const page = browser.page;
    await signInAs(page, base, enterer);
    await page.goto(`${base}/measures/${measureId}/values/2025-26-Q1`);
    await page.getByLabel('Value').fill('68');
    // A colleague saves the same value while the page is open.
    expect(
      (
        await officer.api('PUT', `/api/v1/measures/${measureId}/values/2025-26-Q1`, {
          value: 71.5,
          commentary: 'From the finance system',
        })
      ).statusCode,
    ).toBe(200);
    await page.getByRole('button', { name: 'Save draft' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('was saved by someone else');
    const versions = await textOf(page.locator('.app-conflict'));
    expect(versions).toContain('71.5%');
    expect(versions).toContain('From the finance system');
    expect(versions).toContain('68');
    await expectNoAxeViolations(page);
    // Saving again is now a deliberate replacement of the version shown.
    await page.getByRole('button', { name: 'Save draft' }).click();
    expect(await textOf(page.getByText('Value saved as a draft'))).toBeTruthy();
  });

  it('enters a unit’s measures in one grid, with errors against each row', async () => {
    const { enterer, ratioId } = await council();
    const page = browser.page;
    await signInAs(page, base, enterer);
    await page.goto(`${base}/data-entry`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Unit').selectOption({ label: 'Test Borough Council (COUNCIL)' });
    await page.getByLabel('Period').selectOption('2025-26-Q2');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Data for 2025/26 Q2');
    await expectNoAxeViolations(page);
    await page.getByLabel('Numerator for HOU-02').fill('12');
    await page.getByLabel('Denominator for HOU-02').fill('0');
    await page.getByRole('button', { name: 'Save drafts' }).click();
    const alert = await textOf(page.getByRole('alert'));
    expect(alert).toContain('HOU-02: The denominator cannot be 0');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /HOU-02: The denominator cannot be 0/ }).click();
    expect(await page.locator(':focus').getAttribute('id')).toBe(`denominator_${ratioId}`);
    await page.getByLabel('Denominator for HOU-02').fill('16');
    await page.getByRole('button', { name: 'Save drafts' }).click();
    expect(await textOf(page.getByText('1 value saved'))).toBeTruthy();
    expect(await textOf(page.locator('#grid'))).toContain('Draft');
  });

  it('lets the verifier return a value with a reason, which the enterer sees on My data', async () => {
    const { enterer, verifier, measureId } = await council();
    // The enterer submitted 2025/26 Q2 (the first test does it through the page).
    const submitted = await enterer.api('PUT', `/api/v1/measures/${measureId}/values/2025-26-Q2`, {
      value: 55,
      commentary: 'Two care providers closed in August',
      quality: 'provisional',
      action: 'submit',
    });
    expect(submitted.statusCode).toBe(200);
    const page = browser.page;
    await signInAs(page, base, enterer);
    const other = await browser.newPage();
    await signInAs(other, base, verifier);
    await other.goto(`${base}/measures/${measureId}/values/2025-26-Q2`);
    await other.getByLabel('Return for correction').check();
    await other.getByRole('button', { name: 'Confirm' }).click();
    expect(await textOf(other.getByRole('alert'))).toContain('Give a reason to return this value');
    await expectNoAxeViolations(other);
    await other.getByLabel('Return for correction').check();
    await other.getByLabel('Reason').fill('August figure is missing one provider');
    await other.getByRole('button', { name: 'Confirm' }).click();
    expect(await textOf(other.getByText('Value returned'))).toBeTruthy();

    await page.goto(`${base}/my-data`);
    expect(await textOf(page.locator('#returned'))).toBe('Returned to you (1)');
    expect(await textOf(page.locator('table').first())).toContain('August figure is missing one provider');
    await expectNoAxeViolations(page);
  });

  it('checks pasted CSV on the import page and lists each bad row', async () => {
    const { officer } = await council();
    const importer = browser.page;
    await signInAs(importer, base, officer);
    await importer.goto(`${base}/imports`);
    await expectNoAxeViolations(importer);
    await importer.getByLabel('Values').check();
    await importer
      .getByLabel('Or paste CSV', { exact: true })
      .fill('measureCode,periodKey,value\nASC-01,2024-25-Q1,140\nASC-01,2024-25-Q9,50\n');
    await importer.getByRole('button', { name: 'Check' }).click();
    expect(await textOf(importer.getByRole('alert'))).toContain('2 problems found: nothing was imported');
    const problems = await textOf(importer.locator('table'));
    expect(problems).toContain('between 0% and 100%');
    expect(problems).toContain('quarters run Q1 to Q4');
    await expectNoAxeViolations(importer);
    await importer
      .getByLabel('Or paste CSV', { exact: true })
      .fill('measureCode,periodKey,value\nASC-01,2024-25-Q1,64\n');
    await importer.getByRole('button', { name: 'Import' }).click();
    expect(await textOf(importer.getByText('Imported values: 1 new'))).toBeTruthy();
  });

  it('uploads an Excel file through the import page', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('values');
    sheet.addRow(['measureCode', 'periodKey', 'value']);
    sheet.addRow(['ASC-01', '2024-25-Q2', 66]);
    const file = path.join(os.tmpdir(), `gt-upload-${process.pid}.xlsx`);
    await workbook.xlsx.writeFile(file);
    const { officer } = await council();
    const importer = browser.page;
    await signInAs(importer, base, officer);
    await importer.goto(`${base}/imports`);
    await importer.getByLabel('Values').check();
    await importer.getByRole('button', { name: 'Import' }).click();
    expect(await textOf(importer.getByRole('alert'))).toContain('Choose a CSV or Excel file');
    await expectNoAxeViolations(importer);
    await importer.getByLabel('Values').check();
    await importer.getByLabel('File', { exact: true }).setInputFiles(file);
    await importer.getByRole('button', { name: 'Import' }).click();
    expect(await textOf(importer.getByText('Imported values: 1 new'))).toBeTruthy();
    rmSync(file, { force: true });
  });
});
