/** The link picker's checkbox groups and the risk page's links, one group per kind. */
import { words } from '../../../platform/words/index.ts';
import { paths } from '../../../kernel/paths.ts';

export type LinkKind = 'items' | 'measures' | 'actions';
type Linked = { id: string; code: string; title: string };
/** A risk's links (or a search's finds), by kind, as the service gives them. */
type RiskLinks = Record<LinkKind, readonly Linked[]>;

const LINK_KINDS: readonly { kind: LinkKind; field: string; legend: string; href: (id: string) => string }[] = [
  { kind: 'items', field: 'itemIds', legend: words.risksView.linkGroups.items, href: paths.item },
  { kind: 'measures', field: 'measureIds', legend: words.risksView.linkGroups.measures, href: paths.measure },
  { kind: 'actions', field: 'actionIds', legend: words.risksView.linkGroups.actions, href: paths.action },
];

/**
 * Each kind's checkboxes: the present links first (ticked unless a failed save unticked them), then
 * what the search found that is not linked yet (unticked unless the failed save ticked it).
 */
export function linkChoices(present: RiskLinks, found: RiskLinks | undefined, ticked?: Record<LinkKind, string[]>) {
  return LINK_KINDS.map(({ kind, field, legend }) => {
    const linked = present[kind];
    const linkedIds = new Set(linked.map((l) => l.id));
    const extra = (found?.[kind] ?? []).filter((f) => !linkedIds.has(f.id));
    const isTicked = (id: string, byDefault: boolean) => (ticked ? ticked[kind].includes(id) : byDefault);
    const items = [
      ...linked.map((l) => ({ value: l.id, text: `${l.code} ${l.title}`, checked: isTicked(l.id, true) })),
      ...extra.map((f) => ({ value: f.id, text: `${f.code} ${f.title}`, checked: isTicked(f.id, false) })),
    ];
    return { kind, field, legend, items, foundCount: extra.length };
  });
}

/** The risk page's links: one list per kind, each entry a link to its page. */
export function linkLists(links: RiskLinks) {
  return LINK_KINDS.map(({ kind, legend, href }) => ({
    heading: legend,
    links: links[kind].map((l) => ({ href: href(l.id), text: `${l.code} ${l.title}` })),
  })).filter((group) => group.links.length > 0);
}
