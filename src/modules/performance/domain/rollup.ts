/**
 * Roll-up along the golden thread: the status of an objective, priority or plan from the statuses
 * of its measures, actions and child items, always with the counts behind it.
 */
import { RAG_RANK } from '../../../kernel/measurement/rag.ts';
import type { RagStatus } from '../../../kernel/measurement/types.ts';

type Rated = 'red' | 'amber' | 'green';

export type RollupRule =
  /** The worst rated item decides. */
  | { kind: 'worst-of' }
  /** The most common status (by weight); a tie goes to the worse status, to stay cautious. */
  | { kind: 'majority' }
  /**
   * Weighted average score, green 1, amber 0.5, red 0. Green from greenFrom (default 0.8), amber
   * from amberFrom (default 0.5), otherwise red; a score exactly on a boundary takes the better
   * status, as a value exactly on a RAG boundary does. With the defaults, all amber is amber and
   * four greens with one red is green.
   */
  | { kind: 'weighted-score'; greenFrom?: number; amberFrom?: number };

export interface RollupItem {
  id: string;
  name?: string;
  kind: 'measure' | 'action' | 'project' | 'child';
  status: RagStatus;
  /** Relative importance for 'majority' and 'weighted-score' (default 1). */
  weight?: number;
  /** A key item can dominate: the roll-up is never better than a key item's status. */
  key?: boolean;
}

export interface RollupOptions {
  rule: RollupRule;
  /** Default true: a red key measure makes its objective red whatever the other items say. */
  keyItemsDominate?: boolean;
  /** Default 'not-rated': counted and reported, but not rated. Some councils treat late data as red. */
  overdueAs?: 'red' | 'amber' | 'not-rated';
}

export interface RollupCounts {
  green: number;
  amber: number;
  red: number;
  noData: number;
  overdue: number;
  noTarget: number;
  total: number;
}

export interface RollupResult {
  status: RagStatus;
  counts: RollupCounts;
  /** '12 green, 3 amber, 1 red, 2 no data' */
  countsText: string;
  reason: string;
  /** For 'weighted-score': the score 0..1. */
  score?: number;
  /** Key items that made the status worse than the rule alone. */
  dominatedBy: string[];
}

const WORD: Record<RagStatus, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  'no-data': 'No data',
  overdue: 'Overdue',
  'no-target': 'No target',
};

const SCORE: Record<Rated, number> = { red: 0, amber: 0.5, green: 1 };

function worse(a: Rated, b: Rated): Rated {
  return RAG_RANK[a] <= RAG_RANK[b] ? a : b;
}

export function countStatuses(items: readonly RollupItem[]): RollupCounts {
  const counts: RollupCounts = { green: 0, amber: 0, red: 0, noData: 0, overdue: 0, noTarget: 0, total: items.length };
  for (const { status } of items) {
    if (status === 'no-data') counts.noData++;
    else if (status === 'no-target') counts.noTarget++;
    else counts[status]++;
  }
  return counts;
}

/** Green, amber and red always; the others only when there are some. */
export function formatCounts(counts: RollupCounts): string {
  const parts = [`${counts.green} green`, `${counts.amber} amber`, `${counts.red} red`];
  if (counts.noData > 0) parts.push(`${counts.noData} no data`);
  if (counts.overdue > 0) parts.push(`${counts.overdue} overdue`);
  if (counts.noTarget > 0) parts.push(`${counts.noTarget} no target`);
  return parts.join(', ');
}

function ratedStatus(status: RagStatus, overdueAs: RollupOptions['overdueAs']): Rated | null {
  if (status === 'red' || status === 'amber' || status === 'green') return status;
  if (status === 'overdue' && (overdueAs === 'red' || overdueAs === 'amber')) return overdueAs;
  return null;
}

function weightOf(item: RollupItem): number {
  const w = item.weight ?? 1;
  if (!Number.isFinite(w) || w < 0) throw new RangeError(`Weight of ${item.id} must be zero or more, not ${w}`);
  return w;
}

export function rollUpStatus(items: readonly RollupItem[], options: RollupOptions): RollupResult {
  const counts = countStatuses(items);
  const countsText = formatCounts(counts);
  const rated = items.flatMap((item) => {
    const status = ratedStatus(item.status, options.overdueAs ?? 'not-rated');
    return status === null ? [] : [{ item, status }];
  });

  if (rated.length === 0) {
    // Nothing to rate: say why, in order of what needs attention first.
    const status: RagStatus =
      counts.overdue > 0 ? 'overdue' : counts.noData > 0 || counts.total === 0 ? 'no-data' : 'no-target';
    const why = counts.total === 0 ? 'nothing to roll up' : 'no item has a rated status';
    return { status, counts, countsText, reason: `${WORD[status]}: ${why}; ${countsText}`, dominatedBy: [] };
  }

  let status: Rated;
  let how: string;
  let score: number | undefined;
  const rule = options.rule;
  switch (rule.kind) {
    case 'worst-of':
      status = rated.reduce<Rated>((acc, r) => worse(acc, r.status), 'green');
      how = `worst of ${rated.length} rated item${rated.length === 1 ? '' : 's'}`;
      break;
    case 'majority': {
      const weight: Record<Rated, number> = { red: 0, amber: 0, green: 0 };
      for (const r of rated) weight[r.status] += weightOf(r.item);
      // Worst first, so that on a tie the worse status is kept.
      const present = (['red', 'amber', 'green'] as const).filter((s) => rated.some((r) => r.status === s));
      status = present.reduce<Rated>((best, s) => (weight[s] > weight[best] ? s : best), present[0] ?? 'red');
      how = `most common of ${rated.length} rated item${rated.length === 1 ? '' : 's'}`;
      break;
    }
    case 'weighted-score': {
      const greenFrom = rule.greenFrom ?? 0.8;
      const amberFrom = rule.amberFrom ?? 0.5;
      let total = 0;
      let sum = 0;
      for (const r of rated) {
        const w = weightOf(r.item);
        total += w;
        sum += w * SCORE[r.status];
      }
      score = total === 0 ? 0 : sum / total;
      const eps = 1e-9;
      status = score >= greenFrom - eps ? 'green' : score >= amberFrom - eps ? 'amber' : 'red';
      how = `weighted score ${(score * 100).toFixed(0)}% (green from ${(greenFrom * 100).toFixed(0)}%, amber from ${(amberFrom * 100).toFixed(0)}%)`;
      break;
    }
  }

  const dominatedBy: string[] = [];
  if (options.keyItemsDominate ?? true) {
    const byRule = status;
    for (const r of rated) {
      if (r.item.key && RAG_RANK[r.status] < RAG_RANK[byRule]) {
        dominatedBy.push(r.item.id);
        status = worse(status, r.status);
      }
    }
    if (dominatedBy.length > 0) {
      const names = rated
        .filter((r) => dominatedBy.includes(r.item.id) && r.status === status)
        .map((r) => r.item.name ?? r.item.id);
      how = `key item${names.length === 1 ? '' : 's'} ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} ${status} (${how} alone gives ${byRule})`;
    }
  }

  const result: RollupResult = {
    status,
    counts,
    countsText,
    reason: `${WORD[status]}: ${how}; ${countsText}`,
    dominatedBy,
  };
  if (score !== undefined) result.score = score;
  return result;
}

/** A node of the golden thread: its own measures and actions, and its child nodes. */
export interface RollupNode {
  id: string;
  name?: string;
  items: readonly RollupItem[];
  children: readonly RollupNode[];
  /** Overrides the options' rule for this node. */
  rule?: RollupRule;
  /** How this node counts in its parent's roll-up. */
  key?: boolean;
  weight?: number;
}

export interface RollupTreeResult {
  id: string;
  name?: string;
  result: RollupResult;
  children: RollupTreeResult[];
}

/** Rolls a tree up from its leaves; each child counts as one item of its parent. */
export function rollUpTree(node: RollupNode, options: RollupOptions): RollupTreeResult {
  const children = node.children.map((child) => rollUpTree(child, options));
  const childItems: RollupItem[] = children.map((c, i) => {
    const source = node.children[i];
    const item: RollupItem = { id: c.id, kind: 'child', status: c.result.status };
    if (c.name !== undefined) item.name = c.name;
    if (source?.key !== undefined) item.key = source.key;
    if (source?.weight !== undefined) item.weight = source.weight;
    return item;
  });
  const result = rollUpStatus([...node.items, ...childItems], { ...options, rule: node.rule ?? options.rule });
  const out: RollupTreeResult = { id: node.id, result, children };
  if (node.name !== undefined) out.name = node.name;
  return out;
}
