import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { rowsOf } from '../../../platform/db/rows.ts';
import { contributionLinks, planItemPartners, planItems, plans } from './plans.schema.ts';
import { itemTypes, planTypeItemTypes, planTypes } from '../../framework/index.ts';
import { partners, people, units } from '../../organisation/index.ts';

export type ItemRow = typeof planItems.$inferSelect;
export type LinkRow = typeof contributionLinks.$inferSelect;

/** A plan with what items need to know of its type. */
export interface PlanForItems {
  id: string;
  title: string;
  status: string;
  owningUnitId: string;
  planTypeId: string;
  planTypeName: string;
  level: number;
  parentPlanId: string | null;
  ownerPersonId: string | null;
}

const planColumns = {
  id: plans.id,
  title: plans.title,
  status: plans.status,
  owningUnitId: plans.owningUnitId,
  planTypeId: plans.planTypeId,
  planTypeName: planTypes.name,
  level: planTypes.level,
  parentPlanId: plans.parentPlanId,
  ownerPersonId: plans.ownerPersonId,
};

export async function findPlanForItems(
  db: Db,
  organisationId: string,
  planId: string,
): Promise<PlanForItems | undefined> {
  const [row] = await db
    .select(planColumns)
    .from(plans)
    .innerJoin(planTypes, eq(planTypes.id, plans.planTypeId))
    .where(and(eq(plans.organisationId, organisationId), eq(plans.id, planId)));
  return row;
}

/** Locks the plan row so its status cannot change while items are written (approval races). */
export async function lockPlan(db: Db, organisationId: string, planId: string): Promise<void> {
  await db.execute(sql`SELECT id FROM plans WHERE id = ${planId} AND organisation_id = ${organisationId} FOR UPDATE`);
}

export async function findItem(db: Db, organisationId: string, id: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(planItems)
    .where(and(eq(planItems.organisationId, organisationId), eq(planItems.id, id)));
  return row;
}

export async function findItemByCode(
  db: Db,
  organisationId: string,
  planId: string,
  code: string,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(planItems)
    .where(
      and(
        eq(planItems.organisationId, organisationId),
        eq(planItems.planId, planId),
        sql`lower(${planItems.code}) = lower(${code})`,
      ),
    );
  return row;
}

/** Whether the person belongs to the partner the item is shared with (partner callers). */
export async function isSharedWith(db: Db, itemId: string, partnerId: string): Promise<boolean> {
  const rows = await db
    .select({ itemId: planItemPartners.itemId })
    .from(planItemPartners)
    .where(and(eq(planItemPartners.itemId, itemId), eq(planItemPartners.partnerId, partnerId)));
  return rows.length > 0;
}

export interface ItemListRow {
  id: string;
  planId: string;
  parentItemId: string | null;
  itemTypeId: string;
  typeName: string;
  code: string;
  title: string;
  description: string;
  ownerPersonId: string | null;
  ownerPersonName: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string | null;
  throughPartnership: boolean;
  position: number;
  rowVersion: number;
}

const listColumns = {
  id: planItems.id,
  planId: planItems.planId,
  parentItemId: planItems.parentItemId,
  itemTypeId: planItems.itemTypeId,
  typeName: itemTypes.name,
  code: planItems.code,
  title: planItems.title,
  description: planItems.description,
  ownerPersonId: planItems.ownerPersonId,
  ownerPersonName: people.name,
  ownerUnitId: planItems.ownerUnitId,
  ownerUnitName: units.name,
  throughPartnership: planItems.throughPartnership,
  position: planItems.position,
  rowVersion: planItems.rowVersion,
};

/** The items of a plan; for a partner, only those shared with it. */
export async function listItems(
  db: Db,
  organisationId: string,
  planId: string,
  partnerId: string | null,
): Promise<ItemListRow[]> {
  return db
    .select(listColumns)
    .from(planItems)
    .innerJoin(itemTypes, eq(itemTypes.id, planItems.itemTypeId))
    .leftJoin(people, eq(people.id, planItems.ownerPersonId))
    .leftJoin(units, eq(units.id, planItems.ownerUnitId))
    .where(
      and(
        eq(planItems.organisationId, organisationId),
        eq(planItems.planId, planId),
        partnerId === null
          ? undefined
          : sql`EXISTS (SELECT 1 FROM plan_item_partners pip WHERE pip.item_id = ${planItems.id} AND pip.partner_id = ${partnerId})`,
      ),
    )
    .orderBy(asc(planItems.position), asc(planItems.code));
}

export async function getItemRow(db: Db, organisationId: string, id: string): Promise<ItemListRow | undefined> {
  const [row] = await db
    .select(listColumns)
    .from(planItems)
    .innerJoin(itemTypes, eq(itemTypes.id, planItems.itemTypeId))
    .leftJoin(people, eq(people.id, planItems.ownerPersonId))
    .leftJoin(units, eq(units.id, planItems.ownerUnitId))
    .where(and(eq(planItems.organisationId, organisationId), eq(planItems.id, id)));
  return row;
}

export interface ItemPartner {
  itemId: string;
  partnerId: string;
  name: string;
}

export async function partnersOf(db: Db, organisationId: string, itemIds: readonly string[]): Promise<ItemPartner[]> {
  if (itemIds.length === 0) return [];
  return db
    .select({ itemId: planItemPartners.itemId, partnerId: partners.id, name: partners.name })
    .from(planItemPartners)
    .innerJoin(partners, eq(partners.id, planItemPartners.partnerId))
    .where(and(eq(partners.organisationId, organisationId), inArray(planItemPartners.itemId, [...itemIds])))
    .orderBy(asc(partners.name));
}

export async function replacePartners(
  db: Db,
  organisationId: string,
  itemId: string,
  partnerIds: readonly string[],
): Promise<void> {
  await db
    .delete(planItemPartners)
    .where(and(eq(planItemPartners.organisationId, organisationId), eq(planItemPartners.itemId, itemId)));
  if (partnerIds.length > 0) {
    await db.insert(planItemPartners).values(partnerIds.map((partnerId) => ({ organisationId, itemId, partnerId })));
  }
}

/** A link seen from one end, with the item at the other end and its plan. */
export interface LinkEnd {
  linkId: string;
  kind: string;
  fromItemId: string;
  toItemId: string;
  itemId: string;
  code: string;
  title: string;
  typeName: string;
  planId: string;
  planTitle: string;
  planStatus: string;
}

/** Links out of the items (what they contribute to), with the target item. */
export async function linksFrom(db: Db, organisationId: string, itemIds: readonly string[]): Promise<LinkEnd[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .select({
      linkId: contributionLinks.id,
      kind: contributionLinks.kind,
      fromItemId: contributionLinks.fromItemId,
      toItemId: contributionLinks.toItemId,
      itemId: planItems.id,
      code: planItems.code,
      title: planItems.title,
      typeName: itemTypes.name,
      planId: plans.id,
      planTitle: plans.title,
      planStatus: plans.status,
    })
    .from(contributionLinks)
    .innerJoin(planItems, eq(planItems.id, contributionLinks.toItemId))
    .innerJoin(itemTypes, eq(itemTypes.id, planItems.itemTypeId))
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(
      and(eq(contributionLinks.organisationId, organisationId), inArray(contributionLinks.fromItemId, [...itemIds])),
    )
    .orderBy(asc(plans.title), asc(planItems.code));
  return rows;
}

/** Links into the item (what contributes to it), with the contributing item. */
export async function linksTo(db: Db, organisationId: string, itemId: string): Promise<LinkEnd[]> {
  return db
    .select({
      linkId: contributionLinks.id,
      kind: contributionLinks.kind,
      fromItemId: contributionLinks.fromItemId,
      toItemId: contributionLinks.toItemId,
      itemId: planItems.id,
      code: planItems.code,
      title: planItems.title,
      typeName: itemTypes.name,
      planId: plans.id,
      planTitle: plans.title,
      planStatus: plans.status,
    })
    .from(contributionLinks)
    .innerJoin(planItems, eq(planItems.id, contributionLinks.fromItemId))
    .innerJoin(itemTypes, eq(itemTypes.id, planItems.itemTypeId))
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(and(eq(contributionLinks.organisationId, organisationId), eq(contributionLinks.toItemId, itemId)))
    .orderBy(asc(plans.title), asc(planItems.code));
}

export async function findLink(db: Db, organisationId: string, linkId: string): Promise<LinkRow | undefined> {
  const [row] = await db
    .select()
    .from(contributionLinks)
    .where(and(eq(contributionLinks.organisationId, organisationId), eq(contributionLinks.id, linkId)));
  return row;
}

export async function findLinkBetween(
  db: Db,
  organisationId: string,
  fromItemId: string,
  toItemId: string,
): Promise<LinkRow | undefined> {
  const [row] = await db
    .select()
    .from(contributionLinks)
    .where(
      and(
        eq(contributionLinks.organisationId, organisationId),
        eq(contributionLinks.fromItemId, fromItemId),
        eq(contributionLinks.toItemId, toItemId),
      ),
    );
  return row;
}

export async function insertLink(db: Db, values: typeof contributionLinks.$inferInsert): Promise<LinkRow> {
  const [row] = await db.insert(contributionLinks).values(values).returning();
  if (!row) throw new Error('insert into contribution_links returned no row');
  return row;
}

export async function deleteLink(db: Db, organisationId: string, linkId: string): Promise<void> {
  await db
    .delete(contributionLinks)
    .where(and(eq(contributionLinks.organisationId, organisationId), eq(contributionLinks.id, linkId)));
}

/** How many child items and links (either way) hold the item in place. */
export async function dependentsOf(
  db: Db,
  organisationId: string,
  itemId: string,
): Promise<{ children: number; links: number }> {
  const result = await db.execute(sql`
    SELECT
      (SELECT count(*) FROM plan_items WHERE organisation_id = ${organisationId} AND parent_item_id = ${itemId})::int AS children,
      (SELECT count(*) FROM contribution_links WHERE organisation_id = ${organisationId}
         AND (from_item_id = ${itemId} OR to_item_id = ${itemId}))::int AS links`);
  const [row] = rowsOf<{ children: number; links: number }>(result);
  return { children: Number(row?.children ?? 0), links: Number(row?.links ?? 0) };
}

export async function insertItem(db: Db, values: typeof planItems.$inferInsert): Promise<ItemRow> {
  const [row] = await db.insert(planItems).values(values).returning();
  if (!row) throw new Error('insert into plan_items returned no row');
  return row;
}

/** Updates only if nobody else has changed the item since `rowVersion`; undefined means stale. */
export async function updateItem(
  db: Db,
  organisationId: string,
  id: string,
  rowVersion: number,
  values: Partial<typeof planItems.$inferInsert>,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(planItems)
    .set({ ...values, rowVersion: sql`${planItems.rowVersion} + 1` })
    .where(
      and(eq(planItems.organisationId, organisationId), eq(planItems.id, id), eq(planItems.rowVersion, rowVersion)),
    )
    .returning();
  return row;
}

export async function deleteItem(db: Db, organisationId: string, id: string): Promise<void> {
  await db.delete(planItems).where(and(eq(planItems.organisationId, organisationId), eq(planItems.id, id)));
}

/** The next position at the end of the item's siblings. */
export async function nextPosition(db: Db, planId: string, parentItemId: string | null): Promise<number> {
  const result = await db.execute(sql`
    SELECT coalesce(max(position), 0)::int + 1 AS next FROM plan_items
    WHERE plan_id = ${planId} AND parent_item_id IS NOT DISTINCT FROM ${parentItemId}::uuid`);
  return Number(rowsOf<{ next: number }>(result)[0]?.next ?? 1);
}

export interface ItemTypeOption {
  id: string;
  name: string;
  active: boolean;
}

/** The item types the plan type may hold. */
export async function allowedItemTypes(db: Db, organisationId: string, planTypeId: string): Promise<ItemTypeOption[]> {
  return db
    .select({ id: itemTypes.id, name: itemTypes.name, active: itemTypes.active })
    .from(planTypeItemTypes)
    .innerJoin(itemTypes, eq(itemTypes.id, planTypeItemTypes.itemTypeId))
    .where(and(eq(itemTypes.organisationId, organisationId), eq(planTypeItemTypes.planTypeId, planTypeId)))
    .orderBy(asc(itemTypes.name));
}

export async function findItemType(db: Db, organisationId: string, id: string): Promise<ItemTypeOption | undefined> {
  const [row] = await db
    .select({ id: itemTypes.id, name: itemTypes.name, active: itemTypes.active })
    .from(itemTypes)
    .where(and(eq(itemTypes.organisationId, organisationId), eq(itemTypes.id, id)));
  return row;
}

export interface NamedRow {
  id: string;
  name: string;
}

export async function activePeople(db: Db, organisationId: string): Promise<NamedRow[]> {
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.status, 'active')))
    .orderBy(asc(people.name));
}

export async function activeUnits(db: Db, organisationId: string): Promise<NamedRow[]> {
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.active, true)))
    .orderBy(asc(units.name));
}

export async function allPartners(db: Db, organisationId: string): Promise<NamedRow[]> {
  return db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(eq(partners.organisationId, organisationId))
    .orderBy(asc(partners.name));
}

export async function findPerson(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return row;
}

export async function findUnit(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name, active: units.active })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.id, id)));
  return row;
}

export async function countPartners(db: Db, organisationId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.organisationId, organisationId), inArray(partners.id, [...ids])));
  return rows.length;
}

export interface LinkTargetRow {
  id: string;
  code: string;
  title: string;
  typeName: string;
  planId: string;
  planTitle: string;
  level: number;
}

/**
 * Items an item may contribute to: those of plans above its own plan (following parent plans) and
 * of any plan of a higher level (a smaller level number), in plans still in force or being drafted.
 */
export async function linkTargets(db: Db, organisationId: string, plan: PlanForItems): Promise<LinkTargetRow[]> {
  const result = await db.execute(sql`
    WITH RECURSIVE chain(id, depth) AS (
      SELECT parent_plan_id, 1 FROM plans
      WHERE id = ${plan.id} AND organisation_id = ${organisationId} AND parent_plan_id IS NOT NULL
      UNION ALL
      SELECT p.parent_plan_id, c.depth + 1 FROM plans p JOIN chain c ON p.id = c.id
      WHERE p.parent_plan_id IS NOT NULL AND p.organisation_id = ${organisationId} AND c.depth < 50
    )
    SELECT i.id, i.code, i.title, it.name AS "typeName", p.id AS "planId", p.title AS "planTitle",
           pt.level
    FROM plan_items i
    JOIN plans p ON p.id = i.plan_id
    JOIN plan_types pt ON pt.id = p.plan_type_id
    JOIN item_types it ON it.id = i.item_type_id
    WHERE i.organisation_id = ${organisationId}
      AND p.status NOT IN ('superseded', 'archived')
      AND p.id <> ${plan.id}
      AND (p.id IN (SELECT id FROM chain) OR pt.level < ${plan.level})
    ORDER BY pt.level, p.title, p.id, i.position, i.code`);
  return rowsOf<LinkTargetRow>(result).map((row) => ({ ...row, level: Number(row.level) }));
}
