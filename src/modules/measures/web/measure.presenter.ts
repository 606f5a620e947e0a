import { formatValue } from '../../../kernel/measurement/format.ts';
import { parsePeriodKey, periodLabel } from '../../../kernel/measurement/periods.ts';
import type { Target } from '../../../kernel/measurement/types.ts';
import {
  AGGREGATION_LABELS,
  FREQUENCY_LABELS,
  MEASURE_TYPE_LABELS,
  POLARITY_LABELS,
  TARGET_KIND_LABELS,
} from '../../../kernel/measurement/vocabulary.ts';
import type { BreakdownView } from '../breakdowns.service.ts';
import type { MeasureDetail } from '../measures.service.ts';
import type { MeasureTarget } from '../measure-targets.service.ts';
import { formatDate, formatDateTime } from '../../../platform/http/filters.ts';
import { ragTag } from '../../../platform/words/status-tags.ts';
import { words } from '../../../platform/words/index.ts';

interface Shown {
  unit: string;
  decimalPlaces: number;
}

export function showNumber(measure: Shown, value: number | null): string {
  if (value === null) return '';
  return formatValue(value, measure.unit, measure.decimalPlaces);
}

export function showPeriod(key: string | null): string {
  if (key === null) return '';
  const parsed = parsePeriodKey(key);
  return parsed.ok ? periodLabel(parsed.value) : key;
}

export function showTarget(measure: Shown, target: Pick<MeasureTarget, 'value' | 'lower' | 'upper'>): string {
  if (target.lower !== null && target.upper !== null) {
    return `${showNumber(measure, target.lower)} to ${showNumber(measure, target.upper)}`;
  }
  return showNumber(measure, target.value);
}

/** What a target is for, in words: '2025/26', '2025/26 Q2 (profile)', '2027/28 (plan 2024/25 to 2027/28)'. */
export function targetSlotText(target: MeasureTarget, breakdownLabel: string | null): string {
  const forWhat =
    target.kind === 'profile'
      ? showPeriod(target.periodKey)
      : target.kind === 'multi-year'
        ? `${showPeriod(target.financialYear)} (plan period ${showPeriod(target.planPeriodStart)} to ${showPeriod(target.planPeriodEnd)})`
        : showPeriod(target.financialYear);
  return breakdownLabel ? `${forWhat}, ${breakdownLabel}` : forWhat;
}

export function measureSummaryRows(detail: MeasureDetail) {
  const m = detail.measure;
  const rows: { key: { text: string }; value: { text: string } }[] = [];
  const add = (key: string, text: string) => rows.push({ key: { text: key }, value: { text: text || 'Not recorded' } });
  add('Description', m.description);
  add('Why it matters', m.purpose);
  add('Definition', m.definition);
  add('How it is calculated', m.calculation);
  if (m.numeratorLabel || m.denominatorLabel)
    add('Numerator ÷ denominator', `${m.numeratorLabel} ÷ ${m.denominatorLabel}`);
  add('Unit', `${m.unit} (${m.decimalPlaces} decimal ${m.decimalPlaces === 1 ? 'place' : 'places'})`);
  add('Polarity', POLARITY_LABELS[m.polarity] ?? m.polarity);
  add('Frequency', FREQUENCY_LABELS[m.frequency] ?? m.frequency);
  add('Year total', AGGREGATION_LABELS[m.aggregation] ?? m.aggregation);
  add('Type', MEASURE_TYPE_LABELS[m.measureType] ?? m.measureType);
  add('Data source', m.dataSource);
  add('Collection method', m.collectionMethod);
  add(
    'Baseline',
    m.baselineValue === null ? '' : `${showNumber(m, m.baselineValue)} in ${showPeriod(m.baselinePeriod)}`,
  );
  add('Accountable owner', detail.owner?.name ?? '');
  add('Unit responsible', detail.ownerUnit?.name ?? 'Council-wide');
  add('Verifier', detail.verifier?.name ?? '');
  add(
    'Allowed values',
    m.minValue === null && m.maxValue === null
      ? 'Any number'
      : m.maxValue === null
        ? `${showNumber(m, m.minValue)} or more`
        : m.minValue === null
          ? `${showNumber(m, m.maxValue)} or less`
          : `${showNumber(m, m.minValue)} to ${showNumber(m, m.maxValue)}`,
  );
  const rag = m.ragThresholds;
  add(
    'Amber',
    rag.kind === 'percentage'
      ? `Within ${rag.amberPercent}% of the target`
      : rag.kind === 'absolute'
        ? `Within ${showNumber(m, rag.amberAmount)} of the target`
        : rag.kind === 'bands'
          ? [
              rag.amberLower !== undefined ? `from ${showNumber(m, rag.amberLower)}` : '',
              rag.amberUpper !== undefined ? `up to ${showNumber(m, rag.amberUpper)}` : '',
            ]
              .filter(Boolean)
              .join(' ')
          : 'No amber: red or green only',
  );
  add('Data quality notes', m.dataQualityNotes);
  add('Key measure', m.isKey ? 'Yes' : 'No');
  add(
    words.inPeriodEstimates.row,
    m.allowsInPeriodEstimate ? words.inPeriodEstimates.allowed : words.inPeriodEstimates.notAllowed,
  );
  add('Tags', m.tags.join(', '));
  return rows;
}

export function targetRows(detail: MeasureDetail) {
  const m = detail.measure;
  const labelOf = (id: string | null) => detail.breakdowns.find((b) => b.id === id)?.label ?? null;
  return detail.currentTargets.map((t) => ({
    id: t.id,
    kind: TARGET_KIND_LABELS[t.kind] ?? t.kind,
    forWhat: targetSlotText(t, labelOf(t.breakdownId)),
    target: showTarget(m, t),
    from: formatDate(t.effectiveFrom),
  }));
}

/** "Changed from 70.0% to 75.0% by Sam on 15 September 2025: reason" — newest first. */
export function targetHistoryLines(detail: MeasureDetail): string[] {
  const m = detail.measure;
  const labelOf = (id: string | null) => detail.breakdowns.find((b) => b.id === id)?.label ?? null;
  return detail.targetChanges.map(({ previous, version }) => {
    const who = version.setByName ?? 'someone no longer recorded';
    const when = formatDateTime(version.setAt);
    const slot = targetSlotText(version, labelOf(version.breakdownId));
    const from = `applies from ${formatDate(version.effectiveFrom)}`;
    const why = version.reason ? `: ${version.reason}` : '';
    return previous
      ? `${slot}: changed from ${showTarget(m, previous)} to ${showTarget(m, version)} by ${who} on ${when}, ${from}${why}`
      : `${slot}: set to ${showTarget(m, version)} by ${who} on ${when}, ${from}${why}`;
  });
}

export function valueRows(detail: MeasureDetail) {
  const m = detail.measure;
  return detail.recentValues.map((v) => [
    { text: showPeriod(v.periodKey) + (v.breakdownLabel ? ` (${v.breakdownLabel})` : '') },
    { text: v.value === null ? 'No figure yet' : showNumber(m, v.value), format: 'numeric' },
    { text: v.status },
    { text: v.quality },
  ]);
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * One table per breakdown (ward, age group, …): a row per category, a column per period, each
 * cell the value with its RAG status in words and the category's target. None without values.
 */
export function breakdownTables(view: BreakdownView | null) {
  if (!view || view.periods.length === 0) return [];
  const m = view.measure;
  const latest = view.periods.length === 1 ? 'the latest period' : `the latest ${view.periods.length} periods`;
  return view.dimensions.map(({ dimension, categories }) => ({
    heading: capitalised(dimension),
    caption: `By ${dimension}: ${latest} with values`,
    periods: view.periods.map((period) => period.label),
    rows: categories.map((category) => ({
      label: category.label,
      code: category.code,
      cells: category.cells.map((cell) => ({
        text: cell.value === null ? 'No value' : showNumber(m, cell.value),
        tag: cell.rag === 'red' || cell.rag === 'amber' || cell.rag === 'green' ? ragTag(cell.rag) : null,
        target: cell.target ? `Target ${showTarget(m, engineTarget(cell.target))}` : '',
      })),
    })),
  }));
}

/** The engine's Target in the shape showTarget reads. */
function engineTarget(target: Target) {
  return target.kind === 'range'
    ? { value: null, lower: target.lower, upper: target.upper }
    : { value: target.value, lower: null, upper: null };
}
