/**
 * Shapes collection data for the templates: values as people read them, workflow words, and
 * the rows of the tables on "My data", the entry page and the grid.
 */
import {
  assessRag,
  DEFAULT_OFFICIAL_FROM,
  formatValue,
  isOfficial,
  type OfficialFrom,
  roundAsShown,
  type RagStatus,
  type Target,
} from '../../../kernel/measurement/index.ts';
import type { MyData, MyDataRow, UnitGrid, ValueDetail } from '../collection.service.ts';
import { paths } from '../../../kernel/paths.ts';
import { formatDate, formatDateTime } from '../../../platform/http/filters.ts';
import { valueStatusTag } from '../../../platform/words/status-tags.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';

type Cell = { text?: string; html?: string; classes?: string; attributes?: Record<string, string> };

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

/** A value's workflow status as a tag (the words and colours are the platform's status tags). */
export function statusTag(status: string | null | undefined): { text: string; classes: string } {
  return valueStatusTag(status);
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
  return `<a class="govuk-link" href="${paths.valueEntry(row.measureId, row.periodKey)}">${escapeHtml(label ?? `${row.code} ${row.title}`)}<span class="govuk-visually-hidden">, ${escapeHtml(row.periodLabel)}</span></a>`;
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

/** The state of a figure beside its sign-off status: not yet official (and why), or not final. */
function figureState(value: ValueDetail['value'], officialFrom: OfficialFrom): string {
  if (!value) return '';
  const notes: string[] = [];
  if (!isOfficial(value.status, officialFrom)) {
    notes.push(
      fill(words.measureFigures.entry.notYetOfficial, { officialFrom: words.performance.officialFrom[officialFrom] }),
    );
  }
  if (value.quality === 'estimated' || value.quality === 'provisional') {
    notes.push(fill(words.measureFigures.entry.quality, { quality: words.measureFigures.quality[value.quality] }));
  }
  return notes
    .map(
      (note) => `<span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">${escapeHtml(note)}</span>`,
    )
    .join('');
}

export function entrySummary(detail: ValueDetail, officialFrom: OfficialFrom = DEFAULT_OFFICIAL_FROM) {
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
        html: `<strong class="govuk-tag ${statusTag(detail.value?.status).classes}">${statusTag(detail.value?.status).text}</strong>${figureState(detail.value, officialFrom)}`,
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

// --- the commentary hint --------------------------------------------------------------------------

const EXPLAIN = 'Explain the figure: why it is where it is and what is being done.';

/**
 * The edge of a region of statuses in shown values (multiples of the measure's last decimal
 * place): the lowest shown value near `start` whose status is one of `wanted` ('lowest'), or the
 * highest ('highest'). The engine's assessRag rates each candidate, so the hint states the
 * rule exactly as it is applied (values are rated as shown, with the engine's tolerance).
 */
function shownEdge(
  rate: (value: number) => RagStatus,
  wanted: readonly RagStatus[],
  start: number,
  decimals: number,
  side: 'lowest' | 'highest',
): number | null {
  const step = side === 'lowest' ? 10 ** -decimals : -(10 ** -decimals);
  const inside = (value: number) => wanted.includes(rate(value));
  let value = roundAsShown(start, decimals);
  for (let i = 0; i < 5 && !inside(value); i++) value = roundAsShown(value + step, decimals);
  if (!inside(value)) return null;
  for (let i = 0; i < 5 && inside(roundAsShown(value - step, decimals)); i++)
    value = roundAsShown(value - step, decimals);
  return value;
}

/**
 * The hint under the commentary box. Commentary is required before a value that is off target
 * (amber or red) is submitted, so it says where that starts for this measure and period: the
 * target that applies and the amber band, in the measure's own units.
 */
export function offTargetHint(detail: Pick<ValueDetail, 'measure' | 'target' | 'periodLabel'>): string {
  const { measure } = detail;
  const polarity = measure.polarity;
  if (polarity === 'none') return `${EXPLAIN} Optional: this measure is for monitoring only and has no target.`;
  if (!detail.target) return `${EXPLAIN} Optional: no target applies to ${detail.periodLabel}.`;
  const target = detail.target.target;
  if ((target.kind === 'range') !== (polarity === 'within-range')) {
    return `${EXPLAIN} Optional: the target for ${detail.periodLabel} does not suit this measure, so values are not rated against it.`;
  }
  const decimals = measure.decimalPlaces;
  const show = (value: number) => formatValue(value, measure.unit, decimals);
  const rag = (value: number) =>
    assessRag({
      value,
      polarity,
      target,
      thresholds: measure.ragThresholds,
      format: { unit: measure.unit, decimals },
    });
  const rate = (value: number) => rag(value).status;
  // The amber band the engine uses for this target (the same whatever the value).
  const band = rag(target.kind === 'value' ? target.value : target.lower);
  const whose = detail.target.basis === 'profile' ? `the target for ${detail.periodLabel}` : 'the annual target';
  const okay: RagStatus[] = ['amber', 'green'];
  const edge = (wanted: RagStatus[], start: number | undefined, side: 'lowest' | 'highest') =>
    start === undefined ? null : shownEdge(rate, wanted, start, decimals, side);

  if (target.kind === 'value') {
    const higher = polarity === 'higher-is-better';
    const side = higher ? 'lowest' : 'highest';
    const green = edge(['green'], target.value, side);
    const amber = edge(okay, higher ? band.amberLower : band.amberUpper, side);
    const beyond = higher ? 'below' : 'above';
    const head = `${EXPLAIN} Required before you submit a value ${beyond} ${show(green ?? target.value)}, ${whose}`;
    if (amber === null || green === null || amber === green)
      return `${head} (no amber band: anything ${beyond} it is red).`;
    return `${head} (amber ${higher ? 'from' : 'up to'} ${show(amber)}; red ${beyond} ${show(amber)}).`;
  }
  const greenLow = edge(['green'], target.lower, 'lowest');
  const greenHigh = edge(['green'], target.upper, 'highest');
  const amberLow = edge(okay, band.amberLower, 'lowest');
  const amberHigh = edge(okay, band.amberUpper, 'highest');
  const head =
    `${EXPLAIN} Required before you submit a value outside ${show(greenLow ?? target.lower)} to ` +
    `${show(greenHigh ?? target.upper)}, ${whose.replace('target', 'target range')}`;
  const amber = [
    amberLow !== null && amberLow !== greenLow ? `from ${show(amberLow)} below it` : null,
    amberHigh !== null && amberHigh !== greenHigh ? `up to ${show(amberHigh)} above it` : null,
  ].filter((part) => part !== null);
  if (amber.length === 0) return `${head} (no amber band: anything outside it is red).`;
  return `${head} (amber ${amber.join(' and ')}; red beyond that).`;
}
