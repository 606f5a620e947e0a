/**
 * Which periods a council-wide closure covers. The rule, on top of the periods kernel
 * (src/kernel/measurement/periods.ts): a period is closed when it, or any longer period containing
 * it, is closed. Closing a quarter therefore closes the three months in it (monthly measures'
 * figures for those months cannot change either); closing a half-year closes its quarters and
 * months; closing a year closes everything in it. Closing the three months does not close the
 * quarter: a quarterly figure is reported, and closed, on its own. Pure: no clock, no database.
 */
import { z } from 'zod';
import {
  enclosingPeriod,
  FREQUENCIES,
  isFinerOrEqual,
  parsePeriodKey,
  type Period,
  periodKey,
} from '../../../kernel/measurement/periods.ts';

/** The period itself and every longer period that contains it, shortest first. */
export function closingPeriodsOf(period: Period): Period[] {
  return FREQUENCIES.filter((frequency) => isFinerOrEqual(period.frequency, frequency)).map((frequency) =>
    enclosingPeriod(period, frequency),
  );
}

/**
 * The closed period that keeps this one closed (itself first, then the shortest containing one),
 * or null when it is open. A key that is not a period is never closed.
 */
export function closureCovering(key: string, closedKeys: ReadonlySet<string>): Period | null {
  const parsed = parsePeriodKey(key);
  if (!parsed.ok) return null;
  return closingPeriodsOf(parsed.value).find((candidate) => closedKeys.has(periodKey(candidate))) ?? null;
}

/** The close form and API body: which period (the service checks it is one). */
export const periodCloseInput = z.object({ periodKey: z.string().trim().max(20) });

/** The reopen form and API body: the reason is required (the service says so in words). */
export const periodReopenInput = z.object({
  periodKey: z.string().trim().max(20),
  reason: z.preprocess((value) => value ?? '', z.string().max(5000)),
});
