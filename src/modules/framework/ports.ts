import type { Db } from '../../platform/db/db.ts';

/**
 * A port this module owns and the plans module fills: how the plans use a plan type, so the
 * framework can refuse a change that would strand them (the plans come after the framework).
 */
export interface PlanTypeUsage {
  /** Items of each of these item types held by plans of this plan type (types not in use are left out). */
  itemTypesInUse(
    tx: Db,
    organisationId: string,
    planTypeId: string,
    itemTypeIds: readonly string[],
  ): Promise<{ itemTypeId: string; items: number }[]>;
  /** Plans of this plan type going through approval now. */
  plansInApproval(tx: Db, organisationId: string, planTypeId: string): Promise<number>;
}
