/**
 * Turns a view's filters (a unit, a portfolio, a governance body, "mine", a period) into what the
 * dashboard and the measure list need: the periods to read, the sets of measures each scoping
 * filter covers, and the names to show. One place for every level, so the dashboard's counts and
 * the list behind each of them are worked out the same way.
 */
import { holdsPermission } from '../../kernel/access/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound } from '../../platform/services/errors.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import { listUnits, unitAncestryIn } from '../organisation/index.ts';
import {
  currentReportingPeriod,
  FREQUENCIES,
  hasMalformedId,
  type MeasureFilters,
  parsePeriodKey,
  type Period,
  periodEnd,
  periodKey,
  periodLabel,
  previousPeriod,
  unitsUnder,
  type ViewScope,
} from './domain/index.ts';
import * as scopes from './data/scope.repository.ts';
import { periodsOn, type StatusIndex } from './measure-list.ts';

type UnitRow = Awaited<ReturnType<typeof listUnits>>[number];

/** The quarters the period picker offers: the latest reported and the seven before it. */
export const PICKER_QUARTERS = 8;

export interface PeriodChoice {
  key: string;
  label: string;
}

/** The quarters a person may choose, newest first. */
export function periodChoices(today: string): PeriodChoice[] {
  const choices: PeriodChoice[] = [];
  let quarter = currentReportingPeriod('quarterly', today);
  for (let i = 0; i < PICKER_QUARTERS; i++) {
    choices.push({ key: periodKey(quarter), label: periodLabel(quarter) });
    quarter = previousPeriod(quarter);
  }
  return choices;
}

/**
 * The period each frequency is read for: the latest reported on today, or, for a chosen quarter,
 * the periods reported at its end (its last month, the quarter, its half-year, the year before).
 * A quarter not yet ended is not a choice: it reads as the latest.
 */
export function periodsFor(
  chosen: string | null,
  today: string,
): { periods: Map<string, Period>; chosen: string | null } {
  const parsed = chosen ? parsePeriodKey(chosen) : null;
  if (!parsed?.ok || parsed.value.frequency !== 'quarterly' || periodEnd(parsed.value) > today) {
    return { periods: periodsOn(today), chosen: null };
  }
  const end = periodEnd(parsed.value);
  return {
    periods: new Map(FREQUENCIES.map((frequency) => [frequency, currentReportingPeriod(frequency, end)])),
    chosen,
  };
}

export interface ResolvedScope {
  scope: ViewScope;
  /** The view's name: the unit's, the portfolio's, the body's (null for the council and "mine"). */
  name: string | null;
  /** For a portfolio: its holder. */
  holderName: string | null;
  units: UnitRow[];
  /** Names of the measures' units, by id. */
  unitName: Map<string, string>;
  /**
   * Units the dashboard breaks its counts down by: the unit's own children, the portfolio's
   * units, or null for the directorates (the top-level units) as on the corporate dashboard.
   */
  groupRoots: string[] | null;
  /** Sets of measure ids a measure must be in, one per scoping filter given (measures in units are decided later, from the index). */
  measureSets: Set<string>[];
  /** Units a measure's owning unit must be in, one set per unit or portfolio filter. */
  unitSets: Set<string>[];
}

/** The scope a dashboard is for, from the filters that name it (the first of unit, portfolio, body, mine). */
export function scopeOf(filters: MeasureFilters): ViewScope {
  if (filters.unitId) return { kind: 'unit', id: filters.unitId };
  if (filters.portfolioId) return { kind: 'portfolio', id: filters.portfolioId };
  if (filters.bodyId) return { kind: 'body', id: filters.bodyId };
  if (filters.mine) return { kind: 'mine' };
  return { kind: 'council' };
}

/**
 * Resolves every scoping filter given. Another council's unit, portfolio or body is not found; a
 * unit view needs the right to see plans at that unit (or above); everyone may see their own.
 */
export async function resolveScope(db: Db, caller: Caller, filters: MeasureFilters): Promise<Result<ResolvedScope>> {
  if (!holdsPermission(caller, 'view:plans')) return forbidden('You cannot see the performance views');
  if (hasMalformedId(filters)) return notFound('unitPortfolioOrBody');
  const organisationId = caller.organisationId;
  const units = await listUnits(db, organisationId);
  const resolved: ResolvedScope = {
    scope: scopeOf(filters),
    name: null,
    holderName: null,
    units,
    unitName: new Map(units.map((u) => [u.id, u.name])),
    groupRoots: null,
    measureSets: [],
    unitSets: [],
  };
  const scope = resolved.scope;
  if (filters.unitId) {
    const unit = units.find((u) => u.id === filters.unitId);
    if (!unit) return notFound('unit');
    if (!(await createAccessPolicy(unitAncestryIn(db)).can(caller, 'view:plans', { unitId: unit.id }))) {
      return forbidden(`You cannot see the performance of ${unit.name}`);
    }
    resolved.unitSets.push(filters.ownUnitOnly ? new Set([unit.id]) : unitsUnder(units, [unit.id]));
    if (scope.kind === 'unit') {
      resolved.name = unit.name;
      resolved.groupRoots = [unit.id, ...units.filter((u) => u.parentId === unit.id).map((u) => u.id)];
    }
  }
  if (filters.portfolioId) {
    const portfolio = await scopes.findPortfolioScope(db, organisationId, filters.portfolioId);
    if (!portfolio) return notFound('portfolio');
    resolved.unitSets.push(unitsUnder(units, portfolio.unitIds));
    if (scope.kind === 'portfolio') {
      resolved.name = portfolio.name;
      resolved.holderName = portfolio.holderName;
      resolved.groupRoots = portfolio.unitIds;
    }
  }
  if (filters.bodyId) {
    const body = await scopes.findBodyScope(db, organisationId, filters.bodyId);
    if (!body) return notFound('governanceBody');
    resolved.measureSets.push(await scopes.bodyRemitMeasureIds(db, organisationId, body.id));
    if (scope.kind === 'body') resolved.name = body.name;
  }
  if (filters.mine) resolved.measureSets.push(await scopes.myMeasureIds(db, organisationId, caller.personId));
  return ok(resolved);
}

/** The measure-id sets a measure of the index must be in, the unit filters turned into measures. */
export function withinSets(resolved: ResolvedScope, index: StatusIndex): Set<string>[] {
  const fromUnits = resolved.unitSets.map((unitIds) => {
    const ids = new Set<string>();
    for (const measure of index.measures.values()) {
      if (measure.ownerUnitId && unitIds.has(measure.ownerUnitId)) ids.add(measure.id);
    }
    return ids;
  });
  return [...fromUnits, ...resolved.measureSets];
}

/**
 * The dashboard's breakdown: each measure's group (a unit of `groupRoots`, or its directorate),
 * by the unit that owns it. A unit view's own unit counts only the measures it owns directly.
 */
export function groupOfUnit(units: readonly UnitRow[], groupRoots: readonly string[]): Map<string, string> {
  const groupOf = new Map<string, string>();
  const roots = new Set(groupRoots);
  for (const root of groupRoots) {
    // The view's own unit (a root whose children are roots too) keeps only its own measures.
    const below = units.some((u) => u.parentId === root && roots.has(u.id))
      ? new Set([root])
      : unitsUnder(units, [root]);
    for (const id of below) if (!groupOf.has(id)) groupOf.set(id, root);
  }
  return groupOf;
}
