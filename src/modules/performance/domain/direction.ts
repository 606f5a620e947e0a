/**
 * Direction of travel: has performance improved, worsened or not changed significantly since a
 * comparison period (the previous period, or the same period last year)?
 *
 * Values are compared as shown (rounded to the measure's decimals). A change no larger than the
 * tolerance is "no significant change" — a change exactly equal to the tolerance included.
 */
import { formatDifference, formatValue, roundAsShown } from '../../../kernel/measurement/format.ts';
import { periodLabel, previousPeriod, samePeriodLastYear, UK_FINANCIAL_YEAR } from '../../../kernel/measurement/periods.ts';
import type { FinancialYearConfig, Period } from '../../../kernel/measurement/periods.ts';
import type { PointIndex } from '../../../kernel/measurement/series.ts';
import type { Direction, Polarity, Target, ValueFormat } from '../../../kernel/measurement/types.ts';

/** The smallest change that counts: an amount in the measure's unit, or a percentage of the comparison value. */
export type ChangeTolerance = { kind: 'absolute'; amount: number } | { kind: 'percentage'; percent: number };

export const NO_TOLERANCE: ChangeTolerance = { kind: 'absolute', amount: 0 };

export interface DirectionInput {
  current: number | null;
  comparison: number | null;
  polarity: Polarity;
  format: ValueFormat;
  tolerance?: ChangeTolerance;
  /** Needed for 'within-range': closer to the range is better. */
  target?: Target | null;
  /** Names the comparison in the words, e.g. 'May 2025'. */
  comparisonLabel?: string;
}

export interface DirectionResult {
  direction: Direction;
  /** Which way the value moved, whatever its polarity; null when not computable. */
  movement: 'up' | 'down' | 'same' | null;
  /** current − comparison (as shown), or null. */
  change: number | null;
  reason: string;
}

/** How far outside the range a value is (0 inside). */
function distanceFromRange(value: number, lower: number, upper: number): number {
  if (value < lower) return lower - value;
  if (value > upper) return value - upper;
  return 0;
}

/** A change counts only when strictly larger than the tolerance (allowing for binary rounding). */
function exceeds(size: number, allowed: number): boolean {
  return size > allowed + 1e-9 * Math.max(1, Math.abs(allowed));
}

export function calculateDirection(input: DirectionInput): DirectionResult {
  const { polarity, format } = input;
  const tolerance = input.tolerance ?? NO_TOLERANCE;
  const show = (v: number) => formatValue(v, format.unit, format.decimals);
  const diff = (v: number) => formatDifference(v, format.unit, format.decimals);
  const inWhat = input.comparisonLabel ? ` in ${input.comparisonLabel}` : '';

  if (input.current === null || input.comparison === null) {
    const which = input.current === null ? 'this period' : (input.comparisonLabel ?? 'the comparison period');
    return {
      direction: 'not-comparable',
      movement: null,
      change: null,
      reason: `Not comparable: no data for ${which}`,
    };
  }
  const current = roundAsShown(input.current, format.decimals);
  const comparison = roundAsShown(input.comparison, format.decimals);
  const change = roundAsShown(current - comparison, format.decimals + 2);
  const movement = change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  const allowed = tolerance.kind === 'absolute' ? tolerance.amount : (Math.abs(comparison) * tolerance.percent) / 100;
  const compared = `${show(current)} compared with ${show(comparison)}${inWhat}`;
  const moved = movement === 'same' ? 'no change' : `${movement} ${diff(change)}`;

  // Within the tolerance, nothing has changed whatever the polarity.
  if (!exceeds(Math.abs(change), allowed)) {
    const within = movement === 'same' || allowed === 0 ? '' : `, within the tolerance of ${diff(allowed)}`;
    return {
      direction: 'no-significant-change',
      movement,
      change,
      reason: `No significant change: ${compared} (${moved}${within})`,
    };
  }

  let better: boolean;
  switch (polarity) {
    case 'none':
      return {
        direction: 'not-comparable',
        movement,
        change,
        reason: `Not comparable: ${compared} (${moved}); the measure has no preferred direction`,
      };
    case 'higher-is-better':
      better = change > 0;
      break;
    case 'lower-is-better':
      better = change < 0;
      break;
    case 'within-range': {
      const target = input.target;
      if (!target || target.kind !== 'range') {
        return {
          direction: 'not-comparable',
          movement,
          change,
          reason: `Not comparable: ${compared} (${moved}); no target range to judge against`,
        };
      }
      const before = roundAsShown(distanceFromRange(comparison, target.lower, target.upper), format.decimals + 2);
      const after = roundAsShown(distanceFromRange(current, target.lower, target.upper), format.decimals + 2);
      if (!exceeds(Math.abs(after - before), allowed)) {
        // Both inside the range, or about as far from it as before (perhaps on the other side).
        return {
          direction: 'no-significant-change',
          movement,
          change,
          reason: `No significant change: ${compared} (${moved}); no closer to the target range`,
        };
      }
      better = after < before;
      break;
    }
  }
  return {
    direction: better ? 'improving' : 'worsening',
    movement,
    change,
    reason: `${better ? 'Improving' : 'Worsening'}: ${compared} (${moved})`,
  };
}

export interface DirectionsForPeriod {
  previous: DirectionResult;
  samePeriodLastYear: DirectionResult;
}

/** Direction of travel against the previous period and against the same period last year. */
export function calculateDirectionsForPeriod(
  index: PointIndex,
  period: Period,
  options: Omit<DirectionInput, 'current' | 'comparison' | 'comparisonLabel'> & { fy?: FinancialYearConfig },
): DirectionsForPeriod {
  const fy = options.fy ?? UK_FINANCIAL_YEAR;
  const current = index.valueOf(period);
  const against = (other: Period): DirectionResult =>
    calculateDirection({
      current,
      comparison: index.valueOf(other),
      polarity: options.polarity,
      format: options.format,
      tolerance: options.tolerance,
      target: options.target,
      comparisonLabel: periodLabel(other, fy),
    });
  return { previous: against(previousPeriod(period)), samePeriodLastYear: against(samePeriodLastYear(period)) };
}
