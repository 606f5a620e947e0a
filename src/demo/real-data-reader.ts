/**
 * Reads the demo measures' history from the real published files (reference-data/ in the repository,
 * see its SOURCES.md), keeping their real, uneven formats: the many period shapes of the Trafford
 * Corporate Plan files, prompt payment's wide rows, and Hart's two quarterly KPI reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { daysInMonth } from '../kernel/calendar-days.ts';
import {
  monthsInPeriod,
  parseIsoDate,
  periodContaining,
  periodEnd,
  periodKey,
  periodStart,
  type Frequency,
  type Period,
} from '../kernel/measurement/periods.ts';
import type { DemoMeasureSpec } from './demo-measures.data.ts';

/** The real data folder: reference-data/ at the root of the repository (found from this file, not the working directory). */
export const DEFAULT_REAL_DATA_DIR = fileURLToPath(new URL('../../reference-data/', import.meta.url));

const TRAFFORD = 'E08000009';
const HART_FIRST = 'hart_dc_kpis/hart_kpis_2014-08-10.csv';
const HART_SECOND = 'hart_dc_kpis/hart_kpis_2014-11-07.csv';
/** Hart's reports cover Q1 and Q2 of 2014/15 (with Q4 and the outturn of 2013/14). */
export const HART_YEAR = 2014;

// ---------------------------------------------------------------------------------------------
// Published period strings → the engine's periods
// ---------------------------------------------------------------------------------------------

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 'April' | 'Apr' | 'Sept' → 1..12, or 0. */
export function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  if (lower.length < 3) return 0;
  return MONTHS.findIndex((name) => name.startsWith(lower.slice(0, 3)) && name.startsWith(lower)) + 1;
}

export const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = daysInMonth;

/** What a published period string covers: first and last day, and its length in months (0 for a day). */
export interface PublishedSpan {
  start: string;
  end: string;
  months: number;
}

/**
 * Reads the period shapes used in the published files: '2010/11' and '2015-16' (financial years),
 * '2010' (a calendar year), 'April 2021' (a month), 'Jan 2012-Dec 2012' (a run of months), '2021-06-30'
 * (a day: a snapshot). Null for anything else — multi-year pools such as '2018/19 - 22/23' or
 * '2010 - 12' do not describe one period.
 */
export function parsePublishedPeriod(text: string): PublishedSpan | null {
  const value = text.trim();
  let m = /^(\d{4})[/-](\d{2})$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    if (Number(m[2]) !== (year + 1) % 100) return null;
    return { start: `${year}-04-01`, end: `${year + 1}-03-31`, months: 12 };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, months: 12 };
  m = /^([A-Za-z]+)\.? (\d{4})$/.exec(value);
  if (m) {
    const month = monthNumber(m[1]!);
    const year = Number(m[2]);
    if (!month) return null;
    return { start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(lastDay(year, month))}`, months: 1 };
  }
  m = /^([A-Za-z]+)\.? (\d{4}) ?- ?([A-Za-z]+)\.? (\d{4})$/.exec(value);
  if (m) {
    const from = monthNumber(m[1]!);
    const to = monthNumber(m[3]!);
    const fromYear = Number(m[2]);
    const toYear = Number(m[4]);
    if (!from || !to) return null;
    const months = (toYear - fromYear) * 12 + (to - from) + 1;
    if (months < 1) return null;
    return {
      start: `${fromYear}-${pad(from)}-01`,
      end: `${toYear}-${pad(to)}-${pad(lastDay(toYear, to))}`,
      months,
    };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    try {
      parseIsoDate(value);
    } catch {
      return null;
    }
    return { start: value, end: value, months: 0 };
  }
  return null;
}

/**
 * The measure's period for a published period string, or null when it cannot be placed:
 * - a span as long as the measure's period that lines up with one is that period;
 * - a span as long but not lined up (a calendar year for an annual measure, a survey year from
 *   November) is the period in which it ends — 2019 → 2019/20;
 * - a day (a snapshot, 'as at') is the period containing it;
 * - anything longer or shorter (a month for an annual measure, a five-year pool) cannot be placed.
 */
export function periodForPublished(text: string, frequency: Frequency): Period | null {
  const span = parsePublishedPeriod(text);
  if (!span) return null;
  if (span.months === 0) return periodContaining(span.start, frequency);
  if (span.months !== monthsInPeriod(frequency)) return null;
  const containing = periodContaining(span.start, frequency);
  if (periodStart(containing) === span.start && periodEnd(containing) === span.end) return containing;
  return periodContaining(span.end, frequency);
}

// ---------------------------------------------------------------------------------------------
// Reading the files
// ---------------------------------------------------------------------------------------------

type CsvRow = Record<string, string>;

export interface SeriesPoint {
  periodKey: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  commentary: string;
  /** The figure first published for the period, when a later report revised it. */
  firstPublished?: number;
  /** Hart's own target for the quarter. */
  target?: number;
}

export interface Series {
  points: SeriesPoint[];
  /** Rows that matched the series but could not be placed in a period or had no figure. */
  skipped: number;
  baseline?: { value: number; periodKey: string };
}

export class Files {
  private readonly cache = new Map<string, CsvRow[]>();
  constructor(readonly dir: string) {}

  /** The rows of a CSV file; `onlyArea` keeps only the rows whose first column is that area code. */
  rows(file: string, onlyArea?: string): CsvRow[] {
    const cacheKey = `${file}|${onlyArea ?? ''}`;
    let rows = this.cache.get(cacheKey);
    if (!rows) {
      let text = readFileSync(path.join(this.dir, file), 'utf8');
      if (onlyArea !== undefined) {
        // The full published files also hold comparator councils and England (2 MB for some);
        // parsing only the header and our area's lines is much faster.
        const lines = text.split(/\r?\n/);
        text = [lines[0] ?? '', ...lines.filter((line) => line.startsWith(`${onlyArea},`))].join('\n');
      }
      rows = parse<CsvRow>(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
      this.cache.set(cacheKey, rows);
    }
    return rows;
  }
}

const numberOf = (text: string | undefined): number | null => {
  if (text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toUpperCase() === 'NA') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
};
export const round = (n: number, places: number) => Number(n.toFixed(places));

export function readSeries(files: Files, spec: DemoMeasureSpec, hartYear: number): Series {
  const { source } = spec;
  const points = new Map<string, SeriesPoint>();
  let skipped = 0;
  const add = (periodText: string, point: Omit<SeriesPoint, 'periodKey'>) => {
    const period = periodForPublished(periodText, spec.frequency);
    if (!period || point.value === null) {
      skipped += 1;
      return;
    }
    const key = periodKey(period);
    if (points.has(key)) {
      skipped += 1; // two figures for one period (e.g. two shapes landing on one year): keep the first
      return;
    }
    points.set(key, { periodKey: key, ...point });
  };
  const plain = (value: number | null) => ({
    value: value === null ? null : round(value, spec.decimals),
    numerator: null,
    denominator: null,
    commentary: '',
  });

  switch (source.kind) {
    case 'trafford': {
      for (const row of files.rows(source.file, TRAFFORD)) {
        if (row.area_code !== TRAFFORD || row.indicator !== source.indicator) continue;
        if (source.measure !== undefined && row.measure !== source.measure) continue;
        if (source.unit !== undefined && (row.unit ?? row.units) !== source.unit) continue;
        add(row.period ?? '', plain(numberOf(row.value)));
      }
      break;
    }
    case 'trafford-ulev': {
      for (const row of files.rows('trafford-corporate-plan/climate/licensed_vehicles.csv', TRAFFORD)) {
        if (row.area_code !== TRAFFORD) continue;
        const ulev = numberOf(row.value_ulev);
        const all = numberOf(row.value_all_vehicles);
        if (ulev === null || all === null || all <= 0) {
          skipped += 1;
          continue;
        }
        // The published counts carry floating-point noise (129116.00000000001): they are whole vehicles.
        const numerator = Math.round(ulev);
        const denominator = Math.round(all);
        add(row.period ?? '', {
          value: round((numerator / denominator) * 100, spec.decimals),
          numerator,
          denominator,
          commentary: '',
        });
      }
      break;
    }
    case 'prompt-payment': {
      for (const row of files.rows('trafford_council_open_data/prompt_payment.csv')) {
        add(row.FinancialYear ?? '', plain(numberOf(row[source.column])));
      }
      break;
    }
    case 'hart': {
      const find = (file: string) => files.rows(file).find((row) => row.k === source.kpi);
      const first = find(HART_FIRST);
      const second = find(HART_SECOND);
      if (!first || !second) throw new Error(`Hart KPI ${source.kpi} is missing from the published files`);
      const quarter = (fy: number, q: number) => periodKey({ frequency: 'quarterly', fyStartYear: fy, index: q });
      const note = (row: CsvRow) => (row.n && row.n !== 'No notes' ? row.n : '');
      const target = (row: CsvRow) => {
        const t = numberOf(row.t);
        return t === null || t === 0 ? undefined : t; // 0 is Hart's "no target" (information only)
      };
      const hartPoint = (value: number | null, extra: Partial<SeriesPoint> = {}) => ({ ...plain(value), ...extra });
      // Q4 of the previous year: the first report's "last quarter" column (for HS07 it holds the
      // year's total rather than a quarter, so it is left out and counted as skipped).
      const q4 = source.annualInPrevious ? null : numberOf(first.lq);
      if (q4 === null) skipped += 1;
      else points.set(quarter(hartYear - 1, 4), { periodKey: quarter(hartYear - 1, 4), ...hartPoint(q4) });
      const q1First = numberOf(first.tq);
      const q1Revised = numberOf(second.lq);
      const q1 = q1Revised ?? q1First;
      if (q1 === null) skipped += 1;
      else {
        const t = target(first);
        points.set(quarter(hartYear, 1), {
          periodKey: quarter(hartYear, 1),
          ...hartPoint(q1, { commentary: note(first) }),
          ...(q1First !== null && q1Revised !== null && q1First !== q1Revised ? { firstPublished: q1First } : {}),
          ...(t === undefined ? {} : { target: t }),
        });
      }
      const q2 = numberOf(second.tq);
      if (q2 === null) skipped += 1;
      else {
        const t = target(second);
        points.set(quarter(hartYear, 2), {
          periodKey: quarter(hartYear, 2),
          ...hartPoint(q2, { commentary: note(second) }),
          ...(t === undefined ? {} : { target: t }),
        });
      }
      const outturn = numberOf(second.y);
      const series: Series = {
        points: [...points.values()].sort((a, b) => a.periodKey.localeCompare(b.periodKey)),
        skipped,
      };
      if (outturn !== null) {
        series.baseline = {
          value: outturn,
          periodKey: periodKey({ frequency: 'annual', fyStartYear: hartYear - 1, index: 1 }),
        };
      }
      return series;
    }
  }
  return { points: [...points.values()].sort((a, b) => a.periodKey.localeCompare(b.periodKey)), skipped };
}
