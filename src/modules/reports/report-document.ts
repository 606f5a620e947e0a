/**
 * The report as a neutral `Document` (src/platform/documents/document.ts): the definition's
 * sections in its order, each shown only where the module behind it has data, every word from the
 * catalogue (words.reports), every chart with its data table. Pure: the same data gives the same
 * document, which is what issuing freezes.
 */
import type { EChartsOption } from 'echarts';
import { formatDate } from '../../kernel/measurement/index.ts';
import { renderChartSvg } from '../../platform/charts/render-svg.ts';
import type { Block, Document, Fact, Section, Table } from '../../platform/documents/document.ts';
import { fill, say, words } from '../../platform/words/index.ts';
import { heatMapSvg } from '../risks/index.ts';
import type { DefinitionRow } from './data/reports.repository.ts';
import { SECTIONS, type SectionCode } from './domain/definitions.ts';
import { isException } from './domain/exceptions.ts';
import type { ReportMeasure, ReportProject } from './domain/report-data.ts';
import { DIRECTIONS, RATED_STATUSES, summarise } from './domain/summary.ts';
import { whatChanged } from './domain/what-changed.ts';
import type { ReportHealth, ReportMoney } from './ports.ts';
import {
  dateText,
  directionText,
  type MeasureColumn,
  measureTable,
  type ReportLinks,
  ragCell,
  ragText,
  targetText,
  TONE,
  valueCell,
} from './report-cells.ts';
import type { ReportData } from './report-data.ts';
import { borrowingSection, capitalSection, reservesSection, revenueSection } from './report-money.ts';
import { healthSection, partnershipsSection } from './report-partnerships-health.ts';

const w = words.reports;

export type ReportState =
  { kind: 'draft'; asOf: string } | { kind: 'issued'; revision: number; issuedOn: string; by: string; reason: string };

export type { ReportLinks } from './report-cells.ts';

export interface ReportInput {
  definition: DefinitionRow;
  councilName: string;
  scopeName: string | null;
  data: ReportData;
  /** The council's exception margin (its report settings), in per cent of the target. */
  exceptionMarginPercent: number;
  money: ReportMoney | null;
  health: ReportHealth | null;
  state: ReportState;
  links: ReportLinks;
}

function statusChart(counts: ReturnType<typeof summarise>): Block {
  const colours = { green: '#00703c', amber: '#f47738', red: '#d4351c' };
  const option: EChartsOption = {
    textStyle: { fontFamily: 'Arial, sans-serif', fontSize: 14, color: '#0b0c0c' },
    grid: { left: 90, right: 60, top: 20, bottom: 30 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#0b0c0c' } },
    yAxis: { type: 'category', inverse: true, data: RATED_STATUSES.map(ragText), axisLabel: { color: '#0b0c0c' } },
    series: [
      {
        type: 'bar',
        data: RATED_STATUSES.map((s) => ({ value: counts.byStatus[s], itemStyle: { color: colours[s] } })),
        label: { show: true, position: 'right', color: '#0b0c0c', formatter: '{c}' },
        barMaxWidth: 28,
      },
    ],
  };
  return {
    kind: 'chart',
    title: w.summary.chartTitle,
    svg: renderChartSvg(option, { width: 560, height: 170 }),
    description: fill(w.summary.chartDescription, counts.byStatus),
    table: statusTable(counts),
  };
}

function statusTable(counts: ReturnType<typeof summarise>): Table {
  return {
    kind: 'table',
    caption: w.summary.statusTable,
    columns: [
      { label: w.summary.status },
      { label: w.summary.measures, numeric: true },
      { label: w.summary.percent, numeric: true },
    ],
    rows: RATED_STATUSES.map((s) => [
      { text: ragText(s), tone: TONE[s] },
      { text: String(counts.byStatus[s]), value: counts.byStatus[s] },
      { text: `${counts.percent[s]}%`, value: counts.percent[s] },
    ]),
  };
}

function summarySection(measures: readonly ReportMeasure[]): Block[] {
  const counts = summarise(measures);
  return [
    { kind: 'paragraph', text: fill(w.summary.rated, { rated: counts.rated }) },
    {
      kind: 'paragraph',
      text: fill(w.summary.unrated, {
        dataOnly: counts.unrated['data-only'],
        awaited: counts.unrated.awaited,
        notDue: counts.unrated['not-due'],
      }),
    },
    statusChart(counts),
    {
      kind: 'table',
      caption: w.summary.directionTable,
      columns: [
        { label: w.summary.direction },
        { label: w.summary.lastPeriod, numeric: true },
        { label: w.summary.lastYear, numeric: true },
      ],
      rows: DIRECTIONS.map((d) => [
        { text: directionText(d) },
        { text: String(counts.lastPeriod[d]), value: counts.lastPeriod[d] },
        { text: String(counts.lastYear[d]), value: counts.lastYear[d] },
      ]),
    },
  ];
}

const PERFORMANCE_COLUMNS: readonly MeasureColumn[] = [
  'code',
  'name',
  'period',
  'value',
  'target',
  'status',
  'shortTrend',
  'longTrend',
  'spc',
  'commentary',
];

function performanceSection(measures: readonly ReportMeasure[], links: ReportLinks): Block[] {
  const key = measures.filter((m) => m.isKey);
  if (key.length === 0) return [{ kind: 'paragraph', text: w.performance.none }];
  const groups = new Map<string, ReportMeasure[]>();
  for (const m of key) {
    const name = m.priority ?? w.performance.otherPriority;
    groups.set(name, [...(groups.get(name) ?? []), m]);
  }
  return [...groups].map(([priority, list]) =>
    measureTable(fill(w.performance.caption, { priority }), list, PERFORMANCE_COLUMNS, links),
  );
}

function exceptionsSection(measures: readonly ReportMeasure[], margin: number, links: ReportLinks): Block[] {
  const e = w.exceptions;
  const exceptions = measures.filter((m) => isException(m, margin));
  const intro: Block = { kind: 'paragraph', text: fill(e.intro, { margin }) };
  if (exceptions.length === 0) return [intro, { kind: 'paragraph', text: e.none }];
  const p = w.performance;
  return [
    intro,
    {
      kind: 'table',
      caption: e.caption,
      columns: [
        { label: p.code },
        { label: p.name },
        { label: p.value, numeric: true },
        { label: p.target, numeric: true },
        { label: p.status },
        { label: p.commentary },
        { label: e.actions },
        { label: e.owner },
        { label: e.due },
      ],
      rows: exceptions.map((m) => [
        { text: m.code, href: links.measure(m.id) },
        { text: m.title },
        valueCell(m, m.now?.value ?? null),
        { text: targetText(m, m.now) },
        ragCell(m.now),
        { text: m.commentary || e.noCommentary },
        { text: m.remedialActions.map((a) => `${a.code} ${a.title}`).join('; ') || e.noActions },
        { text: m.remedialActions.map((a) => a.ownerName ?? w.noOwner).join('; ') },
        { text: m.remedialActions.map((a) => dateText(a.dueDate)).join('; ') },
      ]),
    },
  ];
}

function improvementPlansSection(data: ReportData, links: ReportLinks): Block[] {
  const p = w.plans;
  return [
    {
      kind: 'table',
      caption: p.caption,
      columns: [
        { label: p.measure },
        { label: p.status },
        { label: p.owner },
        { label: p.due },
        { label: p.decisions },
      ],
      rows: data.improvementPlans.map((plan) => [
        { text: `${plan.measureCode} ${plan.measureTitle}`, href: links.improvementPlan(plan.id) },
        {
          text: (words.improvementPlanStatus as Record<string, string>)[plan.status] ?? plan.status,
        },
        { text: plan.ownerName ?? w.noOwner },
        { text: dateText(plan.dueDate) },
        {
          text:
            plan.decisions
              .map((d) =>
                fill(p.decision, {
                  outcome: (words.improvementPlanDecision as Record<string, string>)[d.outcome] ?? d.outcome,
                  date: formatDate(d.meetingDate),
                  minute: d.minuteReference,
                }),
              )
              .join('; ') || p.noDecisions,
        },
      ]),
    },
  ];
}

function actionsTable(data: ReportData, links: ReportLinks): Table | null {
  const a = w.actionsOffTrack;
  const off = data.actions.filter((action) => action.now === 'off-track');
  if (off.length === 0) return null;
  return {
    kind: 'table',
    caption: a.caption,
    columns: [{ label: a.code }, { label: a.title }, { label: a.owner }, { label: a.due }],
    rows: off.map((action) => [
      { text: action.code, href: links.action(action.id) },
      { text: action.title },
      { text: action.ownerName ?? w.noOwner },
      { text: dateText(action.dueDate) },
    ]),
  };
}

/** Why a project is off track, in words: each reason that holds, in a fixed order. */
function projectReasonsText({ lateMilestones, red, pastEnd }: ReportProject['reasons']): string {
  const p = w.projectsOffTrack;
  const said: string[] = [];
  if (lateMilestones) {
    const text = lateMilestones.count === 1 ? p.lateMilestone : p.lateMilestones;
    said.push(fill(text, { count: lateMilestones.count, date: formatDate(lateMilestones.firstDue) }));
  }
  if (red) said.push(p.red);
  if (pastEnd) said.push(p.pastEnd);
  return said.join('; ');
}

function projectsTable(data: ReportData, links: ReportLinks): Table | null {
  const p = w.projectsOffTrack;
  if (data.projects.length === 0) return null;
  return {
    kind: 'table',
    caption: p.caption,
    columns: [{ label: p.code }, { label: p.title }, { label: p.owner }, { label: p.endDate }, { label: p.why }],
    rows: data.projects.map((project) => [
      { text: project.code, href: links.project(project.id) },
      { text: project.title },
      { text: project.ownerName ?? w.noOwner },
      { text: dateText(project.endDate) },
      { text: projectReasonsText(project.reasons) },
    ]),
  };
}

/** Actions off track (by their latest stated status) and projects off track, each as its own table. */
function actionsSection(data: ReportData, links: ReportLinks): Block[] {
  const tables = [actionsTable(data, links), projectsTable(data, links)].filter((t): t is Table => t !== null);
  if (tables.length > 0) return tables;
  return [{ kind: 'paragraph', text: w.actionsOffTrack.none }];
}

function risksSection(data: ReportData, links: ReportLinks): Block[] {
  const r = w.risks;
  const blocks: Block[] = [];
  if (data.heatMap) {
    const map = data.heatMap;
    blocks.push({
      kind: 'chart',
      title: r.heatMap,
      svg: heatMapSvg(map, r.heatMap),
      description: fill(r.heatMapDescription, { total: map.total }),
      table: {
        kind: 'table',
        caption: r.heatMap,
        columns: [
          { label: r.likelihood, numeric: true },
          { label: r.impact, numeric: true },
          { label: r.band },
          { label: r.count, numeric: true },
        ],
        rows: map.rows.flatMap((row) =>
          row
            .filter((cell) => cell.count > 0)
            .map((cell) => [
              { text: String(cell.likelihood), value: cell.likelihood },
              { text: String(cell.impact), value: cell.impact },
              { text: cell.band.label },
              { text: String(cell.count), value: cell.count },
            ]),
        ),
      },
    });
  }
  blocks.push({
    kind: 'table',
    caption: r.caption,
    columns: [
      { label: r.reference },
      { label: r.title },
      { label: r.owner },
      { label: r.score, numeric: true },
      { label: r.band },
      { label: r.previous, numeric: true },
    ],
    rows: data.risks.map((risk) => [
      { text: risk.reference, href: links.risk(risk.id) },
      { text: risk.title },
      { text: risk.ownerName ?? w.noOwner },
      { text: String(risk.score), value: risk.score },
      { text: risk.band },
      risk.previousScore === null
        ? { text: r.notScored }
        : { text: String(risk.previousScore), value: risk.previousScore },
    ]),
  });
  return blocks;
}

function keySection(margin: number): Block[] {
  return [
    { kind: 'paragraph', text: w.key.rag },
    { kind: 'paragraph', text: w.key.unrated },
    { kind: 'paragraph', text: fill(w.key.exception, { margin }) },
    { kind: 'paragraph', text: w.key.direction },
  ];
}

/** The blocks of one section, or null when the module behind it has nothing for this report. */
function sectionBlocks(code: SectionCode, input: ReportInput): Block[] | null {
  const { data, links, exceptionMarginPercent: margin } = input;
  const hasMeasures = data.measures.length > 0;
  switch (code) {
    case 'summary':
      return hasMeasures ? summarySection(data.measures) : null;
    case 'what-changed': {
      if (!hasMeasures && data.actions.length === 0 && data.risks.length === 0) return null;
      const changes = whatChanged(data, links);
      if (changes.length === 0) return [{ kind: 'paragraph', text: w.changed.none }];
      return [{ kind: 'list', items: changes.map((c) => ({ text: say(c.said), href: c.href })) }];
    }
    case 'performance':
      return hasMeasures ? performanceSection(data.measures, links) : null;
    case 'exceptions':
      return hasMeasures ? exceptionsSection(data.measures, margin, links) : null;
    case 'improvement-plans':
      return data.improvementPlans.length > 0 ? improvementPlansSection(data, links) : null;
    case 'actions':
      return data.actions.length > 0 || data.projects.length > 0 ? actionsSection(data, links) : null;
    case 'partnerships':
      return partnershipsSection(data, links);
    case 'revenue':
      return input.money?.revenue ? revenueSection(input.money.periodLabel, input.money.revenue) : null;
    case 'capital':
      return input.money?.capital ? capitalSection(input.money.periodLabel, input.money.capital) : null;
    case 'reserves':
      return input.money?.reserves ? reservesSection(input.money.reserves) : null;
    case 'borrowing':
      return input.money?.borrowing ? borrowingSection(input.money.borrowing) : null;
    case 'risks':
      return data.risks.length > 0 ? risksSection(data, links) : null;
    case 'health':
      return input.health ? healthSection(input.health) : null;
    case 'key':
      return keySection(margin);
  }
}

export function reportDocument(input: ReportInput): Document {
  const { definition, data, state } = input;
  const facts: Fact[] = [
    { label: w.facts.council, value: input.councilName },
    { label: w.facts.audience, value: w.audience[definition.audience] },
    { label: w.facts.scope, value: input.scopeName ?? w.scopeKind.council },
    { label: w.facts.period, value: data.period.label },
  ];
  if (state.kind === 'draft') {
    facts.push(
      { label: w.facts.status, value: w.facts.draft },
      { label: w.facts.generated, value: formatDate(state.asOf) },
    );
  } else {
    facts.push(
      { label: w.facts.status, value: fill(w.facts.issued, { date: formatDate(state.issuedOn), by: state.by }) },
      { label: w.facts.revision, value: String(state.revision) },
    );
    if (state.reason) facts.push({ label: w.facts.reason, value: state.reason });
  }
  const sections: Section[] = [];
  // In the catalogue's order, whatever order the stored list has (sections added later are appended).
  for (const code of SECTIONS.filter((section) => definition.sections.includes(section))) {
    const blocks = sectionBlocks(code, input);
    if (blocks) sections.push({ id: code, heading: w.section[code], blocks });
  }
  return { title: definition.title, subtitle: data.period.label, facts, sections };
}
