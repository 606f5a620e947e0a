/**
 * Year-end outturn forecasts: the projected value of the current financial year by the measure's
 * rule, with an interval and the probability of meeting the year-end target.
 *
 * Each measure's method is chosen by its own rolling back-test: from every earlier origin with a
 * known outcome, each candidate (naive, seasonal naive, damped trend) forecasts the year-end
 * outturn at the same horizons as now, and the candidate with the smallest error is used only if
 * it beats carrying the last value forward; otherwise the forecast is naive. The interval and the
 * probability come from the chosen method's back-test errors (so an 80% interval covers about 80%
 * of outcomes), never narrower than the spread of the measure's own period-to-period changes
 * justifies. Forecasts, intervals and probabilities respect the measure's allowed range.
 *
 * With too little history for a back-test the forecast is naive and its interval comes from the
 * measure's one-step changes scaled by the horizon (`basis: 'short-history'`).
 */
import { formatShare, formatValue } from '../../../kernel/measurement/format.ts';
import { clampTo, forecastPath } from './forecast-backtest.ts';
import type { BackTestNeed, MethodRuns, ValueBounds } from './forecast-backtest.ts';
import { MIN_BACKTEST_ORIGINS } from './forecast-choice.ts';
import { chooseRemembering, type ForecastChoiceMemory } from './forecast-choice-memory.ts';
import type { Histories } from './forecast-choice.ts';
import { boundedDistribution, probabilityOfMeeting, quantile } from './forecast-distribution.ts';
import type { Distribution } from './forecast-distribution.ts';
import type { DenseSeries, ModelMethod } from './forecast-methods.ts';
import { yearOutturn } from './forecast-outturn.ts';
import type { YearValues } from './forecast-outturn.ts';
import {
  periodFromOrdinal,
  periodLabel,
  periodOrdinal,
  periodsPerYear,
  UK_FINANCIAL_YEAR,
} from '../../../kernel/measurement/periods.ts';
import type { FinancialYearConfig, Frequency, Period } from '../../../kernel/measurement/periods.ts';
import type {
  AggregationRule,
  MeasurePoint,
  Polarity,
  Target,
  ValueFormat,
} from '../../../kernel/measurement/types.ts';

export type { ModelMethod } from './forecast-methods.ts';
export type { ValueBounds } from './forecast-backtest.ts';

export type ForecastMethod = 'actual' | ModelMethod | 'none';

/**
 * How the forecast was reached: `back-test` (chosen and sized by the measure's rolling back-test),
 * `short-history` (too little history for one: naive, sized by the one-step changes), `known`
 * (the year is complete) or `no-data`.
 */
export type ForecastBasis = 'back-test' | 'short-history' | 'known' | 'no-data';

export interface ForecastInput {
  points: readonly MeasurePoint[];
  /** The latest reporting period: data after it is ignored, and its year is forecast. */
  period: Period;
  rule: AggregationRule;
  /** For 'ratio': numerator ÷ denominator × ratioScale. */
  ratioScale?: number;
  polarity: Polarity;
  yearEndTarget: Target | null;
  format: ValueFormat;
  /** The range a period's value can take (a ratio's value, not its parts); unbounded by default. */
  bounds?: ValueBounds;
  /** Central probability of the interval (default 0.8: an 80% interval). */
  intervalLevel?: number;
  /** Use this method instead of choosing one (the benchmark compares the methods this way). */
  method?: ModelMethod;
  /** Previous years whose forecast at the same point is reported against their outturn (default 2). */
  backTestYears?: number;
  /** The measure's remembered method choice (forecast-choice-memory.ts); without one, chosen afresh. */
  choices?: ForecastChoiceMemory;
  fy?: FinancialYearConfig;
}

export interface BackTestYear {
  fyStartYear: number;
  forecast: number;
  actual: number;
  /** |forecast − actual| ÷ |actual| × 100; null when the actual is 0. */
  absolutePercentageError: number | null;
}

export interface ForecastResult {
  fyStartYear: number;
  method: ForecastMethod;
  basis: ForecastBasis;
  /** Why this method, in words. */
  methodReason: string;
  outturn: number | null;
  interval: { level: number; lower: number; upper: number } | null;
  /** Chance that the outturn meets the year-end target (0..1); null without a target or an error estimate. */
  probabilityOfMeetingTarget: number | null;
  actualPeriods: number;
  forecastPeriods: number;
  /** Forecast values for the periods of the year that have no data. */
  periodForecasts: { period: Period; value: number | null }[];
  /** The rolling back-test: origins used and each candidate's mean absolute outturn error. */
  rollingBackTest: { origins: number; meanAbsoluteError: Partial<Record<ModelMethod, number>> };
  backTest: { years: BackTestYear[]; meanAbsolutePercentageError: number | null };
  explanation: string;
}

const NOUNS: Record<Frequency, [string, string]> = {
  monthly: ['month', 'months'],
  quarterly: ['quarter', 'quarters'],
  'half-yearly': ['half-year', 'half-years'],
  annual: ['year', 'years'],
};
const count = (n: number, f: Frequency): string => `${n} ${NOUNS[f][n === 1 ? 0 : 1]}`;
const yearLabel = (year: number, fy: FinancialYearConfig): string =>
  periodLabel({ frequency: 'annual', fyStartYear: year, index: 1 }, fy);

const METHOD_NAMES: Record<ModelMethod, string> = {
  naive: 'Naive (the latest value carried forward)',
  'seasonal-naive': 'Seasonal naive (the same period a year earlier)',
  'damped-trend': 'Damped trend',
  'damped-seasonal': 'Damped trend with a season (Holt–Winters)',
};

/** The history up to the reporting period, laid out by period (NaN where a period has no value). */
function denseHistories(input: ForecastInput, lastOrdinal: number): Histories | null {
  const frequency = input.period.frequency;
  const m = periodsPerYear(frequency);
  const ratio = input.rule === 'ratio';
  const kept: { ordinal: number; value: number; denominator: number }[] = [];
  for (const p of input.points) {
    if (p.period.frequency !== frequency) throw new RangeError(`Points must all be ${frequency}`);
    const ordinal = p.period.fyStartYear * m + p.period.index - 1; // periodOrdinal, inlined: hot
    if (ordinal > lastOrdinal) continue;
    if (ratio) {
      const n = p.numerator;
      const d = p.denominator;
      if (n == null || d == null || !Number.isFinite(n) || !Number.isFinite(d)) continue;
      kept.push({ ordinal, value: n, denominator: d });
    } else if (p.value !== null && Number.isFinite(p.value)) {
      kept.push({ ordinal, value: p.value, denominator: 0 });
    }
  }
  if (kept.length === 0) return null;
  let first = lastOrdinal;
  for (const k of kept) first = Math.min(first, k.ordinal);
  const length = lastOrdinal - first + 1;
  const primary = new Float64Array(length).fill(Number.NaN);
  const denominator = ratio ? new Float64Array(length).fill(Number.NaN) : null;
  for (const k of kept) {
    primary[k.ordinal - first] = k.value;
    if (denominator) denominator[k.ordinal - first] = k.denominator;
  }
  const ratios = denominator
    ? primary.map((n, i) =>
        (denominator[i] as number) > 0 ? (n / (denominator[i] as number)) * (input.ratioScale ?? 1) : Number.NaN,
      )
    : null;
  return {
    primary: { first, values: primary },
    denominator: denominator ? { first, values: denominator } : null,
    ratios: ratios ? { first, values: ratios } : null,
  };
}

/** The known values of one year, by position (undefined where there is none). */
function yearValues(histories: Histories, year: number, m: number, upToOrdinal: number): YearValues {
  const at = (series: DenseSeries) =>
    Array.from({ length: m }, (_, i) => {
      const ordinal = year * m + i;
      if (ordinal > upToOrdinal) return undefined;
      const v = series.values[ordinal - series.first];
      return v === undefined || Number.isNaN(v) ? undefined : v;
    });
  return { values: at(histories.primary), denominators: histories.denominator ? at(histories.denominator) : null };
}

/** The index of the latest value at or before `index` (−1 if none). */
function latestValueIndex(series: DenseSeries, index: number): number {
  let i = index;
  while (i >= 0 && Number.isNaN(series.values[i])) i--;
  return i;
}

/** Each previous year's forecast at the same point against its outturn. */
function yearsBack(
  input: ForecastInput,
  histories: Histories,
  runs: MethodRuns,
  bounds: ValueBounds,
  m: number,
): ForecastResult['backTest'] {
  const years: BackTestYear[] = [];
  const { period } = input;
  const scale = input.ratioScale ?? 1;
  const first = histories.primary.first;
  for (let y = period.fyStartYear - 1; y >= period.fyStartYear - (input.backTestYears ?? 2); y--) {
    const complete = yearValues(histories, y, m, Number.POSITIVE_INFINITY);
    if (complete.values.some((v) => v === undefined)) continue;
    const originOrdinal = y * m + period.index - 1;
    const origin = originOrdinal - first;
    if (origin < 0) continue;
    const actual = yearOutturn(input.rule, complete, scale).outturn([], []);
    const then = yearOutturn(input.rule, yearValues(histories, y, m, originOrdinal), scale);
    const horizons = then.missing.map((i) => y * m + i - originOrdinal);
    const path = horizons.length === 0 ? [] : forecastPath(runs.primary, origin, horizons, bounds);
    const denominators = runs.denominator ? forecastPath(runs.denominator, origin, horizons, bounds) : null;
    const forecast = path === null ? null : then.outturn(path, denominators);
    if (actual === null || forecast === null) continue;
    const ape = actual === 0 ? null : (Math.abs(forecast - actual) / Math.abs(actual)) * 100;
    years.push({ fyStartYear: y, forecast, actual, absolutePercentageError: ape });
  }
  const apes = years.map((y) => y.absolutePercentageError).filter((x): x is number => x !== null);
  return {
    years: years.reverse(),
    meanAbsolutePercentageError: apes.length === 0 ? null : apes.reduce((a, b) => a + b, 0) / apes.length,
  };
}

const NO_BACK_TEST: ForecastResult['backTest'] = { years: [], meanAbsolutePercentageError: null };

export function forecastYearEnd(input: ForecastInput): ForecastResult {
  const { period, format } = input;
  const fy = input.fy ?? UK_FINANCIAL_YEAR;
  const level = input.intervalLevel ?? 0.8;
  if (!(level > 0 && level < 1)) throw new RangeError(`The interval level must be between 0 and 1, not ${level}`);
  const frequency = period.frequency;
  const m = periodsPerYear(frequency);
  const year = period.fyStartYear;
  const lastOrdinal = periodOrdinal(period);
  const scale = input.ratioScale ?? 1;
  const bounds: ValueBounds = input.bounds ?? { lower: null, upper: null };
  const ratio = input.rule === 'ratio';
  // A ratio's parts are counts: never below 0, with no upper bound of their own.
  const pathBounds: ValueBounds = ratio ? { lower: 0, upper: null } : bounds;
  const show = (v: number) => formatValue(v, format.unit, format.decimals);
  const yearName = yearLabel(year, fy);

  const histories = denseHistories(input, lastOrdinal);
  const thisYear = histories
    ? yearValues(histories, year, m, lastOrdinal)
    : { values: new Array<undefined>(m).fill(undefined), denominators: null };
  const { missing, outturn: outturnOf } = yearOutturn(input.rule, thisYear, scale);
  const actualPeriods = m - missing.length;
  const base = {
    fyStartYear: year,
    actualPeriods,
    forecastPeriods: missing.length,
    rollingBackTest: { origins: 0, meanAbsoluteError: {} },
    backTest: NO_BACK_TEST,
  };

  if (missing.length === 0) {
    const outturn = outturnOf([], []);
    return {
      ...base,
      method: 'actual',
      basis: 'known',
      methodReason: `Every ${NOUNS[frequency][0]} of ${yearName} has data, so the outturn is the actual value`,
      outturn,
      interval: null,
      probabilityOfMeetingTarget:
        outturn === null
          ? null
          : probabilityOfMeeting({ point: outturn, cdf: null, spread: 0 }, input.polarity, input.yearEndTarget),
      periodForecasts: [],
      explanation:
        outturn === null
          ? `No year-end outturn for ${yearName}: the denominators add up to zero.`
          : `Year-end outturn for ${yearName}: ${show(outturn)}.`,
    };
  }
  const periodForecastsOf = (values: (number | null)[]) =>
    missing.map((i, k) => ({ period: periodFromOrdinal(year * m + i, frequency), value: values[k] ?? null }));
  if (histories === null) {
    const reason = 'No forecast: the measure has no data yet';
    return {
      ...base,
      method: 'none',
      basis: 'no-data',
      methodReason: reason,
      outturn: null,
      interval: null,
      probabilityOfMeetingTarget: null,
      periodForecasts: periodForecastsOf([]),
      explanation: `No year-end forecast for ${yearName}: the measure has no data yet.`,
    };
  }

  // Forecast from the latest value; a gap earlier in the year is estimated as the next period.
  const latestOrigin = latestValueIndex(histories.primary, histories.primary.values.length - 1);
  const latestOrdinal = histories.primary.first + latestOrigin;
  const horizons = missing.map((i) => Math.max(1, year * m + i - latestOrdinal));
  const need: BackTestNeed = { horizons, outturn: outturnOf, pathBounds };
  const chosen = chooseRemembering(
    input.choices,
    histories,
    need,
    { rule: input.rule, lastOrdinal, latestOrigin, periodsPerYear: m, scale, level },
    input.method,
  );

  const path = forecastPath(chosen.runs.primary, latestOrigin, horizons, pathBounds) ?? [];
  const denominators = chosen.runs.denominator
    ? forecastPath(chosen.runs.denominator, latestOrigin, horizons, pathBounds)
    : null;
  const rawOutturn = outturnOf(path, denominators);
  // The outturn's own range: every value still to come at its lowest, or at its highest.
  const outturnBounds: ValueBounds = ratio
    ? bounds
    : {
        lower:
          bounds.lower === null
            ? null
            : outturnOf(
                path.map(() => bounds.lower as number),
                null,
              ),
        upper:
          bounds.upper === null
            ? null
            : outturnOf(
                path.map(() => bounds.upper as number),
                null,
              ),
      };
  const outturn = rawOutturn === null ? null : clampTo(rawOutturn, outturnBounds);
  const distribution: Distribution | null =
    outturn === null || chosen.spread === null ? null : boundedDistribution(outturn, chosen.spread, outturnBounds);
  const interval =
    distribution === null
      ? null
      : { level, lower: quantile(distribution, (1 - level) / 2), upper: quantile(distribution, (1 + level) / 2) };
  // The chance from naive's outturn when the chosen method's chances were no better calibrated (forecast-choice.ts).
  const probabilityDistribution = (() => {
    if (distribution === null || chosen.probabilityFrom === null || chosen.spread === null) return distribution;
    const naivePath = forecastPath(chosen.probabilityFrom.primary, latestOrigin, horizons, pathBounds) ?? [];
    const naiveDenominators = chosen.probabilityFrom.denominator
      ? forecastPath(chosen.probabilityFrom.denominator, latestOrigin, horizons, pathBounds)
      : null;
    const naiveOutturn = outturnOf(naivePath, naiveDenominators);
    return naiveOutturn === null
      ? distribution
      : boundedDistribution(clampTo(naiveOutturn, outturnBounds), chosen.spread, outturnBounds);
  })();
  const probability =
    probabilityDistribution === null
      ? null
      : probabilityOfMeeting(probabilityDistribution, input.polarity, input.yearEndTarget);
  const periodValues: (number | null)[] = ratio
    ? path.map((n, k) => {
        const d = denominators?.[k] ?? 0;
        return d > 0 ? clampTo((n / d) * scale, bounds) : null;
      })
    : path;
  const backTest =
    (input.backTestYears ?? 2) > 0 ? yearsBack(input, histories, chosen.runs, pathBounds, m) : NO_BACK_TEST;

  const methodReason =
    chosen.basis === 'short-history'
      ? `${METHOD_NAMES.naive}: too little history to test other methods (${chosen.origins} comparable back-test origin${chosen.origins === 1 ? '' : 's'}; ${MIN_BACKTEST_ORIGINS} are needed)`
      : chosen.method === 'naive'
        ? `${METHOD_NAMES.naive}: no other method beat it in a back-test over ${chosen.origins} earlier points`
        : `${METHOD_NAMES[chosen.method]} (${chosen.runs.primary.detail}): it beat the latest value carried forward in a back-test over ${chosen.origins} earlier points`;

  const parts: string[] = [];
  if (outturn === null) {
    parts.push(
      `No year-end forecast for ${yearName}: the forecast denominator is not above zero, so the ratio has no value`,
    );
  } else {
    const projected = `Projected year-end outturn for ${yearName}: ${show(outturn)}`;
    parts.push(
      interval
        ? `${projected} (${Math.round(level * 100)}% interval ${show(interval.lower)} to ${show(interval.upper)})`
        : `${projected}; no interval: too little data to estimate the error`,
    );
    parts.push(`${count(actualPeriods, frequency)} of data, ${count(missing.length, frequency)} forecast`);
    const t = input.yearEndTarget;
    if (probability !== null && t !== null) {
      const targetWords =
        t.kind === 'value' ? `the target of ${show(t.value)}` : `the target range ${show(t.lower)} to ${show(t.upper)}`;
      parts.push(`${formatShare(probability, 0)} chance of meeting ${targetWords}`);
    }
    if (backTest.meanAbsolutePercentageError !== null) {
      parts.push(
        `back-tested error ${backTest.meanAbsolutePercentageError.toFixed(1)}% (MAPE over ${backTest.years.length} year${backTest.years.length === 1 ? '' : 's'})`,
      );
    }
  }

  return {
    ...base,
    method: chosen.method,
    basis: chosen.basis,
    methodReason,
    outturn,
    interval,
    probabilityOfMeetingTarget: probability,
    periodForecasts: periodForecastsOf(periodValues),
    rollingBackTest: { origins: chosen.origins, meanAbsoluteError: chosen.meanAbsoluteError },
    backTest,
    explanation: `${parts.join('; ')}. Method: ${methodReason}.`,
  };
}
