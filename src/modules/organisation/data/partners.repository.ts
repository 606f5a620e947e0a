import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { rowsOf } from '../../../platform/db/rows.ts';
import { partners } from './organisation.schema.ts';

export type PartnerRow = typeof partners.$inferSelect;

export async function listPartners(db: Db, organisationId: string): Promise<PartnerRow[]> {
  return db.select().from(partners).where(eq(partners.organisationId, organisationId)).orderBy(asc(partners.name));
}

export async function findPartner(db: Db, organisationId: string, id: string): Promise<PartnerRow | undefined> {
  const [row] = await db
    .select()
    .from(partners)
    .where(and(eq(partners.organisationId, organisationId), eq(partners.id, id)));
  return row;
}

export async function findPartnerByName(db: Db, organisationId: string, name: string): Promise<PartnerRow | undefined> {
  const [row] = await db
    .select()
    .from(partners)
    .where(and(eq(partners.organisationId, organisationId), sql`lower(${partners.name}) = lower(${name})`));
  return row;
}

export async function insertPartner(db: Db, values: typeof partners.$inferInsert): Promise<PartnerRow> {
  const [row] = await db.insert(partners).values(values).returning();
  if (!row) throw new Error('insert into partners returned no row');
  return row;
}

export async function updatePartner(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof partners.$inferInsert>,
): Promise<PartnerRow | undefined> {
  const [row] = await db
    .update(partners)
    .set(values)
    .where(and(eq(partners.organisationId, organisationId), eq(partners.id, id)))
    .returning();
  return row;
}

export interface PartnerItem {
  itemId: string;
  code: string;
  title: string;
  planId: string;
  planTitle: string;
  planStatus: string;
}

/** The plan items that name the partner, newest plans first. */
export async function itemsNamingPartner(db: Db, organisationId: string, partnerId: string): Promise<PartnerItem[]> {
  const result = await db.execute(sql`
    SELECT i.id AS "itemId", i.code AS "code", i.title AS "title",
           p.id AS "planId", p.title AS "planTitle", p.status AS "planStatus"
    FROM plan_item_partners ip
    JOIN plan_items i ON i.id = ip.item_id
    JOIN plans p ON p.id = i.plan_id
    WHERE ip.partner_id = ${partnerId}
      AND i.organisation_id = ${organisationId}
      AND p.organisation_id = ${organisationId}
    ORDER BY p.period_start DESC, p.title, p.version DESC, i.position, i.code`);
  return rowsOf<PartnerItem>(result);
}

/** People currently recorded as belonging to the partner. */
export async function countPartnerPeople(db: Db, organisationId: string, partnerId: string): Promise<number> {
  const result = await db.execute(sql`
    SELECT count(*)::int AS "count" FROM people
    WHERE organisation_id = ${organisationId} AND partner_id = ${partnerId} AND status = 'active'`);
  return rowsOf<{ count: number }>(result)[0]?.count ?? 0;
}
