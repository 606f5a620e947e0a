import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../../kernel/paths.ts';
import { signInAs, textOf, useBrowser } from '../../../../test/helpers/browser.ts';
import { measureBody, planWithItems } from '../../../../test/helpers/measure-fixtures.ts';
import { ImportsPage, MeasurePage, MeasuresListPage } from '../../../../test/helpers/pages/measure-pages.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// Each test has its own organisation, officer and browser context: none relies on another's data.
describe('measure pages', () => {
  const browser = useBrowser();
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    base = await t.listen();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A performance officer of a new organisation (with a plan of two items), signed in in this test's page. */
  async function officerSignedIn(): Promise<Agent> {
    const organisation = await t.createOrganisation('Test Borough Council');
    await planWithItems(t, organisation);
    const officer = await t.as('performance-officer', { organisation });
    await signInAs(browser.page, base, officer);
    return officer;
  }

  /** ASC-01, the ratio measure the first test adds through the form. */
  async function addAdultsMeasure(officer: Agent, extra: Record<string, unknown> = {}): Promise<string> {
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({
        aggregation: 'ratio',
        numeratorLabel: 'People supported at home',
        denominatorLabel: 'People receiving long-term support',
        ...extra,
      }),
    );
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  }

  it('adds a measure through the form, explaining mistakes and keeping what was typed', async () => {
    await officerSignedIn();
    const list = await new MeasuresListPage(browser.page, base).open();
    expect(await list.heading()).toBe('Measures');
    expect(await list.shows('0 measures')).toBeTruthy();
    await list.expectAccessible();

    const form = await list.addMeasure();
    await form.expectAccessible();
    await form.field('Title').fill('Adults supported to live at home');
    await form.field('Unit', true).fill('%');
    await form.field('Decimal places').fill('1');
    await form.field('Ratio of summed numerator and denominator').check();
    await form.field('Baseline period').fill('2024-25-M12');
    await form.save();
    const summary = await form.errorSummary();
    expect(summary).toContain('Enter a code');
    expect(summary).toContain('Select whether higher or lower is better');
    expect(summary).toContain('Select how often the measure is reported');
    expect(await form.field('Title').inputValue()).toBe('Adults supported to live at home');
    await form.expectAccessible();

    await form.field('Code').fill('ASC-01');
    await form.field('Higher is better').check();
    await form.field('Quarterly').check();
    await form.save();
    // Checks across fields come once every field makes sense on its own.
    const second = await form.errorSummary();
    expect(second).toContain('Enter what the numerator counts (the measure is a ratio)');
    expect(second).toContain('2024-25-M12 is a monthly period but this measure is quarterly');
    await form.expectAccessible();
    await form.field('Numerator (for a ratio)').fill('People supported at home');
    await form.field('Denominator (for a ratio)').fill('People receiving long-term support');
    await form.field('Baseline period').fill('');
    await form.field('Tags').fill('Adults, Scrutiny: People');
    await form.field('Key measure').check();
    await form.save();
    const measure = new MeasurePage(browser.page, base);
    expect(await measure.heading()).toBe('Adults supported to live at home');
    expect(await measure.shows('Measure ASC-01 added')).toBeTruthy();
    expect(await measure.shows('0.0% to 100.0%')).toBeTruthy();
    await measure.expectAccessible();
  });

  it('edits the measure, links a plan item and adds a breakdown', async () => {
    const officer = await officerSignedIn();
    const measure = await new MeasurePage(browser.page, base).open(await addAdultsMeasure(officer));

    const form = await measure.edit();
    expect(await form.field('Code').inputValue()).toBe('ASC-01');
    await form.expectAccessible();
    await form.field('Title').fill('');
    await form.save();
    expect(await form.errorSummary()).toContain('Enter a title');
    await form.field('Title').fill('Adults supported at home');
    await form.save();
    expect(await measure.shows('Measure updated')).toBeTruthy();

    await measure.linkPlanItem(1);
    expect(await measure.shows('Plan item linked')).toBeTruthy();
    expect(await measure.linkedItems()).toContain('OBJ-1');

    await measure.addBreakdownCategory('ward', 'E05000001', 'Abbey');
    expect(await measure.shows('Ward: Abbey (E05000001)')).toBeTruthy();
    await measure.expectAccessible();
  });

  it('imports values for a breakdown category and shows them against its target', async () => {
    const officer = await officerSignedIn();
    const id = await addAdultsMeasure(officer);
    const ward = { dimension: 'ward', code: 'E05000001', label: 'Abbey' };
    expect((await officer.api('POST', `/api/v1/measures/${id}/breakdowns`, ward)).statusCode).toBe(201);
    const measure = await new MeasurePage(browser.page, base).open(id);
    await measure.setTarget({ year: '2024-25', percent: '65', forCategory: 'ward: Abbey' });
    expect(await measure.shows('Target set')).toBeTruthy();

    const imports = await new ImportsPage(browser.page, base).open();
    const header = 'measureCode,breakdown,breakdownCode,periodKey,numerator,denominator';
    await imports.paste(
      'Values',
      `${header}\nASC-01,ward,E05000001,2024-25-Q3,55,100\nASC-01,ward,E05000009,2024-25-Q4,61,100\n`,
    );
    await imports.press('Check');
    expect(await imports.errorSummary()).toContain('1 problem found: nothing was imported');
    const problems = await imports.problems();
    expect(problems).toContain('breakdownCode');
    expect(problems).toContain('ASC-01 has no ward category with the code E05000009');
    await imports.expectAccessible();
    await imports
      .field('Or paste CSV')
      .fill(`${header}\nASC-01,ward,E05000001,2024-25-Q3,55,100\nASC-01,ward,E05000001,2024-25-Q4,63,100\n`);
    await imports.press('Import');
    expect(await imports.shows('Imported values: 2 new, 0 changed, 0 unchanged')).toBeTruthy();

    await measure.open(id);
    const table = measure.breakdownTable();
    expect(await textOf(table.locator('caption'))).toBe('By ward: the latest 2 periods with values');
    expect(await textOf(table.getByRole('columnheader', { name: '2024/25 Q4' }))).toBe('2024/25 Q4');
    const abbey = (await textOf(table.getByRole('row', { name: /Abbey/ }))).replace(/\s+/g, ' ');
    expect(abbey).toContain('55.0% Red Target 65.0%');
    expect(abbey).toContain('63.0% Amber Target 65.0%');
    await measure.expectAccessible();
  });

  it('sets a target and revises it with a reason, keeping the history', async () => {
    const officer = await officerSignedIn();
    const measure = await new MeasurePage(browser.page, base).open(await addAdultsMeasure(officer));
    await measure.press('Set a target');
    await measure.expectAccessible();
    await measure.fillTarget({ year: '2025-26', percent: '140' });
    expect(await measure.errorSummary()).toContain('The target cannot be above 100%');
    await measure.expectAccessible();
    await measure.field('Target (%)').fill('70');
    await measure.press('Set target');
    expect(await measure.shows('Target set')).toBeTruthy();

    await measure.reviseTarget('2025/26');
    await measure.expectAccessible();
    await measure.field('New target (%)').fill('75');
    await measure.press('Save revised target');
    expect(await measure.errorSummary()).toContain('Enter the reason for the change');
    await measure.saveRevision('75', 'Cabinet raised the ambition');
    const history = await measure.targetHistory();
    expect(history).toContain('changed from 70.0% to 75.0%');
    expect(history).toContain('Cabinet raised the ambition');
    expect(history).toContain('set to 70.0%');
    await measure.expectAccessible();
  });

  it('lists and filters measures, and retires one keeping its page', async () => {
    const officer = await officerSignedIn();
    const id = await addAdultsMeasure(officer, { isKey: true, tags: ['Adults', 'Scrutiny: People'] });
    // A target revised once, through the forms the previous test uses in the browser.
    await officer.post(paths.measureTargets(id), { kind: 'annual', financialYear: '2025-26', value: '70' });
    const targets = (await officer.api('GET', `/api/v1/measures/${id}`)).json().targets as { id: string }[];
    const revised = await officer.post(paths.reviseMeasureTarget(id, targets[0]!.id), {
      value: '75',
      reason: 'Cabinet raised the ambition',
    });
    expect(revised.statusCode).toBe(302);

    const list = await new MeasuresListPage(browser.page, base).open('?key=true&q=asc');
    expect(await textOf(browser.page.getByRole('link', { name: 'ASC-01' }))).toBe('ASC-01');
    await list.expectAccessible();
    await list.open('?q=nothing-like-this');
    expect(await list.shows('No measures match.')).toBeTruthy();

    await list.open('?q=ASC-01');
    const measure = await list.openMeasure('ASC-01');
    await measure.press('Retire measure');
    await measure.expectAccessible();
    await measure.press('Retire measure');
    expect(await measure.errorSummary()).toContain('Enter the reason for retiring the measure');
    await measure.retire('Replaced by a national indicator');
    expect(await measure.shows('ASC-01 retired: its history is kept')).toBeTruthy();
    expect(await browser.page.getByRole('button', { name: 'Edit measure' }).count()).toBe(0);
    expect(await measure.targetHistory()).toContain('changed from 70.0% to 75.0%');
    await measure.expectAccessible();
  });
});
