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
import { phrase, phraseText, readStoredPhrase, type Phrase } from '../../kernel/phrase.ts';

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
): { /** A stored phrase. */ message: string; field: 'quality' | 'periodKey' } | null {
  if (periodHasEnded(period, todayIso)) return null;
  const shown = { period: periodLabel(period), end: formatDate(periodEnd(period)) };
  if (!figure.allowsInPeriodEstimate) {
    return { message: phraseText('entryChecks.periodNotEnded', shown), field: 'periodKey' };
  }
  const current = periodContaining(todayIso, period.frequency);
  if (periodKey(current) !== periodKey(period)) {
    return {
      message: phraseText('inPeriodEstimates.onlyCurrent', { ...shown, current: periodLabel(current) }),
      field: 'periodKey',
    };
  }
  if (figure.quality !== 'estimated') {
    return { message: phraseText('inPeriodEstimates.mustBeEstimated', shown), field: 'quality' };
  }
  return null;
}

/** 27,777 → "27,000": two significant figures, rounded down, so the size is never overstated. */
function roughly(times: number): string {
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(times)) - 1);
  return (Math.floor(times / scale) * scale).toLocaleString('en-GB');
}

/** The finding of a plausibility check as a phrase ("27,000 times the usual figure — check the units"). */
export function describeImplausible(found: Implausible, measure: Format): Phrase {
  const show = (value: number) => formatValue(value, measure.unit, measure.decimalPlaces);
  const value = show(found.value);
  const usual = show(found.limits.mean);
  if (found.timesUsual !== null && found.timesUsual >= 10)
    return phrase('entryChecks.timesUsual', { value, times: roughly(found.timesUsual), usual });
  if (found.timesUsual !== null)
    return phrase('entryChecks.fractionOfUsual', { value, times: roughly(1 / found.timesUsual), usual });
  if (found.kind === 'outside-limits')
    return phrase('entryChecks.outsideLimits', {
      value,
      lower: show(found.limits.lower),
      upper: show(found.limits.upper),
    });
  return phrase('entryChecks.jump', {
    value,
    previous: show(found.previous),
    usualChange: show(found.limits.movingRangeUpper),
  });
}

/**
 * The plausibility finding for a figure given its slot's earlier figures, as a phrase, or null. The
 * usual range is kept inside the measure's allowed range (its minimum and maximum).
 */
export function implausibility(
  value: number | null,
  history: readonly number[],
  measure: Format & { minValue?: number | null; maxValue?: number | null },
): Phrase | null {
  const found = checkPlausibility(value, history, { min: measure.minValue ?? null, max: measure.maxValue ?? null });
  return found ? describeImplausible(found, measure) : null;
}

/** The refusal of a figure far from its history until it is confirmed (a stored phrase), as the page words it. */
export function implausibleRefusal(doubt: Phrase): string {
  return phraseText('entryChecks.implausible', { doubt });
}

/**
 * The same refusal as an API client reads it: the page's tick box is, for them, a field to send.
 * Any other message is left as it is.
 */
export function implausibleForApi(message: string): string {
  const stored = readStoredPhrase(message);
  return stored?.code === 'entryChecks.implausible' ? phraseText('entryChecks.implausibleApi', stored.params) : message;
}
