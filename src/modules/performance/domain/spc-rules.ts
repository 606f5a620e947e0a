/**
 * Special-cause rules for one segment of an XmR chart, as settled in spc.md. A point can be
 * flagged by several rules; every rule that flags it is recorded.
 *
 * The results are arrays of small integers (one entry per point) rather than an object per point,
 * because this runs for every point of every measure on every recalculation; spc.ts turns them
 * into readable lists.
 */
import type { SegmentLimits } from './spc-limits.ts';

export type SpcRule = 'outside-limits' | 'shift' | 'trend' | 'two-in-three';

export const SHIFT_LENGTH = 7;
export const TREND_LENGTH = 7;

/** One bit per rule, in order of strength (the order in which a point's type is decided). */
export const RULE_BITS: Readonly<Record<SpcRule, number>> = Object.freeze({
  'outside-limits': 1,
  trend: 2,
  shift: 4,
  'two-in-three': 8,
});

const RULES_STRONGEST_FIRST: readonly SpcRule[] = ['outside-limits', 'trend', 'shift', 'two-in-three'];

/** The rule lists for every combination of bits, built once and frozen (they are shared). */
const RULE_LISTS: readonly (readonly SpcRule[])[] = Array.from({ length: 16 }, (_, mask) =>
  Object.freeze(RULES_STRONGEST_FIRST.filter((rule) => (mask & RULE_BITS[rule]) !== 0)),
);

/** The rules in a bit mask, strongest first. */
export function rulesOf(mask: number): readonly SpcRule[] {
  return RULE_LISTS[mask & 15] as readonly SpcRule[];
}

export interface SegmentFlags {
  /** Per point: the rules flagging it, as RULE_BITS. */
  rules: number[];
  /** Per point: +1 above the mean, −1 below, 0 exactly on it. */
  side: number[];
  /** Per point: +1 in a rising trend, −1 in a falling one (for a turning point, the earlier trend), 0 none. */
  trend: number[];
  /** Per point: 1 when it ends one trend and starts another in the opposite direction. */
  turningPoint: number[];
}

/**
 * Values within one part in 10⁹ of a line count as on it, so that binary rounding of the mean or
 * limits (2.66 × a mean) cannot move a point across a line it sits on exactly.
 */
function sideOf(value: number, line: number): -1 | 0 | 1 {
  const eps = 1e-9 * Math.max(1, Math.abs(value), Math.abs(line));
  if (value > line + eps) return 1;
  if (value < line - eps) return -1;
  return 0;
}

/** Rule 1: outside the process limits (a point exactly on a limit is inside). */
function flagOutsideLimits(values: readonly number[], limits: SegmentLimits, rules: number[]): void {
  const { upperLimit, lowerLimit } = limits;
  if (upperLimit === null || lowerLimit === null) return;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (sideOf(v, upperLimit) > 0 || sideOf(v, lowerLimit) < 0)
      rules[i] = (rules[i] as number) | RULE_BITS['outside-limits'];
  }
}

/** Rule 2: a shift — 7+ consecutive points on one side of the mean; a point on the mean breaks the run. */
function flagShifts(side: number[], rules: number[]): void {
  const n = side.length;
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && side[i] !== 0 && side[i] === side[start]) continue;
    if (side[start] !== 0 && i - start >= SHIFT_LENGTH) {
      for (let j = start; j < i; j++) rules[j] = (rules[j] as number) | RULE_BITS.shift;
    }
    start = i;
  }
}

/**
 * Rule 3: a trend — 7+ consecutive points each strictly above (or below) the one before; a
 * repeated value breaks it. A run of 7 points has 6 steps (as in MDC and NHSRplotthedots).
 */
function flagTrends(values: readonly number[], rules: number[], trend: number[], turningPoint: number[]): void {
  const n = values.length;
  for (const direction of [1, -1] as const) {
    let start = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n) {
        const step = (values[i] as number) - (values[i - 1] as number);
        if (direction === 1 ? step > 0 : step < 0) continue;
      }
      // Points start..i−1 form a monotone run.
      if (i - start >= TREND_LENGTH) {
        for (let j = start; j < i; j++) {
          rules[j] = (rules[j] as number) | RULE_BITS.trend;
          if (trend[j] === 0) trend[j] = direction;
          else if (trend[j] !== direction) {
            // A turning point ends one trend and starts the other; keep the earlier trend,
            // which is the one this point ends.
            turningPoint[j] = 1;
            if (j === i - 1) trend[j] = direction;
          }
        }
      }
      start = i;
    }
  }
}

/**
 * Rule 4: two of three consecutive points beyond the near-limit line on the same side (points
 * beyond the process limit count); only the points beyond the line are flagged, not the third.
 */
function flagTwoInThree(values: readonly number[], limits: SegmentLimits, rules: number[]): void {
  const { upperNear, lowerNear } = limits;
  const n = values.length;
  if (upperNear === null || lowerNear === null || n < 3) return;
  const beyond: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    beyond.push(sideOf(v, upperNear) > 0 ? 1 : sideOf(v, lowerNear) < 0 ? -1 : 0);
  }
  for (let i = 2; i < n; i++) {
    for (const side of [1, -1]) {
      const a = beyond[i - 2] === side;
      const b = beyond[i - 1] === side;
      const c = beyond[i] === side;
      if (Number(a) + Number(b) + Number(c) < 2) continue;
      if (a) rules[i - 2] = (rules[i - 2] as number) | RULE_BITS['two-in-three'];
      if (b) rules[i - 1] = (rules[i - 1] as number) | RULE_BITS['two-in-three'];
      if (c) rules[i] = (rules[i] as number) | RULE_BITS['two-in-three'];
    }
  }
}

export function detectSpecialCauses(values: readonly number[], limits: SegmentLimits): SegmentFlags {
  const n = values.length;
  const side: number[] = [];
  for (let i = 0; i < n; i++) side.push(sideOf(values[i] as number, limits.mean));
  const flags: SegmentFlags = {
    rules: new Array<number>(n).fill(0),
    side,
    trend: new Array<number>(n).fill(0),
    turningPoint: new Array<number>(n).fill(0),
  };
  flagOutsideLimits(values, limits, flags.rules);
  flagShifts(flags.side, flags.rules);
  flagTrends(values, flags.rules, flags.trend, flags.turningPoint);
  flagTwoInThree(values, limits, flags.rules);
  return flags;
}
