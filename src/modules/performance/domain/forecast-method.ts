/**
 * Which forecasting method suits a measure's data, and why (the reason is shown to users).
 * The first that applies: Holt–Winters for 24+ consecutive months; a seasonal profile when a
 * previous year is complete; a linear trend through at least 3 recent values; otherwise none.
 */
import { forecastHoltWinters, forecastLinearTrend, forecastSeasonalProfile } from './forecast-models.ts';
import type { HoltWintersParameters, ModelForecast, Observation } from './forecast-models.ts';
import { periodLabel, periodsPerYear } from '../../../kernel/measurement/periods.ts';
import type { FinancialYearConfig, Frequency } from '../../../kernel/measurement/periods.ts';

export type ModelMethod = 'holt-winters' | 'seasonal-profile' | 'linear-trend';

const MIN_HW_MONTHS = 24;
const SEASONAL_LOOKBACK_YEARS = 3;

export function consecutiveTail(observations: readonly Observation[]): readonly Observation[] {
  let start = observations.length - 1;
  while (
    start > 0 &&
    (observations[start - 1] as Observation).ordinal === (observations[start] as Observation).ordinal - 1
  )
    start--;
  return start <= 0 ? observations : observations.slice(start);
}

/** Previous years (of the last `lookback`) with a value in every period, most recent first. */
function completePreviousYears(
  observations: readonly Observation[],
  year: number,
  m: number,
  lookback: number,
): number[] {
  const present = new Set<number>();
  for (const o of observations) if (o.ordinal >= (year - lookback) * m && o.ordinal < year * m) present.add(o.ordinal);
  const years: number[] = [];
  for (let y = year - 1; y >= year - lookback; y--) {
    let complete = true;
    for (let i = 0; i < m && complete; i++) complete = present.has(y * m + i);
    if (complete) years.push(y);
  }
  return years;
}

export function yearLabel(year: number, fy: FinancialYearConfig): string {
  return periodLabel({ frequency: 'annual', fyStartYear: year, index: 1 }, fy);
}

export const NOUNS: Record<Frequency, [string, string]> = {
  monthly: ['month', 'months'],
  quarterly: ['quarter', 'quarters'],
  'half-yearly': ['half-year', 'half-years'],
  annual: ['year', 'years'],
};
export const count = (n: number, f: Frequency): string => `${n} ${NOUNS[f][n === 1 ? 0 : 1]}`;

export interface Choice {
  method: ModelMethod;
  reason: string;
  /** Holt–Winters parameters can be given (for a back-test); other models have none. */
  fit: (
    observations: readonly Observation[],
    targets: number[],
    parameters?: HoltWintersParameters | null,
  ) => ModelForecast | null;
}

/** Picks the method for the data, or explains why there is none. */
export function chooseMethod(
  observations: readonly Observation[],
  frequency: Frequency,
  year: number,
  lastOrdinal: number,
  fy: FinancialYearConfig,
  forced?: ModelMethod,
): Choice | { method: 'none'; reason: string } {
  const m = periodsPerYear(frequency);
  const tail = consecutiveTail(observations);
  const allow = (method: ModelMethod) => forced === undefined || forced === method;

  if (allow('holt-winters') && frequency === 'monthly' && tail.length >= MIN_HW_MONTHS) {
    return {
      method: 'holt-winters',
      reason: `Holt–Winters (additive seasonality): ${tail.length} consecutive months of history, enough to estimate the level, trend and seasonal pattern`,
      fit: (obs, targets, parameters) => forecastHoltWinters(consecutiveTail(obs), targets, m, parameters ?? undefined),
    };
  }
  const completeYears = m > 1 ? completePreviousYears(observations, year, m, SEASONAL_LOOKBACK_YEARS) : [];
  if (allow('seasonal-profile') && completeYears.length > 0) {
    const years = completeYears
      .reverse()
      .map((y) => yearLabel(y, fy))
      .join(', ');
    const why = frequency === 'monthly' ? `fewer than ${MIN_HW_MONTHS} consecutive months for Holt–Winters; ` : '';
    return {
      method: 'seasonal-profile',
      reason: `Seasonal profile: ${why}the pattern across the year comes from ${completeYears.length === 1 ? 'the complete year' : 'the complete years'} ${years}, applied to this year's level`,
      fit: (obs, targets) =>
        forecastSeasonalProfile(obs, targets, { periodsPerYear: m, year, lookbackYears: SEASONAL_LOOKBACK_YEARS }),
    };
  }
  const window = Math.max(2 * m, 5);
  const recent = observations.filter((o) => o.ordinal > lastOrdinal - window);
  if (allow('linear-trend') && recent.length >= 3) {
    const why = m > 1 ? 'no complete previous year to give a seasonal pattern; ' : '';
    return {
      method: 'linear-trend',
      reason: `Linear trend: ${why}a straight line through the ${recent.length} values of the last ${count(window, frequency)}`,
      fit: (obs, targets) =>
        forecastLinearTrend(
          obs.filter((o) => o.ordinal > lastOrdinal - window),
          targets,
        ),
    };
  }
  if (forced !== undefined) return { method: 'none', reason: `Not enough data for the ${forced} method` };
  return {
    method: 'none',
    reason: `No forecast: ${recent.length} value${recent.length === 1 ? '' : 's'} in the last ${count(window, frequency)} and no complete previous year; at least 3 values are needed`,
  };
}
