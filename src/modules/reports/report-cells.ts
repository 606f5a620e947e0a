/** The cells every report section builds its tables from: statuses with their words, values, targets, money. */
import { formatDate, formatValue } from '../../kernel/measurement/index.ts';
import { formatMoney, moneyFromPence } from '../../kernel/money.ts';
import type { Cell, Tone } from '../../platform/documents/document.ts';
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
