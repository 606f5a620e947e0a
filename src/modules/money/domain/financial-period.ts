/**
 * The financial year (1 April to 31 March, named "2025/26" and kept as its starting year) and its
 * months, numbered 1 (April) to 12 (March) as finance systems number their periods.
 */
import { financialYearLabel } from '../../../kernel/measurement/periods.ts';
import { phrase, phraseText, type Phrase } from '../../../kernel/phrase.ts';
import { domainError, fail, ok, type Result } from '../../../kernel/result.ts';

/** The months' English names as a finance system's extract may write them (read by parseMonth); pages say them from the catalogue. */
export const MONTH_NAMES = [
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'January',
  'February',
  'March',
] as const;

/** "2025/26" or "2025" read as the year starting in April 2025. */
export function parseYear(text: string, field = 'year'): Result<number> {
  const match = /^(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$/.exec(text.trim());
  const start = match ? Number(match[1]) : NaN;
  const end = match?.[2];
  const endMatches = end === undefined || Number(end.slice(-2)) === (start + 1) % 100;
  if (!match || !endMatches || start < 2000 || start > 2100) {
    return fail(domainError('invalid', phraseText('moneyRefusals.yearInvalid', { text: text.trim() }), field));
  }
  return ok(start);
}

/** 1–12 or a month's name ("Sep", "September"): the period of the financial year. */
export function parseMonth(text: string, field = 'month'): Result<number> {
  const value = text.trim();
  if (/^\d{1,2}$/.test(value)) {
    const month = Number(value);
    if (month >= 1 && month <= 12) return ok(month);
  } else if (value.length >= 3) {
    const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(value.toLowerCase()));
    if (index >= 0) return ok(index + 1);
  }
  return fail(domainError('invalid', phraseText('moneyRefusals.periodInvalid', { text: value }), field));
}

/** The financial year and month a London date falls in. */
export function periodOfDate(isoDate: string): { startYear: number; month: number } {
  const [year, calendarMonth] = isoDate.split('-').map(Number) as [number, number];
  const startYear = calendarMonth >= 4 ? year : year - 1;
  return { startYear, month: ((calendarMonth + 8) % 12) + 1 };
}

/** A month of a financial year in words, like "September (period 6) 2025/26" (said with the catalogue's moneyPage.periodLabel). */
export function periodLabel(startYear: number, month: number): Phrase {
  return phrase('moneyPage.periodLabel', {
    month: phrase(`moneyPage.months.${month}`),
    number: month,
    year: financialYearLabel(startYear),
  });
}
