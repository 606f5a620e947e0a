/**
 * Special-cause rules for one segment of an XmR chart, as settled in spc.md. A point can be
 * flagged by several rules; every rule that flags it is recorded.
 */
import type { SegmentLimits } from './spc-limits.ts';

export type SpcRule = 'outside-limits' | 'shift' | 'trend' | 'two-in-three';

export const SHIFT_LENGTH = 7;
export const TREND_LENGTH = 7;

export interface PointFlags {
  rules: SpcRule[];
  /** +1 above the mean, −1 below, 0 exactly on it. */
  side: -1 | 0 | 1;
  /** Direction of the trend the point belongs to (for a turning point, the earlier trend). */
  trend: 'up' | 'down' | null;
  /** The point ends one trend and starts another in the opposite direction (a turning point). */
  inTwoTrends: boolean;
}

/**
 * Values within one part in 10⁹ of a line count as on it, so that binary rounding of the mean or
 * limits (2.66 × a mean) cannot move a point across a line it sits on exactly.
 */
function tolerance(a: number, b: number): number {
  return 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sideOf(value: number, line: number): -1 | 0 | 1 {
  const eps = tolerance(value, line);
  if (value > line + eps) return 1;
  if (value < line - eps) return -1;
  return 0;
}

/** Flags runs of at least `length` consecutive indices for which `member` holds. */
function flagRuns(n: number, length: number, member: (i: number) => boolean, flag: (i: number) => void): void {
  let runStart = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && member(i)) continue;
    if (i - runStart >= length) for (let j = runStart; j < i; j++) flag(j);
    runStart = i + 1;
  }
}

export function detectSpecialCauses(values: readonly number[], limits: SegmentLimits): PointFlags[] {
  const n = values.length;
  const flags: PointFlags[] = values.map((v) => ({
    rules: [],
    side: sideOf(v, limits.mean),
    trend: null,
    inTwoTrends: false,
  }));
  const at = (i: number) => flags[i] as PointFlags;
  const value = (i: number) => values[i] as number;

  // Rule 1: outside the process limits (a point exactly on a limit is inside).
  const { upperLimit, lowerLimit, upperNear, lowerNear } = limits;
  if (upperLimit !== null && lowerLimit !== null) {
    for (let i = 0; i < n; i++) {
      if (sideOf(value(i), upperLimit) > 0 || sideOf(value(i), lowerLimit) < 0) at(i).rules.push('outside-limits');
    }
  }

  // Rule 2: a shift — 7+ consecutive points on one side; a point on the mean breaks the run.
  for (const side of [1, -1] as const) {
    flagRuns(
      n,
      SHIFT_LENGTH,
      (i) => at(i).side === side,
      (i) => at(i).rules.push('shift'),
    );
  }

  // Rule 3: a trend — 7+ consecutive points each strictly above (below) the one before; a repeat
  // breaks it. A run of k points has k − 1 steps, so "run of 7 points" = 6 rising steps.
  for (const direction of ['up', 'down'] as const) {
    const rises = (i: number) => (direction === 'up' ? value(i) > value(i - 1) : value(i) < value(i - 1));
    let start = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && rises(i)) continue;
      // Points start..i−1 form a monotone run.
      if (i - start >= TREND_LENGTH) {
        for (let j = start; j < i; j++) {
          const f = at(j);
          if (f.trend === null) {
            f.trend = direction;
            f.rules.push('trend');
          } else if (f.trend !== direction) {
            // A turning point: it ends one trend and starts the other. Keep the earlier trend,
            // which is the one this point ends.
            f.inTwoTrends = true;
            if (j === i - 1) f.trend = direction;
          }
        }
      }
      start = i;
    }
  }
  // Rule 4: two of three consecutive points beyond the near-limit line on the same side
  // (points beyond the process limit count); only the points beyond the line are flagged.
  if (upperNear !== null && lowerNear !== null && n >= 3) {
    const beyond = values.map((v) => (sideOf(v, upperNear) > 0 ? 1 : sideOf(v, lowerNear) < 0 ? -1 : 0));
    const marked = new Array<boolean>(n).fill(false);
    for (let i = 2; i < n; i++) {
      for (const side of [1, -1]) {
        const window = [i - 2, i - 1, i].filter((j) => beyond[j] === side);
        if (window.length >= 2) for (const j of window) marked[j] = true;
      }
    }
    for (let i = 0; i < n; i++) if (marked[i]) at(i).rules.push('two-in-three');
  }

  for (const f of flags) f.rules.sort((a, b) => RULE_ORDER[a] - RULE_ORDER[b]);
  return flags;
}

/** Strongest first: this is also the order in which a point's type is decided. */
export const RULE_ORDER: Record<SpcRule, number> = { 'outside-limits': 0, trend: 1, shift: 2, 'two-in-three': 3 };
