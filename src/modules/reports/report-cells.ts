/** The cells every report section builds its tables from: statuses with their words, values, targets, money. */
import { formatDate, formatValue } from '../../kernel/measurement/index.ts';
import { formatMoney, moneyFromPence } from '../../kernel/money.ts';
import type { Cell, Column, Table, Tone } from '../../platform/documents/document.ts';
import { words } from '../../platform/words/index.ts';
import type { ReportMeasure, StoredStatus } from './domain/report-data.ts';
import type { ChangeLinks } from './domain/what-changed.ts';

/** Where each row of the report links to: the evidence behind it. */
export interface ReportLinks extends ChangeLinks {
  improvementPlan(id: string): string;
  item(id: string): string;
  project(id: string): string;
}

const w = words.reports;

export const TONE: Record<string, Tone> = { red: 'red', amber: 'amber', green: 'green', 'no-target': 'blue' };
export const ragText = (rag: string) =>
  Object.hasOwn(words.rag, rag) ? words.rag[rag as keyof typeof words.rag] : rag;
export const ragCell = (status: StoredStatus | null): Cell => {
  const rag = status?.rag ?? 'no-data';
  return { text: ragText(rag), tone: TONE[rag] ?? 'grey' };
};
export const directionText = (direction: string | null) =>
  (words.reports.direction as Record<string, string>)[direction ?? 'not-comparable'] ?? w.direction['not-comparable'];
export const variationText = (icon: string | null) =>
  (words.performance.variation as Record<string, string>)[icon ?? 'none'] ?? words.performance.variation.none;

export function valueCell(m: ReportMeasure, value: number | null): Cell {
  if (value === null || !Number.isFinite(value)) return { text: '' };
  return { text: formatValue(value, m.unit, m.decimalPlaces), value };
}

export function targetText(m: ReportMeasure, s: StoredStatus | null): string {
  if (!s) return '';
  if (s.targetLower !== null && s.targetUpper !== null) {
    return `${formatValue(s.targetLower, m.unit, m.decimalPlaces)} – ${formatValue(s.targetUpper, m.unit, m.decimalPlaces)}`;
  }
  return s.targetValue === null ? '' : formatValue(s.targetValue, m.unit, m.decimalPlaces);
}

/** An amount in pence as pounds, with its value in pounds for the spreadsheet. */
export const money = (pence: number): Cell => ({ text: formatMoney(moneyFromPence(pence)), value: pence / 100 });
export const dateText = (iso: string | null) => (iso ? formatDate(iso) : '');

/** The columns a table of measures may show, each with its heading and how a measure fills it. */
const MEASURE_COLUMNS = {
  code: (links: ReportLinks) => ({
    column: { label: w.performance.code },
    cell: (m: ReportMeasure): Cell => ({ text: m.code, href: links.measure(m.id) }),
  }),
  name: () => ({ column: { label: w.performance.name }, cell: (m: ReportMeasure): Cell => ({ text: m.title }) }),
  period: () => ({
    column: { label: w.performance.period },
    cell: (m: ReportMeasure): Cell => ({ text: m.periodLabel }),
  }),
  value: () => ({
    column: { label: w.performance.value, numeric: true },
    cell: (m: ReportMeasure) => valueCell(m, m.now?.value ?? null),
  }),
  target: () => ({
    column: { label: w.performance.target, numeric: true },
    cell: (m: ReportMeasure): Cell => ({ text: targetText(m, m.now) }),
  }),
  status: () => ({ column: { label: w.performance.status }, cell: (m: ReportMeasure) => ragCell(m.now) }),
  shortTrend: () => ({
    column: { label: w.performance.shortTrend },
    cell: (m: ReportMeasure): Cell => ({ text: directionText(m.now?.directionPrevious ?? null) }),
  }),
  longTrend: () => ({
    column: { label: w.performance.longTrend },
    cell: (m: ReportMeasure): Cell => ({ text: directionText(m.now?.directionLastYear ?? null) }),
  }),
  spc: () => ({
    column: { label: w.performance.spc },
    cell: (m: ReportMeasure): Cell => ({ text: variationText(m.now?.spcVariationIcon ?? null) }),
  }),
  commentary: () => ({
    column: { label: w.performance.commentary },
    cell: (m: ReportMeasure): Cell => ({ text: m.commentary }),
  }),
} satisfies Record<string, (links: ReportLinks) => { column: Column; cell: (m: ReportMeasure) => Cell }>;

export type MeasureColumn = keyof typeof MEASURE_COLUMNS;

/**
 * A table of measures with the chosen columns, one row each: the performance section and the
 * partnership measures build their rows here, so a measure reads the same in both.
 */
export function measureTable(
  caption: string,
  measures: readonly ReportMeasure[],
  columns: readonly MeasureColumn[],
  links: ReportLinks,
): Table {
  const chosen = columns.map((name) => MEASURE_COLUMNS[name](links));
  return {
    kind: 'table',
    caption,
    columns: chosen.map((c) => c.column),
    rows: measures.map((m) => chosen.map((c) => c.cell(m))),
  };
}
