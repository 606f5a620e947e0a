import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { collectionRules, nonWorkingDays } from '../../measures/index.ts';
import type { ClosureDay } from '../domain/collection-rules.ts';

export type CollectionRulesRow = typeof collectionRules.$inferSelect;

export async function findRules(db: Db, organisationId: string): Promise<CollectionRulesRow | undefined> {
  const [row] = await db.select().from(collectionRules).where(eq(collectionRules.organisationId, organisationId));
  return row;
}

/** The council's own closure days (not the bank holidays), in date order. */
export async function localClosures(db: Db, organisationId: string): Promise<ClosureDay[]> {
  return db
    .select({ day: nonWorkingDays.day, name: nonWorkingDays.name })
    .from(nonWorkingDays)
    .where(and(eq(nonWorkingDays.organisationId, organisationId), eq(nonWorkingDays.source, 'local')))
    .orderBy(asc(nonWorkingDays.day));
}

export async function saveRules(
  db: Db,
  organisationId: string,
  values: Omit<typeof collectionRules.$inferInsert, 'organisationId' | 'rowVersion' | 'updatedAt'>,
): Promise<void> {
  await db
    .insert(collectionRules)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({
      target: collectionRules.organisationId,
      set: { ...values, rowVersion: sql`${collectionRules.rowVersion} + 1`, updatedAt: sql`now()` },
    });
}

export async function replaceLocalClosures(db: Db, organisationId: string, closures: readonly ClosureDay[]) {
  await db
    .delete(nonWorkingDays)
    .where(and(eq(nonWorkingDays.organisationId, organisationId), eq(nonWorkingDays.source, 'local')));
  if (closures.length === 0) return;
  await db
    .insert(nonWorkingDays)
    .values(closures.map((closure) => ({ organisationId, day: closure.day, name: closure.name, source: 'local' })))
    .onConflictDoNothing();
}
