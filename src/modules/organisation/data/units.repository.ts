import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { rowsOf } from '../../../platform/db/rows.ts';
import { units } from './organisation.schema.ts';

export type UnitRow = typeof units.$inferSelect;

export async function listUnits(db: Db, organisationId: string): Promise<UnitRow[]> {
  return db.select().from(units).where(eq(units.organisationId, organisationId)).orderBy(asc(units.name));
}

/** The units at the top of the organisation's tree (a council has one: the council itself). */
export async function topLevelUnitIds(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), isNull(units.parentId)));
  return rows.map((row) => row.id);
}

export async function findUnit(db: Db, organisationId: string, id: string): Promise<UnitRow | undefined> {
  const rows = await db
    .select()
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.id, id)));
  return rows[0];
}

export async function findUnitByCode(db: Db, organisationId: string, code: string): Promise<UnitRow | undefined> {
  const rows = await db
    .select()
    .from(units)
    .where(and(eq(units.organisationId, organisationId), sql`lower(${units.code}) = lower(${code})`));
  return rows[0];
}

/** The unit itself first, then each parent up to the root: answered by the database. */
export async function unitAncestry(db: Db, organisationId: string, unitId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE chain(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM units WHERE id = ${unitId} AND organisation_id = ${organisationId}
      UNION ALL
      SELECT u.id, u.parent_id, c.depth + 1 FROM units u JOIN chain c ON u.id = c.parent_id
      WHERE c.depth < 100
    )
    SELECT id FROM chain ORDER BY depth`);
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}

/** The unit and everything below it. */
export async function unitDescendants(db: Db, organisationId: string, unitId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE tree(id, depth) AS (
      SELECT id, 0 FROM units WHERE id = ${unitId} AND organisation_id = ${organisationId}
      UNION ALL
      SELECT u.id, t.depth + 1 FROM units u JOIN tree t ON u.parent_id = t.id WHERE t.depth < 100
    )
    SELECT id FROM tree`);
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}

export async function insertUnit(db: Db, values: typeof units.$inferInsert): Promise<UnitRow> {
  const [row] = await db.insert(units).values(values).returning();
  if (!row) throw new Error('insert into units returned no row');
  return row;
}

export async function updateUnit(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof units.$inferInsert>,
): Promise<UnitRow | undefined> {
  const [row] = await db
    .update(units)
    .set(values)
    .where(and(eq(units.organisationId, organisationId), eq(units.id, id)))
    .returning();
  return row;
}
