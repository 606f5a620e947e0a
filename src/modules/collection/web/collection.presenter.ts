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
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';

type Cell = { text?: string; html?: string; classes?: string; attributes?: Record<string, string> };

const w = words.collection.presenter;

/** What each step of a value's history did, in words (the codes are the audit's actions). */
export const ACTION_WORDS: Record<string, string> = w.actions;

/** A value's workflow status as a tag (the words and colours are the platform's status tags). */
export function statusTag(status: string | null | undefined): { text: string; classes: string } {
  return valueStatusTag(status);
}

export function shown(value: number | null | undefined, unit: string, decimals: number): string {
  return value === null || value === undefined ? w.noValue : formatValue(value, unit, decimals);
}

export function targetText(target: Target | null | undefined, unit: string, decimals: number): string {
  if (!target) return w.noTarget;
  return target.kind === 'range'
    ? fill(w.range, {
        lower: formatValue(target.lower, unit, decimals),
        upper: formatValue(target.upper, unit, decimals),
      })
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
      {
        text: row.value
          ? fill(w.draftSaved, { value: shown(row.value.value, row.unit, row.decimalPlaces) })
          : w.notStarted,
      },
    ]);
  return {
    overdue: toDo(data.overdue),
    due: toDo(data.due),
    returned: data.returned.map((row): Cell[] => [
      { html: link(row) },
      { text: row.periodLabel },
      { text: row.reason || w.noReason },
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
          ? fill(w.change, {
              before: shown(before.value, unit, decimalPlaces),
              after: shown(after.value, unit, decimalPlaces),
            })
          : shown(after.value, unit, decimalPlaces)
        : '';
    return [
      { text: formatDateTime(event.at) },
      { text: event.actorName ?? w.unknown },
      {
        text: event.fromStatus
          ? fill(w.actionWithStatus, {
              action: ACTION_WORDS[event.action] ?? event.action,
              from: statusTag(event.fromStatus).text,
              to: statusTag(event.toStatus).text,
            })
          : (ACTION_WORDS[event.action] ?? event.action),
      },
      // A confirmed figure's check is a stored phrase; a reason a person gave is shown as it is.
      { text: [change, sayStored(event.reason)].filter(Boolean).join(' · ') || '—' },
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
      key: { text: w.target },
      value: {
        text: detail.target
          ? fill(detail.target.basis === 'profile' ? w.targetProfiled : w.targetAnnual, {
              target: targetText(detail.target.target, unit, decimalPlaces),
            })
          : w.noTarget,
      },
    },
    {
      key: { text: fill(w.previous, { period: detail.previousLabel }) },
      value: { text: shown(detail.previous?.value, unit, decimalPlaces) },
    },
    {
      key: { text: fill(w.lastYear, { period: detail.lastYearLabel }) },
      value: { text: shown(detail.lastYear?.value, unit, decimalPlaces) },
    },
    { key: { text: w.due }, value: { text: formatDate(detail.dueDate) } },
    {
      key: { text: w.status },
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

const hint = w.hint;
const EXPLAIN = hint.explain;

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
  if (polarity === 'none') return fill(hint.monitoring, { explain: EXPLAIN });
  if (!detail.target) return fill(hint.noTarget, { explain: EXPLAIN, period: detail.periodLabel });
  const target = detail.target.target;
  if ((target.kind === 'range') !== (polarity === 'within-range')) {
    return fill(hint.unsuitable, { explain: EXPLAIN, period: detail.periodLabel });
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
  const profiled = detail.target.basis === 'profile';
  const okay: RagStatus[] = ['amber', 'green'];
  const edge = (wanted: RagStatus[], start: number | undefined, side: 'lowest' | 'highest') =>
    start === undefined ? null : shownEdge(rate, wanted, start, decimals, side);

  if (target.kind === 'value') {
    const higher = polarity === 'higher-is-better';
    const side = higher ? 'lowest' : 'highest';
    const green = edge(['green'], target.value, side);
    const amber = edge(okay, higher ? band.amberLower : band.amberUpper, side);
    const said = {
      explain: EXPLAIN,
      green: show(green ?? target.value),
      whose: profiled ? fill(hint.whoseProfile, { period: detail.periodLabel }) : hint.whoseAnnual,
    };
    if (amber === null || green === null || amber === green)
      return fill(higher ? hint.belowNoAmber : hint.aboveNoAmber, said);
    return fill(higher ? hint.belowAmber : hint.aboveAmber, { ...said, amber: show(amber) });
  }
  const greenLow = edge(['green'], target.lower, 'lowest');
  const greenHigh = edge(['green'], target.upper, 'highest');
  const amberLow = edge(okay, band.amberLower, 'lowest');
  const amberHigh = edge(okay, band.amberUpper, 'highest');
  const head = fill(hint.rangeHead, {
    explain: EXPLAIN,
    low: show(greenLow ?? target.lower),
    high: show(greenHigh ?? target.upper),
    whose: profiled ? fill(hint.whoseRangeProfile, { period: detail.periodLabel }) : hint.whoseRangeAnnual,
  });
  const amber = [
    amberLow !== null && amberLow !== greenLow ? fill(hint.amberBelow, { value: show(amberLow) }) : null,
    amberHigh !== null && amberHigh !== greenHigh ? fill(hint.amberAbove, { value: show(amberHigh) }) : null,
  ].filter((part) => part !== null);
  if (amber.length === 0) return fill(hint.rangeNoAmber, { head });
  return fill(hint.rangeAmber, { head, amber: amber.join(hint.amberJoin) });
}
