/** The choices a project form offers, all from the caller's council. */
import { and, asc, eq, notInArray } from 'drizzle-orm';
import { planTypes } from '../../framework/index.ts';
import { PRIVATE_PLAN_TYPE_KEYS } from '../../plans/domain/index.ts';
import type { Db } from '../../../platform/db/db.ts';
import { governanceBodies, people, units } from '../../organisation/index.ts';
import { planItems, plans } from '../../plans/index.ts';
import { programmes } from './projects.schema.ts';

export async function formOptions(db: Db, organisationId: string, planId: string | null) {
  const [activePeople, unitRows, bodies, programmeRows, planRows, items] = await Promise.all([
    db
      .select({ id: people.id, name: people.name, jobTitle: people.jobTitle })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), eq(people.status, 'active')))
      .orderBy(asc(people.name)),
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(eq(units.organisationId, organisationId))
      .orderBy(asc(units.name)),
    db
      .select({ id: governanceBodies.id, name: governanceBodies.name })
      .from(governanceBodies)
      .where(eq(governanceBodies.organisationId, organisationId))
      .orderBy(asc(governanceBodies.name)),
    db
      .select({ id: programmes.id, code: programmes.code, title: programmes.title })
      .from(programmes)
      .where(eq(programmes.organisationId, organisationId))
      .orderBy(asc(programmes.code)),
    db
      .select({ id: plans.id, title: plans.title, version: plans.version })
      .from(plans)
      .innerJoin(planTypes, eq(planTypes.id, plans.planTypeId))
      .where(
        and(
          eq(plans.organisationId, organisationId),
          notInArray(plans.status, ['superseded', 'archived']),
          // Individual plans are a person's own objectives, private to them and their managers.
          notInArray(planTypes.key, [...PRIVATE_PLAN_TYPE_KEYS]),
        ),
      )
      .orderBy(asc(plans.title)),
    planId
      ? db
          .select({ id: planItems.id, code: planItems.code, title: planItems.title })
          .from(planItems)
          .innerJoin(plans, eq(plans.id, planItems.planId))
          .innerJoin(planTypes, eq(planTypes.id, plans.planTypeId))
          .where(
            and(
              eq(planItems.organisationId, organisationId),
              eq(planItems.planId, planId),
              notInArray(planTypes.key, [...PRIVATE_PLAN_TYPE_KEYS]),
            ),
          )
          .orderBy(asc(planItems.position), asc(planItems.code))
      : Promise.resolve([]),
  ]);
  return { people: activePeople, units: unitRows, bodies, programmes: programmeRows, plans: planRows, items };
}

export type FormOptions = Awaited<ReturnType<typeof formOptions>>;
