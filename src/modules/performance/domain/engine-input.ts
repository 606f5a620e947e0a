/**
 * From what is stored (a measure's definition, its versioned targets, its values) to the engine's
 * input. Pure, so the stored statuses, the measure page and the benchmarks all build the same input.
 */
import {
  type AggregationRule,
  type Frequency,
  type MeasureDefinition,
  type Period,
  periodEnd,
  periodKey,
  periodsOfYear,
  periodsPerYear,
  type Polarity,
  type RagThresholds,
  type Rebase,
  type Target,
  type TargetPlan,
} from './index.ts';
import {
  indexTargetVersions,
  targetForPeriodIn,
  type TargetVersion,
} from '../../../kernel/measurement/target-history.ts';
import { ratioScale } from '../../../kernel/measurement/vocabulary.ts';
import { defaultRange } from '../../measures/domain/index.ts';

export interface StoredMeasure {
  frequency: Frequency;
  polarity: Polarity;
  aggregation: AggregationRule;
  unit: string;
  decimalPlaces: number;
  ragThresholds: RagThresholds;
  spcSettings: { screenMovingRanges: boolean; baselinePoints: number | null };
  /** The measure's own allowed range (its settings); where one is not set, the unit's default applies. */
  minValue?: number | null;
  maxValue?: number | null;
}

interface PeriodFacts {
  period: Period;
  key: string;
  yearKey: string;
  endIso: string;
}

/** The periods of a year with their keys and end dates: asked for thousands of measures at a time. */
const YEAR_FACTS = new Map<string, PeriodFacts[]>();

function periodFactsOfYear(year: number, frequency: Frequency): PeriodFacts[] {
  const cacheKey = `${frequency}|${year}`;
  let facts = YEAR_FACTS.get(cacheKey);
  if (!facts) {
    const yearKey = periodKey({ frequency: 'annual', fyStartYear: year, index: 1 });
    facts = periodsOfYear(year, frequency).map((period) => ({
      period,
      key: periodKey(period),
      yearKey,
      endIso: periodEnd(period),
    }));
    if (YEAR_FACTS.size > 1_000) YEAR_FACTS.clear();
    YEAR_FACTS.set(cacheKey, facts);
  }
  return facts;
}

/**
 * The target that applied to each period, as the engine's per-period plan. An annual target for a
 * sum (a year-end total) with no profile is spread evenly over the year's periods, which is how
 * councils read an unprofiled cumulative target; for every other rule the annual figure is what
 * each period is measured against.
 */
export function buildTargetPlan(
  versions: readonly TargetVersion[],
  fyStartYears: readonly number[],
  measure: Pick<StoredMeasure, 'frequency' | 'aggregation'>,
  breakdownId: string | null = null,
  knownAt?: Date,
): TargetPlan | null {
  const targets: Record<string, Target> = {};
  const yearEnd: Record<string, Target> = {};
  const perYear = periodsPerYear(measure.frequency);
  const index = indexTargetVersions(versions, breakdownId);
  for (const year of fyStartYears) {
    let yearTotal = 0;
    let allProfiled = true;
    let annualTarget: Target | null = null;
    for (const facts of periodFactsOfYear(year, measure.frequency)) {
      const applied = targetForPeriodIn(index, facts.period, knownAt ? { knownAt, known: facts } : { known: facts });
      if (!applied) {
        allProfiled = false;
        continue;
      }
      let target = applied.target;
      if (applied.basis === 'annual') {
        allProfiled = false;
        annualTarget = applied.target;
        if (measure.aggregation === 'sum' && target.kind === 'value')
          target = { kind: 'value', value: target.value / perYear };
      }
      if (target.kind === 'value') yearTotal += target.value;
      targets[facts.key] = target;
    }
    const yearKey = periodKey({ frequency: 'annual', fyStartYear: year, index: 1 });
    if (annualTarget) yearEnd[yearKey] = annualTarget;
    else if (allProfiled && measure.aggregation === 'sum') yearEnd[yearKey] = { kind: 'value', value: yearTotal };
  }
  if (Object.keys(targets).length === 0) return null;
  return { kind: 'per-period', targets, yearEnd };
}

/**
 * The range a value of the measure can take: its own minimum and maximum where set, else the
 * unit's (a percentage 0 to 100; a count, days or a rate not below 0). Forecasts and their
 * intervals stay inside it.
 */
export function valueRangeOf(measure: Pick<StoredMeasure, 'unit' | 'minValue' | 'maxValue'>): {
  lower: number | null;
  upper: number | null;
} {
  const { min, max } = defaultRange(measure.unit);
  return { lower: measure.minValue ?? min, upper: measure.maxValue ?? max };
}

export function buildMeasureDefinition(
  measure: StoredMeasure,
  targets: TargetPlan | null,
  rebases: readonly Rebase[] = [],
): MeasureDefinition {
  return {
    frequency: measure.frequency,
    polarity: measure.polarity,
    aggregation: measure.aggregation,
    format: { unit: measure.unit, decimals: measure.decimalPlaces },
    thresholds: measure.ragThresholds,
    targets,
    ratioScale: ratioScale(measure.unit),
    valueRange: valueRangeOf(measure),
    spc: {
      screenMovingRanges: measure.spcSettings.screenMovingRanges,
      ...(measure.spcSettings.baselinePoints ? { baselinePoints: measure.spcSettings.baselinePoints } : {}),
      rebases,
    },
  };
}
