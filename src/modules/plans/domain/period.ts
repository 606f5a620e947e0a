/**
 * Plan periods: a plan covers one financial year (2025-04-01..2026-03-31) or several
 * (2024-04-01..2027-03-31). The annual refresh moves a plan on by one year; starting a new plan
 * period moves it on by its own length; either way its title's year labels ("2025/26",
 * "2024-2027") move with it. All dates are ISO 'YYYY-MM-DD'; no clock.
 */

import { addDays, addMonths, daysFrom, daysInMonth } from '../../../kernel/calendar-days.ts';

function parts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** Whole months covered when the period runs from a month's first day to a month's last day; otherwise null. */
export function wholeMonths(start: string, end: string): number | null {
  const s = parts(start);
  const e = parts(end);
  if (s.day !== 1 || e.day !== daysInMonth(e.year, e.month)) return null;
  const months = (e.year - s.year) * 12 + (e.month - s.month) + 1;
  return months > 0 ? months : null;
}

export interface Period {
  start: string;
  end: string;
}

/**
 * The period that follows, of the same length: a financial year rolls to the next financial
 * year, a three-year plan to the next three years; an odd-length period moves on by its days.
 */
export function rollForwardPeriod(period: Period): Period {
  const start = addDays(period.end, 1);
  const months = wholeMonths(period.start, period.end);
  if (months !== null) return { start, end: addDays(addMonths(start, months), -1) };
  const days = daysFrom(period.start, period.end);
  return { start, end: addDays(start, days) };
}

/**
 * The annual refresh: the plan moves on by one year, keeping its length — a three-year plan
 * 2025–2028 becomes 2026–2029 (starting a new three-year period, 2028–2031, is `rollForwardPeriod`:
 * a separate, explicit choice). For a one-year plan the two are the same.
 */
export function refreshPeriod(period: Period): Period {
  const months = wholeMonths(period.start, period.end);
  const start = addMonths(period.start, 12);
  // Whole months end on the month's last day (29 February 2028 → 28 February 2029 and back again);
  // any other period keeps its dates, 29 February becoming the 28th.
  if (months !== null) return { start, end: addDays(addMonths(start, months), -1) };
  return { start, end: addMonths(period.end, 12) };
}

/** How a roll forward moves the plan: on by one year (annual refresh) or on by its whole length (a new period). */
export const ROLL_FORWARD_MOVES = ['annual-refresh', 'new-period'] as const;
export type RollForwardMove = (typeof ROLL_FORWARD_MOVES)[number];

export function rolledPeriod(period: Period, move: RollForwardMove): Period {
  return move === 'new-period' ? rollForwardPeriod(period) : refreshPeriod(period);
}

/** Whole years a roll forward moves by (for title labels), or null when the shift is not whole years. */
export function yearShift(from: Period, to: Period): number | null {
  const a = parts(from.start);
  const b = parts(to.start);
  if (a.month !== b.month || a.day !== b.day) return null;
  return b.year - a.year;
}

/**
 * Moves the year labels in a title on by `shift` years, where they belong to the plan's period:
 * "Service plan 2025/26" → "Service plan 2026/27"; "Council Plan 2024-2027" → "Council Plan
 * 2027-2030". Years outside the period ("Vision 2040") stay as they are.
 */
export function rollForwardTitle(title: string, period: Period, shift: number): string {
  if (shift === 0) return title;
  const first = parts(period.start).year;
  const last = parts(period.end).year;
  const within = (year: number) => year >= first && year <= last;
  const pattern = /\b(\d{4})(?:(\s?[/\u2013-]\s?|\sto\s)(\d{4}|\d{2}))?\b/g;
  return title.replace(pattern, (match, a: string, separator: string | undefined, b: string | undefined) => {
    const startYear = Number(a);
    if (separator === undefined || b === undefined) {
      return within(startYear) ? String(startYear + shift) : match;
    }
    if (b.length === 2) {
      // A financial-year label: the two digits must be the following year.
      if ((startYear + 1) % 100 !== Number(b)) return match;
      if (!within(startYear) && !within(startYear + 1)) return match;
      const next = startYear + shift;
      return `${next}${separator}${String((next + 1) % 100).padStart(2, '0')}`;
    }
    const endYear = Number(b);
    if (endYear < startYear || !within(startYear) || !within(endYear)) return match;
    return `${startYear + shift}${separator}${endYear + shift}`;
  });
}

/** A version takes effect when approved, but never before its period starts. */
export function effectiveFrom(approvalDate: string, periodStart: string): string {
  return approvalDate > periodStart ? approvalDate : periodStart;
}

/** The financial year (April to March) a date falls in, named by its starting year. */
export function financialYearOf(iso: string): number {
  const { year, month } = parts(iso);
  return month >= 4 ? year : year - 1;
}

export function financialYearBounds(startYear: number): Period {
  return { start: `${startYear}-04-01`, end: `${startYear + 1}-03-31` };
}

export interface VersionWindow {
  effectiveFrom: string | null;
  effectiveTo: string | null;
  periodEnd: string;
}

/**
 * Was this version in force on the date? From effective_from (inclusive) until effective_to
 * (exclusive), and never after its period ended.
 */
export function inForceOn(version: VersionWindow, date: string): boolean {
  if (!version.effectiveFrom || version.effectiveFrom > date) return false;
  if (version.effectiveTo && date >= version.effectiveTo) return false;
  return date <= version.periodEnd;
}

/** The version in force on the date, if any (the latest one when windows touch). */
export function versionInForce<V extends VersionWindow & { version: number }>(
  versions: readonly V[],
  date: string,
): V | undefined {
  return [...versions].sort((a, b) => b.version - a.version).find((version) => inForceOn(version, date));
}
