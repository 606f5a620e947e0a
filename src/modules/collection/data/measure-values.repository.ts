import { and, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { measureValueEvents, measureValues, periodLocks } from '../../measures/index.ts';

export type ValueRow = typeof measureValues.$inferSelect;
export type ValueInsert = typeof measureValues.$inferInsert;

export async function findValue(
  db: Db,
  organisationId: string,
  measureId: string,
  periodKey: string,
  breakdownId: string | null,
): Promise<ValueRow | undefined> {
  const [row] = await db
    .select()
    .from(measureValues)
    .where(
      and(
        eq(measureValues.organisationId, organisationId),
        eq(measureValues.measureId, measureId),
        eq(measureValues.periodKey, periodKey),
        breakdownId ? eq(measureValues.breakdownId, breakdownId) : isNull(measureValues.breakdownId),
      ),
    )
    // Row lock: two people saving the same value queue here, and the second sees the first's version.
    .for('update');
  return row;
}

export async function findValueById(db: Db, organisationId: string, id: string): Promise<ValueRow | undefined> {
  const [row] = await db
    .select()
    .from(measureValues)
    .where(and(eq(measureValues.organisationId, organisationId), eq(measureValues.id, id)))
    .for('update');
  return row;
}

export async function insertValue(db: Db, values: ValueInsert): Promise<ValueRow> {
  const [row] = await db.insert(measureValues).values(values).returning();
  if (!row) throw new Error('insert into measure_values returned no row');
  return row;
}

/** Updates only when the stored row_version is the one the person started from. */
export async function updateValue(
  db: Db,
  organisationId: string,
  id: string,
  expectedRowVersion: number,
  values: Partial<ValueInsert>,
): Promise<ValueRow | undefined> {
  const [row] = await db
    .update(measureValues)
    .set({ ...values, rowVersion: expectedRowVersion + 1, updatedAt: sql`now()` })
    .where(
      and(
        eq(measureValues.organisationId, organisationId),
        eq(measureValues.id, id),
        eq(measureValues.rowVersion, expectedRowVersion),
      ),
    )
    .returning();
  return row;
}

export async function insertValueEvent(db: Db, event: typeof measureValueEvents.$inferInsert): Promise<void> {
  await db.insert(measureValueEvents).values(event);
}

export async function valueEvents(db: Db, organisationId: string, measureId: string, limit = 200) {
  return db
    .select()
    .from(measureValueEvents)
    .where(and(eq(measureValueEvents.organisationId, organisationId), eq(measureValueEvents.measureId, measureId)))
    .orderBy(desc(measureValueEvents.at), desc(measureValueEvents.id))
    .limit(limit);
}

/** An open lock on the period, for this measure or the whole organisation. */
export async function openLock(db: Db, organisationId: string, measureId: string, periodKey: string) {
  const [lock] = await db
    .select()
    .from(periodLocks)
    .where(
      and(
        eq(periodLocks.organisationId, organisationId),
        eq(periodLocks.periodKey, periodKey),
        or(eq(periodLocks.measureId, measureId), isNull(periodLocks.measureId)),
        isNull(periodLocks.reopenedAt),
      ),
    );
  return lock;
}

export async function lockPeriod(db: Db, values: typeof periodLocks.$inferInsert): Promise<void> {
  await db.insert(periodLocks).values(values).onConflictDoNothing();
}

export async function reopenLocks(
  db: Db,
  organisationId: string,
  measureId: string,
  periodKey: string,
  by: string,
  reason: string,
) {
  await db
    .update(periodLocks)
    .set({ reopenedAt: sql`now()`, reopenedBy: by, reopenReason: reason })
    .where(
      and(
        eq(periodLocks.organisationId, organisationId),
        eq(periodLocks.measureId, measureId),
        eq(periodLocks.periodKey, periodKey),
        isNull(periodLocks.reopenedAt),
      ),
    );
}

/** The latest figures of a value slot before a period, oldest first (plausibility at entry). */
export async function earlierFigures(
  db: Db,
  organisationId: string,
  measureId: string,
  breakdownId: string | null,
  periodKey: string,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .select({ value: measureValues.value })
    .from(measureValues)
    .where(
      and(
        eq(measureValues.organisationId, organisationId),
        eq(measureValues.measureId, measureId),
        breakdownId ? eq(measureValues.breakdownId, breakdownId) : isNull(measureValues.breakdownId),
        lt(measureValues.periodKey, periodKey),
        isNotNull(measureValues.value),
      ),
    )
    .orderBy(desc(measureValues.periodKey))
    .limit(limit);
  return rows.map((row) => row.value!).reverse();
}

const ENTRY_ACTIONS = ['create', 'edit', 'submit', 'import'];

/** Who entered (last saved, submitted or imported) a value and who last verified it. */
export async function signOffPeople(
  db: Db,
  organisationId: string,
  valueId: string,
): Promise<{ enteredBy: string | null; verifiedBy: string | null }> {
  const rows = await db
    .select({ action: measureValueEvents.action, actorPersonId: measureValueEvents.actorPersonId })
    .from(measureValueEvents)
    .where(and(eq(measureValueEvents.organisationId, organisationId), eq(measureValueEvents.valueId, valueId)))
    .orderBy(desc(measureValueEvents.id));
  return signOffPeopleIn(rows);
}

/** Who entered and who last verified a value, from its events newest first (by id). */
export function signOffPeopleIn(events: readonly { action: string; actorPersonId: string | null }[]): {
  enteredBy: string | null;
  verifiedBy: string | null;
} {
  const entered = events.find((event) => ENTRY_ACTIONS.includes(event.action));
  const verified = events.find((event) => event.action === 'verify');
  return { enteredBy: entered?.actorPersonId ?? null, verifiedBy: verified?.actorPersonId ?? null };
}
