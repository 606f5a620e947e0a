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
import { fill, words } from '../../../platform/words/index.ts';

const w = words.measures.presenter;

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
    return fill(w.range, { lower: showNumber(measure, target.lower), upper: showNumber(measure, target.upper) });
  }
  return showNumber(measure, target.value);
}

/** What a target is for, in words: '2025/26', '2025/26 Q2 (profile)', '2027/28 (plan 2024/25 to 2027/28)'. */
export function targetSlotText(target: MeasureTarget, breakdownLabel: string | null): string {
  const forWhat =
    target.kind === 'profile'
      ? showPeriod(target.periodKey)
      : target.kind === 'multi-year'
        ? fill(w.multiYear, {
            year: showPeriod(target.financialYear),
            start: showPeriod(target.planPeriodStart),
            end: showPeriod(target.planPeriodEnd),
          })
        : showPeriod(target.financialYear);
  return breakdownLabel ? fill(w.forBreakdown, { forWhat, breakdown: breakdownLabel }) : forWhat;
}

export function measureSummaryRows(detail: MeasureDetail) {
  const m = detail.measure;
  const rows: { key: { text: string }; value: { text: string } }[] = [];
  const add = (key: string, text: string) => rows.push({ key: { text: key }, value: { text: text || w.notRecorded } });
  const k = w.summary;
  add(k.description, m.description);
  add(k.purpose, m.purpose);
  add(k.definition, m.definition);
  add(k.calculation, m.calculation);
  if (m.numeratorLabel || m.denominatorLabel)
    add(k.ratio, fill(w.ratio, { numerator: m.numeratorLabel, denominator: m.denominatorLabel }));
  add(k.unit, fill(m.decimalPlaces === 1 ? w.unitPlace : w.unitPlaces, { unit: m.unit, places: m.decimalPlaces }));
  add(k.polarity, POLARITY_LABELS[m.polarity] ?? m.polarity);
  add(k.frequency, FREQUENCY_LABELS[m.frequency] ?? m.frequency);
  add(k.yearTotal, AGGREGATION_LABELS[m.aggregation] ?? m.aggregation);
  add(k.type, MEASURE_TYPE_LABELS[m.measureType] ?? m.measureType);
  add(k.dataSource, m.dataSource);
  add(k.collectionMethod, m.collectionMethod);
  add(
    k.baseline,
    m.baselineValue === null
      ? ''
      : fill(w.baseline, { value: showNumber(m, m.baselineValue), period: showPeriod(m.baselinePeriod) }),
  );
  add(k.owner, detail.owner?.name ?? '');
  add(k.ownerUnit, detail.ownerUnit?.name ?? w.councilWide);
  add(k.verifier, detail.verifier?.name ?? '');
  add(
    k.allowedValues,
    m.minValue === null && m.maxValue === null
      ? w.anyNumber
      : m.maxValue === null
        ? fill(w.orMore, { value: showNumber(m, m.minValue) })
        : m.minValue === null
          ? fill(w.orLess, { value: showNumber(m, m.maxValue) })
          : fill(w.range, { lower: showNumber(m, m.minValue), upper: showNumber(m, m.maxValue) }),
  );
  const rag = m.ragThresholds;
  add(
    k.amber,
    rag.kind === 'percentage'
      ? fill(w.amberPercent, { percent: rag.amberPercent })
      : rag.kind === 'absolute'
        ? fill(w.amberAmount, { amount: showNumber(m, rag.amberAmount) })
        : rag.kind === 'bands'
          ? [
              rag.amberLower !== undefined ? fill(w.amberFrom, { value: showNumber(m, rag.amberLower) }) : '',
              rag.amberUpper !== undefined ? fill(w.amberUpTo, { value: showNumber(m, rag.amberUpper) }) : '',
            ]
              .filter(Boolean)
              .join(' ')
          : w.noAmber,
  );
  add(k.dataQualityNotes, m.dataQualityNotes);
  add(k.isKey, m.isKey ? w.yes : w.no);
  add(
    words.inPeriodEstimates.row,
    m.allowsInPeriodEstimate ? words.inPeriodEstimates.allowed : words.inPeriodEstimates.notAllowed,
  );
  add(k.tags, m.tags.join(', '));
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
    const said = {
      slot: targetSlotText(version, labelOf(version.breakdownId)),
      target: showTarget(m, version),
      who: version.setByName ?? w.history.someone,
      when: formatDateTime(version.setAt),
      from: formatDate(version.effectiveFrom),
    };
    const line = previous
      ? fill(w.history.changed, { ...said, previous: showTarget(m, previous) })
      : fill(w.history.set, said);
    return version.reason ? fill(w.history.withReason, { line, reason: version.reason }) : line;
  });
}

export function valueRows(detail: MeasureDetail) {
  const m = detail.measure;
  return detail.recentValues.map((v) => [
    {
      text: v.breakdownLabel
        ? fill(w.periodOf, { period: showPeriod(v.periodKey), breakdown: v.breakdownLabel })
        : showPeriod(v.periodKey),
    },
    { text: v.value === null ? w.noFigure : showNumber(m, v.value), format: 'numeric' },
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
  const latest = view.periods.length === 1 ? w.latestPeriod : fill(w.latestPeriods, { count: view.periods.length });
  return view.dimensions.map(({ dimension, categories }) => ({
    heading: capitalised(dimension),
    caption: fill(w.breakdownCaption, { dimension, latest }),
    periods: view.periods.map((period) => period.label),
    rows: categories.map((category) => ({
      label: category.label,
      code: category.code,
      cells: category.cells.map((cell) => ({
        text: cell.value === null ? w.noValue : showNumber(m, cell.value),
        tag: cell.rag === 'red' || cell.rag === 'amber' || cell.rag === 'green' ? ragTag(cell.rag) : null,
        target: cell.target ? fill(w.cellTarget, { target: showTarget(m, engineTarget(cell.target)) }) : '',
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
