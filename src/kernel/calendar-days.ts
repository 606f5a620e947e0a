/**
 * Whole-day arithmetic on ISO calendar dates ("2027-01-20"), in UTC so that a clock change never
 * makes a day 23 or 25 hours long. Until now each module wrote its own copy of these two.
 */
const DAY_MS = 86_400_000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
