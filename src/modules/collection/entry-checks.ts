/**
 * Checks a figure passes at entry, whichever way it comes in (page, API, import): its period must
 * have ended, and a figure far outside the measure's own history needs confirming with commentary.
 */
import {
  checkPlausibility,
  formatDate,
  formatValue,
  periodEnd,
  periodHasEnded,
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

/** Why a value cannot be entered for this period yet, or null once the period has ended. */
export function periodNotEnded(period: Period, todayIso: string): string | null {
  if (periodHasEnded(period, todayIso)) return null;
  return fill(words.entryChecks.periodNotEnded, { period: periodLabel(period), end: formatDate(periodEnd(period)) });
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

/** The plausibility finding for a figure given its slot's earlier figures, in words, or null. */
export function implausibility(value: number | null, history: readonly number[], measure: Format): string | null {
  const found = checkPlausibility(value, history);
  return found ? describeImplausible(found, measure) : null;
}
