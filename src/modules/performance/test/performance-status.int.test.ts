import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  forecastChoices,
  measureBreakdowns,
  measures,
  measureSeries,
  measureStatuses,
  measureTargets,
  measureValues,
} from '../../../schema.ts';
import { deferSeriesRefresh, refreshSeries } from '../../measures/index.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';
import { sayStored } from '../../../platform/words/index.ts';

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
      quarters.map((periodKey, i) => ({
        organisationId: t.org.id,
        measureId,
        periodKey,
        value: values[i]!,
        status: 'approved' as const,
      })),
    );
    await db.insert(measureTargets).values([
      {
        organisationId: t.org.id,
        measureId,
        kind: 'annual',
        financialYear: '2024-25',
        value: 65,
        effectiveFrom: '2024-04-01',
      },
      {
        organisationId: t.org.id,
        measureId,
        kind: 'annual',
        financialYear: '2025-26',
        value: 70,
        effectiveFrom: '2025-04-01',
      },
    ]);
  });
  afterAll(async () => t?.close());

  it('stores the RAG of the current period with its reason, direction and SPC', async () => {
    const db = t.deps.database.db;
    const count = await t.deps.services.performance.recompute(db, t.org.id, 'all');
    expect(count).toBe(1);
    const [status] = await db.select().from(measureStatuses).where(eq(measureStatuses.measureId, measureId));
    expect(status).toMatchObject({
      periodKey: '2025-26-Q2',
      value: 62.1,
      targetValue: 70,
      rag: 'red',
      directionPrevious: 'worsening',
    });
    // Stored as a phrase; lists and dashboards say it with the catalogue.
    expect(status!.ragReason.startsWith('{')).toBe(true);
    expect(sayStored(status!.ragReason)).toBe('Red: 62.1% against a target of 70.0%; amber from 66.5%');
    expect(status!.spcVariationIcon).not.toBeNull();
  });

  it('remembers the forecast choice with its inputs, reusing it until an official figure changes', async () => {
    const db = t.deps.database.db;
    const performance = t.deps.services.performance;
    const choiceOf = async () =>
      (await db.select().from(forecastChoices).where(eq(forecastChoices.measureId, measureId)))[0];
    const statusOf = async () =>
      (await db.select().from(measureStatuses).where(eq(measureStatuses.measureId, measureId))).map(
        ({ id: _id, computedAt: _at, ...rest }) => rest,
      );
    await performance.recompute(db, t.org.id, [measureId]);
    const first = await choiceOf();
    expect(first).toMatchObject({ organisationId: t.org.id, periodKey: '2025-26-Q2' });
    expect(first!.choice.method).toBe('naive');
    const statuses = await statusOf();
    // Unchanged figures: the choice is not made (nor stored) again, and the statuses are the same.
    const marked = new Date('2000-01-01T00:00:00Z');
    await db.update(forecastChoices).set({ chosenAt: marked }).where(eq(forecastChoices.measureId, measureId));
    await performance.recompute(db, t.org.id, [measureId]);
    expect((await choiceOf())!.chosenAt).toEqual(marked);
    expect(await statusOf()).toEqual(statuses);
    // A corrected official figure: chosen again on the new inputs.
    const setQ2 = (value: number) =>
      db
        .update(measureValues)
        .set({ value })
        .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, '2025-26-Q2')));
    await setQ2(62.2);
    await performance.recompute(db, t.org.id, [measureId]);
    expect((await choiceOf())!.inputsKey).not.toBe(first!.inputsKey);
    await setQ2(62.1);
    // A forgotten choice is made afresh with the same result.
    await db.delete(forecastChoices).where(eq(forecastChoices.measureId, measureId));
    await performance.recompute(db, t.org.id, [measureId]);
    expect((await choiceOf())!.inputsKey).toBe(first!.inputsKey);
    expect(await statusOf()).toEqual(statuses);
  });

  it('recomputes incrementally from a changed period, updating rows in place', async () => {
    const db = t.deps.database.db;
    await db
      .update(measureValues)
      .set({ value: 71 })
      .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, '2025-26-Q2')));
    const count = await t.deps.services.performance.recompute(db, t.org.id, [measureId], {
      fromPeriodKey: '2025-26-Q1',
    });
    expect(count).toBe(2);
    const rows = await db.select().from(measureStatuses).where(eq(measureStatuses.measureId, measureId));
    expect(rows.map((row) => row.periodKey).sort()).toEqual(['2025-26-Q1', '2025-26-Q2']);
    expect(rows.find((row) => row.periodKey === '2025-26-Q2')).toMatchObject({
      rag: 'green',
      directionPrevious: 'improving',
    });
  });

  it('keeps the packed series in step with the values through insert, update and delete', async () => {
    const db = t.deps.database.db;
    const seriesOf = async () => {
      const [row] = await db.select().from(measureSeries).where(eq(measureSeries.measureId, measureId));
      if (!row) return null;
      const keys = row.periodKeys.split(',');
      const values = row.vals.split(',');
      return Object.fromEntries(keys.map((key, i) => [key, values[i] === '' ? null : Number(values[i])]));
    };
    const fromValues = async () =>
      Object.fromEntries(
        (await db.select().from(measureValues).where(eq(measureValues.measureId, measureId)))
          .filter((row) => row.breakdownId === null)
          .map((row) => [row.periodKey, row.value]),
      );
    expect(await seriesOf()).toEqual(await fromValues());

    // A breakdown's figure is not the measure's: it stays out of the series.
    const [ward] = await db
      .insert(measureBreakdowns)
      .values({ organisationId: t.org.id, measureId, dimension: 'ward', code: 'W1', label: 'Abbey' })
      .returning();
    await db.insert(measureValues).values([
      { organisationId: t.org.id, measureId, periodKey: '2023-24-Q4', value: 0.1 + 0.2, status: 'approved' },
      { organisationId: t.org.id, measureId, periodKey: '2023-24-Q3', value: null, status: 'draft' },
      {
        organisationId: t.org.id,
        measureId,
        breakdownId: ward!.id,
        periodKey: '2023-24-Q2',
        value: 5,
        status: 'draft' as const,
      },
    ]);
    const afterInsert = await seriesOf();
    expect(afterInsert).toEqual(await fromValues());
    expect(afterInsert!['2023-24-Q4']).toBe(0.1 + 0.2); // float8 as text round-trips exactly
    expect(afterInsert!['2023-24-Q3']).toBeNull();
    expect(afterInsert).not.toHaveProperty('2023-24-Q2');

    await db
      .update(measureValues)
      .set({ value: 12.5 })
      .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, '2023-24-Q3')));
    expect((await seriesOf())!['2023-24-Q3']).toBe(12.5);

    await db
      .delete(measureValues)
      .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, '2023-24-Q4')));
    await db
      .delete(measureValues)
      .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, '2023-24-Q3')));
    await db.delete(measureValues).where(eq(measureValues.breakdownId, ward!.id));
    expect(await seriesOf()).toEqual(await fromValues());
  });

  it('lets a bulk writer defer the series refresh to one call before it commits', async () => {
    const db = t.deps.database.db;
    const keysOf = async () => {
      const [row] = await db.select().from(measureSeries).where(eq(measureSeries.measureId, measureId));
      return row!.periodKeys.split(',').sort();
    };
    const before = await keysOf();
    await db.transaction(async (tx) => {
      await deferSeriesRefresh(tx);
      await tx
        .insert(measureValues)
        .values({ organisationId: t.org.id, measureId, periodKey: '2023-24-Q1', value: 60, status: 'approved' });
      expect(
        await (async () => {
          const [row] = await tx.select().from(measureSeries).where(eq(measureSeries.measureId, measureId));
          return row!.periodKeys.split(',').sort();
        })(),
      ).toEqual(before);
      await refreshSeries(tx, [measureId]);
      const [row] = await tx.select().from(measureSeries).where(eq(measureSeries.measureId, measureId));
      expect(row!.periodKeys.split(',').sort()).toEqual([...before, '2023-24-Q1'].sort());
      // The deferral ends with the refresh: the next statement refreshes again by itself.
      await tx
        .delete(measureValues)
        .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, '2023-24-Q1')));
    });
    expect(await keysOf()).toEqual(before);
  });

  it('gives the same statuses whatever the chunk size, and overdue ones for a measure with no values', async () => {
    const db = t.deps.database.db;
    const more = await db
      .insert(measures)
      .values(
        [2, 3, 4, 5, 6].map((n) => ({
          organisationId: t.org.id,
          code: `CHUNK0${n}`,
          title: `Chunked measure ${n}`,
          unit: 'number',
          decimalPlaces: 0,
          polarity: n % 2 ? ('lower-is-better' as const) : ('higher-is-better' as const),
          frequency: 'quarterly' as const,
          aggregation: 'sum' as const,
          ragThresholds: { kind: 'percentage' as const, amberPercent: 10 },
        })),
      )
      .returning();
    // The last new measure has no values at all.
    for (const [i, measure] of more.slice(0, -1).entries()) {
      await db.insert(measureValues).values(
        ['2024-25-Q4', '2025-26-Q1', '2025-26-Q2'].map((periodKey, k) => ({
          organisationId: t.org.id,
          measureId: measure.id,
          periodKey,
          value: 100 + 10 * i + k,
          status: 'approved' as const,
        })),
      );
      await db.insert(measureTargets).values({
        organisationId: t.org.id,
        measureId: measure.id,
        kind: 'annual',
        financialYear: '2025-26',
        value: 400 + i,
        effectiveFrom: '2025-04-01',
      });
    }
    const stored = async () =>
      (await db.select().from(measureStatuses).where(eq(measureStatuses.organisationId, t.org.id)))
        .map(({ id: _id, computedAt: _at, ...rest }) => rest)
        .sort((a, b) => `${a.measureId}${a.periodKey}`.localeCompare(`${b.measureId}${b.periodKey}`));
    const performance = t.deps.services.performance;
    const whole = await db.transaction((tx) =>
      performance.recompute(tx, t.org.id, 'all', { fromPeriodKey: '2024-25-Q4' }),
    );
    const once = await stored();
    await db.delete(measureStatuses).where(eq(measureStatuses.organisationId, t.org.id));
    const chunked = await db.transaction((tx) =>
      performance.recompute(tx, t.org.id, 'all', { fromPeriodKey: '2024-25-Q4', chunkSize: 2 }),
    );
    expect(chunked).toBe(whole);
    expect(await stored()).toEqual(once);
    expect(once.filter((row) => row.measureId === more.at(-1)!.id).map((row) => row.rag)).toEqual([
      'overdue',
      'overdue',
      'overdue',
    ]);
    expect(new Set(once.map((row) => row.measureId)).size).toBe(6);
  });

  it("recomputes a measure's stored status when its own target is set or revised through the service", async () => {
    const db = t.deps.database.db;
    const officer = await t.as('performance-officer');
    const [measure] = await db
      .insert(measures)
      .values({
        organisationId: t.org.id,
        code: 'TGT01',
        title: 'Target changes move the stored status',
        unit: '%',
        decimalPlaces: 1,
        polarity: 'higher-is-better',
        frequency: 'quarterly',
        aggregation: 'mean',
        ragThresholds: { kind: 'percentage', amberPercent: 5 },
      })
      .returning();
    const id = measure!.id;
    await db.insert(measureValues).values(
      ['2025-26-Q1', '2025-26-Q2'].map((periodKey) => ({
        organisationId: t.org.id,
        measureId: id,
        periodKey,
        value: 62,
        status: 'approved' as const,
      })),
    );
    const ragOf = async () =>
      (
        await db
          .select()
          .from(measureStatuses)
          .where(and(eq(measureStatuses.measureId, id), eq(measureStatuses.periodKey, '2025-26-Q2')))
      )[0]?.rag;
    await t.deps.services.performance.recompute(db, t.org.id, [id]);
    expect(await ragOf()).toBe('no-target');

    // Set: 62% against 60% is green at once, with no recalculation asked for.
    const set = await officer.api('POST', `/api/v1/measures/${id}/targets`, {
      kind: 'annual',
      financialYear: '2025-26',
      value: 60,
    });
    expect(set.statusCode, set.body).toBe(201);
    expect(await ragOf()).toBe('green');

    // Revised to 70%: 62% is red, again at once.
    const revised = await officer.api('POST', `/api/v1/measures/${id}/targets/${set.json().id}/revisions`, {
      value: 70,
      effectiveFrom: '2025-04-01',
      reason: 'Cabinet raised the ambition',
    });
    expect(revised.statusCode, revised.body).toBe(201);
    expect(await ragOf()).toBe('red');
  });
});
