/**
 * Reporting periods within UK-style financial years.
 *
 * A period is identified by the year its financial year starts in, its frequency and its position
 * in that year (1-based). Keeping the position relative to the financial year — not the calendar —
 * means the same period keeps its key if a council moves its year start, and makes arithmetic
 * (previous, same period last year, year to date) simple integer steps.
 *
 * All dates are ISO 'YYYY-MM-DD' strings; nothing here reads a clock.
 */
import { fail, ok, domainError } from '../result.ts';
import type { Result } from '../result.ts';
import { daysInMonth, isoDate } from '../calendar-days.ts';

export type Frequency = 'monthly' | 'quarterly' | 'half-yearly' | 'annual';

export const FREQUENCIES = ['monthly', 'quarterly', 'half-yearly', 'annual'] as const satisfies readonly Frequency[];

/** startMonth is the calendar month (1 = January … 12 = December) in which the financial year begins. */
export interface FinancialYearConfig {
  startMonth: number;
}

export const UK_FINANCIAL_YEAR: FinancialYearConfig = Object.freeze({ startMonth: 4 });

/** index: 1..12 months of the FY, 1..4 quarters, 1..2 halves, 1 for annual. */
export interface Period {
  frequency: Frequency;
  fyStartYear: number;
  index: number;
}

const MONTHS_IN_PERIOD: Record<Frequency, number> = {
  monthly: 1,
  quarterly: 3,
  'half-yearly': 6,
  annual: 12,
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Years outside this range are almost certainly typing mistakes (and would not fit the 4-digit key). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2998;

export function monthsInPeriod(frequency: Frequency): number {
  return MONTHS_IN_PERIOD[frequency];
}

export function periodsPerYear(frequency: Frequency): number {
  return 12 / MONTHS_IN_PERIOD[frequency];
}

/** Finer means shorter periods: monthly is finer than quarterly. */
export function isFinerOrEqual(a: Frequency, b: Frequency): boolean {
  return MONTHS_IN_PERIOD[a] <= MONTHS_IN_PERIOD[b];
}

/** Throws on a malformed period: a Period value is an invariant, parsed input goes through parsePeriodKey. */
function assertPeriod(p: Period): void {
  const n = periodsPerYear(p.frequency);
  if (!Number.isInteger(p.fyStartYear) || !Number.isInteger(p.index) || p.index < 1 || p.index > n) {
    throw new RangeError(`Not a valid ${p.frequency} period: year ${p.fyStartYear}, index ${p.index}`);
  }
}

function assertFy(fy: FinancialYearConfig): void {
  if (!Number.isInteger(fy.startMonth) || fy.startMonth < 1 || fy.startMonth > 12) {
    throw new RangeError(`Financial year start month must be 1 to 12, not ${fy.startMonth}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Ordinals: a period as a single integer, so stepping and comparing are arithmetic.
// ---------------------------------------------------------------------------------------------

/** Number of periods of this frequency since year 0; consecutive periods differ by exactly 1. */
export function periodOrdinal(p: Period): number {
  return p.fyStartYear * periodsPerYear(p.frequency) + (p.index - 1);
}

export function periodFromOrdinal(ordinal: number, frequency: Frequency): Period {
  const n = periodsPerYear(frequency);
  const fyStartYear = Math.floor(ordinal / n);
  return { frequency, fyStartYear, index: ordinal - fyStartYear * n + 1 };
}

/** Months since the start of financial year 0 at which the period starts (frequency-independent). */
function startMonthOrdinal(p: Period): number {
  return p.fyStartYear * 12 + (p.index - 1) * MONTHS_IN_PERIOD[p.frequency];
}

// ---------------------------------------------------------------------------------------------
// Keys and labels
// ---------------------------------------------------------------------------------------------

/** '00' … '99': keys and dates are built for every point of every chart, so avoid padStart. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

function twoDigits(n: number): string {
  return TWO_DIGITS[n] ?? String(n).padStart(2, '0');
}

function yearKey(fyStartYear: number): string {
  return `${fyStartYear}-${twoDigits((fyStartYear + 1) % 100)}`;
}

/** Canonical key: '2025-26' | '2025-26-H1' | '2025-26-Q2' | '2025-26-M03'. */
export function periodKey(p: Period): string {
  assertPeriod(p);
  const year = yearKey(p.fyStartYear);
  switch (p.frequency) {
    case 'annual':
      return year;
    case 'half-yearly':
      return `${year}-H${p.index}`;
    case 'quarterly':
      return `${year}-Q${p.index}`;
    case 'monthly':
      return `${year}-M${twoDigits(p.index)}`;
  }
}

const KEY_PATTERN = /^(\d{4})-(\d{2})(?:-([HQM])(\d{1,2}))?$/;

const SUFFIX_FREQUENCY: Record<string, Frequency> = { H: 'half-yearly', Q: 'quarterly', M: 'monthly' };

const RANGE_WORDS: Record<Frequency, string> = {
  monthly: 'months run M01 to M12',
  quarterly: 'quarters run Q1 to Q4',
  'half-yearly': 'half-years run H1 to H2',
  annual: 'a year has no suffix',
};

export function parsePeriodKey(key: string): Result<Period> {
  const invalid = (why: string): Result<never> =>
    fail(domainError('invalid', `${key} is not a period: ${why}`, 'period'));
  const match = KEY_PATTERN.exec(key.trim());
  if (!match) {
    return invalid(
      'use the form 2025-26 (year), 2025-26-H1 (half-year), 2025-26-Q2 (quarter) or 2025-26-M03 (month of the financial year)',
    );
  }
  const [, startText = '', endText = '', letter, indexText] = match;
  const fyStartYear = Number(startText);
  if (fyStartYear < MIN_YEAR || fyStartYear > MAX_YEAR) {
    return invalid(`the year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  const expectedEnd = String((fyStartYear + 1) % 100).padStart(2, '0');
  if (endText !== expectedEnd) {
    return invalid(`a financial year starting in ${fyStartYear} is written ${fyStartYear}-${expectedEnd}`);
  }
  if (letter === undefined || indexText === undefined) {
    return ok({ frequency: 'annual', fyStartYear, index: 1 });
  }
  const frequency = SUFFIX_FREQUENCY[letter];
  if (frequency === undefined) return invalid('unknown period letter');
  const index = Number(indexText);
  // Months are always two digits so that keys sort as text; quarters and halves are one digit.
  const widthOk = frequency === 'monthly' ? indexText.length === 2 : indexText.length === 1;
  if (index < 1 || index > periodsPerYear(frequency) || !widthOk) {
    return invalid(RANGE_WORDS[frequency]);
  }
  return ok({ frequency, fyStartYear, index });
}

/** Calendar year and month (1..12) of the first month of the period. */
function calendarStart(p: Period, fy: FinancialYearConfig): { year: number; month: number } {
  const monthOffset = (p.index - 1) * MONTHS_IN_PERIOD[p.frequency];
  const zeroBased = fy.startMonth - 1 + monthOffset;
  return { year: p.fyStartYear + Math.floor(zeroBased / 12), month: (zeroBased % 12) + 1 };
}

/** A financial year by its starting year and the next year's last two digits: 2025 → '2025/26'. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${twoDigits((startYear + 1) % 100)}`;
}

/**
 * '2025/26', '2025/26 H1', '2025/26 Q2', 'June 2025'. A financial year that starts in January is a
 * calendar year, so it is labelled '2025' rather than '2025/26'.
 */
export function periodLabel(p: Period, fy: FinancialYearConfig = UK_FINANCIAL_YEAR): string {
  assertPeriod(p);
  assertFy(fy);
  if (p.frequency === 'monthly') {
    const { year, month } = calendarStart(p, fy);
    return `${MONTH_NAMES[month - 1]} ${year}`;
  }
  const year = fy.startMonth === 1 ? String(p.fyStartYear) : financialYearLabel(p.fyStartYear);
  switch (p.frequency) {
    case 'annual':
      return year;
    case 'half-yearly':
      return `${year} H${p.index}`;
    case 'quarterly':
      return `${year} Q${p.index}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict ISO calendar date; throws on nonsense because callers pass dates they validated. */
export function parseIsoDate(dateIso: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(dateIso);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`${dateIso} is not a date in the form YYYY-MM-DD`);
  }
  return { year, month, day };
}

export function periodStart(p: Period, fy: FinancialYearConfig = UK_FINANCIAL_YEAR): string {
  assertPeriod(p);
  assertFy(fy);
  const { year, month } = calendarStart(p, fy);
  return isoDate(year, month, 1);
}

/** Inclusive last day of the period. */
export function periodEnd(p: Period, fy: FinancialYearConfig = UK_FINANCIAL_YEAR): string {
  assertPeriod(p);
  assertFy(fy);
  const { year, month } = calendarStart(p, fy);
  const lastZeroBased = month - 1 + MONTHS_IN_PERIOD[p.frequency] - 1;
  const endYear = year + Math.floor(lastZeroBased / 12);
  const endMonth = (lastZeroBased % 12) + 1;
  return isoDate(endYear, endMonth, daysInMonth(endYear, endMonth));
}

export function periodContaining(
  dateIso: string,
  frequency: Frequency,
  fy: FinancialYearConfig = UK_FINANCIAL_YEAR,
): Period {
  assertFy(fy);
  const { year, month } = parseIsoDate(dateIso);
  const fyStartYear = month >= fy.startMonth ? year : year - 1;
  const monthOfYear = ((month - fy.startMonth + 12) % 12) + 1;
  const index = Math.floor((monthOfYear - 1) / MONTHS_IN_PERIOD[frequency]) + 1;
  return { frequency, fyStartYear, index };
}

// ---------------------------------------------------------------------------------------------
// Stepping and sequences
// ---------------------------------------------------------------------------------------------

export function previousPeriod(p: Period): Period {
  assertPeriod(p);
  return periodFromOrdinal(periodOrdinal(p) - 1, p.frequency);
}

export function nextPeriod(p: Period): Period {
  assertPeriod(p);
  return periodFromOrdinal(periodOrdinal(p) + 1, p.frequency);
}

export function samePeriodLastYear(p: Period): Period {
  assertPeriod(p);
  return { frequency: p.frequency, fyStartYear: p.fyStartYear - 1, index: p.index };
}

export function periodsOfYear(fyStartYear: number, frequency: Frequency): Period[] {
  const n = periodsPerYear(frequency);
  const periods: Period[] = [];
  for (let index = 1; index <= n; index++) periods.push({ frequency, fyStartYear, index });
  return periods;
}

/** Periods of p's financial year up to and including p. */
export function yearToDatePeriods(p: Period): Period[] {
  assertPeriod(p);
  return periodsOfYear(p.fyStartYear, p.frequency).slice(0, p.index);
}

/** The periods of p's frequency covering the 12 months that end with p (oldest first). */
export function rolling12MonthPeriods(p: Period): Period[] {
  assertPeriod(p);
  const n = periodsPerYear(p.frequency);
  const last = periodOrdinal(p);
  return Array.from({ length: n }, (_, i) => periodFromOrdinal(last - n + 1 + i, p.frequency));
}

/** The periods of a finer (or the same) frequency that make up p, in order. */
export function periodsWithin(p: Period, finer: Frequency): Period[] {
  assertPeriod(p);
  if (!isFinerOrEqual(finer, p.frequency)) {
    throw new RangeError(`A ${p.frequency} period cannot be split into ${finer} periods`);
  }
  const ratio = MONTHS_IN_PERIOD[p.frequency] / MONTHS_IN_PERIOD[finer];
  const first = (p.index - 1) * ratio + 1;
  return Array.from({ length: ratio }, (_, i) => ({ frequency: finer, fyStartYear: p.fyStartYear, index: first + i }));
}

/** The period of a coarser (or the same) frequency that contains p. */
export function enclosingPeriod(p: Period, coarser: Frequency): Period {
  assertPeriod(p);
  if (!isFinerOrEqual(p.frequency, coarser)) {
    throw new RangeError(`A ${p.frequency} period is not contained in a single ${coarser} period`);
  }
  const monthOffset = (p.index - 1) * MONTHS_IN_PERIOD[p.frequency];
  return {
    frequency: coarser,
    fyStartYear: p.fyStartYear,
    index: Math.floor(monthOffset / MONTHS_IN_PERIOD[coarser]) + 1,
  };
}

/**
 * Orders by start; periods of different frequencies that start together put the shorter first
 * (so a quarter's first month sorts before the quarter). Returns negative, zero or positive.
 */
export function comparePeriods(a: Period, b: Period): number {
  const byStart = startMonthOrdinal(a) - startMonthOrdinal(b);
  if (byStart !== 0) return byStart;
  return MONTHS_IN_PERIOD[a.frequency] - MONTHS_IN_PERIOD[b.frequency];
}

/** Inclusive range of periods of one frequency; empty when `to` is before `from`. */
export function periodsBetween(from: Period, to: Period): Period[] {
  assertPeriod(from);
  assertPeriod(to);
  if (from.frequency !== to.frequency) {
    throw new RangeError(`Cannot list periods between a ${from.frequency} and a ${to.frequency} period`);
  }
  const start = periodOrdinal(from);
  const end = periodOrdinal(to);
  const out: Period[] = [];
  for (let o = start; o <= end; o++) out.push(periodFromOrdinal(o, from.frequency));
  return out;
}

/** Parses a key and checks it has the measure's frequency. */
export function isValidPeriodForFrequency(key: string, frequency: Frequency): Result<Period> {
  const parsed = parsePeriodKey(key);
  if (!parsed.ok) return parsed;
  if (parsed.value.frequency !== frequency) {
    return fail(
      domainError(
        'invalid',
        `${key.trim()} is ${articleFor(parsed.value.frequency)} ${parsed.value.frequency} period but this measure is ${frequency}`,
        'period',
      ),
    );
  }
  return parsed;
}

function articleFor(frequency: Frequency): string {
  return frequency === 'annual' ? 'an' : 'a';
}

/** The latest period of the frequency that has ended by `today`: the one being reported on. */
export function currentReportingPeriod(frequency: Frequency, todayIso: string): Period {
  const containing = periodContaining(todayIso, frequency);
  return periodEnd(containing) <= todayIso ? containing : previousPeriod(containing);
}
