/**
 * Red / amber / green status of a value against its target, with the reason as a phrase (a code
 * and parameters; the words are in the catalogue).
 *
 * Boundary rules (tested in rag.test.ts):
 * - exactly on the target is green; exactly on the amber boundary is amber;
 * - the value is compared as shown, i.e. rounded to the measure's decimal places, so the status
 *   always agrees with the figure printed beside it (69.96% shown as "70.0%" meets a 70% target);
 * - boundaries are computed exactly, with a tolerance of one part in 10⁹ so that binary rounding
 *   (70.3 × 0.95) cannot push a value that is on the boundary to the wrong side;
 * - a percentage tolerance is a percentage of the target's size (|target|), so a target of 0 has
 *   no amber band unless an absolute amount or explicit bands are used.
 */
import { phraseText } from '../phrase.ts';
import { domainError, fail, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { formatDate, formatValue, roundAsShown } from './format.ts';
import type { Polarity, RagStatus, Target, ValueFormat } from './types.ts';
import { phrase, type Phrase } from '../phrase.ts';

export type RagThresholds =
  /** Amber within this percentage of the target (of each bound, for a range). */
  | { kind: 'percentage'; amberPercent: number }
  /** Amber within this amount of the target (of each bound, for a range). */
  | { kind: 'absolute'; amberAmount: number }
  /**
   * Explicit amber boundaries: amberLower is where amber starts below a higher-is-better target
   * or a range; amberUpper where amber ends above a lower-is-better target or a range.
   */
  | { kind: 'bands'; amberLower?: number; amberUpper?: number }
  /** Green or red only. */
  | { kind: 'none' };

export interface RagInput {
  value: number | null;
  polarity: Polarity;
  target: Target | null;
  thresholds: RagThresholds;
  format: ValueFormat;
  /** Used in the words for missing data, e.g. 'June 2025'. */
  periodLabel?: string;
  /** When the value was due and today's date; without them a missing value is "no data yet". */
  dueDate?: string;
  asOf?: string;
}

/** A RAG judgement with its reason as a phrase (codes and parameters; the words are the catalogue's). */
export interface RagAssessment {
  status: RagStatus;
  reason: Phrase;
  /** The value as compared (rounded to the shown decimals), or null. */
  comparedValue: number | null;
  /** The amber band actually used, when there is one. */
  amberLower?: number;
  amberUpper?: number;
}

/** Order used for "worse than" comparisons; statuses without a rating are not ranked. */
export const RAG_RANK: Record<'red' | 'amber' | 'green', number> = { red: 0, amber: 1, green: 2 };

const RELATIVE_EPSILON = 1e-9;

function atLeast(value: number, boundary: number): boolean {
  return value >= boundary - RELATIVE_EPSILON * Math.max(1, Math.abs(boundary));
}

function atMost(value: number, boundary: number): boolean {
  return value <= boundary + RELATIVE_EPSILON * Math.max(1, Math.abs(boundary));
}

function toleranceFor(reference: number, thresholds: RagThresholds): number | null {
  switch (thresholds.kind) {
    case 'percentage':
      return (Math.abs(reference) * thresholds.amberPercent) / 100;
    case 'absolute':
      return thresholds.amberAmount;
    case 'bands':
    case 'none':
      return null;
  }
}

/** Checks thresholds once when they are saved, with a message a person can act on. */
export function validateRagThresholds(
  thresholds: RagThresholds,
  polarity: Polarity,
  target: Target | null,
): Result<RagThresholds> {
  const bad = (message: string) => fail(domainError('invalid', message, 'thresholds'));
  if (thresholds.kind === 'percentage' && !(thresholds.amberPercent >= 0))
    return bad(phraseText('thresholdChecks.percentNegative'));
  if (thresholds.kind === 'absolute' && !(thresholds.amberAmount >= 0))
    return bad(phraseText('thresholdChecks.amountNegative'));
  if (thresholds.kind === 'bands' && target !== null) {
    const { amberLower, amberUpper } = thresholds;
    const low = target.kind === 'value' ? target.value : target.lower;
    const high = target.kind === 'value' ? target.value : target.upper;
    if (amberLower !== undefined && amberLower > low)
      return bad(phraseText('thresholdChecks.amberStartAbove', { target: low, amber: amberLower }));
    if (amberUpper !== undefined && amberUpper < high)
      return bad(phraseText('thresholdChecks.amberEndBelow', { target: high, amber: amberUpper }));
    if (polarity === 'higher-is-better' && amberLower === undefined)
      return bad(phraseText('thresholdChecks.giveAmberStart'));
    if (polarity === 'lower-is-better' && amberUpper === undefined)
      return bad(phraseText('thresholdChecks.giveAmberEnd'));
  }
  return ok(thresholds);
}

/** The amber band edges for a target under the thresholds (undefined where there is no band). */
function amberBand(
  target: Target,
  polarity: Polarity,
  thresholds: RagThresholds,
): { amberLower?: number; amberUpper?: number } {
  const low = target.kind === 'value' ? target.value : target.lower;
  const high = target.kind === 'value' ? target.value : target.upper;
  const band: { amberLower?: number; amberUpper?: number } = {};
  const wantsLower = polarity === 'higher-is-better' || polarity === 'within-range';
  const wantsUpper = polarity === 'lower-is-better' || polarity === 'within-range';
  if (thresholds.kind === 'bands') {
    if (wantsLower && thresholds.amberLower !== undefined) band.amberLower = thresholds.amberLower;
    if (wantsUpper && thresholds.amberUpper !== undefined) band.amberUpper = thresholds.amberUpper;
    return band;
  }
  const lowTolerance = toleranceFor(low, thresholds);
  const highTolerance = toleranceFor(high, thresholds);
  if (lowTolerance !== null && lowTolerance < 0) throw new RangeError('An amber tolerance cannot be negative');
  if (highTolerance !== null && highTolerance < 0) throw new RangeError('An amber tolerance cannot be negative');
  if (wantsLower && lowTolerance !== null) band.amberLower = low - lowTolerance;
  if (wantsUpper && highTolerance !== null) band.amberUpper = high + highTolerance;
  return band;
}

/**
 * The status of a value against its target, with the reason as a phrase: `ragReason.*` codes whose
 * parameters are the figures as shown, the period label and the due date (already formatted).
 */
export function assessRag(input: RagInput): RagAssessment {
  const { value, polarity, target, thresholds, format } = input;
  const show = (v: number) => formatValue(v, format.unit, format.decimals);

  if (value === null || !Number.isFinite(value)) {
    const period = input.periodLabel;
    const { dueDate, asOf } = input;
    const forPeriod = period ? 'For' : '';
    // Due on a date means "by the end of that day": overdue only from the day after.
    if (dueDate !== undefined && asOf !== undefined && asOf > dueDate) {
      const params = { due: formatDate(dueDate), ...(period ? { period } : {}) };
      return { status: 'overdue', reason: phrase(`ragReason.overdue${forPeriod}`, params), comparedValue: null };
    }
    const params = { ...(dueDate !== undefined ? { due: formatDate(dueDate) } : {}), ...(period ? { period } : {}) };
    const due = dueDate !== undefined ? 'Due' : '';
    return { status: 'no-data', reason: phrase(`ragReason.noData${forPeriod}${due}`, params), comparedValue: null };
  }

  const shown = roundAsShown(value, format.decimals);
  const valueParam = { value: show(shown) };
  if (polarity === 'none') {
    return { status: 'no-target', reason: phrase('ragReason.monitorOnly', valueParam), comparedValue: shown };
  }
  if (target === null) {
    return { status: 'no-target', reason: phrase('ragReason.noTarget', valueParam), comparedValue: shown };
  }
  if ((polarity === 'within-range') !== (target.kind === 'range')) {
    const code = polarity === 'within-range' ? 'ragReason.needsRange' : 'ragReason.needsSingleValue';
    return { status: 'no-target', reason: phrase(code, valueParam), comparedValue: shown };
  }

  const band = amberBand(target, polarity, thresholds);
  const result = (status: 'red' | 'amber' | 'green', detail: Phrase): RagAssessment => ({
    status,
    reason: phrase('ragReason.judged', { status: phrase(`rag.${status}`), detail }),
    comparedValue: shown,
    ...band,
  });
  const bandPhrase = (lower: number | undefined, upper: number | undefined): Phrase => {
    if (lower !== undefined && upper !== undefined)
      return phrase('ragBand.fromUpTo', { lower: show(lower), upper: show(upper) });
    if (lower !== undefined) return phrase('ragBand.from', { lower: show(lower) });
    if (upper !== undefined) return phrase('ragBand.upTo', { upper: show(upper) });
    return phrase('ragBand.none');
  };

  if (target.kind === 'value') {
    const against = { ...valueParam, target: show(target.value) };
    if (polarity === 'higher-is-better') {
      if (atLeast(shown, target.value)) return result('green', phrase('ragReason.against', against));
      const status = band.amberLower !== undefined && atLeast(shown, band.amberLower) ? 'amber' : 'red';
      return result(
        status,
        phrase('ragReason.againstBand', { ...against, band: bandPhrase(band.amberLower, undefined) }),
      );
    }
    // lower is better
    if (atMost(shown, target.value)) return result('green', phrase('ragReason.against', against));
    const status = band.amberUpper !== undefined && atMost(shown, band.amberUpper) ? 'amber' : 'red';
    return result(
      status,
      phrase('ragReason.againstBand', { ...against, band: bandPhrase(undefined, band.amberUpper) }),
    );
  }

  // within range: green inside [lower, upper] (bounds included), amber in the band either side.
  const range = { ...valueParam, lower: show(target.lower), upper: show(target.upper) };
  if (atLeast(shown, target.lower) && atMost(shown, target.upper)) {
    return result('green', phrase('ragReason.withinRange', range));
  }
  const below = shown < target.lower;
  const edge = below ? band.amberLower : band.amberUpper;
  const inBand = edge !== undefined && (below ? atLeast(shown, edge) : atMost(shown, edge));
  const code = below ? 'ragReason.belowRange' : 'ragReason.aboveRange';
  return result(
    inBand ? 'amber' : 'red',
    phrase(code, { ...range, band: bandPhrase(band.amberLower, band.amberUpper) }),
  );
}
