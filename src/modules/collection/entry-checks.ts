/**
 * Checks a figure passes at entry, whichever way it comes in (page, API, import): its period must
 * have ended (or be the current one, estimated, where the measure allows it), and a figure far outside the measure's own history needs confirming with commentary.
 */
import {
  checkPlausibility,
  formatDate,
  formatValue,
  periodEnd,
  periodContaining,
  periodHasEnded,
  periodKey,
  periodLabel,
  PLAUSIBILITY_HISTORY,
  type Implausible,
  type Period,
  type Unit,
} from '../../kernel/measurement/index.ts';
import { fill, words } from '../../platform/words/index.ts';

interface Format {
  unit: Unit;
  decimalPlaces: number;
}

export { PLAUSIBILITY_HISTORY };

/** What the in-period check needs to know of the figure and its measure. */
export interface InPeriodFigure {
  /** The measure takes an estimate for its current, unfinished period. */
  allowsInPeriodEstimate: boolean;
  quality: string;
}

/**
 * Why a value cannot be entered for this period yet, or null when it can: once the period has
 * ended; before that only for the current period of a measure that takes an in-period estimate,
 * and only marked as estimated. `field` says what to correct: the quality, or the period.
 */
export function periodNotEnded(
  period: Period,
  todayIso: string,
  figure: InPeriodFigure,
): { message: string; field: 'quality' | 'periodKey' } | null {
  if (periodHasEnded(period, todayIso)) return null;
  const shown = { period: periodLabel(period), end: formatDate(periodEnd(period)) };
  if (!figure.allowsInPeriodEstimate) {
    return { message: fill(words.entryChecks.periodNotEnded, shown), field: 'periodKey' };
  }
  const current = periodContaining(todayIso, period.frequency);
  if (periodKey(current) !== periodKey(period)) {
    return {
      message: fill(words.inPeriodEstimates.onlyCurrent, { ...shown, current: periodLabel(current) }),
      field: 'periodKey',
    };
  }
  if (figure.quality !== 'estimated') {
    return { message: fill(words.inPeriodEstimates.mustBeEstimated, shown), field: 'quality' };
  }
  return null;
}

/** 27,777 → "27,000": two significant figures, rounded down, so the size is never overstated. */
function roughly(times: number): string {
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(times)) - 1);
  return (Math.floor(times / scale) * scale).toLocaleString('en-GB');
}

/** The finding of a plausibility check in words ("27,000 times the usual figure — check the units"). */
export function describeImplausible(found: Implausible, measure: Format): string {
  const show = (value: number) => formatValue(value, measure.unit, measure.decimalPlaces);
  const value = show(found.value);
  const usual = show(found.limits.mean);
  if (found.timesUsual !== null && found.timesUsual >= 10)
    return fill(words.entryChecks.timesUsual, { value, times: roughly(found.timesUsual), usual });
  if (found.timesUsual !== null)
    return fill(words.entryChecks.fractionOfUsual, { value, times: roughly(1 / found.timesUsual), usual });
  if (found.kind === 'outside-limits')
    return fill(words.entryChecks.outsideLimits, {
      value,
      lower: show(found.limits.lower),
      upper: show(found.limits.upper),
    });
  return fill(words.entryChecks.jump, {
    value,
    previous: show(found.previous),
    usualChange: show(found.limits.movingRangeUpper),
  });
}

/**
 * The plausibility finding for a figure given its slot's earlier figures, in words, or null. The
 * usual range is kept inside the measure's allowed range (its minimum and maximum).
 */
export function implausibility(
  value: number | null,
  history: readonly number[],
  measure: Format & { minValue?: number | null; maxValue?: number | null },
): string | null {
  const found = checkPlausibility(value, history, { min: measure.minValue ?? null, max: measure.maxValue ?? null });
  return found ? describeImplausible(found, measure) : null;
}
