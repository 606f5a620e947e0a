/**
 * Vocabulary shared by the whole engine (and by the measures module, which uses the same words).
 */
import type { Period } from './periods.ts';

/** Which way is good. 'within-range' needs a target range; 'none' means monitor only. */
export type Polarity = 'higher-is-better' | 'lower-is-better' | 'within-range' | 'none';

/**
 * How period values combine into a year-to-date or full-year value. 'ratio' sums numerators and
 * denominators separately (never averages the period ratios, which would weight a small month like
 * a large one).
 */
export type AggregationRule = 'sum' | 'mean' | 'latest' | 'ratio' | 'min' | 'max';

export type RagStatus = 'red' | 'amber' | 'green' | 'no-data' | 'overdue' | 'no-target';

export type Direction = 'improving' | 'worsening' | 'no-significant-change' | 'not-comparable';

/**
 * Known units are formatted specially (see formatValue); any other text is used as a suffix,
 * e.g. 'visits'. The `string & {}` keeps editor completion for the known ones.
 */
export type Unit = '%' | 'number' | '£' | 'days' | 'rate per 1,000' | (string & {});

/** A target is a single value (higher/lower is better) or a range (within range). */
export type Target = { kind: 'value'; value: number } | { kind: 'range'; lower: number; upper: number };

/**
 * One period's data. value is null when the period has no data (never 0 by default).
 * For ratio measures numerator and denominator carry the parts; value is the ratio as shown.
 */
export interface MeasurePoint {
  period: Period;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/** How a number is shown: the unit and the number of decimal places. */
export interface ValueFormat {
  unit: Unit;
  decimals: number;
}
