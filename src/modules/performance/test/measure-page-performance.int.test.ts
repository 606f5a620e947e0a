import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measures } from '../../../schema.ts';
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
  });
});
