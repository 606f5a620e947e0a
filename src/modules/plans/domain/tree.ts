/**
 * Plan items as a tree (contract 2: plan pages render it with the item-tree macro) and the line of
 * sight of one item as nested chains. Pure: the rows come from the database already filtered.
 */
export interface ContributionSummary {
  id: string;
  code: string;
  title: string;
  planTitle: string;
  kind: string;
}

export interface ItemTreeNode {
  id: string;
  code: string;
  title: string;
  typeName: string;
  ownerName: string | null;
  throughPartnership: boolean;
  partnerNames: string[];
  contributesTo: ContributionSummary[];
  children: ItemTreeNode[];
}

export interface FlatItem extends Omit<ItemTreeNode, 'children'> {
  parentItemId: string | null;
  position: number;
}

/** Compares codes the way people read them: "2.10" after "2.9". */
export const compareCodes = (a: string, b: string): number =>
  a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' });

/**
 * Nests items under their parents, ordered by position then code. An item whose parent is not in
 * the list (not shared with a partner, say) becomes a root rather than disappearing.
 */
export function buildItemTree(items: readonly FlatItem[]): ItemTreeNode[] {
  const nodes = new Map<string, { flat: FlatItem; node: ItemTreeNode }>();
  for (const flat of items) {
    const { parentItemId: _parent, position: _position, ...rest } = flat;
    nodes.set(flat.id, { flat, node: { ...rest, children: [] } });
  }
  const roots: { flat: FlatItem; node: ItemTreeNode }[] = [];
  const childrenOf = new Map<string, { flat: FlatItem; node: ItemTreeNode }[]>();
  for (const entry of nodes.values()) {
    const parentId = entry.flat.parentItemId;
    if (parentId && parentId !== entry.flat.id && nodes.has(parentId) && !isAncestor(nodes, entry.flat.id, parentId)) {
      childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), entry]);
    } else {
      roots.push(entry);
    }
  }
  const order = (list: { flat: FlatItem }[]) =>
    [...list].sort((a, b) => a.flat.position - b.flat.position || compareCodes(a.flat.code, b.flat.code));
  const attach = (entry: { flat: FlatItem; node: ItemTreeNode }): ItemTreeNode => {
    entry.node.children = order(childrenOf.get(entry.flat.id) ?? []).map((child) =>
      attach(child as { flat: FlatItem; node: ItemTreeNode }),
    );
    return entry.node;
  };
  return order(roots).map((root) => attach(root as { flat: FlatItem; node: ItemTreeNode }));
}

/** Guards against corrupt data: an item whose parent chain loops back to itself is shown as a root. */
function isAncestor(nodes: Map<string, { flat: FlatItem }>, itemId: string, parentId: string): boolean {
  const seen = new Set<string>();
  let cursor: string | null = parentId;
  while (cursor) {
    if (cursor === itemId) return true;
    if (seen.has(cursor)) return true;
    seen.add(cursor);
    cursor = nodes.get(cursor)?.flat.parentItemId ?? null;
  }
  return false;
}

/** The four ways one item is related to the next in a line of sight. */
export type SightRelation = 'parent' | 'contributes-to' | 'child' | 'contributed-by';

export interface SightNode {
  id: string;
  code: string;
  title: string;
  typeName: string;
  depth: number;
  relation: SightRelation;
  /** direct | indirect for contribution links; null for nesting. */
  kind: string | null;
  /** The item this one was reached from (the starting item at depth 1). */
  viaId: string;
  plan: { id: string; title: string; typeName: string; level: number; status: string };
}

export interface SightBranch extends SightNode {
  next: SightBranch[];
}

/**
 * Turns the flat rows of one direction into branches starting from the item: each node lists the
 * nodes reached from it. A node reached along two routes appears under both.
 */
export function nestSight(startId: string, nodes: readonly SightNode[], maxDepth = 50): SightBranch[] {
  const from = new Map<string, SightNode[]>();
  for (const node of nodes) from.set(node.viaId, [...(from.get(node.viaId) ?? []), node]);
  for (const list of from.values()) list.sort(compareSightNodes);
  const grow = (id: string, trail: ReadonlySet<string>, depth: number): SightBranch[] => {
    if (depth > maxDepth) return [];
    return (from.get(id) ?? [])
      .filter((node) => !trail.has(node.id))
      .map((node) => ({ ...node, next: grow(node.id, new Set([...trail, node.id]), depth + 1) }));
  };
  return grow(startId, new Set([startId]), 1);
}

/** Upwards first by plan level, then nesting before links, then code. */
export function compareSightNodes(a: SightNode, b: SightNode): number {
  return (
    a.depth - b.depth ||
    a.plan.level - b.plan.level ||
    relationOrder(a.relation) - relationOrder(b.relation) ||
    compareCodes(a.code, b.code)
  );
}

function relationOrder(relation: SightRelation): number {
  return relation === 'parent' || relation === 'child' ? 0 : 1;
}

/** Rows in the order a reader meets them in the tree (depth first), each with its depth (0 at the top). */
export function inTreeOrder<T extends { id: string; parentItemId: string | null; position: number; code: string }>(
  rows: readonly T[],
): (T & { depth: number })[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const childrenOf = new Map<string | null, T[]>();
  for (const row of rows) {
    const parent = row.parentItemId && byId.has(row.parentItemId) ? row.parentItemId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), row]);
  }
  const result: (T & { depth: number })[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const children = [...(childrenOf.get(parent) ?? [])].sort(
      (a, b) => a.position - b.position || compareCodes(a.code, b.code),
    );
    for (const child of children) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      result.push({ ...child, depth });
      visit(child.id, depth + 1);
    }
  };
  visit(null, 0);
  // Rows caught in a corrupt parent loop are never reached from the top: list them last rather than lose them.
  for (const row of rows) if (!seen.has(row.id)) result.push({ ...row, depth: 0 });
  return result;
}
