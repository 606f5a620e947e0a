/**
 * Targets are versioned, never overwritten: "reports show the target that applied at the time".
 *
 * A slot is what a target is for: (breakdown, kind, financial year, period). Each revision of a
 * slot is a new version with the date it applies from (effectiveFrom) and the moment it was set
 * (setAt). The target that applied on a date is the most recently set version whose effectiveFrom
 * is on or before that date: a later revision takes over from its date, and a correction that is
 * back-dated replaces what was there before for the dates it covers. With `knownAt`, versions set
 * after that moment are ignored, so a report can be reproduced exactly as it was shown then.
 */
import { periodEnd, periodKey, type FinancialYearConfig, type Period, UK_FINANCIAL_YEAR } from './periods.ts';
import type { Target } from './types.ts';

export interface TargetVersion {
  id: string;
  /** A TargetKind; typed as text because versions are also read from raw SQL and JSON. */
  kind: string;
  breakdownId: string | null;
  financialYear: string;
  periodKey: string | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  effectiveFrom: string;
  setAt: Date;
  supersededAt: Date | null;
  supersededBy: string | null;
}

export function slotKeyOf(
  version: Pick<TargetVersion, 'breakdownId' | 'kind' | 'financialYear' | 'periodKey'>,
): string {
  return [version.breakdownId ?? '-', version.kind, version.financialYear, version.periodKey ?? '-'].join('|');
}

function laterSet<T extends TargetVersion>(a: T, b: T): T {
  const diff = a.setAt.getTime() - b.setAt.getTime();
  if (diff !== 0) return diff > 0 ? a : b;
  // Set in the same instant (one transaction): the one that supersedes the other wins.
  return b.supersededBy === a.id ? a : b;
}

/** The version of one slot that applied on `on` (ISO date), or null when none had started. */
export function targetAt<T extends TargetVersion>(versions: readonly T[], on: string, knownAt?: Date): T | null {
  let best: T | null = null;
  for (const version of versions) {
    if (version.effectiveFrom > on) continue;
    if (knownAt !== undefined && version.setAt.getTime() > knownAt.getTime()) continue;
    best = best === null ? version : laterSet(version, best);
  }
  return best;
}

/** The engine's Target for a stored version. */
export function asTarget(version: Pick<TargetVersion, 'value' | 'lower' | 'upper'>): Target | null {
  if (version.lower !== null && version.upper !== null)
    return { kind: 'range', lower: version.lower, upper: version.upper };
  if (version.value !== null) return { kind: 'value', value: version.value };
  return null;
}

export interface AppliedTarget<T extends TargetVersion> {
  version: T;
  target: Target;
  /** profile: the period's own target; annual: the year's target. */
  basis: 'profile' | 'annual';
}

/** A measure's target versions grouped by slot, for many period lookups (see targetVersionForPeriod). */
export type TargetIndex<T extends TargetVersion> = Map<string, T[]>;

const indexKey = (kind: string, financialYear: string, periodKey: string | null) =>
  `${kind}|${financialYear}|${periodKey ?? '-'}`;

/** Groups the versions of one breakdown (null = the whole measure) by slot, once. */
export function indexTargetVersions<T extends TargetVersion>(
  versions: readonly T[],
  breakdownId: string | null = null,
): TargetIndex<T> {
  const index: TargetIndex<T> = new Map();
  for (const version of versions) {
    if (version.breakdownId !== breakdownId) continue;
    const key = indexKey(version.kind, version.financialYear, version.periodKey);
    const slot = index.get(key);
    if (slot) slot.push(version);
    else index.set(key, [version]);
  }
  return index;
}

const NO_VERSIONS: never[] = [];

/** targetVersionForPeriod on an index: the same answer, without scanning every version each time. */
export function targetForPeriodIn<T extends TargetVersion>(
  index: TargetIndex<T>,
  period: Period,
  options: {
    knownAt?: Date;
    fy?: FinancialYearConfig;
    /** The period's key, its year's key and its end date, when the caller has them already. */
    known?: { key: string; yearKey: string; endIso: string };
  } = {},
): AppliedTarget<T> | null {
  const known = options.known;
  const on = known?.endIso ?? periodEnd(period, options.fy ?? UK_FINANCIAL_YEAR);
  const year = known?.yearKey ?? periodKey({ frequency: 'annual', fyStartYear: period.fyStartYear, index: 1 });
  const key = known?.key ?? periodKey(period);
  const profiled = targetAt(index.get(indexKey('profile', year, key)) ?? NO_VERSIONS, on, options.knownAt);
  const profiledTarget = profiled ? asTarget(profiled) : null;
  if (profiled && profiledTarget) return { version: profiled, target: profiledTarget, basis: 'profile' };
  const annual = targetAt(index.get(indexKey('annual', year, null)) ?? NO_VERSIONS, on, options.knownAt);
  const annualTarget = annual ? asTarget(annual) : null;
  if (annual && annualTarget) return { version: annual, target: annualTarget, basis: 'annual' };
  return null;
}

/**
 * The target that applied to a period (at its end date): the period's profiled target if there
 * is one, else the annual target of its year. Versions may be of any slots of one measure; only
 * those of the given breakdown (null = the whole measure) are considered.
 */
export function targetVersionForPeriod<T extends TargetVersion>(
  versions: readonly T[],
  period: Period,
  options: { breakdownId?: string | null; knownAt?: Date; fy?: FinancialYearConfig } = {},
): AppliedTarget<T> | null {
  const { breakdownId = null, ...rest } = options;
  return targetForPeriodIn(indexTargetVersions(versions, breakdownId), period, rest);
}

export interface TargetChange<T extends TargetVersion> {
  /** The version before this one in the slot, or null for the first setting. */
  previous: T | null;
  version: T;
}

/**
 * Each slot's versions in the order they were set, each paired with the one it replaced: the
 * material for "changed from 70 to 75 by X on date: reason". Newest slot changes first.
 */
export function targetChanges<T extends TargetVersion>(versions: readonly T[]): TargetChange<T>[] {
  const bySlot = new Map<string, T[]>();
  for (const version of versions) {
    const key = slotKeyOf(version);
    bySlot.set(key, [...(bySlot.get(key) ?? []), version]);
  }
  const changes: TargetChange<T>[] = [];
  for (const slot of bySlot.values()) {
    const ordered = [...slot].sort((a, b) => {
      const diff = a.setAt.getTime() - b.setAt.getTime();
      if (diff !== 0) return diff;
      return a.supersededBy === b.id ? -1 : b.supersededBy === a.id ? 1 : 0;
    });
    ordered.forEach((version, index) => changes.push({ previous: ordered[index - 1] ?? null, version }));
  }
  return changes.sort((a, b) => b.version.setAt.getTime() - a.version.setAt.getTime());
}

/** The current (not superseded) versions, one per slot. */
export function currentTargets<T extends TargetVersion>(versions: readonly T[]): T[] {
  return versions.filter((version) => version.supersededAt === null);
}
