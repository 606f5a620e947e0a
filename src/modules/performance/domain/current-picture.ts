/**
 * Pure rules behind the council-wide views (dashboard, roll-ups, framework health): the stored
 * target of a status, the directorates a unit belongs to, how far off target a measure is, and
 * which plans are in force.
 */
import type { Target } from '../../../kernel/measurement/types.ts';

/** The target a stored status was judged against (a value, a range, or none). */
export function storedTarget(row: {
  targetValue: number | null;
  targetLower: number | null;
  targetUpper: number | null;
}): Target | null {
  if (row.targetValue !== null) return { kind: 'value', value: row.targetValue };
  if (row.targetLower !== null && row.targetUpper !== null)
    return { kind: 'range', lower: row.targetLower, upper: row.targetUpper };
  return null;
}

export interface UnitNode {
  id: string;
  parentId: string | null;
  name: string;
}

/**
 * Each unit's top-level unit (a child of a root unit), for "per directorate" figures: `tops` are
 * the top-level units, `topOf` maps every unit to its top-level unit (null for a root).
 */
export function topLevelUnits<U extends UnitNode>(
  units: readonly U[],
): { tops: U[]; topOf: Map<string, string | null> } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const roots = new Set(units.filter((u) => u.parentId === null).map((u) => u.id));
  const topOf = new Map<string, string | null>();
  for (const unit of units) {
    let cursor: U | undefined = unit;
    // A guard against a cycle in bad data: a unit tree is never 100 deep.
    let guard = 0;
    while (cursor && cursor.parentId !== null && !roots.has(cursor.parentId) && guard++ < 100)
      cursor = byId.get(cursor.parentId);
    topOf.set(unit.id, cursor && !roots.has(cursor.id) ? cursor.id : null);
  }
  const tops = units.filter((u) => u.parentId !== null && roots.has(u.parentId));
  return { tops, topOf };
}

/** How far a red or amber measure is from its target, relative to the target (for ranking). */
export function shortfall(value: number | null, target: Target | null, polarity: string): number {
  if (value === null || !target) return 0;
  let gap: number;
  let scale: number;
  if (target.kind === 'range') {
    gap = value < target.lower ? target.lower - value : value > target.upper ? value - target.upper : 0;
    scale = Math.max(Math.abs(target.lower), Math.abs(target.upper), 1e-9);
  } else {
    gap = polarity === 'lower-is-better' ? value - target.value : target.value - value;
    scale = Math.max(Math.abs(target.value), 1e-9);
  }
  return gap / scale;
}

export interface PlanInForceFacts {
  status: string;
  periodStart: string;
  periodEnd: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/** An approved plan whose period and effective dates include today. */
export function planInForce(plan: PlanInForceFacts, today: string): boolean {
  if (plan.status !== 'approved') return false;
  if (plan.effectiveFrom && plan.effectiveFrom > today) return false;
  if (plan.effectiveTo && plan.effectiveTo <= today) return false;
  return plan.periodStart <= today && today <= plan.periodEnd;
}

/** The corporate plan: an approved plan in force of type 'corporate-plan', else the highest-level approved plan in force. */
export function corporatePlanOf<P extends PlanInForceFacts & { planTypeKey: string; planTypeLevel: number }>(
  plans: readonly P[],
  today: string,
): P | undefined {
  const inForce = plans.filter((p) => planInForce(p, today));
  return (
    inForce.find((p) => p.planTypeKey === 'corporate-plan') ?? inForce.find((p) => p.planTypeLevel === 2) ?? inForce[0]
  );
}
