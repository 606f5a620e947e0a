/**
 * The year-end forecast held against real series: the comparator councils' monthly claimant counts
 * and Universal Credit (counts and percentages of residents aged 16-64) and their quarterly energy
 * performance certificates (a count per quarter, and the share rated A-C as a ratio), ultra low
 * emission vehicles' share of licensed vehicles and public charging devices per 100,000 people
 * (reference-data/trafford-corporate-plan-comparators, see reference-data/SOURCES.md).
 *
 * Rolling origins: the forecast is made at every period of every year whose outturn is known,
 * from the data up to that period only (the method is chosen, and its interval sized, from that
 * data alone), and compared with the outturn. Reported per method (the one chosen, and each
 * candidate forced): the error ratio to naive (geometric mean over series of the mean absolute
 * error ÷ naive's), the 80% interval's coverage, the Brier score of the probability of meeting a
 * target of last year's outturn (as good or better, by the measure's polarity) and the count of
 * impossible values (forecasts or interval ends outside the measure's range). Goals for the
 * chosen method: ratio ≤ 1.0, coverage 75%-88%, no impossible value. Needs no database.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { forecastYearEnd } from '../../src/modules/performance/domain/forecast.ts';
import type { ForecastResult, ModelMethod, ValueBounds } from '../../src/modules/performance/domain/forecast.ts';
import type { AggregationRule, MeasurePoint, Period, Polarity } from '../../src/modules/performance/domain/index.ts';
import { monthNumber } from '../../src/demo/real-data-reader.ts';
import type { Scenario } from '../lib/scenario.ts';

const folder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../reference-data/trafford-corporate-plan-comparators',
);

interface BenchSeries {
  name: string;
  frequency: 'monthly' | 'quarterly';
  rule: AggregationRule;
  polarity: Polarity;
  bounds: ValueBounds;
  ratioScale?: number;
  points: MeasurePoint[];
}

const COUNT: ValueBounds = { lower: 0, upper: null };
const PERCENTAGE: ValueBounds = { lower: 0, upper: 100 };

/** The financial-year period containing a calendar month (1-12). */
function periodOfMonth(year: number, month: number, frequency: 'monthly' | 'quarterly'): Period {
  const fyStartYear = month >= 4 ? year : year - 1;
  const monthOfYear = (month + 8) % 12; // April → 0
  return { frequency, fyStartYear, index: frequency === 'monthly' ? monthOfYear + 1 : Math.floor(monthOfYear / 3) + 1 };
}

function monthlyPeriod(text: string): Period {
  const [monthName, year] = text.trim().split(/\s+/);
  const month = monthNumber(monthName ?? '');
  if (month === 0 || !year) throw new Error(`Not a month: ${text}`);
  return periodOfMonth(Number(year), month, 'monthly');
}

function quarterlyPeriod(text: string): Period {
  const [year, month] = text.split('-').map(Number);
  return periodOfMonth(year as number, month as number, 'quarterly');
}

const ordinal = (p: Period) => p.fyStartYear * (p.frequency === 'monthly' ? 12 : 4) + p.index;
const byPeriod = (a: MeasurePoint, b: MeasurePoint) => ordinal(a.period) - ordinal(b.period);

function rows(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(folder, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true });
}

/** Groups rows by council and kind into series, one point per period. */
function group(
  list: Record<string, string>[],
  kindOf: (row: Record<string, string>) => string | null,
  pointOf: (row: Record<string, string>) => MeasurePoint,
): Map<string, MeasurePoint[]> {
  const out = new Map<string, MeasurePoint[]>();
  for (const row of list) {
    const kind = kindOf(row);
    if (kind === null) continue;
    const key = `${row.area_name} · ${kind}`;
    const points = out.get(key) ?? [];
    points.push(pointOf(row));
    out.set(key, points);
  }
  for (const points of out.values()) points.sort(byPeriod);
  return out;
}

function loadSeries(): BenchSeries[] {
  const series: BenchSeries[] = [];
  const monthly = (file: string, indicator: 'indicator', measure: string) =>
    group(
      rows(file),
      (row) => `${row[indicator]} (${row[measure]})`,
      (row) => ({ period: monthlyPeriod(row.period as string), value: Number(row.value) }),
    );
  for (const [name, points] of [
    ...monthly('poverty/claimant_count.csv', 'indicator', 'measure'),
    ...monthly('poverty/universal_credit.csv', 'indicator', 'measure'),
  ]) {
    const percentage = / proportion /i.test(name);
    series.push({
      name,
      frequency: 'monthly',
      rule: 'latest',
      polarity: 'lower-is-better',
      bounds: percentage ? PERCENTAGE : COUNT,
      points,
    });
  }

  const epc = rows('climate/energy_performance_certificates.csv');
  const quarter = (row: Record<string, string>) => quarterlyPeriod(row.period as string);
  for (const [name, points] of group(
    epc,
    () => 'EPCs lodged',
    (row) => ({ period: quarter(row), value: Number(row.value_certificates_lodged) }),
  )) {
    series.push({ name, frequency: 'quarterly', rule: 'sum', polarity: 'higher-is-better', bounds: COUNT, points });
  }
  for (const [name, points] of group(
    epc,
    () => 'EPCs rated A-C (%)',
    (row) => {
      const numerator = Number(row.value_rating_A) + Number(row.value_rating_B) + Number(row.value_rating_C);
      const denominator = Number(row.value_certificates_lodged);
      return { period: quarter(row), value: (numerator / denominator) * 100, numerator, denominator };
    },
  )) {
    series.push({
      name,
      frequency: 'quarterly',
      rule: 'ratio',
      ratioScale: 100,
      polarity: 'higher-is-better',
      bounds: PERCENTAGE,
      points,
    });
  }
  for (const [name, points] of group(
    rows('climate/licensed_vehicles.csv'),
    () => 'ULEV share of licensed vehicles (%)',
    (row) => ({ period: quarter(row), value: (Number(row.value_ulev) / Number(row.value_all_vehicles)) * 100 }),
  )) {
    series.push({
      name,
      frequency: 'quarterly',
      rule: 'latest',
      polarity: 'higher-is-better',
      bounds: PERCENTAGE,
      points,
    });
  }
  for (const [name, points] of group(
    rows('climate/electric_vehicle_charging_points.csv'),
    () => 'Charging devices per 100,000',
    (row) => ({ period: quarter(row), value: Number(row.value) }),
  )) {
    series.push({ name, frequency: 'quarterly', rule: 'latest', polarity: 'higher-is-better', bounds: COUNT, points });
  }
  return series;
}

type Contender = 'chosen' | ModelMethod;
const CONTENDERS: Contender[] = ['chosen', 'naive', 'seasonal-naive', 'damped-trend', 'damped-seasonal'];

interface Tally {
  absoluteErrors: number[];
  covered: number;
  forecasts: number;
  brier: number;
  brierCount: number;
  impossible: number;
}

const emptyTally = (): Tally => ({
  absoluteErrors: [],
  covered: 0,
  forecasts: 0,
  brier: 0,
  brierCount: 0,
  impossible: 0,
});

function outside(value: number | null, bounds: ValueBounds): boolean {
  if (value === null) return false;
  return (
    (bounds.lower !== null && value < bounds.lower - 1e-9) || (bounds.upper !== null && value > bounds.upper + 1e-9)
  );
}

/** For a sum the outturn's range is the period's range times the periods; the benchmark's sums are counts. */
function impossibleValues(result: ForecastResult, s: BenchSeries): number {
  const outturnBounds = s.rule === 'sum' ? { lower: s.bounds.lower, upper: null } : s.bounds;
  let n = 0;
  for (const v of [result.outturn, result.interval?.lower ?? null, result.interval?.upper ?? null])
    if (outside(v, outturnBounds)) n++;
  for (const p of result.periodForecasts) if (outside(p.value, s.bounds)) n++;
  return n;
}

function evaluate(series: BenchSeries[]): Map<Contender, Tally[]> {
  const tallies = new Map<Contender, Tally[]>(CONTENDERS.map((c) => [c, []]));
  for (const s of series) {
    const m = s.frequency === 'monthly' ? 12 : 4;
    const perSeries = new Map<Contender, Tally>(CONTENDERS.map((c) => [c, emptyTally()]));
    const outturns = new Map<number, number>();
    const years = [...new Set(s.points.map((p) => p.period.fyStartYear))];
    const base = {
      rule: s.rule,
      polarity: s.polarity,
      format: { unit: 'number', decimals: 1 },
      bounds: s.bounds,
      ratioScale: s.ratioScale,
      backTestYears: 0,
    };
    for (const year of years) {
      const yearEnd: Period = { frequency: s.frequency, fyStartYear: year, index: m };
      const actual = forecastYearEnd({ ...base, points: s.points, period: yearEnd, yearEndTarget: null });
      if (actual.method === 'actual' && actual.outturn !== null) outturns.set(year, actual.outturn);
    }
    for (const p of s.points) {
      const outcome = outturns.get(p.period.fyStartYear);
      if (outcome === undefined || p.period.index === m) continue;
      const history = s.points.filter((q) => ordinal(q.period) <= ordinal(p.period));
      const lastYear = outturns.get(p.period.fyStartYear - 1);
      const target = lastYear === undefined ? null : { kind: 'value' as const, value: lastYear };
      const met =
        lastYear === undefined ? null : s.polarity === 'lower-is-better' ? outcome <= lastYear : outcome >= lastYear;
      for (const contender of CONTENDERS) {
        const result = forecastYearEnd({
          ...base,
          points: history,
          period: p.period,
          yearEndTarget: target,
          ...(contender === 'chosen' ? {} : { method: contender }),
        });
        if (result.outturn === null) continue;
        const tally = perSeries.get(contender) as Tally;
        tally.forecasts++;
        tally.absoluteErrors.push(Math.abs(result.outturn - outcome));
        if (result.interval && outcome >= result.interval.lower - 1e-9 && outcome <= result.interval.upper + 1e-9)
          tally.covered++;
        if (met !== null && result.probabilityOfMeetingTarget !== null) {
          tally.brier += (result.probabilityOfMeetingTarget - (met ? 1 : 0)) ** 2;
          tally.brierCount++;
        }
        tally.impossible += impossibleValues(result, s);
      }
    }
    for (const contender of CONTENDERS) (tallies.get(contender) as Tally[]).push(perSeries.get(contender) as Tally);
  }
  return tallies;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;

function summarise(prefix: string, tallies: Map<Contender, Tally[]>, results: Record<string, number>): boolean {
  const naive = tallies.get('naive') as Tally[];
  let goalsMet = true;
  for (const contender of CONTENDERS) {
    const list = tallies.get(contender) as Tally[];
    // Per-series ratio of mean absolute errors, averaged geometrically (series of any size count alike).
    const logRatios: number[] = [];
    list.forEach((t, k) => {
      const n = naive[k] as Tally;
      if (t.absoluteErrors.length === 0 || n.absoluteErrors.length === 0) return;
      const a = mean(t.absoluteErrors);
      const b = mean(n.absoluteErrors);
      if (a > 0 && b > 0) logRatios.push(Math.log(a / b));
      else if (a === b) logRatios.push(0);
    });
    const ratio = Math.exp(mean(logRatios));
    const forecasts = list.reduce((s, t) => s + t.forecasts, 0);
    const coverage = list.reduce((s, t) => s + t.covered, 0) / forecasts;
    const brierCount = list.reduce((s, t) => s + t.brierCount, 0);
    const brier = list.reduce((s, t) => s + t.brier, 0) / brierCount;
    const impossible = list.reduce((s, t) => s + t.impossible, 0);
    results[`${prefix}.${contender}.error_ratio_to_naive`] = round(ratio);
    results[`${prefix}.${contender}.coverage_80`] = round(coverage);
    results[`${prefix}.${contender}.brier`] = round(brier);
    results[`${prefix}.${contender}.impossible_values`] = impossible;
    if (contender === 'chosen') {
      results[`${prefix}.series`] = list.length;
      results[`${prefix}.forecasts`] = forecasts;
      results[`${prefix}.brier_forecasts`] = brierCount;
      goalsMet = ratio <= 1.0 && coverage >= 0.75 && coverage <= 0.88 && impossible === 0;
      results[`${prefix}.goals_met`] = goalsMet ? 1 : 0;
    }
  }
  return goalsMet;
}

export const forecastScenario: Scenario = {
  name: 'forecast',
  description:
    'Year-end forecasts from rolling origins on real council series (monthly claimant count and Universal Credit, quarterly EPCs, vehicles and charging devices): error ratio to naive, 80% coverage, Brier score, impossible values per method; goals ratio ≤ 1.0, coverage 75-88%, none impossible',

  async run(ctx) {
    const all = loadSeries();
    const results: Record<string, number> = {};
    let met = true;
    for (const frequency of ['monthly', 'quarterly'] as const) {
      const series = all.filter((s) => s.frequency === frequency);
      ctx.log(`${frequency}: ${series.length} series`);
      met = summarise(frequency, evaluate(series), results) && met;
    }
    results.goals_met = met ? 1 : 0;
    return results;
  },
};
