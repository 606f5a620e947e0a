import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measures, measureValues } from '../../../schema.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

// The measure page shows the engine's picture: status with its reason, SPC chart with its table, forecast.
describe('measure page performance section', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => new Date('2025-11-20T10:00:00Z'), demo: true });
  });
  afterAll(async () => t?.close());

  it('shows the chart as SVG with its data table on a measure with monthly history', async () => {
    const [measure] = await t.deps.database.db
      .select()
      .from(measures)
      .where(eq(measures.frequency, 'monthly'))
      .limit(1);
    expect(measure).toBeDefined();
    const signIn = await t.deps.services.auth.signIn('rachel.evans@ashdownvale.example', 'ashdown-vale-demo-2025');
    const page = await t.app.inject({
      url: `/measures/${measure!.id}`,
      headers: { cookie: `gt_session=${signIn!.token}` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="performance-heading"');
    expect(page.body).toContain('<svg');
    expect(page.body).toMatch(/<table[^>]*class="govuk-table/);
    // The Making Data Count icons sit beside their words: a drawn icon, then the words, in one row.
    expect(page.body).toMatch(
      /<span class="app-spc-icon-row">\s*<svg class="app-spc-icon"[\s\S]*?<\/svg>\s*<span>[A-Z]/,
    );
  });

  it('leaves figures not yet official out of the picture, and lists them marked as such', async () => {
    const db = t.deps.database.db;
    const [waiting] = await db
      .select({ measureId: measureValues.measureId, periodKey: measureValues.periodKey, status: measureValues.status })
      .from(measureValues)
      .where(and(inArray(measureValues.status, ['draft', 'submitted']), isNull(measureValues.breakdownId)))
      .limit(1);
    expect(waiting).toBeDefined();
    const signIn = await t.deps.services.auth.signIn('rachel.evans@ashdownvale.example', 'ashdown-vale-demo-2025');
    const headers = { cookie: `gt_session=${signIn!.token}` };
    const api = await t.app.inject({ url: `/api/v1/measures/${waiting!.measureId}/performance`, headers });
    expect(api.statusCode).toBe(200);
    const performance = api.json();
    expect(performance.officialFrom).toBe('verified');
    expect(performance.notYetOfficial).toContainEqual(
      expect.objectContaining({
        periodKey: waiting!.periodKey,
        status: expect.objectContaining({ text: expect.any(String) }),
      }),
    );
    // Not charted: the SPC table has no row for the period.
    expect(performance.spc.table.map((row: { periodKey: string }) => row.periodKey)).not.toContain(waiting!.periodKey);
    const page = await t.app.inject({ url: `/measures/${waiting!.measureId}`, headers });
    expect(page.body).toContain('Figures not yet official');
    expect(page.body).toContain('The council counts a figure once it is verified.');
  });
});
