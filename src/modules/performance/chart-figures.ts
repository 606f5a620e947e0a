/**
 * The SPC chart of a measure's page with every figure on it: the official points the limits are
 * computed from, and the figures not yet official, drawn (hollow) where they fall but left out of
 * the mean and limits, which carry on from the last official point. A figure whose quality is
 * estimated or provisional is hollow too. Its data table says how each point is marked.
 */
import type { SpcPointType } from './domain/index.ts';
import type { OfficialFrom } from '../../kernel/measurement/official.ts';
import { parsePeriodKey, periodFromOrdinal, periodLabel, periodOrdinal } from '../../kernel/measurement/periods.ts';
import { words } from '../../platform/words/index.ts';
import type { FigureRow } from './data/figure-notes.repository.ts';
import { figureMarking } from './period-figures.ts';
import type { SpcChartPoint, SpcChartTableRow, SpcTableRow } from './performance-views.types.ts';

const said = words.measureFigures.chart;

/** An official point as the SPC analysis gives it, with its row of the data table. */
export interface ChartedOfficial {
  periodKey: string;
  label: string;
  value: number;
  mean: number;
  lowerLimit: number | null;
  upperLimit: number | null;
  type: SpcPointType;
  row: SpcTableRow;
}

/** A figure not yet official that falls on the chart: a period up to the current one, with a value. */
export interface ChartedProvisional {
  periodKey: string;
  label: string;
  value: number;
  /** As shown (in the measure's format). */
  shown: string;
  target: string | null;
  status: string;
  quality: string;
}

/** The chart's points and its data table, oldest first, official and not yet official together. */
export function chartFigures(
  official: readonly ChartedOfficial[],
  provisional: readonly ChartedProvisional[],
  figures: readonly FigureRow[],
  officialFrom: OfficialFrom,
): { labels: string[]; points: SpcChartPoint[]; table: SpcChartTableRow[] } {
  const figureOf = new Map(figures.map((f) => [f.periodKey, f]));
  type Entry = { periodKey: string; official?: ChartedOfficial; provisional?: ChartedProvisional };
  const entries: Entry[] = [
    ...official.map((o) => ({ periodKey: o.periodKey, official: o })),
    ...provisional.map((p) => ({ periodKey: p.periodKey, provisional: p })),
  ].sort((a, b) => (a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : 0));
  const labels: string[] = [];
  const points: SpcChartPoint[] = [];
  const table: SpcChartTableRow[] = [];
  let last: ChartedOfficial | null = null;
  let previousKey: string | null = null;
  for (const entry of entries) {
    // Periods with no figure between two that have one stay on the chart as empty places, so a
    // gap of 30 months is drawn as one rather than as two neighbouring points.
    for (const missing of periodsBetweenKeys(previousKey, entry.periodKey)) {
      labels.push(missing);
      points.push({ value: null, mean: null, lowerLimit: null, upperLimit: null, type: null, hollow: false });
    }
    previousKey = entry.periodKey;
    if (entry.official) {
      const o = entry.official;
      // An official point is always one of the figures; were it not, it would be shown as official and final.
      const marking = figureMarking(
        figureOf.get(o.periodKey) ?? { status: officialFrom, quality: 'final' },
        officialFrom,
      );
      labels.push(o.label);
      points.push({ ...pick(o), type: o.type, hollow: marking.hollow });
      table.push({ ...o.row, marking: marking.text });
      last = o;
    } else if (entry.provisional) {
      const p = entry.provisional;
      const marking = figureMarking(p, officialFrom);
      labels.push(p.label);
      points.push({
        value: p.value,
        mean: last?.mean ?? null,
        lowerLimit: last?.lowerLimit ?? null,
        upperLimit: last?.upperLimit ?? null,
        type: null,
        hollow: true,
      });
      table.push({
        periodKey: p.periodKey,
        periodLabel: p.label,
        value: p.shown,
        target: p.target,
        mean: '',
        lowerLimit: null,
        upperLimit: null,
        type: 'not-official',
        pointType: said.notOfficialPoint,
        rules: [],
        rulesText: '',
        marking: marking.text,
      });
    }
  }
  return { labels, points, table };
}

/** The labels of the periods strictly between two period keys of the same frequency (none if unknown). */
export function periodsBetweenKeys(from: string | null, to: string): string[] {
  if (from === null) return [];
  const a = parsePeriodKey(from);
  const b = parsePeriodKey(to);
  if (!a.ok || !b.ok || a.value.frequency !== b.value.frequency) return [];
  const labels: string[] = [];
  for (let ordinal = periodOrdinal(a.value) + 1; ordinal < periodOrdinal(b.value); ordinal++) {
    labels.push(periodLabel(periodFromOrdinal(ordinal, a.value.frequency)));
  }
  return labels;
}

function pick(o: ChartedOfficial) {
  return { value: o.value, mean: o.mean, lowerLimit: o.lowerLimit, upperLimit: o.upperLimit };
}
