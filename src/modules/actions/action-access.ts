/**
 * Who may do what to an action. Reading needs view:plans and is the council's own business
 * (partners see no actions); changing an action needs edit:plans over its plan's unit; the owner
 * and assignees may post progress; the escalation owner decides escalations and approves dates.
 */
import { createAccessPolicy } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { holdsPermission } from '../../kernel/access/index.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import { planReadableBy } from '../plans/index.ts';
import { assigneesOf, type ActionListRow } from './data/actions.repository.ts';

export function mayRead(caller: Caller): boolean {
  return caller.partnerId === null && holdsPermission(caller, 'view:plans');
}

export async function mayEditAt(db: Db, caller: Caller, unitId: string): Promise<boolean> {
  if (caller.partnerId !== null) return false;
  return createAccessPolicy(unitAncestryIn(db)).can(caller, 'edit:plans', { unitId });
}

/** The owner, an assignee, or anyone who may edit the action, may post an update. */
export async function mayUpdate(db: Db, caller: Caller, action: ActionListRow): Promise<boolean> {
  if (!mayRead(caller)) return false;
  if (action.ownerPersonId === caller.personId) return true;
  if ((await assigneesOf(db, [action.id])).some((a) => a.id === caller.personId)) return true;
  return mayEditAt(db, caller, action.planUnitId);
}

/**
 * The plans, of those given, the caller may read: an individual plan (an appraisal) is private, so
 * its actions, and its title in a form, are shown only to those who may read it.
 */
export async function readablePlans(db: Db, caller: Caller, planIds: Iterable<string>): Promise<Set<string>> {
  const unique = [...new Set(planIds)];
  const allowed = await Promise.all(unique.map((id) => planReadableBy(db, caller, id)));
  return new Set(unique.filter((_, i) => allowed[i]));
}
