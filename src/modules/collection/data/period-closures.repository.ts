import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Frequency } from '../../../kernel/measurement/periods.ts';
import type { Db } from '../../../platform/db/db.ts';
import { people } from '../../organisation/index.ts';
import { periodClosures } from './period-closures.schema.ts';
import { alias } from 'drizzle-orm/pg-core';

export type PeriodClosureRow = typeof periodClosures.$inferSelect;

export interface PeriodClosureView extends PeriodClosureRow {
  closedByName: string | null;
  reopenedByName: string | null;
}

/** The keys of the periods closed now (closures not reopened). */
export async function openClosureKeys(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ periodKey: periodClosures.periodKey })
    .from(periodClosures)
    .where(and(eq(periodClosures.organisationId, organisationId), isNull(periodClosures.reopenedAt)));
  return new Set(rows.map((row) => row.periodKey));
}

/**
 * Closing and reopening are serialised with writers that re-check closures (imports) through a
 * lock on the council's own row: a writer holds it shared (`holdClosures`) while it re-reads the
 * closures and writes; a close or reopen takes it exclusively (`lockClosures`), so it waits for
 * such a writer to commit, and the writer waits for a close under way before re-reading. Key-share
 * locks (taken by foreign keys on every insert) conflict with neither, so other writes never wait.
 */
export async function holdClosures(db: Db, organisationId: string): Promise<void> {
  await db.execute(sql`SELECT 1 FROM organisations WHERE id = ${organisationId} FOR SHARE`);
}

export async function lockClosures(db: Db, organisationId: string): Promise<void> {
  await db.execute(sql`SELECT 1 FROM organisations WHERE id = ${organisationId} FOR NO KEY UPDATE`);
}

/** The open closure of exactly this period, locked for the reopening. */
export async function lockOpenClosure(
  db: Db,
  organisationId: string,
  periodKey: string,
): Promise<PeriodClosureRow | undefined> {
  const [row] = await db
    .select()
    .from(periodClosures)
    .where(
      and(
        eq(periodClosures.organisationId, organisationId),
        eq(periodClosures.periodKey, periodKey),
        isNull(periodClosures.reopenedAt),
      ),
    )
    .for('update');
  return row;
}

/** Every closure, newest first, with who closed and reopened it (the history). */
export async function listClosures(db: Db, organisationId: string, limit = 200): Promise<PeriodClosureView[]> {
  const closer = alias(people, 'closer');
  const reopener = alias(people, 'reopener');
  const rows = await db
    .select({ closure: periodClosures, closedByName: closer.name, reopenedByName: reopener.name })
    .from(periodClosures)
    .leftJoin(closer, eq(closer.id, periodClosures.closedBy))
    .leftJoin(reopener, eq(reopener.id, periodClosures.reopenedBy))
    .where(eq(periodClosures.organisationId, organisationId))
    // Newest first; an open closure before a reopened one closed at the same moment.
    .orderBy(desc(periodClosures.closedAt), sql`${periodClosures.reopenedAt} IS NULL DESC`, desc(periodClosures.id))
    .limit(limit);
  return rows.map((row) => ({ ...row.closure, closedByName: row.closedByName, reopenedByName: row.reopenedByName }));
}

export async function insertClosure(
  db: Db,
  values: { organisationId: string; frequency: Frequency; periodKey: string; closedAt: Date; closedBy: string },
): Promise<PeriodClosureRow> {
  const [row] = await db.insert(periodClosures).values(values).returning();
  if (!row) throw new Error('insert into period_closures returned no row');
  return row;
}

export async function reopenClosure(
  db: Db,
  organisationId: string,
  id: string,
  values: { reopenedAt: Date; reopenedBy: string; reopenReason: string },
): Promise<PeriodClosureRow | undefined> {
  const [row] = await db
    .update(periodClosures)
    .set(values)
    .where(
      and(
        eq(periodClosures.organisationId, organisationId),
        eq(periodClosures.id, id),
        isNull(periodClosures.reopenedAt),
      ),
    )
    .returning();
  return row;
}
