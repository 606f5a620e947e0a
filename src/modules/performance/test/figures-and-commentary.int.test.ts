import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureValues } from '../../../schema.ts';
import { paths } from '../../../kernel/paths.ts';
import { quarterly, today } from '../../../../test/helpers/performance-fixtures.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// 20 November 2025: quarterly measures report on 2025/26 Q2; the 2025-26 target is 70%.
const RED_COMMENTARY = 'Staff shortages in the reablement team; a recovery plan was agreed in October';
const GREEN_COMMENTARY = 'Going well after the new referral route';

describe.each(DATABASES)('figures with their state and commentary on %s', (kind) => {
  let t: TestApp;
  let viewer: Agent;
  let red: string;
  let green: string;
  let waiting: string;

  async function note(measureId: string, periodKey: string, set: Partial<typeof measureValues.$inferInsert>) {
    await t.deps.database.db
      .update(measureValues)
      .set(set)
      .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, periodKey)));
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    red = (await quarterly(t, t.org, 'FC-RED', null, true, [70, 72, 71, 69, 66, 55])).id;
    green = (await quarterly(t, t.org, 'FC-GREEN', null, true, [70, 72, 71, 73, 74, 80])).id;
    waiting = (await quarterly(t, t.org, 'FC-WAIT', null, false, [70, 72, 71, 73, 74, 99])).id;
    await note(red, '2025-26-Q2', { commentary: RED_COMMENTARY });
    await note(red, '2025-26-Q1', { quality: 'estimated', commentary: 'Estimated from two of the three months' });
    await note(green, '2025-26-Q2', { commentary: GREEN_COMMENTARY });
    // Entered, not yet verified (the council counts figures from verified on), and provisional.
    await note(waiting, '2025-26-Q2', { status: 'submitted', quality: 'provisional', commentary: 'Awaiting audit' });
    await t.deps.services.performance.recompute(t.deps.database.db, t.org.id, 'all');
    viewer = await t.as('viewer');
  });
  afterAll(async () => t?.close());

  it('the dashboard’s red and amber rows carry their commentary; green rows do not', async () => {
    const api = (await viewer.get('/api/v1/performance/dashboard')).json();
    const entry = (code: string) => api.keyMeasures.find((m: { code: string }) => m.code === code);
    expect(entry('FC-RED')).toMatchObject({ status: 'red', commentary: RED_COMMENTARY });
    expect(entry('FC-GREEN')).toMatchObject({ status: 'green', commentary: null });
    const worst = api.worstPerformers.find((m: { code: string }) => m.code === 'FC-RED');
    expect(worst.commentary).toBe(RED_COMMENTARY);

    const page = await viewer.get(paths.performance());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Commentary: ${RED_COMMENTARY}`);
    expect(page.body).not.toContain(GREEN_COMMENTARY);
  });

  it('the measure page has a period-by-period table with target, RAG, direction, quality, sign-off and commentary', async () => {
    const api = (await viewer.get(`/api/v1/measures/${red}/performance`)).json();
    expect(api.figures.map((f: { periodKey: string }) => f.periodKey)).toEqual([
      '2025-26-Q2',
      '2025-26-Q1',
      '2024-25-Q4',
      '2024-25-Q3',
      '2024-25-Q2',
      '2024-25-Q1',
    ]);
    expect(api.figures[0]).toMatchObject({
      value: '55.0%',
      target: '70.0%',
      rag: 'red',
      direction: 'worsening',
      quality: 'final',
      official: true,
      marked: false,
      commentary: RED_COMMENTARY,
      signOff: { text: 'Approved' },
    });
    expect(api.figures[1]).toMatchObject({ quality: 'estimated', qualityText: 'Estimated', marked: true });

    const page = await viewer.get(paths.measure(red));
    expect(page.statusCode).toBe(200);
    const table = page.body.slice(
      page.body.indexOf('id="period-figures"'),
      page.body.indexOf('</table>', page.body.indexOf('id="period-figures"')),
    );
    expect(page.body).toMatch(
      /<div class="app-table-scroll" role="region" aria-label="[^"]+" tabindex="0">\s*<table class="govuk-table app-period-figures" id="period-figures">/,
    );
    expect(table).toContain(RED_COMMENTARY);
    expect(table).toContain('Estimated from two of the three months');
    expect(table).toContain('Estimated');
    expect(table).toContain('Approved');
    // The estimated official figure is a hollow point on the chart, and its table says so.
    expect(page.body).toContain('Hollow point: estimated figure');
  });

  it('a figure not yet official is listed and drawn hollow, marked provisional, but not used for the limits', async () => {
    const api = (await viewer.get(`/api/v1/measures/${waiting}/performance`)).json();
    expect(api.figures[0]).toMatchObject({
      periodKey: '2025-26-Q2',
      value: '99.0%',
      official: false,
      marked: true,
      quality: 'provisional',
      signOff: { text: 'Submitted' },
      commentary: 'Awaiting audit',
    });
    // The SPC reading (the API's SPC table) keeps to official figures.
    expect(api.spc.table.map((row: { periodKey: string }) => row.periodKey)).not.toContain('2025-26-Q2');

    const page = await viewer.get(paths.measure(waiting));
    expect(page.body).toContain('Hollow point: not yet official (Submitted), drawn only, not used for the limits');
    expect(page.body).toContain('Not yet official');
    expect(page.body).toContain('Provisional');
  });

  it('the entry page marks a figure not yet official as provisional, and names its quality', async () => {
    const officer = await t.as('performance-officer');
    const waitingPage = await officer.get(paths.valueEntry(waiting, '2025-26-Q2'));
    expect(waitingPage.statusCode).toBe(200);
    expect(waitingPage.body).toContain(
      'Not yet official: the council counts a figure once it is verified; until then it is provisional',
    );
    expect(waitingPage.body).toContain('Provisional figure');
    const officialPage = await officer.get(paths.valueEntry(red, '2025-26-Q2'));
    expect(officialPage.statusCode).toBe(200);
    expect(officialPage.body).not.toContain('Not yet official');
  });
});
