/**
 * Numbers as people read them in reports: thousands separators, the measure's decimal places and
 * its unit. Written by hand rather than with Intl so that output never depends on the server's
 * locale or ICU data, and so that rounding is exactly JavaScript's toFixed — the same rounding
 * used by roundAsShown, so a status never disagrees with the number printed beside it.
 */
import type { Unit } from './types.ts';

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`Decimal places must be a whole number from 0 to 10, not ${decimals}`);
  }
}

/** The value rounded to the decimals it is shown with (what the reader sees is what we compare). */
export function roundAsShown(value: number, decimals: number): number {
  assertDecimals(decimals);
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded; // no negative zero
}

/** '1234.5' → '1,234.5'; keeps the sign; '-0.0' becomes '0.0'. */
export function formatNumber(value: number, decimals: number): string {
  assertDecimals(decimals);
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value}`);
  const fixed = Math.abs(value).toFixed(decimals);
  const dot = fixed.indexOf('.');
  let whole = dot === -1 ? fixed : fixed.slice(0, dot);
  if (whole.length > 3) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // A negative value that rounds to zero is shown as zero, not "-0.0".
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return dot === -1 ? sign + whole : sign + whole + fixed.slice(dot);
}

export function formatValue(value: number, unit: Unit, decimals: number): string {
  const text = formatNumber(value, decimals);
  switch (unit) {
    case '%':
      return `${text}%`;
    case '£':
      return text.startsWith('-') ? `-£${text.slice(1)}` : `£${text}`;
    case 'number':
    case '':
      return text;
    case 'days':
      return text === '1' ? '1 day' : `${text} days`;
    case 'rate per 1,000':
      return `${text} per 1,000`;
    default:
      return `${text} ${unit}`;
  }
}

/**
 * A difference between two values, unsigned (the caller says "up" or "down"). A difference of
 * percentages is in percentage points, not per cent.
 */
export function formatDifference(difference: number, unit: Unit, decimals: number): string {
  const size = Math.abs(difference);
  if (unit === '%') {
    const text = formatNumber(size, decimals);
    return text === '1' ? '1 percentage point' : `${text} percentage points`;
  }
  return formatValue(size, unit, decimals);
}

/** A share 0..1 as a percentage, e.g. 0.8571 → '85.7%'. */
export function formatShare(share: number, decimals = 1): string {
  return `${formatNumber(share * 100, decimals)}%`;
}

const MONTHS = [
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
];

/** '2025-07-15' → '15 July 2025' (the GOV.UK style). */
export function formatDate(dateIso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateIso);
  const month = MONTHS[Number(m?.[2]) - 1];
  if (!m || month === undefined) throw new RangeError(`${dateIso} is not a date in the form YYYY-MM-DD`);
  return `${Number(m[3])} ${month} ${m[1]}`;
}
