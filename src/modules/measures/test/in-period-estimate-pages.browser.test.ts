import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useBrowser } from '../../../../test/helpers/browser.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { MeasurePage } from '../../../../test/helpers/pages/measure-pages.ts';
import { ValueEntryPage } from '../../../../test/helpers/pages/data-entry-pages.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

// "Today" is 20 November 2025: 2025/26 Q3 has not ended.
const today = new Date('2025-11-20T10:00:00Z');

describe('in-period estimate pages', () => {
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

  it('sets the measure to take an estimate on its edit page, then takes one only marked estimated', async () => {
    const officer = await t.as('performance-officer');
    await signInAs(browser.page, base, officer);
    const created = await officer.api('POST', '/api/v1/measures', measureBody({ code: 'EST-B', polarity: 'none' }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    const measure = await new MeasurePage(browser.page, base).open(id);
    expect(await measure.shows('Not taken: values only once the period is over')).toBeTruthy();
    const form = await measure.edit();
    await form.expectAccessible();
    await form.field('Take an estimate for the current period').check();
    await form.save();
    expect(await measure.shows('Measure updated')).toBeTruthy();
    expect(await measure.shows('Taken, marked as estimated')).toBeTruthy();
    await measure.expectAccessible();

    const entry = await new ValueEntryPage(browser.page, base).open(id, '2025-26-Q3');
    await entry.enter('61.5');
    await entry.saveDraft();
    expect(await entry.errorSummary()).toContain(
      'this measure takes an estimate for the current period, so set the data quality to estimated',
    );
    await entry.expectAccessible();
    await entry.enter('61.5', { quality: 'Estimated' });
    await entry.saveDraft();
    expect(await entry.shows('Value saved as a draft')).toBeTruthy();
  });
});
