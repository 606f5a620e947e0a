import { z } from 'zod';
import type { Block, Cell, Document, Section, Tone } from '../../../platform/documents/document.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { paths } from '../../../kernel/paths.ts';
import type { ItemTreeNode } from '../domain/tree.ts';
import type { PlanDetail } from '../plans.types.ts';
import { periodLabel, statusName } from './plan.presenter.ts';

/**
 * The plan's roll-up as the performance port gives it (the plan page passes it on untouched, so
 * its type is not this module's): read at the edge with zod, and only what the document prints.
 */
interface RollupNode {
  status: string;
  statusText: string;
  reason: string;
  countsText: string;
  ruleText: string;
  counts: { total: number };
  contributors: z.infer<typeof contributorSchema>[];
  children: RollupNode[];
}

const contributorSchema = z.object({
  kind: z.string(),
  id: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.string(),
  statusText: z.string(),
  reason: z.string(),
  periodLabel: z.string().nullable().optional(),
  href: z.string().optional(),
});

const rollupSchema: z.ZodType<RollupNode> = z.lazy(() =>
  z.object({
    status: z.string(),
    statusText: z.string(),
    reason: z.string(),
    countsText: z.string(),
    ruleText: z.string(),
    counts: z.object({ total: z.number() }),
    contributors: z.array(contributorSchema),
    children: z.array(rollupSchema),
  }),
);

/** The roll-up, or null when there is none or it is not in the shape the document reads. */
export function readRollup(rollup: unknown): RollupNode | null {
  const parsed = rollupSchema.safeParse(rollup);
  return parsed.success ? parsed.data : null;
}

export interface PlanDocumentInput {
  detail: PlanDetail;
  tree: ItemTreeNode[];
  /** From the performance port; anything else is treated as no figures. */
  rollup: unknown;
}

/** Template sections answering each of the seed's questions, by key (the service plan type's and the council plan's). */
const ANSWERED_BY: Record<'now' | 'want' | 'how' | 'resources' | 'monitor', string[]> = {
  now: ['where-are-we-now', 'context', 'overview', 'challenges'],
  want: ['where-do-we-want-to-be', 'vision', 'introduction'],
  how: ['how-will-we-get-there', 'how-do-we-get-there', 'partnership', 'budget-strategy'],
  resources: ['resources', 'financial-context', 'what-are-the-resource-implications'],
  monitor: ['how-we-will-monitor', 'monitoring'],
};

const RAG_TONES: Record<string, Tone> = { red: 'red', amber: 'amber', green: 'green', 'no-target': 'blue' };
const toneOf = (status: string): Tone => RAG_TONES[status] ?? 'grey';

/**
 * Seed 002's one-page service plan from the system: where are we now (the plan's figures), where
 * do we want to be (its items), how do we get there (its actions and projects), resources, and how
 * we will monitor (the roll-up rule), each with the plan's own words for it where it has them.
 */
export function planDocument({ detail, tree, rollup: rawRollup }: PlanDocumentInput): Document {
  const said = words.planDocument;
  const { plan } = detail;
  const rollup = readRollup(rawRollup);
  const period = periodLabel(plan.periodStart, plan.periodEnd);
  const written = detail.sections.filter((section) => section.text.trim() !== '');
  const used = new Set<string>();
  const ownWords = (question: keyof typeof ANSWERED_BY): Block[] =>
    written
      .filter((section) => ANSWERED_BY[question].includes(section.key))
      .flatMap((section) => {
        used.add(section.key);
        return paragraphsOf(section.text);
      });

  const contributors = rollup ? allContributors(rollup) : [];
  const measures = contributors.filter((c) => c.kind === 'measure');
  const delivery = contributors.filter((c) => c.kind === 'action' || c.kind === 'project');
  const statusCell = (status: string, statusText: string): Cell => ({ text: statusText, tone: toneOf(status) });

  const now: Block[] = [...ownWords('now')];
  if (!rollup || rollup.counts.total === 0) now.push({ kind: 'paragraph', text: said.noFigures });
  else {
    now.push({ kind: 'paragraph', text: fill(said.overall, { status: rollup.statusText, reason: rollup.reason }) });
    if (measures.length > 0)
      now.push({
        kind: 'table',
        caption: said.measuresCaption,
        columns: [
          { label: said.column.code },
          { label: said.column.measure },
          { label: said.column.period },
          { label: said.column.status },
          { label: said.column.why },
        ],
        rows: measures.map((m) => [
          { text: m.code },
          { text: m.title, href: m.href ?? paths.measure(m.id) },
          { text: m.periodLabel ?? '' },
          statusCell(m.status, m.statusText),
          { text: m.reason },
        ]),
      });
  }

  const items = flatten(tree);
  const want: Block[] = [
    ...ownWords('want'),
    items.length === 0
      ? { kind: 'paragraph', text: said.noItems }
      : {
          kind: 'table',
          caption: said.itemsCaption,
          columns: [
            { label: said.column.code },
            { label: said.column.item },
            { label: said.column.type },
            { label: said.column.owner },
          ],
          rows: items.map(({ node, depth }) => [
            { text: node.code },
            { text: `${'– '.repeat(depth)}${node.title}`, href: paths.item(node.id) },
            { text: node.typeName },
            { text: node.ownerName ?? '' },
          ]),
        },
  ];

  const how: Block[] = [
    ...ownWords('how'),
    delivery.length === 0
      ? { kind: 'paragraph', text: said.noDelivery }
      : {
          kind: 'table',
          caption: said.deliveryCaption,
          columns: [
            { label: said.column.code },
            { label: said.column.work },
            { label: said.column.kind },
            { label: said.column.status },
            { label: said.column.why },
          ],
          rows: delivery.map((d) => [
            { text: d.code },
            { text: d.title, ...(d.href ? { href: d.href } : {}) },
            { text: d.kind === 'action' ? said.kind.action : said.kind.project },
            statusCell(d.status, d.statusText),
            { text: d.reason },
          ]),
        },
  ];

  const resources = ownWords('resources');
  const monitor: Block[] = [
    ...ownWords('monitor'),
    ...(rollup && rollup.counts.total > 0
      ? [{ kind: 'paragraph' as const, text: fill(said.rule, { rule: rollup.ruleText, counts: rollup.countsText }) }]
      : []),
  ];
  const more = written
    .filter((section) => !used.has(section.key))
    .map((section): Block => ({ kind: 'facts', facts: [{ label: section.title, value: section.text.trim() }] }));

  const sections: Section[] = [
    { id: 'where-are-we-now', heading: said.heading.now, blocks: now },
    { id: 'where-do-we-want-to-be', heading: said.heading.want, blocks: want },
    { id: 'how-do-we-get-there', heading: said.heading.how, blocks: how },
    {
      id: 'resources',
      heading: said.heading.resources,
      blocks: resources.length > 0 ? resources : [{ kind: 'paragraph', text: said.noResources }],
    },
    ...(monitor.length > 0 ? [{ id: 'how-we-will-monitor', heading: said.heading.monitor, blocks: monitor }] : []),
    ...(more.length > 0 ? [{ id: 'more', heading: said.heading.more, blocks: more }] : []),
  ];

  return {
    title: plan.title,
    subtitle: fill(said.subtitle, { type: detail.planType.name, period }),
    facts: [
      ...(detail.owningUnit ? [{ label: said.fact.unit, value: detail.owningUnit.name }] : []),
      ...(detail.owner ? [{ label: said.fact.owner, value: detail.owner.name }] : []),
      { label: said.fact.period, value: period },
      { label: said.fact.status, value: statusName(plan.status) },
      { label: said.fact.version, value: String(plan.version) },
    ],
    sections,
  };
}

/** A section's text as paragraphs: a blank line starts a new one. */
function paragraphsOf(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => ({ kind: 'paragraph', text: paragraph }));
}

/** Every measure, action and project under the plan, once each, in the order the roll-up gives them. */
function allContributors(rollup: RollupNode): RollupNode['contributors'] {
  const seen = new Map<string, RollupNode['contributors'][number]>();
  const visit = (node: RollupNode) => {
    for (const contributor of node.contributors) {
      const key = `${contributor.kind}:${contributor.id}`;
      if (contributor.kind !== 'item' && !seen.has(key)) seen.set(key, contributor);
    }
    node.children.forEach(visit);
  };
  visit(rollup);
  return [...seen.values()];
}

function flatten(nodes: ItemTreeNode[], depth = 0): { node: ItemTreeNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}
