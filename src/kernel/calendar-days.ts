/**
 * Whole-day arithmetic on ISO calendar dates ("2027-01-20"), in UTC so that a clock change never
 * makes a day 23 or 25 hours long. The one place for it: modules, the kernel's periods and the
 * demo loaders all add days and months, count days and ask a month's length here.
 */
const DAY_MS = 86_400_000;

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** The ISO date of a year, month (1–12) and day, the year written with four digits. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
}

function parts(iso: string): [year: number, month: number, day: number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12); a month outside 1–12 counts on from the year (13 is next January). */
export function daysInMonth(year: number, month: number): number {
  // Arithmetic for the usual case: the engine asks this for every period it rates.
  if (Number.isInteger(month) && month >= 1 && month <= 12) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
  }
  // Day 0 of the next month is the last day of this one; UTC avoids any time-zone shift.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day so many months later (or earlier), the month's last day when it has no such day (31 March + 1 month is 30 April). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = parts(iso);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return isoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The day of the week, 0 for Sunday to 6 for Saturday (as `Date.getUTCDay`). */
export function dayOfWeek(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}
