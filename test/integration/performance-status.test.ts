import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measures, measureStatuses, measureTargets, measureValues } from '../../src/data/schema/index.ts';
import { createTestApp, DATABASES, type TestApp } from '../helpers/test-app.ts';

// "Today" is 20 November 2025: the current quarter being reported on is 2025/26 Q2.
const today = new Date('2025-11-20T10:00:00Z');

describe.each(DATABASES)('stored performance statuses on %s', (kind) => {
  let t: TestApp;
  let measureId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    const db = t.deps.database.db;
    const [measure] = await db
      .insert(measures)
      .values({
        organisationId: t.org.id,
        code: 'HOU01',
        title: 'Households prevented from becoming homeless',
        unit: '%',
        decimalPlaces: 1,
        polarity: 'higher-is-better',
        frequency: 'quarterly',
        aggregation: 'mean',
        ragThresholds: { kind: 'percentage', amberPercent: 5 },
      })
      .returning();
    measureId = measure!.id;
    const quarters = ['2024-25-Q1', '2024-25-Q2', '2024-25-Q3', '2024-25-Q4', '2025-26-Q1', '2025-26-Q2'];
    const values = [64, 66, 65, 67, 66, 62.1];
    await db.insert(measureValues).values(
      quarters.map((periodKey, i) => ({ organisationId: t.org.id, measureId, periodKey, value: values[i]!, status: 'approved' })),
    );
    await db.insert(measureTargets).values([
      { organisationId: t.org.id, measureId, kind: 'annual', financialYear: '2024-25', value: 65, effectiveFrom: '2024-04-01' },
      { organisationId: t.org.id, measureId, kind: 'annual', financialYear: '2025-26', value: 70, effectiveFrom: '2025-04-01' },
    ]);
  });
  afterAll(async () => t?.close());

  it('stores the RAG of the current period with its reason, direction and SPC', async () => {
    const db = t.deps.database.db;
    const count = await t.deps.services.performance.recompute(db, t.org.id, 'all');
    expect(count).toBe(1);
    const [status] = await db.select().from(measureStatuses).where(eq(measureStatuses.measureId, measureId));
    expect(status).toMatchObject({ periodKey: '2025-26-Q2', value: 62.1, targetValue: 70, rag: 'red', directionPrevious: 'worsening' });
    expect(status!.ragReason).toContain('62.1%');
    expect(status!.ragReason).toContain('70.0%');
    expect(status!.spcVariationIcon).not.toBeNull();
  });

  it('recomputes incrementally from a changed period, updating rows in place', async () => {
    const db = t.deps.database.db;
    await db
      .update(measureValues)
      .set({ value: 71 })
      .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, '2025-26-Q2')));
    const count = await t.deps.services.performance.recompute(db, t.org.id, [measureId], { fromPeriodKey: '2025-26-Q1' });
    expect(count).toBe(2);
    const rows = await db.select().from(measureStatuses).where(eq(measureStatuses.measureId, measureId));
    expect(rows.map((row) => row.periodKey).sort()).toEqual(['2025-26-Q1', '2025-26-Q2']);
    expect(rows.find((row) => row.periodKey === '2025-26-Q2')).toMatchObject({ rag: 'green', directionPrevious: 'improving' });
  });
});
