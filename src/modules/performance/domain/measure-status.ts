/**
 * One entry point per measure per period: everything the pages and the API show about a measure's
 * performance (RAG, direction of travel, year to date, SPC and the year-end forecast), computed
 * together so that they agree with one another.
 */
import { aggregateYearToDate } from './aggregation.ts';
import type { Aggregate, MissingDataPolicy } from './aggregation.ts';
import { calculateDirectionsForPeriod } from './direction.ts';
import type { ChangeTolerance, DirectionsForPeriod } from './direction.ts';
import { formatDate, formatValue } from '../../../kernel/measurement/format.ts';
import { forecastYearEnd } from './forecast.ts';
import type { ForecastResult, ValueBounds } from './forecast.ts';
import type { ForecastChoiceMemory } from './forecast-choice-memory.ts';
import {
  periodContaining,
  periodFromOrdinal,
  periodKey,
  periodLabel,
  periodOrdinal,
  periodStart,
  UK_FINANCIAL_YEAR,
} from '../../../kernel/measurement/periods.ts';
import type { FinancialYearConfig, Frequency, Period } from '../../../kernel/measurement/periods.ts';
import { assessRag } from '../../../kernel/measurement/rag.ts';
import type { RagAssessment, RagThresholds } from '../../../kernel/measurement/rag.ts';
import { indexPoints } from '../../../kernel/measurement/series.ts';
import type { PointIndex } from '../../../kernel/measurement/series.ts';
import { readLatestSpcPoint } from './spc.ts';
import type { AssuranceIcon, Rebase, SpcPointType, SpcSettings, VariationIcon } from './spc.ts';
import { MIN_POINTS_FOR_FIRM_LIMITS } from './spc-limits.ts';
import { interpretRagAndSpc } from './spc-interpretation.ts';
import type { RagSpcInterpretation } from './spc-interpretation.ts';
import type { SpcRule } from './spc-rules.ts';
import { targetForPeriod, yearEndTarget, yearToDateTarget } from '../../../kernel/measurement/targets.ts';
import type { TargetPlan } from '../../../kernel/measurement/targets.ts';
import type {
  AggregationRule,
  MeasurePoint,
  Polarity,
  Target,
  ValueFormat,
} from '../../../kernel/measurement/types.ts';

export interface MeasureDefinition {
  frequency: Frequency;
  polarity: Polarity;
  aggregation: AggregationRule;
  format: ValueFormat;
  thresholds: RagThresholds;
  targets: TargetPlan | null;
  /** For ratio measures: numerator ÷ denominator × ratioScale (100 for a percentage). */
  ratioScale?: number;
  /**
   * Whether the headline RAG is on the period's value or the year-to-date value. Default: the
   * year to date when targets are entered as year-to-date figures, otherwise the period.
   */
  ragBasis?: 'period' | 'year-to-date';
  directionTolerance?: ChangeTolerance;
  spc?: SpcSettings;
  missingData?: MissingDataPolicy;
  forecast?: { enabled?: boolean; intervalLevel?: number; backTestYears?: number };
  /** The range a value can take (for a ratio, the ratio's): forecasts and intervals stay inside it. */
  valueRange?: ValueBounds;
  fy?: FinancialYearConfig;
}

export interface MeasureStatusInput {
  measure: MeasureDefinition;
  /** The measure's history, in any order; periods after `period` are ignored. */
  points: readonly MeasurePoint[];
  period: Period;
  /** Today (ISO date), for telling overdue data from data not yet due. */
  asOf: string;
  /** When the period's value is due (ISO date). */
  dueDate?: string;
  /** The measure's remembered forecast choice for this period; without it the back-test chooses afresh. */
  forecastChoices?: ForecastChoiceMemory;
}

export interface SpcSummary {
  /** The latest charted point (the period itself, or the latest before it that has data). */
  latestPointKey: string | null;
  latestPointType: SpcPointType | null;
  latestRules: readonly SpcRule[];
  variationIcon: VariationIcon;
  assuranceIcon: AssuranceIcon;
  assuranceReason: string;
  trialLimits: boolean;
  /** Points in the latest segment (after the last rebase), which the reading is based on. */
  pointsInSegment: number;
  /** Periods without data in that segment (left out of the chart). */
  periodsLeftOut: number;
  warnings: string[];
}

export interface MeasureStatus {
  period: Period;
  periodKey: string;
  periodLabel: string;
  value: number | null;
  formattedValue: string | null;
  ragBasis: 'period' | 'year-to-date';
  /** The target the headline RAG was judged against. */
  target: Target | null;
  /** The reasons are phrases (codes and parameters); presenters say them, the status row stores them. */
  rag: RagAssessment;
  direction: DirectionsForPeriod;
  yearToDate: Aggregate & { target: Target | null; rag: RagAssessment };
  spc: SpcSummary;
  interpretation: RagSpcInterpretation;
  forecast: ForecastResult | null;
}

/**
 * The values for the SPC reading: the period values up to and including `upTo`, from the last
 * rebase on, in order, with periods that have no data left out (and counted). A rebase starts a
 * new segment at the first period starting on or after its date, as in analyseSpc.
 */
function latestSegmentValues(
  index: PointIndex,
  upTo: number,
  settings: SpcSettings | undefined,
  fy: FinancialYearConfig,
): { values: number[]; leftOut: number; lastOrdinal: number | null; rebase: Rebase | null } {
  let latest = Math.min(upTo, index.lastOrdinal);
  while (latest >= index.firstOrdinal && index.valueByOrdinal(latest) === null) latest--;
  let from = index.firstOrdinal;
  let rebase: Rebase | null = null;
  for (const r of settings?.rebases ?? []) {
    const containing = periodContaining(r.date, index.frequency, fy);
    const starts = periodOrdinal(containing) + (periodStart(containing, fy) === r.date ? 0 : 1);
    // As in analyseSpc: a rebase before the first point or after the latest one changes nothing.
    if (starts <= latest && starts > from) {
      from = starts;
      rebase = r;
    }
  }
  const values: number[] = [];
  let firstOrdinal: number | null = null;
  let lastOrdinal: number | null = null;
  for (let o = from; o <= latest; o++) {
    const v = index.valueByOrdinal(o);
    if (v === null) continue;
    values.push(v);
    firstOrdinal ??= o;
    lastOrdinal = o;
  }
  const leftOut = firstOrdinal === null || lastOrdinal === null ? 0 : lastOrdinal - firstOrdinal + 1 - values.length;
  return { values, leftOut, lastOrdinal, rebase };
}

export function summariseMeasureStatus(input: MeasureStatusInput): MeasureStatus {
  const { measure, period, points } = input;
  const fy = measure.fy ?? UK_FINANCIAL_YEAR;
  if (period.frequency !== measure.frequency) {
    throw new RangeError(`${periodKey(period)} is not a ${measure.frequency} period`);
  }
  const index = indexPoints(points, measure.frequency);
  const label = periodLabel(period, fy);
  const value = index.valueOf(period);
  const format: ValueFormat = measure.format;
  const plan = measure.targets;
  const ragBasis =
    measure.ragBasis ?? (plan?.kind === 'per-period' && plan.basis === 'year-to-date' ? 'year-to-date' : 'period');

  // Year to date, with its own target and RAG.
  const ytd = aggregateYearToDate(index, period, {
    rule: measure.aggregation,
    fy,
    ratioScale: measure.ratioScale,
    missing: measure.missingData,
  });
  const ytdTarget = yearToDateTarget(plan, period, measure.aggregation);
  const ytdRag = assessRag({
    value: ytd.value,
    polarity: measure.polarity,
    target: ytdTarget,
    thresholds: measure.thresholds,
    format,
    periodLabel: `the year to ${label}`,
    dueDate: input.dueDate,
    asOf: input.asOf,
  });

  // Headline RAG.
  const periodTarget = targetForPeriod(plan, period);
  const rag =
    ragBasis === 'year-to-date'
      ? ytdRag
      : assessRag({
          value,
          polarity: measure.polarity,
          target: periodTarget,
          thresholds: measure.thresholds,
          format,
          periodLabel: label,
          dueDate: input.dueDate,
          asOf: input.asOf,
        });
  const target = ragBasis === 'year-to-date' ? ytdTarget : periodTarget;

  const direction = calculateDirectionsForPeriod(index, period, {
    polarity: measure.polarity,
    format,
    target: periodTarget,
    fy,
    tolerance: measure.directionTolerance,
  });

  // SPC reading for the latest point, from the latest segment only; gaps are left out and counted.
  const segment = latestSegmentValues(index, periodOrdinal(period), measure.spc, fy);
  const reading = readLatestSpcPoint({
    values: segment.values,
    polarity: measure.polarity,
    target: periodTarget,
    format,
    settings: measure.spc,
  });
  const warnings: string[] = [];
  const n = segment.values.length;
  if (n === 0) warnings.push('No data to chart');
  else if (reading.limits?.averageMovingRange === null)
    warnings.push('No process limits: at least 2 points are needed');
  else if (reading.trialLimits)
    warnings.push(
      `Trial limits: based on ${reading.limits?.pointsUsed ?? n} points; ${MIN_POINTS_FOR_FIRM_LIMITS} or more are needed for firm limits`,
    );
  if (segment.rebase)
    warnings.push(`Limits recalculated from ${formatDate(segment.rebase.date)}: ${segment.rebase.reason}`);
  if (segment.leftOut > 0)
    warnings.push(`${segment.leftOut} period${segment.leftOut === 1 ? '' : 's'} without data left out of the chart`);
  const latestKey =
    segment.lastOrdinal === null ? null : periodKey(periodFromOrdinal(segment.lastOrdinal, measure.frequency));
  const spcSummary: SpcSummary = {
    latestPointKey: latestKey,
    latestPointType: reading.type,
    latestRules: reading.rules,
    variationIcon: reading.variationIcon,
    assuranceIcon: reading.assuranceIcon,
    assuranceReason: reading.assuranceReason,
    trialLimits: reading.trialLimits,
    pointsInSegment: n,
    periodsLeftOut: segment.leftOut,
    warnings,
  };
  // The SPC reading describes the period only when the period itself was charted.
  const interpretation = interpretRagAndSpc({
    rag: rag.status,
    latestPointType: latestKey === periodKey(period) ? reading.type : null,
    assurance: reading.assuranceIcon,
    trialLimits: reading.trialLimits,
  });

  const forecast =
    measure.forecast?.enabled === false
      ? null
      : forecastYearEnd({
          points,
          period,
          rule: measure.aggregation,
          polarity: measure.polarity,
          yearEndTarget: yearEndTarget(plan, period.fyStartYear, measure.frequency, measure.aggregation),
          format,
          fy,
          ratioScale: measure.ratioScale,
          bounds: measure.valueRange,
          intervalLevel: measure.forecast?.intervalLevel,
          backTestYears: measure.forecast?.backTestYears,
          choices: input.forecastChoices,
        });

  return {
    period,
    periodKey: periodKey(period),
    periodLabel: label,
    value,
    formattedValue: value === null ? null : formatValue(value, format.unit, format.decimals),
    ragBasis,
    target,
    rag,
    direction,
    yearToDate: {
      rule: ytd.rule,
      value: ytd.value,
      periods: ytd.periods,
      included: ytd.included,
      missing: ytd.missing,
      complete: ytd.complete,
      partialYear: ytd.partialYear,
      numerator: ytd.numerator,
      denominator: ytd.denominator,
      explanation: ytd.explanation,
      target: ytdTarget,
      rag: ytdRag,
    },
    spc: spcSummary,
    interpretation,
    forecast,
  };
}
