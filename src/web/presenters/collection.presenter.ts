/**
 * Shapes collection data for the templates: values as people read them, workflow words, and
 * the rows of the tables on "My data", the entry page and the grid.
 */
import { formatValue, type Target } from '../../domain/performance/index.ts';
import type { MyData, MyDataRow, UnitGrid, ValueDetail } from '../../services/collection.service.ts';
import { paths } from '../paths.ts';
import { formatDate, formatDateTime } from './filters.ts';

type Cell = { text?: string; html?: string; classes?: string; attributes?: Record<string, string> };

const STATUS_TAG: Record<string, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  submitted: { text: 'Submitted', classes: 'govuk-tag--blue' },
  returned: { text: 'Returned', classes: 'govuk-tag--orange' },
  verified: { text: 'Verified', classes: 'govuk-tag--turquoise' },
  approved: { text: 'Approved', classes: 'govuk-tag--green' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
};

export const ACTION_WORDS: Record<string, string> = {
  create: 'Entered',
  edit: 'Changed',
  submit: 'Submitted',
  verify: 'Verified',
  return: 'Returned',
  approve: 'Approved',
  publish: 'Published',
  reopen: 'Reopened',
  import: 'Imported',
};

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function statusTag(status: string | null | undefined): { text: string; classes: string } {
  return status
    ? (STATUS_TAG[status] ?? { text: status, classes: 'govuk-tag--grey' })
    : { text: 'Not entered', classes: 'govuk-tag--grey' };
}

export function shown(value: number | null | undefined, unit: string, decimals: number): string {
  return value === null || value === undefined ? 'No value' : formatValue(value, unit, decimals);
}

export function targetText(target: Target | null | undefined, unit: string, decimals: number): string {
  if (!target) return 'No target';
  return target.kind === 'range'
    ? `${formatValue(target.lower, unit, decimals)} to ${formatValue(target.upper, unit, decimals)}`
    : formatValue(target.value, unit, decimals);
}

function link(row: MyDataRow, label?: string): string {
  return `<a class="govuk-link" href="${paths.valueEntry(row.measureId, row.periodKey)}">${escape(label ?? `${row.code} ${row.title}`)}<span class="govuk-visually-hidden">, ${escape(row.periodLabel)}</span></a>`;
}

export function myDataTables(data: MyData) {
  const toDo = (rows: MyDataRow[]) =>
    rows.map((row): Cell[] => [
      { html: link(row) },
      { text: row.periodLabel },
      { text: formatDate(row.dueDate) },
      { text: row.value ? `Draft saved: ${shown(row.value.value, row.unit, row.decimalPlaces)}` : 'Not started' },
    ]);
  return {
    overdue: toDo(data.overdue),
    due: toDo(data.due),
    returned: data.returned.map((row): Cell[] => [
      { html: link(row) },
      { text: row.periodLabel },
      { text: row.reason || 'No reason given' },
      { text: formatDateTime(row.returnedAt) },
    ]),
    submitted: data.submitted.map((row): Cell[] => [
      { html: link(row) },
      { text: row.periodLabel },
      { text: shown(row.value?.value, row.unit, row.decimalPlaces) },
      {
        html: `<strong class="govuk-tag ${statusTag(row.value?.status).classes}">${statusTag(row.value?.status).text}</strong>`,
      },
    ]),
  };
}

export function historyRows(detail: ValueDetail): Cell[][] {
  const { unit, decimalPlaces } = detail.measure;
  return detail.events.map((event) => {
    const after = event.newValue as { value?: number | null; commentary?: string } | null;
    const before = event.oldValue as { value?: number | null } | null;
    const change =
      after && 'value' in after
        ? before && before.value !== after.value
          ? `${shown(before.value, unit, decimalPlaces)} → ${shown(after.value, unit, decimalPlaces)}`
          : shown(after.value, unit, decimalPlaces)
        : '';
    return [
      { text: formatDateTime(event.at) },
      { text: event.actorName ?? 'Unknown' },
      {
        text: `${ACTION_WORDS[event.action] ?? event.action}${event.fromStatus ? ` (${statusTag(event.fromStatus).text} → ${statusTag(event.toStatus).text})` : ''}`,
      },
      { text: [change, event.reason].filter(Boolean).join(' · ') || '—' },
    ];
  });
}

export function entrySummary(detail: ValueDetail) {
  const { unit, decimalPlaces } = detail.measure;
  return [
    {
      key: { text: 'Target' },
      value: {
        text: detail.target
          ? `${targetText(detail.target.target, unit, decimalPlaces)}${detail.target.basis === 'profile' ? ' (profiled for this period)' : ' (annual target)'}`
          : 'No target',
      },
    },
    {
      key: { text: `Previous period (${detail.previousLabel})` },
      value: { text: shown(detail.previous?.value, unit, decimalPlaces) },
    },
    {
      key: { text: `Same period last year (${detail.lastYearLabel})` },
      value: { text: shown(detail.lastYear?.value, unit, decimalPlaces) },
    },
    { key: { text: 'Due' }, value: { text: formatDate(detail.dueDate) } },
    {
      key: { text: 'Status' },
      value: {
        html: `<strong class="govuk-tag ${statusTag(detail.value?.status).classes}">${statusTag(detail.value?.status).text}</strong>`,
      },
    },
  ];
}

export interface GridRowView {
  id: string;
  code: string;
  title: string;
  ratio: boolean;
  unit: string;
  target: string;
  status: { text: string; classes: string };
  canEnter: boolean;
  rowVersion: number;
  values: { value: string; numerator: string; denominator: string; commentary: string };
  shownValue: string;
  entryHref: string;
  errors: Record<string, { text: string }>;
}

export function gridRows(
  grid: UnitGrid,
  typed: Record<string, unknown> | undefined,
  errors: Record<string, Record<string, { text: string }>> = {},
): GridRowView[] {
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  return grid.rows.map(({ measure, value, target, canEnter }) => ({
    id: measure.id,
    code: measure.code,
    title: measure.title,
    ratio: measure.aggregation === 'ratio',
    unit: measure.unit,
    target: targetText(target, measure.unit, measure.decimalPlaces),
    status: statusTag(value?.status),
    canEnter,
    rowVersion: value?.rowVersion ?? 0,
    values: {
      value: typed ? text(typed[`value_${measure.id}`]) : text(value?.value),
      numerator: typed ? text(typed[`numerator_${measure.id}`]) : text(value?.numerator),
      denominator: typed ? text(typed[`denominator_${measure.id}`]) : text(value?.denominator),
      commentary: typed ? text(typed[`commentary_${measure.id}`]) : (value?.commentary ?? ''),
    },
    shownValue: shown(value?.value, measure.unit, measure.decimalPlaces),
    entryHref: paths.valueEntry(measure.id, grid.periodKey),
    errors: errors[measure.id] ?? {},
  }));
}
