/**
 * The current plans of a type (by its key) whose period starts between two dates: the planning
 * timetable of the modules after this one tracks each year's directorate plans against their
 * outline and approval dates. A superseded or archived version is not the plan any more. Reads only.
 */
import { and, asc, eq, gte, lte, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { planTypes } from '../../framework/index.ts';
import { plans } from './plans.schema.ts';

const startingRow = z.object({
  id: z.string(),
  title: z.string(),
  periodStart: z.string(),
  status: z.enum(['draft', 'submitted', 'in-approval', 'approved']),
});
export type PlanStarting = z.infer<typeof startingRow>;

export async function plansStarting(
  db: Db,
  organisationId: string,
  planTypeKey: string,
  window: { from: string; to: string },
): Promise<PlanStarting[]> {
  const rows = await db
    .select({ id: plans.id, title: plans.title, periodStart: plans.periodStart, status: plans.status })
    .from(plans)
    .innerJoin(planTypes, eq(planTypes.id, plans.planTypeId))
    .where(
      and(
        eq(plans.organisationId, organisationId),
        eq(planTypes.organisationId, organisationId),
        eq(planTypes.key, planTypeKey),
        gte(plans.periodStart, window.from),
        lte(plans.periodStart, window.to),
        notInArray(plans.status, ['superseded', 'archived']),
      ),
    )
    .orderBy(asc(plans.periodStart), asc(plans.title));
  return rows.map((row) => startingRow.parse(row));
}
