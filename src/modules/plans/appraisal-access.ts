import { createAccessPolicy, recordOf, type RecordRule } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import * as appraisalsRepo from './data/appraisals.repository.ts';
import * as plansRepo from './data/plans.repository.ts';
import { type AppraisalFacts, managementChain, mayReadAppraisal } from './domain/index.ts';

/** The record rule guarding individual plans (appraisals), asked through the access policy. */
export const appraisalRule: RecordRule<AppraisalFacts> = (caller, facts) => mayReadAppraisal(caller, facts);

/** What the gate needs of a plan (a plan row or a list row). */
export interface PlanPrivacyFacts {
  readonly planTypeId: string;
  readonly ownerPersonId: string | null;
  readonly owningUnitId: string;
}

export interface AppraisalGate {
  /** Whether the caller may read the plan: always for plans above the individual level. */
  mayRead(plan: PlanPrivacyFacts): Promise<boolean>;
  /** Keeps the plans the caller may read, in order. */
  readable<T extends PlanPrivacyFacts>(plans: readonly T[]): Promise<T[]>;
  /** The plan types whose plans are private. */
  privateTypeIds(): Promise<Set<string>>;
}

/**
 * A gate for one service call (or one transaction): loads the private plan types, and only when an
 * individual plan is met the management chains and units' ancestry, each once.
 */
export function appraisalGate(db: Db, caller: Caller): AppraisalGate {
  const policy = createAccessPolicy(unitAncestryIn(db));
  let typeIds: Promise<Set<string>> | undefined;
  let managers: Promise<Map<string, string | null>> | undefined;
  const privateTypeIds = () => (typeIds ??= appraisalsRepo.privatePlanTypeIds(db, caller.organisationId));

  async function mayRead(plan: PlanPrivacyFacts): Promise<boolean> {
    if (!(await privateTypeIds()).has(plan.planTypeId)) return true;
    managers ??= appraisalsRepo.lineManagers(db, caller.organisationId);
    const facts: AppraisalFacts = {
      ownerPersonId: plan.ownerPersonId,
      managersOfOwner: plan.ownerPersonId ? managementChain(plan.ownerPersonId, await managers) : [],
      owningUnitAncestry: await policy.ancestryOf(caller, plan.owningUnitId),
    };
    return policy.can(caller, 'view:plans', recordOf(appraisalRule, facts));
  }

  return {
    mayRead,
    privateTypeIds,
    async readable(plans) {
      const keep: (typeof plans)[number][] = [];
      for (const plan of plans) if (await mayRead(plan)) keep.push(plan);
      return keep;
    },
  };
}

/** For other modules reading a plan's contents by id (the roll-ups): may the caller read this plan? */
export async function planReadableBy(db: Db, caller: Caller, planId: string): Promise<boolean> {
  const [plan] = await plansRepo.listPlans(db, caller.organisationId, { ids: [planId] });
  return plan !== undefined && (await appraisalGate(db, caller).mayRead(plan));
}
