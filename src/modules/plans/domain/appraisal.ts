import { holdsRole, type Principal } from '../../../kernel/access/index.ts';

/**
 * Appraisals are private. A plan at the individual level — the default framework's
 * `individual-plan` type: a person's appraisal objectives, development needs and reviews — is read
 * only by:
 * - the person it belongs to (the plan's owner);
 * - their line-management chain: their line manager, that manager's line manager, and so on up
 *   (people's `line_manager_id`);
 * - HR and administrators holding their role over the plan's unit or above it.
 * Everyone else — other staff, performance officers, councillors (cabinet, scrutiny and audit
 * committee members), viewers and partners — learns only how many there are.
 */
export const PRIVATE_PLAN_TYPE_KEYS: readonly string[] = ['individual-plan'];

export function isPrivatePlanType(typeKey: string): boolean {
  return PRIVATE_PLAN_TYPE_KEYS.includes(typeKey);
}

/** What the rule needs to know about one individual plan. */
export interface AppraisalFacts {
  /** The person the plan belongs to (null: nobody's, so only HR and administrators read it). */
  readonly ownerPersonId: string | null;
  /** The owner's line manager, then theirs, up the chain. */
  readonly managersOfOwner: readonly string[];
  /** The plan's owning unit, then each parent up to the root. */
  readonly owningUnitAncestry: readonly string[];
}

export function mayReadAppraisal(caller: Principal, facts: AppraisalFacts): boolean {
  if (caller.kind !== 'person' || caller.partnerId !== null) return false;
  if (facts.ownerPersonId !== null && facts.ownerPersonId === caller.personId) return true;
  if (facts.managersOfOwner.includes(caller.personId)) return true;
  return (
    holdsRole(caller, 'hr', facts.owningUnitAncestry) || holdsRole(caller, 'administrator', facts.owningUnitAncestry)
  );
}

/**
 * The owner's managers, nearest first, from the organisation's "who manages whom" edges. Stops at
 * a loop (which the people rules refuse, but data may predate them).
 */
export function managementChain(personId: string, lineManagerOf: ReadonlyMap<string, string | null>): string[] {
  const chain: string[] = [];
  const seen = new Set([personId]);
  let next = lineManagerOf.get(personId) ?? null;
  while (next !== null && !seen.has(next)) {
    chain.push(next);
    seen.add(next);
    next = lineManagerOf.get(next) ?? null;
  }
  return chain;
}
