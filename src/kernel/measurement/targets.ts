/**
 * Which target applies to a period, to a year to date, and to the year end. Councils set targets
 * in three ways: one figure for every period (typical of rates and percentages), a figure entered
 * for each period, or a year-end total spread over the year by a profile (typical of counts with
 * a seasonal pattern).
 *
 * Where a target has to be derived (a year-to-date target from period targets), it is derived only
 * when the derivation is unambiguous: a sum adds the period targets, 'latest' takes the last
 * period's target, and any rule takes a target that is the same in every period. Otherwise there
 * is no target, rather than a guess.
 */
import { phraseText } from '../phrase.ts';
import { domainError, fail, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { periodKey, periodsPerYear } from './periods.ts';
import type { Frequency, Period } from './periods.ts';
import type { AggregationRule, Target } from './types.ts';

export type TargetPlan =
  /** The same target every period. */
  | { kind: 'fixed'; target: Target }
  /**
   * Targets keyed by period key ('2025-26-Q2'), entered for each period's own value ('period', the
   * default) or as year-to-date figures ('year-to-date'); yearEnd keyed by year key ('2025-26').
   */
  | {
      kind: 'per-period';
      targets: Readonly<Record<string, Target>>;
      basis?: 'period' | 'year-to-date';
      yearEnd?: Readonly<Record<string, Target>>;
    }
  /**
   * A year-end total per year ('2025-26' → 1200) spread over the periods by relative weights (one
   * per period, e.g. [1,1,1,1] or last year's actuals). For sum measures only.
   */
  | { kind: 'profiled'; yearEnd: Readonly<Record<string, number>>; weights: readonly number[] };

export const valueTarget = (value: number): Target => ({ kind: 'value', value });
export const rangeTarget = (lower: number, upper: number): Target => ({ kind: 'range', lower, upper });

function yearKeyOf(fyStartYear: number): string {
  return periodKey({ frequency: 'annual', fyStartYear, index: 1 });
}

function scaleTarget(target: Target, factor: number): Target {
  return target.kind === 'value'
    ? valueTarget(target.value * factor)
    : rangeTarget(target.lower * factor, target.upper * factor);
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === 'value' && b.kind === 'value') return a.value === b.value;
  if (a.kind === 'range' && b.kind === 'range') return a.lower === b.lower && a.upper === b.upper;
  return false;
}

/** Adds targets of one kind; null if kinds are mixed (a value and a range cannot be added). */
function sumTargets(targets: readonly Target[]): Target | null {
  let value = 0;
  let lower = 0;
  let upper = 0;
  const kinds = new Set(targets.map((t) => t.kind));
  if (kinds.size !== 1) return null;
  for (const t of targets) {
    if (t.kind === 'value') value += t.value;
    else {
      lower += t.lower;
      upper += t.upper;
    }
  }
  return kinds.has('value') ? valueTarget(value) : rangeTarget(lower, upper);
}

/** The target for an aggregate of consecutive periods, from their period targets (see the file comment). */
function combineTargets(periodTargets: readonly (Target | undefined)[], rule: AggregationRule): Target | null {
  if (periodTargets.length === 0 || periodTargets.some((t) => t === undefined)) return null;
  const targets = periodTargets as readonly Target[];
  const last = targets[targets.length - 1] as Target;
  if (rule === 'sum') return sumTargets(targets);
  if (rule === 'latest') return last;
  return targets.every((t) => sameTarget(t, last)) ? last : null;
}

/** Checks a plan once when it is saved, so that lookups can trust it. */
export function validateTargetPlan(plan: TargetPlan, frequency: Frequency, rule: AggregationRule): Result<TargetPlan> {
  const bad = (message: string) => fail(domainError('invalid', message, 'target'));
  const targets: Target[] =
    plan.kind === 'fixed'
      ? [plan.target]
      : plan.kind === 'per-period'
        ? [...Object.values(plan.targets), ...Object.values(plan.yearEnd ?? {})]
        : Object.values(plan.yearEnd).map(valueTarget);
  for (const t of targets) {
    const numbers = t.kind === 'value' ? [t.value] : [t.lower, t.upper];
    if (!numbers.every(Number.isFinite)) return bad(phraseText('targetPlanChecks.notANumber'));
    if (t.kind === 'range' && t.lower > t.upper) {
      return bad(phraseText('targetPlanChecks.rangeBackwards', { lower: t.lower, upper: t.upper }));
    }
  }
  if (plan.kind === 'profiled') {
    if (rule !== 'sum') return bad(phraseText('targetPlanChecks.profiledNeedsSum'));
    const n = periodsPerYear(frequency);
    if (plan.weights.length !== n) {
      return bad(phraseText('targetPlanChecks.weightCount', { frequency, count: n, given: plan.weights.length }));
    }
    if (plan.weights.some((w) => !Number.isFinite(w) || w < 0))
      return bad(phraseText('targetPlanChecks.negativeWeight'));
    if (plan.weights.reduce((a, b) => a + b, 0) <= 0) return bad(phraseText('targetPlanChecks.noWeight'));
  }
  return ok(plan);
}

function profiledShare(weights: readonly number[], from: number, to: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.slice(from, to).reduce((a, b) => a + b, 0) / total;
}

function periodTargetsUpTo(
  plan: TargetPlan & { kind: 'per-period' },
  period: Period,
  count: number,
): (Target | undefined)[] {
  return Array.from(
    { length: count },
    (_, i) => plan.targets[periodKey({ frequency: period.frequency, fyStartYear: period.fyStartYear, index: i + 1 })],
  );
}

/** The target for the period's own value, or null when none is set. */
export function targetForPeriod(plan: TargetPlan | null, period: Period): Target | null {
  if (plan === null) return null;
  switch (plan.kind) {
    case 'fixed':
      return plan.target;
    case 'per-period':
      // Year-to-date figures say nothing certain about a single period.
      return (plan.basis ?? 'period') === 'period' ? (plan.targets[periodKey(period)] ?? null) : null;
    case 'profiled': {
      const yearEnd = plan.yearEnd[yearKeyOf(period.fyStartYear)];
      return yearEnd === undefined
        ? null
        : valueTarget(yearEnd * profiledShare(plan.weights, period.index - 1, period.index));
    }
  }
}

/** The target for the year-to-date value up to and including the period. */
export function yearToDateTarget(plan: TargetPlan | null, period: Period, rule: AggregationRule): Target | null {
  if (plan === null) return null;
  switch (plan.kind) {
    case 'fixed':
      // The same target n times: a sum adds up to n × the target; every other rule keeps it.
      return rule === 'sum' ? scaleTarget(plan.target, period.index) : plan.target;
    case 'per-period':
      return (plan.basis ?? 'period') === 'year-to-date'
        ? (plan.targets[periodKey(period)] ?? null)
        : combineTargets(periodTargetsUpTo(plan, period, period.index), rule);
    case 'profiled': {
      const yearEnd = plan.yearEnd[yearKeyOf(period.fyStartYear)];
      return yearEnd === undefined ? null : valueTarget(yearEnd * profiledShare(plan.weights, 0, period.index));
    }
  }
}

/** The target for the full-year value: as entered where it is entered, otherwise derived. */
export function yearEndTarget(
  plan: TargetPlan | null,
  fyStartYear: number,
  frequency: Frequency,
  rule: AggregationRule,
): Target | null {
  if (plan === null) return null;
  const lastPeriod: Period = { frequency, fyStartYear, index: periodsPerYear(frequency) };
  if (plan.kind === 'per-period') {
    const explicit = plan.yearEnd?.[yearKeyOf(fyStartYear)];
    if (explicit !== undefined) return explicit;
  }
  if (plan.kind === 'profiled') {
    const v = plan.yearEnd[yearKeyOf(fyStartYear)];
    return v === undefined ? null : valueTarget(v);
  }
  return yearToDateTarget(plan, lastPeriod, rule);
}
