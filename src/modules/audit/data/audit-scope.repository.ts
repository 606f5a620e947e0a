/**
 * The audit events a unit-scoped reader may see, as a condition on audit_events: the event's
 * subject (entity type and id) must be a record of one of the reader's units. How each kind of
 * subject belongs to a unit:
 *
 * - measure, measure_target, measure-value: the measure's owning unit;
 * - unit: the unit itself; person: the person's unit; role-assignment: the unit it is held over;
 * - plan: the plan's owning unit; plan-item: the item's owning unit, else its plan's.
 *
 * Any other subject (settings, imports, API tokens, partners, portfolios, links…) matches nothing.
 */
import { and, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { auditEvents } from '../../../platform/audit/audit.schema.ts';
import type { Db } from '../../../platform/db/db.ts';
import { measures, measureTargets, measureValues } from '../../measures/index.ts';
import { people, roleAssignments, units } from '../../organisation/index.ts';
import { planItems, plans } from '../../plans/index.ts';

export async function unitTree(db: Db, organisationId: string) {
  return db
    .select({ id: units.id, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, organisationId));
}

export function eventsInUnits(db: Db, organisationId: string, unitIds: readonly string[]): SQL {
  if (unitIds.length === 0) return sql`false`;
  const allowed = [...unitIds];
  const about = (entityType: string, ids: SQLWrapper | string[]) =>
    and(eq(auditEvents.entityType, entityType), inArray(auditEvents.entityId, ids))!;
  const idText = (id: SQLWrapper) => ({ id: sql<string>`${id}::text` });
  const measuresHere = and(eq(measures.organisationId, organisationId), inArray(measures.ownerUnitId, allowed));
  return or(
    about('measure', db.select(idText(measures.id)).from(measures).where(measuresHere)),
    about(
      'measure_target',
      db
        .select(idText(measureTargets.id))
        .from(measureTargets)
        .innerJoin(measures, eq(measures.id, measureTargets.measureId))
        .where(measuresHere),
    ),
    about(
      'measure-value',
      db
        .select(idText(measureValues.id))
        .from(measureValues)
        .innerJoin(measures, eq(measures.id, measureValues.measureId))
        .where(measuresHere),
    ),
    about('unit', allowed),
    about(
      'person',
      db
        .select(idText(people.id))
        .from(people)
        .where(and(eq(people.organisationId, organisationId), inArray(people.unitId, allowed))),
    ),
    about(
      'role-assignment',
      db
        .select(idText(roleAssignments.id))
        .from(roleAssignments)
        .where(and(eq(roleAssignments.organisationId, organisationId), inArray(roleAssignments.unitId, allowed))),
    ),
    about(
      'plan',
      db
        .select(idText(plans.id))
        .from(plans)
        .where(and(eq(plans.organisationId, organisationId), inArray(plans.owningUnitId, allowed))),
    ),
    about(
      'plan-item',
      db
        .select(idText(planItems.id))
        .from(planItems)
        .innerJoin(plans, eq(plans.id, planItems.planId))
        .where(
          and(
            eq(planItems.organisationId, organisationId),
            inArray(sql`coalesce(${planItems.ownerUnitId}, ${plans.owningUnitId})`, allowed),
          ),
        ),
    ),
  )!;
}
