import { and, countDistinct, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { people } from '../../organisation/index.ts';
import { planTypes } from '../../framework/index.ts';
import { PRIVATE_PLAN_TYPE_KEYS } from '../domain/appraisal.ts';
import { plans } from './plans.schema.ts';

/** The organisation's plan types at the individual level (whose plans are private). */
export async function privatePlanTypeIds(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: planTypes.id })
    .from(planTypes)
    .where(and(eq(planTypes.organisationId, organisationId), inArray(planTypes.key, [...PRIVATE_PLAN_TYPE_KEYS])));
  return new Set(rows.map((row) => row.id));
}

/** Who manages whom, for the whole organisation. */
export async function lineManagers(db: Db, organisationId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ id: people.id, lineManagerId: people.lineManagerId })
    .from(people)
    .where(eq(people.organisationId, organisationId));
  return new Map(rows.map((row) => [row.id, row.lineManagerId]));
}

/** How many people have an approved individual plan (the count everyone may know). */
export async function peopleWithApprovedPrivatePlan(
  db: Db,
  organisationId: string,
  typeIds: string[],
): Promise<number> {
  if (typeIds.length === 0) return 0;
  const [row] = await db
    .select({ count: countDistinct(plans.ownerPersonId) })
    .from(plans)
    .where(
      and(
        eq(plans.organisationId, organisationId),
        inArray(plans.planTypeId, typeIds),
        eq(plans.status, 'approved'),
        isNotNull(plans.ownerPersonId),
      ),
    );
  return Number(row?.count ?? 0);
}
