/**
 * The words of the measures module. Polarity, aggregation and frequency are the engine's own
 * vocabulary (src/domain/performance); the rest belongs to measure definitions and collection.
 */
import { FREQUENCIES, type Frequency } from './periods.ts';
import type { AggregationRule, Polarity } from './types.ts';

export { FREQUENCIES };
export type { AggregationRule, Frequency, Polarity };

export const POLARITIES = [
  'higher-is-better',
  'lower-is-better',
  'within-range',
  'none',
] as const satisfies readonly Polarity[];
export const AGGREGATIONS = [
  'sum',
  'mean',
  'latest',
  'ratio',
  'min',
  'max',
] as const satisfies readonly AggregationRule[];
export const MEASURE_TYPES = ['statutory', 'local', 'partnership'] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];
export const MEASURE_STATUSES = ['active', 'retired'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const RAG_METHODS = ['percentage', 'absolute', 'bands', 'none'] as const;
export type RagMethod = (typeof RAG_METHODS)[number];

export const TARGET_KINDS = ['annual', 'profile', 'multi-year'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const VALUE_STATUSES = ['draft', 'submitted', 'verified', 'approved', 'published', 'returned'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];
export const VALUE_QUALITIES = ['estimated', 'provisional', 'final'] as const;
export type ValueQuality = (typeof VALUE_QUALITIES)[number];

export const REMINDER_KINDS = ['before', 'overdue', 'escalation-owner', 'escalation-manager'] as const;

export const POLARITY_LABELS: Record<Polarity, string> = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
  'within-range': 'Within a range',
  none: 'No polarity (monitor only)',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  'half-yearly': 'Half-yearly',
  annual: 'Annual',
};

export const AGGREGATION_LABELS: Record<AggregationRule, string> = {
  sum: 'Sum of the periods',
  mean: 'Average of the periods',
  latest: 'Latest period',
  ratio: 'Ratio of summed numerator and denominator',
  min: 'Lowest period',
  max: 'Highest period',
};

export const MEASURE_TYPE_LABELS: Record<MeasureType, string> = {
  statutory: 'Statutory or national return',
  local: 'Local',
  partnership: 'Partnership',
};

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  annual: 'Annual target',
  profile: 'Profiled (per period)',
  'multi-year': 'Multi-year (plan period)',
};

export const RAG_METHOD_LABELS: Record<RagMethod, string> = {
  percentage: 'Amber within a percentage of the target',
  absolute: 'Amber within an amount of the target',
  bands: 'Explicit amber boundaries',
  none: 'Red or green only',
};

/** How a ratio's numerator ÷ denominator becomes the value shown, by unit. */
export function ratioScale(unit: string): number {
  if (unit === '%') return 100;
  if (unit === 'rate per 1,000') return 1000;
  return 1;
}
