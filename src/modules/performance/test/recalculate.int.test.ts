import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDataCommand } from '../../../cli/data-commands.ts';
import { measures, measureStatuses, measureTargets, measureValues, organisations } from '../../../schema.ts';
import { recalculateStatuses } from '../recalculate.job.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';
import { sayStored } from '../../../platform/words/index.ts';
import { readDataVersion } from '../../../platform/data-version/data-version.ts';

describe.each(DATABASES)('recalculating stored statuses as the calendar moves (%s)', (kind) => {
  let t: TestApp;
  let now = new Date('2025-10-06T09:00:00Z');
  let measureId: string;
  let otherMeasureId: string;
  let otherOrganisationId: string;
  let slug: string;
  const lines: string[] = [];

  async function monthlyMeasure(organisationId: string, code: string): Promise<string> {
    const db = t.deps.database.db;
    const [measure] = await db
      .insert(measures)
      .values({
        organisationId,
        code,
        title: `Calls answered within 20 seconds (${code})`,
        unit: '%',
        decimalPlaces: 1,
        polarity: 'higher-is-better',
        frequency: 'monthly',
        aggregation: 'mean',
        ragThresholds: { kind: 'percentage', amberPercent: 5 },
      })
      .returning();
    // April to September 2025 (2025/26 M01 to M06).
    await db.insert(measureValues).values(
      [81, 83, 79, 84, 86, 88].map((value, i) => ({
        organisationId,
        measureId: measure!.id,
        periodKey: `2025-26-M0${i + 1}`,
        value,
        status: 'approved' as const,
      })),
    );
    await db.insert(measureTargets).values({
      organisationId,
      measureId: measure!.id,
      kind: 'annual',
      financialYear: '2025-26',
      value: 85,
      effectiveFrom: '2025-04-01',
    });
    return measure!.id;
  }

  const job = () => ({
    db: t.deps.database.db,
    performance: t.deps.services.performance,
    log: (line: string) => void lines.push(line),
  });
  const statusOf = async (id: string, periodKey: string) =>
    (
      await t.deps.database.db
        .select()
        .from(measureStatuses)
        .where(and(eq(measureStatuses.measureId, id), eq(measureStatuses.periodKey, periodKey)))
    )[0];

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
    measureId = await monthlyMeasure(t.org.id, 'CS01');
    const [organisation] = await t.deps.database.db.select().from(organisations).where(eq(organisations.id, t.org.id));
    slug = organisation!.slug;
    const other = await t.createOrganisation('Other Borough Council');
    otherOrganisationId = other.id;
    otherMeasureId = await monthlyMeasure(other.id, 'CS01');
  });
  afterAll(async () => t?.close());

  it("stores every council's current statuses, each council in its own transaction", async () => {
    const summary = await recalculateStatuses(job());
    expect(summary.organisations).toBeGreaterThanOrEqual(2);
    expect(summary.statuses).toBeGreaterThanOrEqual(2);
    // On 6 October the period reported on is September, whose value is in.
    expect(await statusOf(measureId, '2025-26-M06')).toMatchObject({ value: 88, rag: 'green' });
    expect(await statusOf(otherMeasureId, '2025-26-M06')).toMatchObject({ value: 88, rag: 'green' });
    expect(lines.some((line) => /statuses: .*: \d+ recomputed in \d+ ms/.test(line))).toBe(true);
  });

  it('moves to the new period and marks a value that has not come in by its due date as overdue', async () => {
    now = new Date('2025-12-22T09:00:00Z'); // November (M08) is due 15 working days after 30 November
    await recalculateStatuses(job());
    const november = await statusOf(measureId, '2025-26-M08');
    expect(november).toMatchObject({ value: null, rag: 'overdue' });
    expect(sayStored(november!.ragReason)).toMatch(/^Overdue: no data for November 2025, which was due by/);
  });

  it('recalculates one council by its short name, and names an unknown one', async () => {
    now = new Date('2026-01-23T09:00:00Z'); // December (M09)
    const summary = await recalculateStatuses(job(), slug);
    expect(summary.organisations).toBe(1);
    expect(await statusOf(measureId, '2025-26-M09')).toBeDefined();
    expect(await statusOf(otherMeasureId, '2025-26-M09')).toBeUndefined();
    await expect(recalculateStatuses(job(), 'no-such-council')).rejects.toThrow(
      'No organisation has the short name no-such-council',
    );
  });

  it("moves on the recalculated council's data version (no audit row does it), so no kept dashboard shows the old statuses", async () => {
    const db = t.deps.database.db;
    now = new Date('2026-02-23T09:00:00Z'); // January (M10): a new period, so new statuses
    const [ours, theirs] = [await readDataVersion(db, t.org.id), await readDataVersion(db, otherOrganisationId)];
    await recalculateStatuses(job(), slug);
    expect(await statusOf(measureId, '2025-26-M10')).toBeDefined();
    expect(await readDataVersion(db, t.org.id)).toBe(ours + 1);
    expect(await readDataVersion(db, otherOrganisationId)).toBe(theirs);
    // Again the same day: every status as stored already, so kept dashboards stand (migration 0039).
    await recalculateStatuses(job(), slug);
    expect(await readDataVersion(db, t.org.id)).toBe(ours + 1);
  });

  it('runs from the command line', async () => {
    const done = await runDataCommand('recalculate', ['--organisation', slug], t.deps);
    expect(done).toEqual({ code: 0, output: expect.stringMatching(/^Recomputed \d+ statuses for 1 organisation\.$/) });
    const unknown = await runDataCommand('recalculate', ['--organisation', 'nowhere'], t.deps);
    expect(unknown).toEqual({ code: 1, output: 'No organisation has the short name nowhere' });
  });
});
