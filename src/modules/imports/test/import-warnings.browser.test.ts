import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useBrowser } from '../../../../test/helpers/browser.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { ImportsPage } from '../../../../test/helpers/pages/measure-pages.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

const today = new Date('2025-11-20T10:00:00Z');
const HISTORY = ['2023-24-Q4,34', '2024-25-Q1,38', '2024-25-Q2,35', '2024-25-Q3,37', '2024-25-Q4,36', '2025-26-Q1,36'];

describe('import page warnings', () => {
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

  it('lists an implausible figure by line and column, and imports it once the box is ticked', async () => {
    const officer = await t.as('performance-officer');
    await signInAs(browser.page, base, officer);
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code: 'WARN-B', unit: 'number', decimalPlaces: 0, polarity: 'none' }),
    );
    expect(created.statusCode).toBe(201);
    const csv = ['measureCode,periodKey,value', ...HISTORY.map((row) => `WARN-B,${row}`)].join('\n');

    const imports = await new ImportsPage(browser.page, base).open();
    await imports.paste('Values', csv);
    await imports.press('Import');
    expect(await imports.shows('Imported values: 6 new, 0 changed, 0 unchanged')).toBeTruthy();

    await imports.paste('Values', `measureCode,periodKey,value\nWARN-B,2025-26-Q2,999999\n`);
    await imports.press('Import');
    const summary = await imports.errorSummary();
    expect(summary).toContain('1 problem found: nothing was imported');
    expect(summary).toContain('tick “I have checked the figures the check warned about” and import the file again');
    const problems = await imports.problems();
    expect(problems).toMatch(/2\s+value\s+Check this figure: 999,999 is 27,000 times the usual figure of 36/);
    await imports.expectAccessible();

    // The summary's link leads to the box; the pasted file is still there.
    await browser.page.getByRole('link', { name: /Some figures are far from/ }).click();
    await imports.field('I have checked the figures the check warned about').check();
    await imports.press('Import');
    expect(await imports.shows('Imported values: 1 new, 0 changed, 0 unchanged')).toBeTruthy();
    await imports.expectAccessible();
  });
});
