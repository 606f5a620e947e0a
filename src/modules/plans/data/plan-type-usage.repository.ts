import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import type { PlanTypeUsage } from '../../framework/index.ts';
import { planItems, plans } from './plans.schema.ts';

const IN_FLIGHT = ['submitted', 'in-approval'] as const;

/** How plans use a plan type: fills the framework's port. */
export const planTypeUsage: PlanTypeUsage = {
  async itemTypesInUse(tx: Db, organisationId: string, planTypeId: string, itemTypeIds: readonly string[]) {
    if (itemTypeIds.length === 0) return [];
    const rows = await tx
      .select({ itemTypeId: planItems.itemTypeId, items: count() })
      .from(planItems)
      .innerJoin(plans, eq(plans.id, planItems.planId))
      .where(
        and(
          eq(planItems.organisationId, organisationId),
          eq(plans.organisationId, organisationId),
          eq(plans.planTypeId, planTypeId),
          inArray(planItems.itemTypeId, [...itemTypeIds]),
        ),
      )
      .groupBy(planItems.itemTypeId);
    return rows.map((row) => ({ itemTypeId: row.itemTypeId, items: Number(row.items) }));
  },

  async plansInApproval(tx: Db, organisationId: string, planTypeId: string) {
    const [row] = await tx
      .select({ plans: count() })
      .from(plans)
      .where(
        and(
          eq(plans.organisationId, organisationId),
          eq(plans.planTypeId, planTypeId),
          inArray(plans.status, IN_FLIGHT),
        ),
      );
    return Number(row?.plans ?? 0);
  },
};
