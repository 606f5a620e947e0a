/**
 * England and Wales bank holidays, computed rather than downloaded (nothing may download at run
 * time). The rules are the Banking and Financial Dealings Act 1971 with substitute days, plus the
 * one-off changes made by royal proclamation since 1995, listed explicitly below.
 */

import { addDays, dayOfWeek, daysInMonth, isoDate as iso } from '../../../kernel/calendar-days.ts';

const weekday = (year: number, month: number, day: number): number => dayOfWeek(iso(year, month, day));

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function firstMonday(year: number, month: number): number {
  const offset = (8 - weekday(year, month, 1)) % 7;
  return 1 + offset;
}

function lastMonday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  return last - ((weekday(year, month, last) + 6) % 7);
}

function shiftDays(year: number, month: number, day: number, days: number): string {
  return addDays(iso(year, month, day), days);
}

/** Moved or added by proclamation: [year, regular date replaced or null, date observed]. */
const PROCLAIMED: { year: number; replaces: string | null; date: string }[] = [
  { year: 1995, replaces: '1995-05-01', date: '1995-05-08' }, // VE Day 50th anniversary
  { year: 1999, replaces: null, date: '1999-12-31' }, // Millennium
  { year: 2002, replaces: '2002-05-27', date: '2002-06-04' }, // Golden Jubilee (spring moved)
  { year: 2002, replaces: null, date: '2002-06-03' },
  { year: 2011, replaces: null, date: '2011-04-29' }, // Royal wedding
  { year: 2012, replaces: '2012-05-28', date: '2012-06-04' }, // Diamond Jubilee (spring moved)
  { year: 2012, replaces: null, date: '2012-06-05' },
  { year: 2020, replaces: '2020-05-04', date: '2020-05-08' }, // VE Day 75th anniversary
  { year: 2022, replaces: '2022-05-30', date: '2022-06-02' }, // Platinum Jubilee (spring moved)
  { year: 2022, replaces: null, date: '2022-06-03' },
  { year: 2022, replaces: null, date: '2022-09-19' }, // State funeral of Queen Elizabeth II
  { year: 2023, replaces: null, date: '2023-05-08' }, // Coronation of King Charles III
];

export function bankHolidaysEnglandAndWales(year: number): string[] {
  const days: string[] = [];
  // New Year's Day, or the next Monday when it falls at a weekend.
  const newYear = weekday(year, 1, 1);
  days.push(iso(year, 1, newYear === 6 ? 3 : newYear === 0 ? 2 : 1));
  const easter = easterSunday(year);
  days.push(shiftDays(year, easter.month, easter.day, -2), shiftDays(year, easter.month, easter.day, 1));
  days.push(iso(year, 5, firstMonday(year, 5)), iso(year, 5, lastMonday(year, 5)), iso(year, 8, lastMonday(year, 8)));
  // Christmas and Boxing Day with substitutes: a weekend day moves to the next free weekday.
  const christmas = weekday(year, 12, 25);
  if (christmas === 5) days.push(iso(year, 12, 25), iso(year, 12, 28));
  else if (christmas === 6) days.push(iso(year, 12, 27), iso(year, 12, 28));
  else if (christmas === 0) days.push(iso(year, 12, 27), iso(year, 12, 26));
  else days.push(iso(year, 12, 25), iso(year, 12, 26));
  let result = days;
  for (const change of PROCLAIMED.filter((entry) => entry.year === year)) {
    if (change.replaces) result = result.filter((day) => day !== change.replaces);
    result.push(change.date);
  }
  return [...new Set(result)].sort();
}

const cache = new Map<number, Set<string>>();

export function isBankHoliday(dateIso: string): boolean {
  const year = Number(dateIso.slice(0, 4));
  let set = cache.get(year);
  if (!set) {
    set = new Set(bankHolidaysEnglandAndWales(year));
    cache.set(year, set);
  }
  return set.has(dateIso);
}

/** `closedDays`: the organisation's own non-working days (local closures) besides bank holidays. */
export function isWorkingDay(dateIso: string, closedDays?: ReadonlySet<string>): boolean {
  const day = dayOfWeek(dateIso);
  return day !== 0 && day !== 6 && !isBankHoliday(dateIso) && !(closedDays?.has(dateIso) ?? false);
}

/** The date `count` working days after `dateIso` (not counting `dateIso` itself). */
export function addWorkingDays(dateIso: string, count: number, closedDays?: ReadonlySet<string>): string {
  let cursor = dateIso;
  let remaining = count;
  while (remaining > 0) {
    cursor = addDays(cursor, 1);
    if (isWorkingDay(cursor, closedDays)) remaining -= 1;
  }
  return cursor;
}
