import { type ItemInput, LINK_KINDS } from './domain/item.ts';
import {
  buildItemTree,
  compareSightNodes,
  type FlatItem,
  inTreeOrder,
  type ItemTreeNode,
  type SightNode,
} from './domain/tree.ts';
import { phrase, phraseText, type Phrase } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import * as itemsRepo from './data/items.repository.ts';
import * as sightRepo from './data/line-of-sight.repository.ts';
import { editablePlan, mayEditAt, readablePlan, readablePlanIds, visibleItem } from './item-access.ts';
import { createItemLinks } from './item-links.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';

export type { ItemTreeNode } from './domain/tree.ts';
export type PlanForItems = itemsRepo.PlanForItems;
export type ItemSummary = itemsRepo.ItemListRow;

export interface ItemLink {
  id: string;
  kind: string;
  item: { id: string; code: string; title: string; typeName: string };
  plan: { id: string; title: string; status: string };
}

export interface ItemDetail {
  item: itemsRepo.ItemListRow;
  plan: PlanForItems;
  parent: { id: string; code: string; title: string } | null;
  children: { id: string; code: string; title: string; typeName: string }[];
  partners: { id: string; name: string }[];
  contributesTo: ItemLink[];
  contributedBy: ItemLink[];
  /** Whether the caller may change the item now (plan in draft, permission at its unit). */
  canEdit: boolean;
}

export interface LineOfSight {
  item: { id: string; code: string; title: string; typeName: string; plan: SightNode['plan'] };
  up: SightNode[];
  down: SightNode[];
}

export interface ItemFormOptions {
  plan: PlanForItems;
  itemTypes: { id: string; name: string }[];
  parents: { id: string; code: string; title: string; typeName: string; depth: number }[];
  people: { id: string; name: string }[];
  units: { id: string; name: string }[];
  partners: { id: string; name: string }[];
}

export type { LinkTargetGroup } from './item-links.ts';

const NOT_FOUND = 'item';

export function createItemsService({ db }: ServiceDeps) {
  /** Checks everything the item refers to; the plan is the one it belongs to. */
  async function checkReferences(
    tx: Db,
    caller: Caller,
    plan: PlanForItems,
    input: ItemInput,
    itemId: string | null,
  ): Promise<Result<null>> {
    const org = caller.organisationId;
    const type = await itemsRepo.findItemType(tx, org, input.itemTypeId);
    if (!type) return refuse('invalid', phraseText('planRefusals.itemTypeExists'), 'itemTypeId');
    const allowed = await itemsRepo.allowedItemTypes(tx, org, plan.planTypeId);
    if (!allowed.some((candidate) => candidate.id === type.id)) {
      return refuse(
        'invalid',
        phraseText('planRefusals.cannotHold', {
          planType: withArticle(plan.planTypeName),
          itemType: withArticle(type.name),
        }),
        'itemTypeId',
      );
    }
    if (input.parentItemId) {
      const parent = await itemsRepo.findItem(tx, org, input.parentItemId);
      if (!parent || parent.planId !== plan.id) {
        return refuse('invalid', phraseText('planChecks.parentItemExists'), 'parentItemId');
      }
      if (itemId !== null) {
        if (parent.id === itemId) return refuse('cycle', phraseText('planRefusals.itemUnderItself'), 'parentItemId');
        if (await sightRepo.reaches(tx, org, parent.id, itemId)) {
          return refuse('cycle', phraseText('planRefusals.itemLoop', { code: parent.code }), 'parentItemId');
        }
      }
    }
    if (input.ownerPersonId) {
      const person = await itemsRepo.findPerson(tx, org, input.ownerPersonId);
      if (!person) return refuse('invalid', phraseText('planChecks.ownerExists'), 'ownerPersonId');
    }
    if (input.ownerUnitId) {
      const unit = await itemsRepo.findUnit(tx, org, input.ownerUnitId);
      if (!unit) return refuse('invalid', phraseText('planChecks.owningUnitExists'), 'ownerUnitId');
    }
    if ((await itemsRepo.countPartners(tx, org, input.partnerIds)) !== input.partnerIds.length) {
      return refuse('invalid', phraseText('planChecks.partnersExist'), 'partnerIds');
    }
    return ok(null);
  }

  function duplicateCode(code: string) {
    return refuse('duplicate', phraseText('planRefusals.itemCodeTaken', { code }), 'code');
  }

  function toLink(end: itemsRepo.LinkEnd): ItemLink {
    return {
      id: end.linkId,
      kind: end.kind,
      item: { id: end.itemId, code: end.code, title: end.title, typeName: end.typeName },
      plan: { id: end.planId, title: end.planTitle, status: end.planStatus },
    };
  }

  async function readSight(caller: Caller, id: string): Promise<Result<LineOfSight>> {
    const start = await visibleItem(db, caller, id);
    if (!start) return notFound(NOT_FOUND);
    const plan = await readablePlan(db, caller, start.planId);
    const row = await itemsRepo.getItemRow(db, caller.organisationId, id);
    if (!plan || !row) return notFound(NOT_FOUND);
    const options = {
      includeFrozen: plan.status === 'superseded' || plan.status === 'archived',
      partnerId: caller.partnerId,
    };
    const [allUp, allDown] = await Promise.all([
      sightRepo.lineOfSight(db, caller.organisationId, id, 'up', options),
      sightRepo.lineOfSight(db, caller.organisationId, id, 'down', options),
    ]);
    // Items of individual plans the caller may not read are left out (appraisals are private).
    const readable = await readablePlanIds(
      db,
      caller,
      [...allUp, ...allDown].map((sight) => sight.planId),
    );
    const up = allUp.filter((sight) => readable.has(sight.planId));
    const down = allDown.filter((sight) => readable.has(sight.planId));
    const toNode = (sight: sightRepo.SightRow): SightNode => ({
      id: sight.id,
      code: sight.code,
      title: sight.title,
      typeName: sight.typeName,
      depth: sight.depth,
      relation: sight.relation,
      kind: sight.kind,
      viaId: sight.viaId,
      plan: {
        id: sight.planId,
        title: sight.planTitle,
        typeName: sight.planTypeName,
        level: sight.planLevel,
        status: sight.planStatus,
      },
    });
    return ok({
      item: {
        id: row.id,
        code: row.code,
        title: row.title,
        typeName: row.typeName,
        plan: { id: plan.id, title: plan.title, typeName: plan.planTypeName, level: plan.level, status: plan.status },
      },
      up: up.map(toNode).sort(compareSightNodes),
      down: down.map(toNode).sort(compareSightNodes),
    });
  }

  return {
    /** Contract 2: the plan's items as a tree, for plan pages. Partners see only shared items. */
    async treeForPlan(caller: Caller, planId: string): Promise<ItemTreeNode[]> {
      const org = caller.organisationId;
      if (!(await readablePlan(db, caller, planId))) return [];
      const rows = await itemsRepo.listItems(db, org, planId, caller.partnerId);
      const ids = rows.map((row) => row.id);
      const [partnerRows, links] = await Promise.all([
        itemsRepo.partnersOf(db, org, ids),
        itemsRepo.linksFrom(db, org, ids),
      ]);
      const flat: FlatItem[] = rows.map((row) => ({
        id: row.id,
        code: row.code,
        title: row.title,
        typeName: row.typeName,
        ownerName: ownerName(row),
        throughPartnership: row.throughPartnership,
        partnerNames: partnerRows.filter((partner) => partner.itemId === row.id).map((partner) => partner.name),
        contributesTo: links
          .filter((link) => link.fromItemId === row.id)
          .map((link) => ({
            id: link.itemId,
            code: link.code,
            title: link.title,
            planTitle: link.planTitle,
            kind: link.kind,
          })),
        parentItemId: row.parentItemId,
        position: row.position,
      }));
      return buildItemTree(flat);
    },

    async plan(caller: Caller, planId: string): Promise<Result<PlanForItems>> {
      const plan = await readablePlan(db, caller, planId);
      return plan ? ok(plan) : notFound('plan');
    },

    async listForPlan(caller: Caller, planId: string): Promise<Result<ItemSummary[]>> {
      const plan = await readablePlan(db, caller, planId);
      if (!plan) return notFound('plan');
      const rows = await itemsRepo.listItems(db, caller.organisationId, planId, caller.partnerId);
      return ok(inTreeOrder(rows).map(({ depth: _depth, ...row }) => row));
    },

    async get(caller: Caller, id: string): Promise<Result<ItemDetail>> {
      const org = caller.organisationId;
      if (!(await visibleItem(db, caller, id))) return notFound(NOT_FOUND);
      const item = await itemsRepo.getItemRow(db, org, id);
      if (!item) return notFound(NOT_FOUND);
      const plan = await readablePlan(db, caller, item.planId);
      if (!plan) return notFound(NOT_FOUND);
      const siblings = await itemsRepo.listItems(db, org, item.planId, caller.partnerId);
      const parent = siblings.find((candidate) => candidate.id === item.parentItemId) ?? null;
      const [partnerRows, outgoing, incoming] = await Promise.all([
        itemsRepo.partnersOf(db, org, [id]),
        itemsRepo.linksFrom(db, org, [id]),
        itemsRepo.linksTo(db, org, id),
      ]);
      const readable = await readablePlanIds(
        db,
        caller,
        [...outgoing, ...incoming].map((end) => end.planId),
      );
      const visibleEnd = async (end: itemsRepo.LinkEnd) =>
        readable.has(end.planId) &&
        (caller.partnerId === null || (await itemsRepo.isSharedWith(db, end.itemId, caller.partnerId)));
      const shownOut = [];
      for (const end of outgoing) if (await visibleEnd(end)) shownOut.push(toLink(end));
      const shownIn = [];
      for (const end of incoming) if (await visibleEnd(end)) shownIn.push(toLink(end));
      return ok({
        item,
        plan,
        parent: parent ? { id: parent.id, code: parent.code, title: parent.title } : null,
        children: siblings
          .filter((candidate) => candidate.parentItemId === id)
          .map((child) => ({ id: child.id, code: child.code, title: child.title, typeName: child.typeName })),
        partners: partnerRows.map((partner) => ({ id: partner.partnerId, name: partner.name })),
        contributesTo: shownOut,
        contributedBy: shownIn,
        canEdit: plan.status === 'draft' && (await mayEditAt(db, caller, plan)),
      });
    },

    /** What the item form offers: the types the plan may hold, its items as parents, people, units, partners. */
    async formOptions(caller: Caller, planId: string, itemId?: string): Promise<Result<ItemFormOptions>> {
      const org = caller.organisationId;
      const plan = await readablePlan(db, caller, planId);
      if (!plan) return notFound('plan');
      const [types, items, people, units, partners] = await Promise.all([
        itemsRepo.allowedItemTypes(db, org, plan.planTypeId),
        itemsRepo.listItems(db, org, planId, null),
        itemsRepo.activePeople(db, org),
        itemsRepo.activeUnits(db, org),
        itemsRepo.allPartners(db, org),
      ]);
      const excluded = itemId ? descendantsWithin(items, itemId) : new Set<string>();
      return ok({
        plan,
        itemTypes: types.filter((type) => type.active).map((type) => ({ id: type.id, name: type.name })),
        parents: inTreeOrder(items)
          .filter((item) => !excluded.has(item.id))
          .map((item) => ({
            id: item.id,
            code: item.code,
            title: item.title,
            typeName: item.typeName,
            depth: item.depth,
          })),
        people,
        units,
        partners,
      });
    },

    /** May the caller add items to this plan now? For pages deciding whether to offer the button. */
    async canEditPlan(caller: Caller, planId: string): Promise<boolean> {
      const plan = await readablePlan(db, caller, planId);
      return plan !== undefined && plan.status === 'draft' && (await mayEditAt(db, caller, plan));
    },

    async create(caller: Caller, planId: string, input: ItemInput): Promise<Result<itemsRepo.ItemRow>> {
      const org = caller.organisationId;
      return inTransaction(db, async (tx) => {
        const plan = await editablePlan(tx, caller, planId, 'items', 'add');
        if (!plan.ok) return plan;
        const references = await checkReferences(tx, caller, plan.value, input, null);
        if (!references.ok) return references;
        if (await itemsRepo.findItemByCode(tx, org, planId, input.code)) return duplicateCode(input.code);
        const { partnerIds, ...fields } = input;
        const item = await itemsRepo.insertItem(tx, {
          organisationId: org,
          planId,
          ...fields,
          position: await itemsRepo.nextPosition(tx, planId, input.parentItemId),
        });
        await itemsRepo.replacePartners(tx, org, item.id, partnerIds);
        await recordAudit(tx, {
          organisationId: org,
          actor: actorOf(caller),
          entityType: 'plan-item',
          entityId: item.id,
          action: 'create',
          newValue: { planId, ...input },
        });
        return ok(item);
      }).catch(onUniqueViolation(() => duplicateCode(input.code)));
    },

    async update(
      caller: Caller,
      id: string,
      input: ItemInput & { rowVersion: number },
    ): Promise<Result<itemsRepo.ItemRow>> {
      const org = caller.organisationId;
      return inTransaction(db, async (tx) => {
        const existing = await visibleItem(tx, caller, id);
        if (!existing) return notFound(NOT_FOUND);
        const plan = await editablePlan(tx, caller, existing.planId, 'items', 'change');
        if (!plan.ok) return plan;
        if (existing.rowVersion !== input.rowVersion) return staleItem();
        const references = await checkReferences(tx, caller, plan.value, input, id);
        if (!references.ok) return references;
        const duplicate = await itemsRepo.findItemByCode(tx, org, existing.planId, input.code);
        if (duplicate && duplicate.id !== id) return duplicateCode(input.code);
        const { partnerIds, rowVersion, ...fields } = input;
        const oldPartners = (await itemsRepo.partnersOf(tx, org, [id])).map((partner) => partner.partnerId);
        const updated = await itemsRepo.updateItem(tx, org, id, rowVersion, {
          ...fields,
          ...(fields.parentItemId !== existing.parentItemId
            ? { position: await itemsRepo.nextPosition(tx, existing.planId, fields.parentItemId) }
            : {}),
        });
        if (!updated) return staleItem();
        await itemsRepo.replacePartners(tx, org, id, partnerIds);
        await recordAudit(tx, {
          organisationId: org,
          actor: actorOf(caller),
          entityType: 'plan-item',
          entityId: id,
          action: 'update',
          oldValue: { ...oldValuesOf(existing, fields), partnerIds: oldPartners },
          newValue: { ...fields, partnerIds },
        });
        return ok(updated);
      }).catch(onUniqueViolation(() => duplicateCode(input.code)));
    },

    async remove(caller: Caller, id: string, rowVersion?: number): Promise<Result<null>> {
      const org = caller.organisationId;
      return inTransaction(db, async (tx) => {
        const existing = await visibleItem(tx, caller, id);
        if (!existing) return notFound(NOT_FOUND);
        const plan = await editablePlan(tx, caller, existing.planId, 'items', 'remove');
        if (!plan.ok) return plan;
        if (rowVersion !== undefined && rowVersion !== existing.rowVersion) return staleItem();
        const { children, links } = await itemsRepo.dependentsOf(tx, org, id);
        if (children > 0) {
          return refuse(
            'invalid_state',
            phraseText('planRefusals.itemHasChildren', { code: existing.code, count: counted(children, 'items') }),
          );
        }
        if (links > 0) {
          return refuse(
            'invalid_state',
            phraseText('planRefusals.itemHasLinks', { code: existing.code, count: counted(links, 'links') }),
          );
        }
        const partnerIds = (await itemsRepo.partnersOf(tx, org, [id])).map((partner) => partner.partnerId);
        await itemsRepo.deleteItem(tx, org, id);
        await recordAudit(tx, {
          organisationId: org,
          actor: actorOf(caller),
          entityType: 'plan-item',
          entityId: id,
          action: 'delete',
          oldValue: { ...existing, partnerIds },
        });
        return ok(null);
      }).catch((error: unknown) => {
        if (isForeignKeyViolation(error)) {
          return refuse('invalid_state', phraseText('planRefusals.itemReferenced'));
        }
        throw error;
      });
    },

    /** Items the item may contribute to, grouped by plan (plans above it, then any higher-level plan). */
    ...createItemLinks({ db }),

    /** Up to the vision and down to individual objectives, answered by the database. */
    lineOfSight(caller: Caller, id: string): Promise<Result<LineOfSight>> {
      return readSight(caller, id);
    },

    linkKinds: LINK_KINDS,
  };
}

function ownerName(row: itemsRepo.ItemListRow): string | null {
  if (row.ownerPersonName && row.ownerUnitName) return `${row.ownerPersonName} (${row.ownerUnitName})`;
  return row.ownerPersonName ?? row.ownerUnitName ?? null;
}

function staleItem(): Result<never> {
  return refuse('conflict', phraseText('planRefusals.itemStale'));
}

/** A type's name after "a" or "an" (by its first letter, as English reads it). */
function withArticle(name: string): Phrase {
  return phrase(/^[aeiou]/i.test(name) ? 'planRefusals.anType' : 'planRefusals.aType', { name });
}

/** "1 item", "2 items"; "1 contribution link", "2 contribution links". */
function counted(count: number, what: 'items' | 'links'): Phrase {
  return phrase(`planRefusals.${what}${count === 1 ? 'One' : 'Many'}`, { count });
}

function descendantsWithin(items: readonly { id: string; parentItemId: string | null }[], rootId: string): Set<string> {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentItemId && result.has(item.parentItemId) && !result.has(item.id)) {
        result.add(item.id);
        grew = true;
      }
    }
  }
  return result;
}

function isForeignKeyViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } })?.code ??
    (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23503';
}
