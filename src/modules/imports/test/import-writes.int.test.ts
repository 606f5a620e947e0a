import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyText, insertValues, updateValues, type ValueColumns } from '../data/import-writes.repository.ts';
import { measures, measureValueEvents, measureValues } from '../../../schema.ts';
import { timeOrderedIds } from '../../../platform/db/ids.ts';
import { isUniqueViolation } from '../../../platform/services/errors.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

const AWKWARD = 'Tab\there, line\nbreak, carriage\rreturn, back\\slash \\N and "quotes" £';

function columnsFor(measureId: string, count: number, commentary = ''): ValueColumns {
  const keys = Array.from({ length: count }, (_, i) => `2024-25-M${String(i + 1).padStart(2, '0')}`);
  return {
    measureId: keys.map(() => measureId),
    breakdownId: keys.map(() => null),
    periodKey: keys,
    value: keys.map((_, i) => (i === 3 ? 1e-7 : 10 + i / 10)),
    numerator: keys.map(() => null),
    denominator: keys.map(() => null),
    commentary: keys.map(() => commentary),
    quality: keys.map(() => 'final'),
    evidenceUrl: keys.map(() => ''),
    status: keys.map(() => 'submitted'),
  };
}

describe('time-ordered ids and COPY text', () => {
  it('makes UUIDv7 ids that sort in the order they were made, and differ between batches', () => {
    const ids = timeOrderedIds(1000);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
      true,
    );
    expect([...ids].sort()).toEqual(ids);
    expect(new Set([...ids, ...timeOrderedIds(1000)]).size).toBe(2000);
  });

  it('escapes the characters COPY gives meaning to', () => {
    expect(copyText('plain text, £5')).toBe('plain text, £5');
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
  });
});

describe.each(DATABASES)('writing imported values with COPY on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let measureId: string;
  const db = () => t.deps.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await t.as('performance-officer');
    const [measure] = await db()
      .insert(measures)
      .values({
        organisationId: t.org.id,
        code: 'COPY-1',
        title: 'Written with COPY',
        unit: 'number',
        decimalPlaces: 1,
        polarity: 'higher-is-better',
        frequency: 'monthly',
        aggregation: 'sum',
      })
      .returning();
    measureId = measure!.id;
  });
  afterAll(async () => t?.close());

  const writer = () => ({ organisationId: t.org.id, actorId: officer.personId, reason: 'Imported from\ta file' });

  it('inserts values and their events block by block, keeping every character and number exact', async () => {
    const columns = columnsFor(measureId, 7, AWKWARD);
    const progress: number[] = [];
    await db().transaction(async (tx) => {
      const written = await insertValues(tx, writer(), columns, [0, 1, 2, 3, 4, 5, 6], {
        blockRows: 3,
        onProgress: (done) => progress.push(done),
      });
      expect(written).toBe(7);
    });
    expect(progress).toEqual([3, 6, 7]);
    const stored = await db()
      .select()
      .from(measureValues)
      .where(eq(measureValues.measureId, measureId))
      .orderBy(measureValues.periodKey);
    expect(stored.map((row) => row.value)).toEqual([10, 10.1, 10.2, 1e-7, 10.4, 10.5, 10.6]);
    expect(stored.every((row) => row.commentary === AWKWARD && row.enteredBy === officer.personId)).toBe(true);
    expect(stored.every((row) => row.organisationId === t.org.id && row.rowVersion === 1)).toBe(true);
    const events = await db()
      .select()
      .from(measureValueEvents)
      .where(eq(measureValueEvents.measureId, measureId))
      .orderBy(measureValueEvents.id);
    expect(events).toHaveLength(7);
    expect(events.map((event) => event.valueId)).toEqual(stored.map((row) => row.id));
    expect(events[3]).toMatchObject({
      action: 'import',
      fromStatus: null,
      toStatus: 'submitted',
      oldValue: null,
      newValue: { value: 1e-7, numerator: null, denominator: null, commentary: AWKWARD, quality: 'final' },
      actorPersonId: officer.personId,
      reason: 'Imported from\ta file',
    });
  });

  it('refuses a value someone created meanwhile, and leaves nothing of the batch behind', async () => {
    const before = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(measureValues);
    // Rows 8-10 are new, row 1 (April) was written by the test before: the unique key refuses it.
    const columns = columnsFor(measureId, 10);
    const failure = await db()
      .transaction(async (tx) => {
        await insertValues(tx, writer(), columns, [7, 8, 9, 0], { blockRows: 2 });
      })
      .catch((error: unknown) => error);
    expect(isUniqueViolation(failure)).toBe(true);
    expect(
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(measureValues),
    ).toEqual(before);
  });

  it('updates values only at the version read, with old and new figures in the events', async () => {
    const stored = await db()
      .select()
      .from(measureValues)
      .where(eq(measureValues.measureId, measureId))
      .orderBy(measureValues.periodKey);
    const columns = columnsFor(measureId, 2, 'Revised');
    columns.value = [20, 21];
    const updated = await db().transaction(async (tx) =>
      updateValues(tx as never, writer(), columns, [
        { row: 0, id: stored[0]!.id, rowVersion: 1 },
        // Someone else has already changed this one (version 2): it is left alone.
        { row: 1, id: stored[1]!.id, rowVersion: 2 },
      ]),
    );
    expect(updated).toBe(1);
    const [april] = await db().select().from(measureValues).where(eq(measureValues.id, stored[0]!.id));
    expect(april).toMatchObject({ value: 20, commentary: 'Revised', rowVersion: 2 });
    const [may] = await db().select().from(measureValues).where(eq(measureValues.id, stored[1]!.id));
    expect(may).toMatchObject({ value: 10.1, rowVersion: 1 });
    const [event] = await db()
      .select()
      .from(measureValueEvents)
      .where(eq(measureValueEvents.valueId, stored[0]!.id))
      .orderBy(sql`${measureValueEvents.id} DESC`)
      .limit(1);
    expect(event).toMatchObject({
      action: 'import',
      fromStatus: 'submitted',
      oldValue: { value: 10, commentary: AWKWARD },
      newValue: { value: 20, commentary: 'Revised' },
    });
  });
});
