/**
 * Year-end outturn forecasts: the projected full-year value for the current financial year, with
 * an interval and the probability of meeting the year-end target, by a method suited to the data
 * available. The method and the reason for choosing it are part of the output, and each forecast
 * is back-tested on previous years (same point in the year) to give its error.
 *
 * Method choice (first that applies):
 * 1. 'actual'           — every period of the year has data: the outturn is known.
 * 2. 'holt-winters'     — monthly, with at least 24 consecutive months ending at the latest value.
 * 3. 'seasonal-profile' — at least one complete previous year (of the last three) gives the pattern.
 * 4. 'linear-trend'     — at least 3 values in the last two years (five for annual measures).
 * 5. 'none'             — too little data; the output says what is missing.
 */
import { formatShare, formatValue } from '../../../kernel/measurement/format.ts';
import { extremeDistribution, normalDistribution, probabilityOfMeeting, quantile } from './forecast-distribution.ts';
import type { Distribution } from './forecast-distribution.ts';
import { chooseMethod, count, NOUNS, yearLabel } from './forecast-method.ts';
import type { ModelMethod } from './forecast-method.ts';
import type { HoltWintersParameters, ModelForecast, Observation } from './forecast-models.ts';
import {
  periodFromOrdinal,
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

export type ForecastMethod = 'actual' | ModelMethod | 'none';

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
  /** Central probability of the interval (default 0.8: an 80% interval). */
  intervalLevel?: number;
  /** Previous years to back-test on (default 2; 0 for none). */
  backTestYears?: number;
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
  backTest: { years: BackTestYear[]; meanAbsolutePercentageError: number | null };
  explanation: string;
}

interface Series {
  /** Observations up to and including the reporting period, by ordinal, in order. */
  primary: Observation[];
  /** For ratio measures: the denominators (primary holds the numerators). */
  denominator?: Observation[];
}

interface CoreResult {
  method: ForecastMethod;
  methodReason: string;
  outturn: number | null;
  distribution: Distribution | null;
  actualPeriods: number;
  forecastOrdinals: number[];
  forecastValues: (number | null)[];
  note: string | null;
  parameters: FittedParameters;
}

/** Holt–Winters parameters chosen for each series (null for other models). */
interface FittedParameters {
  primary: HoltWintersParameters | null;
  denominator: HoltWintersParameters | null;
}

const NO_PARAMETERS: FittedParameters = { primary: null, denominator: null };

function parametersOf(model: ModelForecast | null): HoltWintersParameters | null {
  if (model === null || !('alpha' in model)) return null;
  const { alpha, beta, gamma } = model as ModelForecast & HoltWintersParameters;
  return { alpha, beta, gamma };
}

/** Built in one place so every result has the same shape (which keeps the hot path fast). */
function coreResult(
  method: ForecastMethod,
  methodReason: string,
  outturn: number | null,
  distribution: Distribution | null,
  actualPeriods: number,
  forecastOrdinals: number[],
  forecastValues: (number | null)[],
  note: string | null = null,
  parameters: FittedParameters = NO_PARAMETERS,
): CoreResult {
  return {
    method,
    methodReason,
    outturn,
    distribution,
    actualPeriods,
    forecastOrdinals,
    forecastValues,
    note,
    parameters,
  };
}

function byOrdinal(a: Observation, b: Observation): number {
  return a.ordinal - b.ordinal;
}

function isSorted(observations: readonly Observation[]): boolean {
  for (let i = 1; i < observations.length; i++) {
    if ((observations[i] as Observation).ordinal < (observations[i - 1] as Observation).ordinal) return false;
  }
  return true;
}

function buildSeries(points: readonly MeasurePoint[], rule: AggregationRule, frequency: Frequency): Series {
  const primary: Observation[] = [];
  const denominator: Observation[] = [];
  const m = periodsPerYear(frequency);
  for (const p of points) {
    if (p.period.frequency !== frequency) throw new RangeError(`Points must all be ${frequency}`);
    const ordinal = p.period.fyStartYear * m + p.period.index - 1; // periodOrdinal, inlined: hot
    if (rule === 'ratio') {
      const n = p.numerator;
      const d = p.denominator;
      if (n == null || d == null || !Number.isFinite(n) || !Number.isFinite(d)) continue;
      primary.push({ ordinal, value: n });
      denominator.push({ ordinal, value: d });
    } else if (p.value !== null && Number.isFinite(p.value)) {
      primary.push({ ordinal, value: p.value });
    }
  }
  // Histories usually arrive in order; sort only when they do not.
  if (!isSorted(primary)) {
    primary.sort(byOrdinal);
    denominator.sort(byOrdinal);
  }
  return rule === 'ratio' ? { primary, denominator } : { primary };
}

function sumOf(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** The observations up to an ordinal; the same array when nothing is cut (they are never modified). */
function upTo(observations: readonly Observation[], lastOrdinal: number): readonly Observation[] {
  // Observations are sorted: find the cut with a binary search.
  let lo = 0;
  let hi = observations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((observations[mid] as Observation).ordinal <= lastOrdinal) lo = mid + 1;
    else hi = mid;
  }
  return lo === observations.length ? observations : observations.slice(0, lo);
}

/** The year's outturn at one reporting period: the forecast without its back-test. */
function forecastCore(
  series: Series,
  input: ForecastInput,
  period: Period,
  forced?: ModelMethod,
  parameters?: FittedParameters,
  pointOnly = false,
): CoreResult {
  const fy = input.fy ?? UK_FINANCIAL_YEAR;
  const frequency = period.frequency;
  const m = periodsPerYear(frequency);
  const year = period.fyStartYear;
  const lastOrdinal = periodOrdinal(period);
  const first = year * m;
  const primary = upTo(series.primary, lastOrdinal);
  const denominators = series.denominator ? upTo(series.denominator, lastOrdinal) : null;
  const rule = input.rule;
  const scale = input.ratioScale ?? 1;

  // This year's actual values by position in the year (observations are sorted, so walk back).
  const actualAt = new Array<number | undefined>(m);
  const denominatorAt = new Array<number | undefined>(m);
  for (let k = primary.length - 1; k >= 0 && (primary[k] as Observation).ordinal >= first; k--) {
    const o = primary[k] as Observation;
    actualAt[o.ordinal - first] = o.value;
    if (denominators) denominatorAt[o.ordinal - first] = (denominators[k] as Observation).value;
  }
  const missing: number[] = [];
  const actuals: number[] = [];
  const actualDenominators: number[] = [];
  for (let i = 0; i < m; i++) {
    const v = actualAt[i];
    if (v === undefined) missing.push(first + i);
    else {
      actuals.push(v);
      actualDenominators.push(denominatorAt[i] ?? 0);
    }
  }
  const finalActual = actualAt[m - 1] ?? null;

  if (missing.length === 0) {
    let outturn: number | null;
    switch (rule) {
      case 'sum':
        outturn = sumOf(actuals);
        break;
      case 'mean':
        outturn = sumOf(actuals) / m;
        break;
      case 'latest':
        outturn = finalActual;
        break;
      case 'min':
        outturn = Math.min(...actuals);
        break;
      case 'max':
        outturn = Math.max(...actuals);
        break;
      case 'ratio': {
        const d = sumOf(actualDenominators);
        outturn = d === 0 ? null : (sumOf(actuals) / d) * scale;
        break;
      }
    }
    return coreResult(
      'actual',
      `Every ${NOUNS[frequency][0]} of ${yearLabel(year, fy)} has data, so the outturn is the actual value`,
      outturn,
      outturn === null ? null : { point: outturn, cdf: null, spread: 0 },
      actuals.length,
      missing,
      [],
    );
  }

  const choice = chooseMethod(primary, frequency, year, lastOrdinal, fy, forced);
  if (choice.method === 'none') {
    return coreResult('none', choice.reason, null, null, actuals.length, missing, []);
  }
  const { fit } = choice;
  const model = fit(primary, missing, parameters?.primary);
  const denominatorModel = denominators ? fit(denominators, missing, parameters?.denominator) : null;
  if (model === null || (denominators !== null && denominatorModel === null)) {
    return coreResult(
      'none',
      `No forecast: the ${choice.method} model could not be fitted to this data`,
      null,
      null,
      actuals.length,
      missing,
      [],
    );
  }
  const ones = missing.map(() => 1);
  const methodReason = `${choice.reason} (${model.detail})`;

  let distribution: Distribution | null = null;
  let outturn: number | null = null;
  let forecastValues: (number | null)[] = model.means;
  let note: string | null = null;
  switch (rule) {
    case 'sum':
    case 'mean': {
      const divisor = rule === 'sum' ? 1 : m;
      outturn = (sumOf(actuals) + sumOf(model.means)) / divisor;
      distribution = normalDistribution(outturn, model.variance(ones.map((w) => w / divisor)));
      break;
    }
    case 'latest': {
      const lastIndex = missing.indexOf(first + m - 1);
      if (lastIndex === -1) {
        outturn = finalActual;
        distribution = outturn === null ? null : { point: outturn, cdf: null, spread: 0 };
      } else {
        outturn = model.means[lastIndex] as number;
        distribution = normalDistribution(outturn, model.variance(missing.map((_, k) => (k === lastIndex ? 1 : 0))));
      }
      break;
    }
    case 'min':
    case 'max': {
      // The back-test needs only the point forecast, which is cheap; the distribution is not.
      const variances = pointOnly
        ? [null]
        : missing.map((_, k) => model.variance(missing.map((__, j) => (j === k ? 1 : 0))));
      if (variances.some((v) => v === null)) {
        outturn = (rule === 'min' ? Math.min : Math.max)(...actuals, ...model.means);
      } else {
        distribution = extremeDistribution(
          rule,
          actuals,
          model.means,
          variances.map((v) => Math.sqrt(Math.max(0, v as number))),
        );
        outturn = distribution.point;
      }
      break;
    }
    case 'ratio': {
      const dm = denominatorModel as ModelForecast;
      const numerator = sumOf(actuals) + sumOf(model.means);
      const denominator = sumOf(actualDenominators) + sumOf(dm.means);
      forecastValues = model.means.map((n, k) => {
        const d = dm.means[k] as number;
        return d === 0 ? null : (n / d) * scale;
      });
      if (!(denominator > 0)) {
        note = 'the forecast denominator is not above zero, so the ratio has no value';
        break;
      }
      const ratio = numerator / denominator;
      outturn = ratio * scale;
      // Delta method, numerator and denominator errors taken as independent.
      const vn = model.variance(ones);
      const vd = dm.variance(ones);
      const variance =
        vn === null || vd === null ? null : (scale * scale * (vn + ratio * ratio * vd)) / (denominator * denominator);
      distribution = normalDistribution(outturn, variance);
      break;
    }
  }
  const fitted = { primary: parametersOf(model), denominator: parametersOf(denominatorModel) };
  return coreResult(
    choice.method,
    methodReason,
    outturn,
    distribution,
    actuals.length,
    missing,
    forecastValues,
    note,
    fitted,
  );
}

/**
 * For each of the previous years: the forecast the method would have made at the same point of
 * that year, from the data available then, against that year's actual outturn. Holt–Winters reuses
 * the parameters chosen on the full history (refitting only its level, trend and seasonal states),
 * which keeps the back-test cheap at the cost of a slightly optimistic error.
 */
function backTest(
  series: Series,
  input: ForecastInput,
  method: ModelMethod,
  parameters: FittedParameters,
): ForecastResult['backTest'] {
  const years: BackTestYear[] = [];
  const { period } = input;
  const m = periodsPerYear(period.frequency);
  const yearsBack = input.backTestYears ?? 2;
  for (let y = period.fyStartYear - 1; y >= period.fyStartYear - yearsBack; y--) {
    // The actual outturn of a complete year, and the forecast made at the same point in that year.
    const actual = forecastCore(series, input, { frequency: period.frequency, fyStartYear: y, index: m });
    if (actual.method !== 'actual' || actual.outturn === null) continue;
    const then = forecastCore(
      series,
      input,
      { frequency: period.frequency, fyStartYear: y, index: period.index },
      method,
      parameters,
      true,
    );
    if (then.method !== method || then.outturn === null) continue;
    const ape =
      actual.outturn === 0 ? null : (Math.abs(then.outturn - actual.outturn) / Math.abs(actual.outturn)) * 100;
    years.push({ fyStartYear: y, forecast: then.outturn, actual: actual.outturn, absolutePercentageError: ape });
  }
  const apes = years.map((y) => y.absolutePercentageError).filter((x): x is number => x !== null);
  return {
    years: years.reverse(),
    meanAbsolutePercentageError: apes.length === 0 ? null : apes.reduce((a, b) => a + b, 0) / apes.length,
  };
}

export function forecastYearEnd(input: ForecastInput): ForecastResult {
  const { period, format } = input;
  const fy = input.fy ?? UK_FINANCIAL_YEAR;
  const level = input.intervalLevel ?? 0.8;
  if (!(level > 0 && level < 1)) throw new RangeError(`The interval level must be between 0 and 1, not ${level}`);
  const series = buildSeries(input.points, input.rule, period.frequency);
  const core = forecastCore(series, input, period);
  const show = (v: number) => formatValue(v, format.unit, format.decimals);

  const d = core.distribution;
  const interval =
    d === null ? null : { level, lower: quantile(d, (1 - level) / 2), upper: quantile(d, (1 + level) / 2) };
  const probability = d === null ? null : probabilityOfMeeting(d, input.polarity, input.yearEndTarget);
  const backTestResult =
    core.method === 'actual' || core.method === 'none'
      ? { years: [], meanAbsolutePercentageError: null }
      : backTest(series, input, core.method, core.parameters);

  const yearName = yearLabel(period.fyStartYear, fy);
  const parts: string[] = [];
  if (core.outturn === null) {
    // The reason is the whole story: say it once.
    const why = core.note ?? core.methodReason.replace(/^No forecast: /, '');
    parts.push(`No year-end forecast for ${yearName}: ${why}`);
  } else {
    const projected =
      core.method === 'actual'
        ? `Year-end outturn for ${yearName}: ${show(core.outturn)}`
        : `Projected year-end outturn for ${yearName}: ${show(core.outturn)}`;
    parts.push(
      interval && core.method !== 'actual'
        ? `${projected} (${Math.round(level * 100)}% interval ${show(interval.lower)} to ${show(interval.upper)})`
        : projected,
    );
    if (core.method !== 'actual') {
      if (d === null) parts.push('no interval: too little data to estimate the error');
      parts.push(
        `${count(core.actualPeriods, period.frequency)} of data, ${count(core.forecastOrdinals.length, period.frequency)} forecast`,
      );
    }
    if (probability !== null && input.yearEndTarget !== null) {
      const t = input.yearEndTarget;
      const targetWords =
        t.kind === 'value' ? `the target of ${show(t.value)}` : `the target range ${show(t.lower)} to ${show(t.upper)}`;
      parts.push(`${formatShare(probability, 0)} chance of meeting ${targetWords}`);
    }
    if (backTestResult.meanAbsolutePercentageError !== null) {
      parts.push(
        `back-tested error ${backTestResult.meanAbsolutePercentageError.toFixed(1)}% (MAPE over ${backTestResult.years.length} year${backTestResult.years.length === 1 ? '' : 's'})`,
      );
    }
  }

  return {
    fyStartYear: period.fyStartYear,
    method: core.method,
    methodReason: core.methodReason,
    outturn: core.outturn,
    interval: core.method === 'actual' ? null : interval,
    probabilityOfMeetingTarget: probability,
    actualPeriods: core.actualPeriods,
    forecastPeriods: core.forecastOrdinals.length,
    periodForecasts: core.forecastOrdinals.map((o, k) => ({
      period: periodFromOrdinal(o, period.frequency),
      value: core.forecastValues[k] ?? null,
    })),
    backTest: backTestResult,
    explanation: core.method === 'none' ? `${parts.join('; ')}.` : `${parts.join('; ')}. Method: ${core.methodReason}.`,
  };
}
