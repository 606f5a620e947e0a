/**
 * Who may read and change the items of a plan, shared by the items service's use cases: readers
 * (partners only for shared items, individual plans only for those who may read them) and editors
 * (edit:plans at the plan's unit, and the plan still a draft).
 */
import { ok, type Result } from '../../kernel/result.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import { appraisalGate } from './appraisal-access.ts';
import * as itemsRepo from './data/items.repository.ts';
import * as plansRepo from './data/plans.repository.ts';
import { frozenPlanMessage, type FrozenChange, type FrozenThings } from './domain/item.ts';
import { phraseText } from '../../kernel/phrase.ts';

type PlanForItems = itemsRepo.PlanForItems;

/** Readers: anyone signed in to the organisation; partners only for the items shared with them. */
export async function visibleItem(tx: Db, caller: Caller, id: string): Promise<itemsRepo.ItemRow | undefined> {
  const item = await itemsRepo.findItem(tx, caller.organisationId, id);
  if (!item) return undefined;
  if (caller.partnerId !== null && !(await itemsRepo.isSharedWith(tx, id, caller.partnerId))) return undefined;
  if (!(await readablePlan(tx, caller, item.planId))) return undefined;
  return item;
}

/** The plan, unless it is someone's individual plan the caller may not read (appraisals are private). */
export async function readablePlan(tx: Db, caller: Caller, planId: string): Promise<PlanForItems | undefined> {
  const plan = await itemsRepo.findPlanForItems(tx, caller.organisationId, planId);
  if (!plan) return undefined;
  return (await appraisalGate(tx, caller).mayRead(plan)) ? plan : undefined;
}

/** Of these plans, the ones the caller may read. */
export async function readablePlanIds(tx: Db, caller: Caller, planIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(planIds)];
  const rows = await plansRepo.listPlans(tx, caller.organisationId, { ids });
  return new Set((await appraisalGate(tx, caller).readable(rows)).map((row) => row.id));
}

export async function mayEditAt(tx: Db, caller: Caller, plan: PlanForItems): Promise<boolean> {
  if (caller.partnerId !== null) return false;
  return createAccessPolicy(unitAncestryIn(tx)).can(caller, 'edit:plans', { unitId: plan.owningUnitId });
}

/** The plan must exist, the caller must edit plans at its unit, and it must still be a draft. */
export async function editablePlan(
  tx: Db,
  caller: Caller,
  planId: string,
  what: FrozenThings,
  change: FrozenChange,
): Promise<Result<PlanForItems>> {
  await itemsRepo.lockPlan(tx, caller.organisationId, planId);
  const plan = await readablePlan(tx, caller, planId);
  if (!plan) return notFound('plan');
  if (!(await mayEditAt(tx, caller, plan))) {
    return forbidden(phraseText('planRefusals.mayNotChangeItems'));
  }
  const frozen = frozenPlanMessage(plan.status, what, change);
  if (frozen) return refuse('invalid_state', frozen);
  return ok(plan);
}
