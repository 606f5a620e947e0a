/**
 * Year-to-date and full-year values from period values, by the measure's rule.
 *
 * Missing periods are never treated as zero. They are listed, the aggregate says whether it is
 * complete, and the missing-data policy decides whether an incomplete aggregate has a value at all.
 */
import {
  periodLabel,
  periodsOfYear,
  periodsPerYear,
  UK_FINANCIAL_YEAR,
  yearToDatePeriods,
} from '../../../kernel/measurement/periods.ts';
import type { FinancialYearConfig, Frequency, Period } from '../../../kernel/measurement/periods.ts';
import { indexPoints } from '../../../kernel/measurement/series.ts';
import type { PointIndex } from '../../../kernel/measurement/series.ts';
import type { AggregationRule, MeasurePoint } from '../../../kernel/measurement/types.ts';

/**
 * 'use-available': aggregate the periods that have data and mark the result incomplete.
 * 'require-all': no value unless every period has data.
 */
export type MissingDataPolicy = 'use-available' | 'require-all';

/**
 * A partial sum would always look like under-performance against a cumulative target, so a sum
 * needs every period by default; the other rules describe the available periods fairly.
 */
export function defaultMissingDataPolicy(rule: AggregationRule): MissingDataPolicy {
  return rule === 'sum' ? 'require-all' : 'use-available';
}

export interface AggregationOptions {
  rule: AggregationRule;
  /** For 'ratio': multiplier applied to numerator ÷ denominator (100 for a percentage, 1000 for a rate per 1,000). */
  ratioScale?: number;
  missing?: MissingDataPolicy;
  fy?: FinancialYearConfig;
}

export interface Aggregate {
  rule: AggregationRule;
  value: number | null;
  /** The periods the aggregate should cover, in order. */
  periods: Period[];
  included: Period[];
  missing: Period[];
  /** Every period in `periods` has data. */
  complete: boolean;
  /** Covers fewer periods than a full financial year (a year to date before the year end). */
  partialYear: boolean;
  /** For 'ratio': the summed parts (null for other rules). */
  numerator: number | null;
  denominator: number | null;
  /** What was done, in words. */
  explanation: string;
}

const RULE_WORDS: Record<AggregationRule, string> = {
  sum: 'Sum',
  mean: 'Average',
  latest: 'Latest value',
  ratio: 'Total numerator ÷ total denominator',
  min: 'Lowest value',
  max: 'Highest value',
};

const PERIOD_NOUN: Record<Frequency, [string, string]> = {
  monthly: ['month', 'months'],
  quarterly: ['quarter', 'quarters'],
  'half-yearly': ['half-year', 'half-years'],
  annual: ['year', 'years'],
};

function isIndex(points: readonly MeasurePoint[] | PointIndex): points is PointIndex {
  return !Array.isArray(points);
}

function plural(n: number, frequency: Frequency): string {
  const [one, many] = PERIOD_NOUN[frequency];
  return `${n} ${n === 1 ? one : many}`;
}

function listLabels(periods: readonly Period[], fy: FinancialYearConfig): string {
  const labels = periods.map((p) => periodLabel(p, fy));
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/**
 * Aggregates the given periods (all of one frequency) from the points, or from an index of them
 * (pass an index when aggregating one history several times).
 */
export function aggregatePeriods(
  points: readonly MeasurePoint[] | PointIndex,
  periods: readonly Period[],
  options: AggregationOptions,
): Aggregate {
  const { rule } = options;
  const fy = options.fy ?? UK_FINANCIAL_YEAR;
  const policy = options.missing ?? defaultMissingDataPolicy(rule);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('Cannot aggregate an empty list of periods');
  const frequency = first.frequency;
  const index = isIndex(points) ? points : indexPoints(points, frequency);
  if (index.frequency !== frequency)
    throw new RangeError(`Cannot aggregate ${frequency} periods from ${index.frequency} points`);

  const included: Period[] = [];
  const missing: Period[] = [];
  const values: number[] = [];
  let numerator = 0;
  let denominator = 0;
  for (const period of periods) {
    if (rule === 'ratio') {
      const point = index.get(period);
      const n = point?.numerator;
      const d = point?.denominator;
      if (n == null || d == null || !Number.isFinite(n) || !Number.isFinite(d)) {
        missing.push(period);
        continue;
      }
      numerator += n;
      denominator += d;
      included.push(period);
    } else {
      const v = index.valueOf(period);
      if (v === null) {
        missing.push(period);
        continue;
      }
      values.push(v);
      included.push(period);
    }
  }

  const complete = missing.length === 0;
  const partialYear = periods.length < periodsPerYear(frequency);
  const span =
    periods.length === 1
      ? periodLabel(first, fy)
      : `${periodLabel(first, fy)} to ${periodLabel(last, fy)} (${plural(periods.length, frequency)})`;
  // Built in one place with one shape (object spreads of varying shapes are slow in V8).
  const result = (value: number | null, explanation: string): Aggregate => ({
    rule,
    value,
    periods: periods.slice(),
    included,
    missing,
    complete,
    partialYear,
    numerator: rule === 'ratio' ? numerator : null,
    denominator: rule === 'ratio' ? denominator : null,
    explanation,
  });
  const noValue = (why: string): Aggregate => result(null, `No value for ${span}: ${why}`);

  if (included.length === 0) return noValue('no period has data');
  if (!complete && policy === 'require-all') {
    return noValue(
      `${plural(missing.length, frequency)} without data (${listLabels(missing, fy)}), and every period is needed`,
    );
  }

  let value: number;
  switch (rule) {
    case 'sum':
      value = values.reduce((a, b) => a + b, 0);
      break;
    case 'mean':
      value = values.reduce((a, b) => a + b, 0) / values.length;
      break;
    case 'latest':
      value = values[values.length - 1] as number;
      break;
    case 'min':
      value = Math.min(...values);
      break;
    case 'max':
      value = Math.max(...values);
      break;
    case 'ratio':
      if (denominator === 0) return noValue('the denominators add up to zero, so the ratio has no value');
      value = (numerator / denominator) * (options.ratioScale ?? 1);
      break;
  }

  let explanation = `${RULE_WORDS[rule]} of ${span}`;
  if (!complete) {
    explanation += `; ${included.length} of ${periods.length} ${PERIOD_NOUN[frequency][1]} have data, no data for ${listLabels(missing, fy)} (not counted as zero)`;
    const latestIncluded = included[included.length - 1];
    if (rule === 'latest' && latestIncluded !== undefined && missing.includes(last)) {
      explanation += `; the latest value available is for ${periodLabel(latestIncluded, fy)}`;
    }
  }
  if (partialYear) explanation += `; part of the year only`;
  return result(value, explanation);
}

/** From the first period of p's financial year up to and including p. */
export function aggregateYearToDate(
  points: readonly MeasurePoint[] | PointIndex,
  upTo: Period,
  options: AggregationOptions,
): Aggregate {
  return aggregatePeriods(points, yearToDatePeriods(upTo), options);
}

export function aggregateFullYear(
  points: readonly MeasurePoint[] | PointIndex,
  fyStartYear: number,
  frequency: Frequency,
  options: AggregationOptions,
): Aggregate {
  return aggregatePeriods(points, periodsOfYear(fyStartYear, frequency), options);
}
