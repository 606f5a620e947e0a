import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import {
  MyDataPage,
  SignOffSettingsPage,
  UnitDataEntryPage,
  ValueEntryPage,
} from '../../../../test/helpers/pages/data-entry-pages.ts';
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
    await signInAs(browser.page, base, enterer);
    const myData = await new MyDataPage(browser.page, base).open();
    expect(await myData.heading()).toBe('My data');
    expect(await myData.section('#overdue')).toBe('Overdue (6)');
    await myData.expectAccessible();

    const entry = await myData.openValue(/^ASC-01 Adults supported to live at home\s*, 2025\/26 Q2$/);
    expect(await entry.heading()).toBe('Adults supported to live at home');
    expect(await entry.section('.govuk-summary-list')).toContain('70.0%');
    // The hint says where "off target" starts for this measure and period.
    expect(await entry.section('#commentary-hint')).toContain(
      'Required before you submit a value below 70.0%, the annual target (amber from 66.5%; red below 66.5%).',
    );
    await entry.expectAccessible();

    await entry.enter('55');
    await entry.submit();
    expect(await entry.errorSummary()).toContain('Add commentary explaining the performance');
    expect(await entry.field('Value').inputValue()).toBe('55');
    await entry.expectAccessible();

    await entry.enter('55', { commentary: 'Two care providers closed in August', quality: 'Provisional' });
    await entry.submit();
    expect(await entry.shows('Value submitted')).toBeTruthy();
    expect(await entry.section('#history')).toContain('Submitted');
    await entry.expectAccessible();
  });

  it('asks the enterer to check a figure far from the usual ones, and takes it once checked and explained', async () => {
    const { officer, enterer, measureId } = await council();
    const history = ['2023-24-Q4', '2024-25-Q1', '2024-25-Q2', '2024-25-Q3', '2024-25-Q4', '2025-26-Q1'];
    for (const [i, period] of history.entries()) {
      const put = await officer.api('PUT', `/api/v1/measures/${measureId}/values/${period}`, {
        value: [70, 71, 69, 70, 72, 70][i],
      });
      expect(put.statusCode).toBe(200);
    }
    await signInAs(browser.page, base, enterer);
    const entry = await new ValueEntryPage(browser.page, base).open(measureId, '2025-26-Q2');
    await entry.enter('20', { commentary: 'Two care providers closed in August' });
    await entry.submit();
    expect(await entry.errorSummary()).toContain('20.0% is outside the usual range');
    expect(await entry.section('.govuk-warning-text')).toContain('20.0% is outside the usual range');
    await entry.expectAccessible();
    await entry.confirmChecked();
    await entry.submit();
    expect(await entry.shows('Value submitted')).toBeTruthy();
  });

  it('lets an administrator choose how values are signed off', async () => {
    const organisation = await t.createOrganisation('Chain Borough Council');
    const admin = await t.as('administrator', { organisation });
    await signInAs(browser.page, base, admin);
    const settings = await new SignOffSettingsPage(browser.page, base).open();
    expect(await settings.heading()).toBe('How values are signed off');
    await settings.expectAccessible();
    await settings.choose('Submit, then approve');
    expect(await settings.shows('Sign-off chain changed to “Submit, then approve”')).toBeTruthy();
    expect(await settings.section('#current-chain')).toContain('Submit, then approve');
    await settings.expectAccessible();
  });

  it('shows both versions when someone else saved first', async () => {
    const { officer, enterer, measureId } = await council();
    await signInAs(browser.page, base, enterer);
    const entry = await new ValueEntryPage(browser.page, base).open(measureId, '2025-26-Q1');
    await entry.enter('68');
    // A colleague saves the same value while the page is open.
    expect(
      (
        await officer.api('PUT', `/api/v1/measures/${measureId}/values/2025-26-Q1`, {
          value: 71.5,
          commentary: 'From the finance system',
        })
      ).statusCode,
    ).toBe(200);
    await entry.saveDraft();
    expect(await entry.errorSummary()).toContain('was saved by someone else');
    const versions = await entry.conflict();
    expect(versions).toContain('71.5%');
    expect(versions).toContain('From the finance system');
    expect(versions).toContain('68');
    await entry.expectAccessible();
    // Saving again is now a deliberate replacement of the version shown.
    await entry.saveDraft();
    expect(await entry.shows('Value saved as a draft')).toBeTruthy();
  });

  it('enters a unit’s measures in one grid, with errors against each row', async () => {
    const { enterer, ratioId } = await council();
    const page = browser.page;
    await signInAs(page, base, enterer);
    const grid = await new UnitDataEntryPage(page, base).open();
    await grid.expectAccessible();
    await grid.choose('Test Borough Council (COUNCIL)', '2025-26-Q2');
    expect(await grid.heading()).toBe('Data for 2025/26 Q2');
    await grid.expectAccessible();
    await grid.field('Numerator for HOU-02').fill('12');
    await grid.field('Denominator for HOU-02').fill('0');
    await grid.saveDrafts();
    expect(await grid.errorSummary()).toContain('HOU-02: The denominator cannot be 0');
    await grid.expectAccessible();
    await grid.follow(/HOU-02: The denominator cannot be 0/);
    expect(await page.locator(':focus').getAttribute('id')).toBe(`denominator_${ratioId}`);
    await grid.field('Denominator for HOU-02').fill('16');
    await grid.saveDrafts();
    expect(await grid.shows('1 value saved')).toBeTruthy();
    expect(await grid.section('#grid')).toContain('Draft');
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
    await signInAs(browser.page, base, enterer);
    // The verifier, in a browser of their own.
    const verifierPage = await browser.newPage();
    await signInAs(verifierPage, base, verifier);
    const entry = await new ValueEntryPage(verifierPage, base).open(measureId, '2025-26-Q2');
    await entry.returnForCorrection('');
    expect(await entry.errorSummary()).toContain('Give a reason to return this value');
    await entry.expectAccessible();
    await entry.returnForCorrection('August figure is missing one provider');
    expect(await entry.shows('Value returned')).toBeTruthy();

    const myData = await new MyDataPage(browser.page, base).open();
    expect(await myData.section('#returned')).toBe('Returned to you (1)');
    expect(await textOf(browser.page.locator('table').first())).toContain('August figure is missing one provider');
    await myData.expectAccessible();
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

  it('lets an administrator change the collection rules, naming a mistake in the error summary', async () => {
    const organisation = await t.createOrganisation('Rules Borough Council');
    const admin = await t.as('administrator', { organisation });
    const page = browser.page;
    await signInAs(page, base, admin);
    await page.goto(`${base}/collection-rules`);
    await expectNoAxeViolations(page);
    await page.getByLabel("Tell the owner's line manager when data is overdue by").fill('2');
    await page.getByLabel('Closure days').fill('2025-12-29 Christmas closure');
    await page.getByRole('button', { name: 'Save the collection rules' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('The line manager must be told later than the owner');
    await expectNoAxeViolations(page);
    await page.getByLabel("Tell the owner's line manager when data is overdue by").fill('12');
    await page.getByRole('button', { name: 'Save the collection rules' }).click();
    expect(await textOf(page.getByText('Collection rules saved'))).toBeTruthy();
    expect(await page.getByLabel('Closure days').inputValue()).toBe('2025-12-29 Christmas closure');
  });
});
