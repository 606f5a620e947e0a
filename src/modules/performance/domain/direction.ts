/**
 * Direction of travel: has performance improved, worsened or not changed significantly since a
 * comparison period (the previous period, or the same period last year)?
 *
 * Values are compared as shown (rounded to the measure's decimals). A change no larger than the
 * tolerance is "no significant change" — a change exactly equal to the tolerance included.
 */
import { formatDifference, formatValue, roundAsShown } from '../../../kernel/measurement/format.ts';
import {
  periodLabel,
  previousPeriod,
  samePeriodLastYear,
  UK_FINANCIAL_YEAR,
} from '../../../kernel/measurement/periods.ts';
import type { FinancialYearConfig, Period } from '../../../kernel/measurement/periods.ts';
import type { PointIndex } from '../../../kernel/measurement/series.ts';
import type { Direction, Polarity, Target, ValueFormat } from '../../../kernel/measurement/types.ts';
import { phrase, type Phrase } from '../../../kernel/phrase.ts';

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

/** A direction of travel with its reason as a phrase (`direction.*` codes; the words are the catalogue's). */
export interface DirectionAssessment {
  direction: Direction;
  /** Which way the value moved, whatever its polarity; null when not computable. */
  movement: 'up' | 'down' | 'same' | null;
  /** current − comparison (as shown), or null. */
  change: number | null;
  reason: Phrase;
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

export function assessDirection(input: DirectionInput): DirectionAssessment {
  const { polarity, format } = input;
  const tolerance = input.tolerance ?? NO_TOLERANCE;
  const show = (v: number) => formatValue(v, format.unit, format.decimals);
  const diff = (v: number) => formatDifference(v, format.unit, format.decimals);
  const label = input.comparisonLabel;

  if (input.current === null || input.comparison === null) {
    const reason =
      input.current === null
        ? phrase('direction.noDataThisPeriod')
        : label
          ? phrase('direction.noDataFor', { period: label })
          : phrase('direction.noDataComparison');
    return { direction: 'not-comparable', movement: null, change: null, reason };
  }
  const current = roundAsShown(input.current, format.decimals);
  const comparison = roundAsShown(input.comparison, format.decimals);
  const change = roundAsShown(current - comparison, format.decimals + 2);
  const movement = change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  const allowed = tolerance.kind === 'absolute' ? tolerance.amount : (Math.abs(comparison) * tolerance.percent) / 100;
  const values = { current: show(current), comparison: show(comparison) };
  const compared = label
    ? phrase('direction.comparedIn', { ...values, period: label })
    : phrase('direction.compared', values);
  const moved =
    movement === 'same' ? phrase('direction.noChange') : phrase(`direction.${movement}`, { change: diff(change) });
  const judged = (direction: Direction, code: string, more: Record<string, string> = {}): DirectionAssessment => ({
    direction,
    movement,
    change,
    reason: phrase(code, { compared, moved, ...more }),
  });

  // Within the tolerance, nothing has changed whatever the polarity.
  if (!exceeds(Math.abs(change), allowed)) {
    return movement === 'same' || allowed === 0
      ? judged('no-significant-change', 'direction.noSignificantChange')
      : judged('no-significant-change', 'direction.noSignificantChangeWithin', { tolerance: diff(allowed) });
  }

  let better: boolean;
  switch (polarity) {
    case 'none':
      return judged('not-comparable', 'direction.noPreferredDirection');
    case 'higher-is-better':
      better = change > 0;
      break;
    case 'lower-is-better':
      better = change < 0;
      break;
    case 'within-range': {
      const target = input.target;
      if (!target || target.kind !== 'range') return judged('not-comparable', 'direction.noTargetRange');
      const before = roundAsShown(distanceFromRange(comparison, target.lower, target.upper), format.decimals + 2);
      const after = roundAsShown(distanceFromRange(current, target.lower, target.upper), format.decimals + 2);
      if (!exceeds(Math.abs(after - before), allowed)) {
        // Both inside the range, or about as far from it as before (perhaps on the other side).
        return judged('no-significant-change', 'direction.noCloserToRange');
      }
      better = after < before;
      break;
    }
  }
  return better ? judged('improving', 'direction.improving') : judged('worsening', 'direction.worsening');
}

export interface DirectionsForPeriod {
  previous: DirectionAssessment;
  samePeriodLastYear: DirectionAssessment;
}

/** Direction of travel against the previous period and against the same period last year. */
export function calculateDirectionsForPeriod(
  index: PointIndex,
  period: Period,
  options: Omit<DirectionInput, 'current' | 'comparison' | 'comparisonLabel'> & { fy?: FinancialYearConfig },
): DirectionsForPeriod {
  const fy = options.fy ?? UK_FINANCIAL_YEAR;
  const current = index.valueOf(period);
  const against = (other: Period): DirectionAssessment =>
    assessDirection({
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
