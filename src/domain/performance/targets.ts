/**
 * Which target applies to a period. Councils set targets in three ways: one figure for every
 * period (typical of rates and percentages), a figure entered for each period, or a year-end
 * figure spread over the year by a profile (typical of counts with a seasonal pattern).
 */
import { domainError, fail, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { periodKey, periodsPerYear } from './periods.ts';
import type { Frequency, Period } from './periods.ts';
import type { AggregationRule, Target } from './types.ts';

export type TargetPlan =
  /** The same target every period. */
  | { kind: 'fixed'; target: Target }
  /** Targets keyed by period key ('2025-26-Q2'); yearEnd keyed by year key ('2025-26'). */
  | {
      kind: 'per-period';
      targets: Readonly<Record<string, Target>>;
      yearEnd?: Readonly<Record<string, Target>>;
    }
  /**
   * A year-end figure per year ('2025-26' → 1200) spread over the periods by relative weights
   * (one weight per period of the year, e.g. [1,1,1,1] or last year's actuals).
   */
  | { kind: 'profiled'; yearEnd: Readonly<Record<string, number>>; weights: readonly number[] };

/**
 * 'period': the target for the period's own value. 'year-to-date': the target for the cumulative
 * value up to and including the period (only a profiled plan differs between the two; fixed and
 * per-period targets are used as entered).
 */
export type TargetBasis = 'period' | 'year-to-date';

export const valueTarget = (value: number): Target => ({ kind: 'value', value });
export const rangeTarget = (lower: number, upper: number): Target => ({ kind: 'range', lower, upper });

function yearKeyOf(fyStartYear: number): string {
  return periodKey({ frequency: 'annual', fyStartYear, index: 1 });
}

function scaleTarget(target: Target, factor: number): Target {
  return target.kind === 'value'
    ? { kind: 'value', value: target.value * factor }
    : { kind: 'range', lower: target.lower * factor, upper: target.upper * factor };
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

/** Checks a plan once when it is saved, so that lookups can trust it. */
export function validateTargetPlan(plan: TargetPlan, frequency: Frequency): Result<TargetPlan> {
  const bad = (message: string) => fail(domainError('invalid', message, 'target'));
  const targets: Target[] =
    plan.kind === 'fixed'
      ? [plan.target]
      : plan.kind === 'per-period'
        ? [...Object.values(plan.targets), ...Object.values(plan.yearEnd ?? {})]
        : Object.values(plan.yearEnd).map(valueTarget);
  for (const t of targets) {
    const numbers = t.kind === 'value' ? [t.value] : [t.lower, t.upper];
    if (!numbers.every(Number.isFinite)) return bad('Every target must be a number');
    if (t.kind === 'range' && t.lower > t.upper) {
      return bad(`A target range must run from the lower to the upper value, not ${t.lower} to ${t.upper}`);
    }
  }
  if (plan.kind === 'profiled') {
    const n = periodsPerYear(frequency);
    if (plan.weights.length !== n) {
      return bad(`A ${frequency} profile needs ${n} weights, one for each period, not ${plan.weights.length}`);
    }
    if (plan.weights.some((w) => !Number.isFinite(w) || w < 0)) return bad('Profile weights cannot be negative');
    if (plan.weights.reduce((a, b) => a + b, 0) <= 0) return bad('At least one profile weight must be above zero');
  }
  return ok(plan);
}

/** The target for a period, or null when none is set. */
export function targetForPeriod(plan: TargetPlan | null, period: Period, basis: TargetBasis = 'period'): Target | null {
  if (plan === null) return null;
  switch (plan.kind) {
    case 'fixed':
      return plan.target;
    case 'per-period':
      return plan.targets[periodKey(period)] ?? null;
    case 'profiled': {
      const yearEnd = plan.yearEnd[yearKeyOf(period.fyStartYear)];
      if (yearEnd === undefined) return null;
      const total = plan.weights.reduce((a, b) => a + b, 0);
      const upTo =
        basis === 'period' ? plan.weights.slice(period.index - 1, period.index) : plan.weights.slice(0, period.index);
      const share = upTo.reduce((a, b) => a + b, 0) / total;
      return valueTarget(yearEnd * share);
    }
  }
}

/**
 * The target for the full-year value. When not entered it is derived only where the derivation
 * is unambiguous: a sum adds the period targets, 'latest' takes the final period's target, and any
 * rule takes a target that is the same in every period. Otherwise null (no guessing).
 */
export function yearEndTarget(
  plan: TargetPlan | null,
  fyStartYear: number,
  frequency: Frequency,
  rule: AggregationRule,
): Target | null {
  if (plan === null) return null;
  const n = periodsPerYear(frequency);
  switch (plan.kind) {
    case 'fixed':
      return rule === 'sum' ? scaleTarget(plan.target, n) : plan.target;
    case 'profiled': {
      const v = plan.yearEnd[yearKeyOf(fyStartYear)];
      return v === undefined ? null : valueTarget(v);
    }
    case 'per-period': {
      const explicit = plan.yearEnd?.[yearKeyOf(fyStartYear)];
      if (explicit !== undefined) return explicit;
      const periodTargets: Target[] = [];
      for (let index = 1; index <= n; index++) {
        const t = plan.targets[periodKey({ frequency, fyStartYear, index })];
        if (t === undefined) return null;
        periodTargets.push(t);
      }
      const last = periodTargets[n - 1];
      if (last === undefined) return null;
      if (rule === 'latest') return last;
      if (rule === 'sum') return sumTargets(periodTargets);
      return periodTargets.every((t) => sameTarget(t, last)) ? last : null;
    }
  }
}
