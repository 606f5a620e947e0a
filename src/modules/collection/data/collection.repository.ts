/**
 * Reads for data collection: the organisation's collection rule, the measures a person enters
 * data for, a unit's measures for the grid, the values and workflow events of a few periods, and
 * the reminder job's bookkeeping. Every query filters on the organisation.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { DEFAULT_COLLECTION_RULE, type CollectionRule } from '../domain/due-dates.ts';
import type { Db } from '../../../platform/db/db.ts';
import type { Frequency, ValueStatus } from '../../../kernel/measurement/vocabulary.ts';
import {
  collectionRules,
  measureAssignees,
  measureBreakdowns,
  measures,
  measureTargets,
  measureValueEvents,
  measureValues,
  nonWorkingDays,
  remindersSent,
} from '../../measures/index.ts';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { people } from '../../organisation/index.ts';
import { signOffSettingsOf, type SignOffSettings } from './sign-off.repository.ts';

export type MeasureRow = typeof measures.$inferSelect;
export type ValueRow = typeof measureValues.$inferSelect;
export type ValueEventRow = typeof measureValueEvents.$inferSelect;

/** The organisation's rule (defaults when it has none), with its local closures. */
export async function collectionRuleFor(db: Db, organisationId: string): Promise<CollectionRule> {
  const [rule] = await db.select().from(collectionRules).where(eq(collectionRules.organisationId, organisationId));
  const closed = await db
    .select({ day: nonWorkingDays.day })
    .from(nonWorkingDays)
    .where(eq(nonWorkingDays.organisationId, organisationId));
  return collectionRuleOf(
    rule,
    closed.map((row) => row.day),
  );
}

/**
 * The collection rule and the sign-off settings, both kept in the council's collection rule row,
 * with its closures, in one read (the entry page needs all three; apart they were three queries).
 */
export async function collectionSettingsFor(
  db: Db,
  organisationId: string,
): Promise<{ rule: CollectionRule; signOff: SignOffSettings }> {
  const [row] = await db
    .select({
      rule: collectionRules,
      closed: sql<string[] | null>`(select array_agg(d.day::text) from ${nonWorkingDays} d
        where d.organisation_id = ${organisationId})`,
    })
    .from(organisations)
    .leftJoin(collectionRules, eq(collectionRules.organisationId, organisations.id))
    .where(eq(organisations.id, organisationId));
  const rule = row?.rule ?? undefined;
  return { rule: collectionRuleOf(rule, row?.closed ?? []), signOff: signOffSettingsOf(rule) };
}

function collectionRuleOf(
  rule: typeof collectionRules.$inferSelect | undefined,
  closedDays: readonly string[],
): CollectionRule {
  return {
    workingDaysAfterPeriodEnd: rule?.workingDaysAfterPeriodEnd ?? DEFAULT_COLLECTION_RULE.workingDaysAfterPeriodEnd,
    reminderDaysBefore: rule?.reminderWorkingDaysBefore ?? DEFAULT_COLLECTION_RULE.reminderDaysBefore,
    escalateToOwnerAfter: rule?.escalateToOwnerAfterDays ?? DEFAULT_COLLECTION_RULE.escalateToOwnerAfter,
    escalateToManagerAfter: rule?.escalateToManagerAfterDays ?? DEFAULT_COLLECTION_RULE.escalateToManagerAfter,
    closedDays: new Set(closedDays),
  };
}

/** Active measures the person owns or is assigned to enter data for. */
export async function measuresForPerson(db: Db, organisationId: string, personId: string): Promise<MeasureRow[]> {
  return db
    .select()
    .from(measures)
    .where(
      and(
        eq(measures.organisationId, organisationId),
        eq(measures.status, 'active'),
        or(
          eq(measures.ownerPersonId, personId),
          sql`exists (select 1 from ${measureAssignees} a where a.measure_id = ${measures.id}
            and a.organisation_id = ${organisationId} and a.person_id = ${personId})`,
        ),
      ),
    )
    .orderBy(asc(measures.code));
}

/** Active measures owned by these units (the grid). */
export async function measuresOfUnits(db: Db, organisationId: string, unitIds: string[]): Promise<MeasureRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(measures)
    .where(
      and(
        eq(measures.organisationId, organisationId),
        eq(measures.status, 'active'),
        inArray(measures.ownerUnitId, unitIds),
      ),
    )
    .orderBy(asc(measures.code));
}

/** Every active measure of the organisation (the reminder job). */
export async function activeMeasures(db: Db, organisationId: string): Promise<MeasureRow[]> {
  return db
    .select()
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.status, 'active')))
    .orderBy(asc(measures.code));
}

/** The whole-measure values (or one breakdown category's) of these measures for these periods. */
export async function valuesFor(
  db: Db,
  organisationId: string,
  measureIds: string[],
  periodKeys: string[],
  breakdownId: string | null = null,
): Promise<ValueRow[]> {
  if (measureIds.length === 0 || periodKeys.length === 0) return [];
  return db
    .select()
    .from(measureValues)
    .where(
      and(
        eq(measureValues.organisationId, organisationId),
        inArray(measureValues.measureId, measureIds),
        inArray(measureValues.periodKey, periodKeys),
        breakdownId ? eq(measureValues.breakdownId, breakdownId) : isNull(measureValues.breakdownId),
      ),
    );
}

/**
 * The id of the value stored in a slot, when the measure's values come at this frequency and the
 * breakdown category (if any) is the measure's own: what a sign-off form acts on, in one read.
 */
export async function valueIdInSlot(
  db: Db,
  organisationId: string,
  slot: { measureId: string; periodKey: string; frequency: Frequency; breakdownId: string | null },
): Promise<string | null> {
  const [row] = await db
    .select({ id: measureValues.id })
    .from(measureValues)
    .innerJoin(
      measures,
      and(eq(measures.organisationId, measureValues.organisationId), eq(measures.id, measureValues.measureId)),
    )
    .where(
      and(
        eq(measureValues.organisationId, organisationId),
        eq(measureValues.measureId, slot.measureId),
        eq(measureValues.periodKey, slot.periodKey),
        eq(measures.frequency, slot.frequency),
        slot.breakdownId
          ? and(
              eq(measureValues.breakdownId, slot.breakdownId),
              sql`exists (select 1 from ${measureBreakdowns} b where b.organisation_id = ${organisationId}
                and b.id = ${slot.breakdownId} and b.measure_id = ${slot.measureId})`,
            )
          : isNull(measureValues.breakdownId),
      ),
    );
  return row?.id ?? null;
}

/** Values of these measures in a status (returned, submitted…), newest change first. */
export async function valuesInStatus(
  db: Db,
  organisationId: string,
  measureIds: string[],
  statuses: ValueStatus[],
  limit = 50,
): Promise<ValueRow[]> {
  if (measureIds.length === 0) return [];
  return db
    .select()
    .from(measureValues)
    .where(
      and(
        eq(measureValues.organisationId, organisationId),
        inArray(measureValues.measureId, measureIds),
        inArray(measureValues.status, statuses),
      ),
    )
    .orderBy(desc(measureValues.updatedAt))
    .limit(limit);
}

/** The latest event of an action for each value (the reason a value was returned). */
export async function latestEvents(
  db: Db,
  organisationId: string,
  valueIds: string[],
  action: string,
): Promise<ValueEventRow[]> {
  if (valueIds.length === 0) return [];
  const rows = await db
    .select()
    .from(measureValueEvents)
    .where(
      and(
        eq(measureValueEvents.organisationId, organisationId),
        inArray(measureValueEvents.valueId, valueIds),
        eq(measureValueEvents.action, action),
      ),
    )
    .orderBy(desc(measureValueEvents.id));
  const seen = new Set<string>();
  return rows.filter((row) => (seen.has(row.valueId) ? false : (seen.add(row.valueId), true)));
}

/** The history of one value slot (measure, period, breakdown), newest first, with who acted. */
export async function eventsForSlot(
  db: Db,
  organisationId: string,
  measureId: string,
  periodKey: string,
  breakdownId: string | null,
) {
  return db
    .select({ event: measureValueEvents, actorName: people.name })
    .from(measureValueEvents)
    .leftJoin(people, eq(people.id, measureValueEvents.actorPersonId))
    .where(
      and(
        eq(measureValueEvents.organisationId, organisationId),
        eq(measureValueEvents.measureId, measureId),
        eq(measureValueEvents.periodKey, periodKey),
        breakdownId ? eq(measureValueEvents.breakdownId, breakdownId) : isNull(measureValueEvents.breakdownId),
      ),
    )
    .orderBy(desc(measureValueEvents.at), desc(measureValueEvents.id));
}

/** Every target version of these measures (the grid and My data show the target that applies). */
export async function targetsOf(db: Db, organisationId: string, measureIds: string[]) {
  if (measureIds.length === 0) return [];
  return db
    .select()
    .from(measureTargets)
    .where(and(eq(measureTargets.organisationId, organisationId), inArray(measureTargets.measureId, measureIds)));
}

// --- reminders ------------------------------------------------------------------------------------

export interface Recipient {
  id: string;
  name: string;
  email: string;
  status: string;
  lineManagerId: string | null;
}

export async function assigneesOf(db: Db, organisationId: string, measureIds: string[]) {
  if (measureIds.length === 0) return [];
  return db
    .select({ measureId: measureAssignees.measureId, personId: measureAssignees.personId })
    .from(measureAssignees)
    .where(and(eq(measureAssignees.organisationId, organisationId), inArray(measureAssignees.measureId, measureIds)));
}

export async function peopleOf(db: Db, organisationId: string, ids: string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      status: people.status,
      lineManagerId: people.lineManagerId,
    })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), inArray(people.id, ids)));
}

/** Claims a reminder before sending it: false when it was already sent (or is being sent). */
export async function reserveReminder(
  db: Db,
  values: Pick<typeof remindersSent.$inferInsert, 'organisationId' | 'measureId' | 'periodKey' | 'personId' | 'kind'>,
): Promise<string | null> {
  const rows = await db.insert(remindersSent).values(values).onConflictDoNothing().returning({ id: remindersSent.id });
  return rows[0]?.id ?? null;
}

export async function recordReminderSent(db: Db, organisationId: string, id: string, messageId: string): Promise<void> {
  await db
    .update(remindersSent)
    .set({ messageId })
    .where(and(eq(remindersSent.organisationId, organisationId), eq(remindersSent.id, id)));
}

/** A send that failed gives its claim back, so the next run tries again. */
export async function releaseReminder(db: Db, organisationId: string, id: string): Promise<void> {
  await db.delete(remindersSent).where(and(eq(remindersSent.organisationId, organisationId), eq(remindersSent.id, id)));
}

export async function organisationIds(db: Db): Promise<{ id: string; name: string }[]> {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations);
}
