/**
 * A target checked against the process that has to meet it (SPC assurance, at the moment the
 * target is set): a target the process limits show it cannot meet, or always meets whatever
 * happens, is accepted but named, so whoever sets it knows what it asks of the process. The
 * comparisons are strict, as the assurance icon's are (spc.md): a target exactly on a limit is
 * hit and miss, so no warning, and a difference of rounding noise (a billionth) is no difference.
 */
import type { Polarity } from './vocabulary.ts';

/** The latest process limits of a measure's official figures, as its SPC chart draws them. */
export interface LatestProcessLimits {
  lower: number;
  upper: number;
  /** Computed from fewer points than firm limits need. */
  trial: boolean;
}

export type TargetFigures = { value: number | null; lower: number | null; upper: number | null };

export const TARGET_WARNING_CODES = ['target-cannot-be-met', 'target-always-met'] as const;
export type TargetWarningCode = (typeof TARGET_WARNING_CODES)[number];

export interface TargetAgainstLimits {
  code: TargetWarningCode;
  /** Which limit the target (or target range) is beyond; 'both' when a range holds both limits. */
  beyond: 'upper' | 'lower' | 'both';
  limits: LatestProcessLimits;
}

/** a is beyond b by more than rounding noise (as the assurance icon compares them). */
function beyond(a: number, b: number): boolean {
  return a > b + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether the process as it runs cannot meet the target, or meets it always; null when hit and miss. */
export function targetAgainstLimits(
  target: TargetFigures,
  polarity: Polarity,
  limits: LatestProcessLimits | null | undefined,
): TargetAgainstLimits | null {
  if (!limits || polarity === 'none') return null;
  const found = (code: TargetWarningCode, beyond: TargetAgainstLimits['beyond']) => ({ code, beyond, limits });
  if (polarity === 'within-range') {
    const { lower, upper } = target;
    if (lower === null || upper === null) return null;
    if (beyond(lower, limits.upper)) return found('target-cannot-be-met', 'upper');
    if (beyond(limits.lower, upper)) return found('target-cannot-be-met', 'lower');
    if (beyond(limits.lower, lower) && beyond(upper, limits.upper)) return found('target-always-met', 'both');
    return null;
  }
  const value = target.value;
  if (value === null) return null;
  const higher = polarity === 'higher-is-better';
  if (beyond(value, limits.upper)) return found(higher ? 'target-cannot-be-met' : 'target-always-met', 'upper');
  if (beyond(limits.lower, value)) return found(higher ? 'target-always-met' : 'target-cannot-be-met', 'lower');
  return null;
}
