/**
 * Roll-ups along the golden thread: a plan item's status from its linked measures' STORED
 * statuses, the actions and projects contributing to it (through the RollupContributions port,
 * filled by those modules) and its child items, recursively, and a plan's from its top-level
 * items. Nothing here recomputes a measure's status.
 */
import {
  describeRollup,
  type RollupItem,
  type RollupNode,
  type RollupOptions,
  rollUpTree,
  type RollupTreeResult,
  toRollupOptions,
} from './domain/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { notFound } from '../../platform/services/errors.ts';
import type { PerformanceDeps } from './ports.ts';
import { ragWord } from '../../platform/words/status-tags.ts';
import { say } from '../../platform/words/index.ts';
import { findItem, findPlan, isSharedWith, isSharedWithPartner, planReadableBy } from '../plans/index.ts';
import * as repo from './data/performance.repository.ts';
import { loadPerformanceSettings } from './data/settings.repository.ts';
import { contributorOfMeasure, loadStatusIndex, periodsOn, type StatusIndex } from './measure-list.ts';
import type { RollupContributor, RollupSettings, RollupView } from './performance-views.types.ts';
import type { RollupContribution, RollupContributions } from './ports.ts';

/** Every source's contributions to the items (none when no delivery module is wired). */
export async function contributionsTo(
  db: Db,
  organisationId: string,
  itemIds: readonly string[],
  sources: readonly RollupContributions[],
  on?: string,
): Promise<RollupContribution[]> {
  if (itemIds.length === 0 || sources.length === 0) return [];
  const lists = await Promise.all(sources.map((source) => source.contributionsTo(db, organisationId, itemIds, on)));
  return lists.flat();
}

/**
 * Roll-ups of the given items (each with its descendants in the same plan), from the stored
 * statuses of their linked measures and the actions and projects contributing to them. `items`
 * must hold every item of the plans involved.
 */
export function rollUpItems(
  items: readonly repo.ItemNodeRow[],
  links: readonly { itemId: string; measureId: string }[],
  index: StatusIndex,
  options: RollupOptions,
  roots: readonly repo.ItemNodeRow[],
  contributions: readonly RollupContribution[] = [],
): RollupView[] {
  const contributionsOf = new Map<string, RollupContribution[]>();
  for (const c of contributions) {
    const list = contributionsOf.get(c.itemId) ?? [];
    list.push(c);
    contributionsOf.set(c.itemId, list);
  }
  const childrenOf = new Map<string, repo.ItemNodeRow[]>();
  for (const item of items) {
    if (!item.parentItemId) continue;
    const list = childrenOf.get(item.parentItemId) ?? [];
    list.push(item);
    childrenOf.set(item.parentItemId, list);
  }
  const measuresOf = new Map<string, string[]>();
  for (const link of links) {
    const list = measuresOf.get(link.itemId) ?? [];
    list.push(link.measureId);
    measuresOf.set(link.itemId, list);
  }
  // A measure can be linked to many items: describe each once.
  const contributors = new Map<string, RollupContributor | null>();
  const contributor = (measureId: string) => {
    let c = contributors.get(measureId);
    if (c === undefined) {
      c = contributorOfMeasure(index, measureId);
      contributors.set(measureId, c);
    }
    return c;
  };
  const nodeOf = (item: repo.ItemNodeRow, seen: Set<string>): RollupNode => {
    const next = new Set(seen).add(item.id);
    const measureItems: RollupItem[] = (measuresOf.get(item.id) ?? []).flatMap((measureId) => {
      const c = contributor(measureId);
      return c
        ? [{ id: c.id, name: `${c.code} ${c.title}`, kind: 'measure' as const, status: c.status, key: c.key }]
        : [];
    });
    const contributed: RollupItem[] = (contributionsOf.get(item.id) ?? []).map((c) => ({
      id: c.id,
      name: `${c.code} ${c.title}`,
      kind: c.kind,
      status: c.status,
      key: c.key,
    }));
    const children = (childrenOf.get(item.id) ?? []).filter((child) => !next.has(child.id));
    return {
      id: item.id,
      name: `${item.code} ${item.title}`,
      items: [...measureItems, ...contributed],
      children: children.map((child) => nodeOf(child, next)),
    };
  };
  const byId = new Map(items.map((item) => [item.id, item]));
  const toView = (result: RollupTreeResult): RollupView => {
    const item = byId.get(result.id)!;
    const measureContributors = (measuresOf.get(item.id) ?? []).flatMap((id) => {
      const c = contributor(id);
      return c ? [c] : [];
    });
    const deliveryContributors: RollupContributor[] = (contributionsOf.get(item.id) ?? []).map((c) => ({
      kind: c.kind,
      id: c.id,
      code: c.code,
      title: c.title,
      status: c.status,
      statusText: ragWord(c.status),
      reason: c.reason ?? ragWord(c.status),
      key: c.key,
      periodLabel: null,
      href: c.href,
    }));
    const children = result.children.map(toView);
    const childContributors: RollupContributor[] = children.map((child) => ({
      kind: 'item',
      id: child.id,
      code: child.code ?? '',
      title: child.title,
      status: child.status,
      statusText: child.statusText,
      reason: child.reason,
      key: false,
      periodLabel: null,
    }));
    return {
      kind: 'item',
      id: item.id,
      code: item.code,
      title: item.title,
      status: result.result.status,
      statusText: ragWord(result.result.status),
      reason: result.result.reason,
      counts: result.result.counts,
      countsText: result.result.countsText,
      ruleText: say(describeRollup(options)),
      contributors: [...measureContributors, ...deliveryContributors, ...childContributors],
      children,
    };
  };
  return roots.map((root) => toView(rollUpTree(nodeOf(root, new Set()), options)));
}

/** The council's stored roll-up options, with any what-if overrides on top. */
export async function rollupOptions(
  db: Db,
  organisationId: string,
  settings: RollupSettings = {},
): Promise<RollupOptions> {
  const stored = toRollupOptions((await loadPerformanceSettings(db, organisationId)).settings);
  // Asking for the rule the council already uses keeps its own boundaries (weighted score).
  const rule = settings.rule && settings.rule.kind !== stored.rule.kind ? settings.rule : stored.rule;
  return {
    rule,
    keyItemsDominate: settings.keyItemsDominate ?? stored.keyItemsDominate,
    overdueAs: settings.overdueAs ?? stored.overdueAs,
  };
}

export interface PlanRollup {
  view: RollupView;
  items: repo.ItemNodeRow[];
  byItem: Map<string, RollupView>;
}

/** A plan's roll-up and each of its items'; `loaded` is a status index the caller has already. */
export async function rollUpPlan(
  db: Db,
  organisationId: string,
  plan: { id: string; title: string },
  options: RollupOptions,
  periods: StatusIndex['periods'],
  loaded?: StatusIndex,
  sources: readonly RollupContributions[] = [],
): Promise<PlanRollup> {
  const items = await repo.itemsOfPlans(db, organisationId, [plan.id]);
  const links = await repo.measureLinksOfItems(
    db,
    organisationId,
    items.map((i) => i.id),
  );
  // The dashboard has every active measure's status loaded already.
  const index =
    loaded ?? (await loadStatusIndex(db, organisationId, periods, [...new Set(links.map((l) => l.measureId))]));
  const contributions = await contributionsTo(
    db,
    organisationId,
    items.map((i) => i.id),
    sources,
  );
  const roots = items.filter((item) => item.parentItemId === null);
  const views = rollUpItems(items, links, index, options, roots, contributions);
  const rolled = rollUpTree(
    {
      id: plan.id,
      name: plan.title,
      items: views.map((v) => ({ id: v.id, name: `${v.code} ${v.title}`, kind: 'child' as const, status: v.status })),
      children: [],
    },
    options,
  );
  const byItem = new Map<string, RollupView>();
  const walk = (view: RollupView) => {
    byItem.set(view.id, view);
    view.children.forEach(walk);
  };
  views.forEach(walk);
  return {
    items,
    byItem,
    view: {
      kind: 'plan',
      id: plan.id,
      code: null,
      title: plan.title,
      status: rolled.result.status,
      statusText: ragWord(rolled.result.status),
      reason: rolled.result.reason,
      counts: rolled.result.counts,
      countsText: rolled.result.countsText,
      ruleText: say(describeRollup(options)),
      contributors: views.map((v) => ({
        kind: 'item',
        id: v.id,
        code: v.code ?? '',
        title: v.title,
        status: v.status,
        statusText: v.statusText,
        reason: v.reason,
        key: false,
        periodLabel: null,
      })),
      children: views,
    },
  };
}

export function createRollupsService({ db, clock, contributions = [] }: PerformanceDeps) {
  return {
    /** The roll-up of a plan item: its linked measures' stored statuses and its child items, recursively. */
    async itemRollup(caller: Caller, itemId: string, settings?: RollupSettings): Promise<Result<RollupView>> {
      const organisationId = caller.organisationId;
      const item = await findItem(db, organisationId, itemId);
      if (!item) return notFound('item');
      if (caller.partnerId && !(await isSharedWith(db, itemId, caller.partnerId))) return notFound('item');
      if (!(await planReadableBy(db, caller, item.planId))) return notFound('item'); // appraisals are private
      const options = await rollupOptions(db, organisationId, settings);
      const { byItem } = await rollUpPlan(
        db,
        organisationId,
        { id: item.planId, title: '' },
        options,
        periodsOn(clock.today()),
        undefined,
        contributions,
      );
      const view = byItem.get(itemId);
      return view ? ok(view) : notFound('item');
    },

    /** The roll-up of a plan, from its top-level items. */
    async planRollup(caller: Caller, planId: string, settings?: RollupSettings): Promise<Result<RollupView>> {
      const organisationId = caller.organisationId;
      const plan = await findPlan(db, organisationId, planId);
      if (!plan) return notFound('plan');
      if (caller.partnerId && !(await isSharedWithPartner(db, organisationId, planId, caller.partnerId)))
        return notFound('plan');
      if (!(await planReadableBy(db, caller, planId))) return notFound('plan'); // appraisals are private
      const options = await rollupOptions(db, organisationId, settings);
      return ok(
        (await rollUpPlan(db, organisationId, plan, options, periodsOn(clock.today()), undefined, contributions)).view,
      );
    },
  };
}
