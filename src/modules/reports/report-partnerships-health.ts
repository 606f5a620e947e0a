/**
 * Two sections read from beyond the measures: partnerships, and framework health against the risk
 * appetite.
 *
 * Partnerships, as a council would expect them in its quarterly report (what it has is partners in
 * the organisation, plan items delivered through partnership or naming partners, and measures of
 * the 'partnership' type): first the partnership measures in scope with their status, as in the
 * performance section, so members see how services run with partners are doing; then each priority
 * delivered through partnership with its partners named and how the measures linked to it stand.
 * The section is left out when the scope has neither.
 */
import { formatDate } from '../../kernel/measurement/index.ts';
import type { Block, Cell, Tone } from '../../platform/documents/document.ts';
import { fill, words } from '../../platform/words/index.ts';
import type { ReportMeasure } from './domain/report-data.ts';
import type { ReportHealth } from './ports.ts';
import { type MeasureColumn, measureTable, type ReportLinks } from './report-cells.ts';
import type { ReportData } from './report-data.ts';

const w = words.reports;

function statusCounts(measures: readonly ReportMeasure[]): string {
  const count = (rag: string) => measures.filter((m) => m.now?.rag === rag).length;
  const green = count('green');
  const amber = count('amber');
  const red = count('red');
  return fill(w.partnerships.statusCounts, { green, amber, red, unrated: measures.length - green - amber - red });
}

/** As the performance section's rows, without the long trend and SPC columns. */
const PARTNERSHIP_COLUMNS: readonly MeasureColumn[] = [
  'code',
  'name',
  'period',
  'value',
  'target',
  'status',
  'shortTrend',
  'commentary',
];

export function partnershipsSection(data: ReportData, links: ReportLinks): Block[] | null {
  const p = w.partnerships;
  const measures = data.measures.filter((m) => m.measureType === 'partnership');
  if (measures.length === 0 && data.partnershipItems.length === 0) return null;
  const blocks: Block[] = [{ kind: 'paragraph', text: p.intro }];
  if (measures.length > 0) {
    blocks.push(measureTable(p.measures, measures, PARTNERSHIP_COLUMNS, links));
  }
  if (data.partnershipItems.length > 0) {
    const byId = new Map(data.measures.map((m) => [m.id, m]));
    blocks.push({
      kind: 'table',
      caption: p.items,
      columns: [{ label: p.item }, { label: p.partners }, { label: p.linked }],
      rows: data.partnershipItems.map((item) => {
        // Only the linked measures inside the report's scope count: the report speaks for its scope.
        const linked = item.measureIds.flatMap((id) => byId.get(id) ?? []);
        return [
          { text: `${item.code} ${item.title}`, href: links.item(item.id) },
          { text: item.partners.join(', ') || p.noPartners },
          { text: linked.length > 0 ? statusCounts(linked) : p.noMeasures },
        ];
      }),
    });
  }
  return blocks;
}

const POSITION_TONE: Record<string, Tone> = { within: 'green', outside: 'red' };
const percent = (share: number | null) => (share === null ? '' : `${Math.round(share * 100)}%`);

export function healthSection(health: ReportHealth): Block[] {
  const h = w.health;
  const names = words.performance.health as Record<string, { name: string }>;
  const outside = health.indicators.filter((i) => i.position === 'outside').length;
  return [
    { kind: 'paragraph', text: fill(h.intro, { date: formatDate(health.asOf) }) },
    {
      kind: 'table',
      caption: h.caption,
      columns: [
        { label: h.rule },
        { label: h.result, numeric: true },
        { label: h.share, numeric: true },
        { label: h.appetite, numeric: true },
        { label: h.position },
      ],
      rows: health.indicators.map((i): Cell[] => [
        { text: names[i.id]?.name ?? i.id },
        { text: fill(h.of, { met: i.met, total: i.total }), value: i.met },
        i.value === null ? { text: '' } : { text: percent(i.value), value: Math.round(i.value * 100) },
        i.appetite === null
          ? { text: h.noAppetite }
          : { text: percent(i.appetite), value: Math.round(i.appetite * 100) },
        { text: h.positions[i.position], tone: POSITION_TONE[i.position] ?? 'grey' },
      ]),
    },
    { kind: 'paragraph', text: fill(h.summary, { count: outside, total: health.indicators.length }) },
  ];
}
