import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { rowsOf } from '../../../platform/db/rows.ts';

/** How far a chain may run: far deeper than any real golden thread, shallow enough to stop runaways. */
export const MAX_DEPTH = 50;

/**
 * The edges of the golden thread, each pointing upwards: a child item contributes to its parent
 * (nesting), and a contribution link points from the contributing item to the one it serves.
 */
function edges(organisationId: string): SQL {
  return sql`
    edges(from_id, to_id, relation_up, relation_down, kind) AS (
      SELECT id, parent_item_id, 'parent', 'child', NULL::text FROM plan_items
      WHERE organisation_id = ${organisationId} AND parent_item_id IS NOT NULL
      UNION ALL
      SELECT from_item_id, to_item_id, 'contributes-to', 'contributed-by', kind FROM contribution_links
      WHERE organisation_id = ${organisationId}
    )`;
}

/**
 * Whether `fromId` already reaches `toId` by walking upwards through nesting and links: adding an
 * edge toId → fromId would then close a loop. UNION keeps each item once, so the walk costs at
 * most one visit per item however many paths a dense thread has.
 */
export async function reaches(db: Db, organisationId: string, fromId: string, toId: string): Promise<boolean> {
  const result = await db.execute(sql`
    WITH RECURSIVE ${edges(organisationId)},
    walk(id) AS (
      SELECT i.id FROM plan_items i WHERE i.id = ${fromId} AND i.organisation_id = ${organisationId}
      UNION
      SELECT e.to_id FROM walk w JOIN edges e ON e.from_id = w.id
    )
    SELECT EXISTS (SELECT 1 FROM walk WHERE id = ${toId}) AS found`);
  const [row] = rowsOf<{ found: boolean }>(result);
  return row?.found === true;
}

export interface SightRow {
  id: string;
  code: string;
  title: string;
  typeName: string;
  depth: number;
  relation: 'parent' | 'contributes-to' | 'child' | 'contributed-by';
  kind: string | null;
  viaId: string;
  planId: string;
  planTitle: string;
  planTypeName: string;
  planLevel: number;
  planStatus: string;
}

export interface SightOptions {
  /** Walk through items of superseded and archived plans too (when starting from one of them). */
  includeFrozen: boolean;
  /** A partner sees, and walks through, only the items shared with it. */
  partnerId: string | null;
}

/**
 * The line of sight of an item in one direction, answered by the database: 'up' follows parents and
 * the items it contributes to, 'down' follows children and contributing items, recursively. Each
 * row is an item reached from `viaId`; the depth guard stops runaways.
 */
export async function lineOfSight(
  db: Db,
  organisationId: string,
  itemId: string,
  direction: 'up' | 'down',
  options: SightOptions,
): Promise<SightRow[]> {
  const up = direction === 'up';
  const near = up ? sql.raw('e.from_id') : sql.raw('e.to_id');
  const far = up ? sql.raw('e.to_id') : sql.raw('e.from_id');
  const relation = up ? sql.raw('e.relation_up') : sql.raw('e.relation_down');
  const frozenFilter = options.includeFrozen ? sql`TRUE` : sql`np.status NOT IN ('superseded', 'archived')`;
  const partnerFilter =
    options.partnerId === null
      ? sql`TRUE`
      : sql`EXISTS (SELECT 1 FROM plan_item_partners pip WHERE pip.item_id = n.id AND pip.partner_id = ${options.partnerId})`;
  // Each item is reached once per distance (UNION), never once per path: a dense thread with many
  // routes between two levels costs what its items cost. The edges between reached items are then
  // read back, so an item served by two items shows under both.
  const result = await db.execute(sql`
    WITH RECURSIVE ${edges(organisationId)},
    walk(id, depth) AS (
      SELECT i.id, 0 FROM plan_items i WHERE i.id = ${itemId} AND i.organisation_id = ${organisationId}
      UNION
      SELECT n.id, w.depth + 1
      FROM walk w
      JOIN edges e ON ${near} = w.id
      JOIN plan_items n ON n.id = ${far}
      JOIN plans np ON np.id = n.plan_id
      WHERE w.depth < ${MAX_DEPTH}
        AND ${frozenFilter}
        AND ${partnerFilter}
    ),
    nodes AS (SELECT id, min(depth) AS depth FROM walk GROUP BY id),
    reached AS (
      SELECT n.id, v.id AS via_id, n.depth, ${relation} AS relation, e.kind
      FROM nodes n
      JOIN edges e ON ${far} = n.id
      JOIN nodes v ON v.id = ${near} AND v.depth < n.depth
      WHERE n.depth > 0
    )
    SELECT r.id, i.code, i.title, it.name AS "typeName", r.depth, r.relation, r.kind, r.via_id AS "viaId",
           p.id AS "planId", p.title AS "planTitle", pt.name AS "planTypeName", pt.level AS "planLevel",
           p.status AS "planStatus"
    FROM reached r
    JOIN plan_items i ON i.id = r.id
    JOIN item_types it ON it.id = i.item_type_id
    JOIN plans p ON p.id = i.plan_id
    JOIN plan_types pt ON pt.id = p.plan_type_id
    ORDER BY r.depth, pt.level ${up ? sql.raw('DESC') : sql.raw('ASC')}, i.code`);
  return rowsOf<SightRow>(result).map((row) => ({
    ...row,
    depth: Number(row.depth),
    planLevel: Number(row.planLevel),
  }));
}
