/**
 * Keeps the demo council current: each real published series is moved in time as a whole, so that
 * its latest figure lands on the latest complete period for the measure's frequency (or the one
 * before, for the few measures whose latest return is left late). The values and their order are
 * the published ones; only the period labels change, and every measure's data source says so.
 */
import {
  currentReportingPeriod,
  enclosingPeriod,
  isFinerOrEqual,
  parsePeriodKey,
  periodEnd,
  periodFromOrdinal,
  periodKey,
  periodLabel,
  periodOrdinal,
  periodsWithin,
  previousPeriod,
  type Frequency,
  type Period,
} from '../kernel/measurement/periods.ts';
import { sayStored } from '../platform/words/index.ts';

/** A move of a whole series by a number of its own periods. */
export interface PeriodShift {
  frequency: Frequency;
  periods: number;
}

function parsed(key: string): Period {
  const period = parsePeriodKey(key);
  if (!period.ok) throw new Error(`Demo measures: ${sayStored(period.error.message)}`);
  return period.value;
}

/**
 * The shift that puts `latestRealKey` on the latest complete period as of `todayIso`, or on the
 * period before it when the measure's latest return is to be left late (not yet entered).
 */
export function shiftToLatestComplete(
  frequency: Frequency,
  latestRealKey: string,
  todayIso: string,
  late: boolean,
): PeriodShift {
  const complete = currentReportingPeriod(frequency, todayIso);
  const landing = late ? previousPeriod(complete) : complete;
  return { frequency, periods: periodOrdinal(landing) - periodOrdinal(parsed(latestRealKey)) };
}

/**
 * The key a period is shown under after the shift. A period of the series' own frequency moves by
 * the shift; a coarser one (an annual baseline of a quarterly series) goes with its last sub-period.
 */
export function shiftedKey(key: string, shift: PeriodShift): string {
  const period = parsed(key);
  if (period.frequency === shift.frequency) {
    return periodKey(periodFromOrdinal(periodOrdinal(period) + shift.periods, shift.frequency));
  }
  if (!isFinerOrEqual(shift.frequency, period.frequency)) {
    throw new Error(`Demo measures: ${key} cannot be moved by ${shift.frequency} periods`);
  }
  const last = periodsWithin(period, shift.frequency).at(-1)!;
  const moved = periodFromOrdinal(periodOrdinal(last) + shift.periods, shift.frequency);
  return periodKey(enclosingPeriod(moved, period.frequency));
}

/** The label a person reads for a period key ('2014/15 Q2', 'April 2022'). */
export function labelOf(key: string): string {
  return periodLabel(parsed(key));
}

const NOUNS: Record<Frequency, [string, string]> = {
  monthly: ['month', 'months'],
  quarterly: ['quarter', 'quarters'],
  'half-yearly': ['half-year', 'half-years'],
  annual: ['year', 'years'],
};

/** The sentence added to a demo measure's data source, saying how its periods were moved. */
export function shiftNote(firstRealKey: string, lastRealKey: string, shift: PeriodShift): string {
  const [one, many] = NOUNS[shift.frequency];
  const span = (first: string, last: string) =>
    first === last ? labelOf(first) : `${labelOf(first)} to ${labelOf(last)}`;
  const by = Math.abs(shift.periods);
  const moved =
    shift.periods === 0
      ? 'shown in their own periods'
      : `shown as ${span(shiftedKey(firstRealKey, shift), shiftedKey(lastRealKey, shift))} (${by} ${by === 1 ? one : many} ${shift.periods > 0 ? 'later' : 'earlier'})`;
  return (
    `Demo periods shifted: the published figures for ${span(firstRealKey, lastRealKey)} are ${moved}, ` +
    'so that the demo stays current; the values and their order are as published.'
  );
}

/** Period end as a date, plus days, for the workflow dates of the latest figures. */
export function afterPeriodEnd(key: string, days: number, now: Date): Date {
  const when = new Date(Date.parse(`${periodEnd(parsed(key))}T10:00:00Z`) + days * 86_400_000);
  return when > now ? new Date(now.getTime() - 3_600_000) : when;
}
