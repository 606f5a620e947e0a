import { LINK_KINDS } from '../domain/item.ts';
import { nestSight, type SightBranch, type SightNode } from '../domain/tree.ts';
import type { ItemFormOptions, LineOfSight, LinkTargetGroup } from '../items.service.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { fill, words } from '../../../platform/words/index.ts';

type FormValues = Record<string, unknown>;

const asList = (value: unknown): string[] =>
  value === undefined || value === null || value === ''
    ? []
    : Array.isArray(value)
      ? value.map(String)
      : [String(value)];

const isTicked = (value: unknown) => value === true || value === 'true' || value === 'yes' || value === 'on';

/** GOV.UK macro items for the item form, keeping what was typed. */
export function itemFormView(options: ItemFormOptions, values: FormValues) {
  const partnerIds = asList(values.partnerIds);
  return {
    typeItems: selectItems(
      options.itemTypes,
      (type) => type.id,
      (type) => type.name,
      values.itemTypeId as string | undefined,
      words.plansWeb.selectType,
    ),
    parentItems: selectItems(
      options.parents,
      (item) => item.id,
      (item) =>
        '\u2003'.repeat(item.depth) +
        fill(words.plansWeb.parentOption, { code: item.code, title: item.title, type: item.typeName }),
      values.parentItemId as string | undefined,
      words.plansWeb.topLevel,
    ),
    personItems: selectItems(
      options.people,
      (person) => person.id,
      (person) => person.name,
      values.ownerPersonId as string | undefined,
      words.plansWeb.noOwner,
    ),
    unitItems: selectItems(
      options.units,
      (unit) => unit.id,
      (unit) => unit.name,
      values.ownerUnitId as string | undefined,
      words.plansWeb.noUnit,
    ),
    partnerItems: options.partners.map((partner) => ({
      value: partner.id,
      text: partner.name,
      checked: partnerIds.includes(partner.id),
    })),
    throughPartnershipItems: [
      { value: 'yes', text: words.plansWeb.throughPartnership, checked: isTicked(values.throughPartnership) },
    ],
  };
}

/** The relation of a node to the one above it in the nested lists, in words. */
export function relationLabel(node: SightNode): string {
  const indirect = node.kind === 'indirect';
  const relation = words.plansWeb.relation;
  switch (node.relation) {
    case 'parent':
      return relation.parent;
    case 'contributes-to':
      return indirect ? relation.contributesIndirectly : relation.contributesDirectly;
    case 'child':
      return relation.child;
    case 'contributed-by':
      return indirect ? relation.supportedIndirectly : relation.supportedDirectly;
  }
}

const STATUS_NAMES: Record<string, string> = words.planStatus;

export interface SightBranchView {
  id: string;
  code: string;
  title: string;
  typeName: string;
  relation: string;
  planId: string;
  planTitle: string;
  planTypeName: string;
  planStatus: string;
  next: SightBranchView[];
}

function branchView(branch: SightBranch): SightBranchView {
  return {
    id: branch.id,
    code: branch.code,
    title: branch.title,
    typeName: branch.typeName,
    relation: relationLabel(branch),
    planId: branch.plan.id,
    planTitle: branch.plan.title,
    planTypeName: branch.plan.typeName,
    planStatus: STATUS_NAMES[branch.plan.status] ?? branch.plan.status,
    next: branch.next.map(branchView),
  };
}

/** Line of sight as nested lists: up to the top of the golden thread and down to its ends. */
export function lineOfSightView(sight: LineOfSight) {
  return {
    up: nestSight(sight.item.id, sight.up).map(branchView),
    down: nestSight(sight.item.id, sight.down).map(branchView),
    upCount: new Set(sight.up.map((node) => node.id)).size,
    downCount: new Set(sight.down.map((node) => node.id)).size,
  };
}

export function planStatusName(status: string): string {
  return STATUS_NAMES[status] ?? status;
}

/** The grouped target list and kind radios of the links page. */
export function linkFormView(groups: LinkTargetGroup[], values: FormValues, excludeIds: readonly string[]) {
  const selected = values.toItemId as string | undefined;
  return {
    targetGroups: groups
      .map((group) => ({
        label: group.plan.title,
        options: group.items
          .filter((item) => !excludeIds.includes(item.id))
          .map((item) => ({
            value: item.id,
            text: `${item.code} ${item.title} (${item.typeName})`,
            selected: item.id === selected,
          })),
      }))
      .filter((group) => group.options.length > 0),
    kindItems: LINK_KINDS.map((kind) => ({
      value: kind,
      text: words.plansWeb.linkKind[kind],
      checked: (values.kind ?? 'direct') === kind,
    })),
  };
}
