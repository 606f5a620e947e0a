import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { rowsOf } from '../../../platform/db/rows.ts';

export interface CopiedContents {
  items: number;
  partners: number;
  outgoingLinks: number;
  incomingLinks: number;
}

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  return rowsOf<{ id: string }>(await db.execute(query)).length;
}

/**
 * Copies a plan version's contents into a new version (contract 3): every item becomes a new row
 * with previous_item_id pointing at the item it continues and its parent remapped to the copy of
 * its parent; item partners come along; links out of the plan's items leave from the copies
 * (links between two items of the same plan join the two copies); links into the plan's items
 * from other plans also point at the copies. Links to or from items of superseded or archived
 * plans are history and are not carried. Call inside the transaction that creates the version.
 */
export async function copyPlanContents(
  db: Db,
  organisationId: string,
  fromPlanId: string,
  toPlanId: string,
): Promise<CopiedContents> {
  const items = await count(
    db,
    sql`INSERT INTO plan_items (organisation_id, plan_id, parent_item_id, previous_item_id, item_type_id, code, title,
          description, owner_person_id, owner_unit_id, through_partnership, position)
        SELECT organisation_id, ${toPlanId}, NULL, id, item_type_id, code, title,
          description, owner_person_id, owner_unit_id, through_partnership, position
        FROM plan_items WHERE plan_id = ${fromPlanId} AND organisation_id = ${organisationId}
        RETURNING id`,
  );
  if (items === 0) return { items: 0, partners: 0, outgoingLinks: 0, incomingLinks: 0 };

  await db.execute(sql`
    UPDATE plan_items AS copy SET parent_item_id = parent_copy.id
    FROM plan_items AS original, plan_items AS parent_copy
    WHERE copy.plan_id = ${toPlanId} AND copy.organisation_id = ${organisationId}
      AND original.id = copy.previous_item_id AND original.parent_item_id IS NOT NULL
      AND parent_copy.plan_id = ${toPlanId} AND parent_copy.previous_item_id = original.parent_item_id`);

  const partners = await count(
    db,
    sql`INSERT INTO plan_item_partners (organisation_id, item_id, partner_id)
        SELECT copy.organisation_id, copy.id, pip.partner_id
        FROM plan_items AS copy JOIN plan_item_partners AS pip ON pip.item_id = copy.previous_item_id
        WHERE copy.plan_id = ${toPlanId} AND copy.organisation_id = ${organisationId}
        RETURNING item_id`,
  );

  const outgoingLinks = await count(
    db,
    sql`INSERT INTO contribution_links (organisation_id, from_item_id, to_item_id, kind)
        SELECT link.organisation_id, copy.id, COALESCE(target_copy.id, link.to_item_id), link.kind
        FROM contribution_links AS link
        JOIN plan_items AS copy ON copy.previous_item_id = link.from_item_id AND copy.plan_id = ${toPlanId}
        LEFT JOIN plan_items AS target_copy
          ON target_copy.previous_item_id = link.to_item_id AND target_copy.plan_id = ${toPlanId}
        JOIN plan_items AS target ON target.id = link.to_item_id
        JOIN plans AS target_plan ON target_plan.id = target.plan_id
        WHERE link.organisation_id = ${organisationId}
          AND (target_copy.id IS NOT NULL OR target_plan.status NOT IN ('superseded', 'archived'))
        RETURNING id`,
  );

  const incomingLinks = await count(
    db,
    sql`INSERT INTO contribution_links (organisation_id, from_item_id, to_item_id, kind)
        SELECT link.organisation_id, link.from_item_id, copy.id, link.kind
        FROM contribution_links AS link
        JOIN plan_items AS copy ON copy.previous_item_id = link.to_item_id AND copy.plan_id = ${toPlanId}
        JOIN plan_items AS source ON source.id = link.from_item_id
        JOIN plans AS source_plan ON source_plan.id = source.plan_id
        WHERE link.organisation_id = ${organisationId} AND source.plan_id <> ${fromPlanId}
          AND source_plan.status NOT IN ('superseded', 'archived')
        RETURNING id`,
  );

  return { items, partners, outgoingLinks, incomingLinks };
}
