/** SQL for actions: reads joined with names, and the writes the service makes inside its transaction. */
import { aliasedTable, and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { people } from '../../organisation/index.ts';
import { planItems, plans } from '../../plans/index.ts';
import { measures } from '../../measures/index.ts';
import {
  actionAssignees,
  actionEvents,
  actionItemLinks,
  actionMeasureLinks,
  actionMilestones,
  actions,
  actionUpdates,
  deliverySettings,
} from './actions.schema.ts';

export type ActionRow = typeof actions.$inferSelect;

const owner = aliasedTable(people, 'owner');
const escalationOwner = aliasedTable(people, 'escalation_owner');

/** An action with the names a list or page shows. */
export interface ActionListRow extends ActionRow {
  ownerName: string;
  escalationOwnerName: string;
  escalationOwnerActive: boolean;
  planTitle: string;
  planUnitId: string;
}

const listColumns = {
  action: actions,
  ownerName: owner.name,
  escalationOwnerName: escalationOwner.name,
  escalationOwnerStatus: escalationOwner.status,
  planTitle: plans.title,
  planUnitId: plans.owningUnitId,
};

type Joined = {
  action: ActionRow;
  ownerName: string;
  escalationOwnerName: string;
  escalationOwnerStatus: string;
  planTitle: string;
  planUnitId: string;
};

const flatten = (row: Joined): ActionListRow => ({
  ...row.action,
  ownerName: row.ownerName,
  escalationOwnerName: row.escalationOwnerName,
  escalationOwnerActive: row.escalationOwnerStatus === 'active',
  planTitle: row.planTitle,
  planUnitId: row.planUnitId,
});

function joined(db: Db) {
  return db
    .select(listColumns)
    .from(actions)
    .innerJoin(owner, eq(owner.id, actions.ownerPersonId))
    .innerJoin(escalationOwner, eq(escalationOwner.id, actions.escalationOwnerPersonId))
    .innerJoin(plans, eq(plans.id, actions.planId));
}

export interface ListFilter {
  ownerPersonId?: string | null;
  unitIds?: readonly string[] | null;
  planId?: string | null;
  /** Actions contributing to this measure. */
  measureId?: string | null;
  /** Owner, assignee or escalation owner. */
  involvingPersonId?: string | null;
}

export async function listActions(db: Db, organisationId: string, filter: ListFilter = {}): Promise<ActionListRow[]> {
  const conditions = [eq(actions.organisationId, organisationId)];
  if (filter.ownerPersonId) conditions.push(eq(actions.ownerPersonId, filter.ownerPersonId));
  if (filter.planId) conditions.push(eq(actions.planId, filter.planId));
  if (filter.measureId) {
    conditions.push(
      sql`exists (select 1 from action_measure_links ml where ml.action_id = ${actions.id} and ml.measure_id = ${filter.measureId})`,
    );
  }
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return [];
    conditions.push(inArray(plans.owningUnitId, [...filter.unitIds]));
  }
  if (filter.involvingPersonId) {
    const person = filter.involvingPersonId;
    conditions.push(
      or(
        eq(actions.ownerPersonId, person),
        eq(actions.escalationOwnerPersonId, person),
        sql`exists (select 1 from action_assignees aa where aa.action_id = ${actions.id} and aa.person_id = ${person})`,
      )!,
    );
  }
  const rows = await joined(db)
    .where(and(...conditions))
    .orderBy(asc(actions.code));
  return rows.map(flatten);
}

export async function findAction(db: Db, organisationId: string, id: string): Promise<ActionListRow | null> {
  const [row] = await joined(db).where(and(eq(actions.organisationId, organisationId), eq(actions.id, id)));
  return row ? flatten(row) : null;
}

export async function findActionByCode(db: Db, organisationId: string, code: string): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.organisationId, organisationId), sql`lower(${actions.code}) = lower(${code})`));
  return row ?? null;
}

/** Locks the action's row for the rest of the transaction (two updates never interleave). */
export async function lockAction(tx: Db, organisationId: string, id: string): Promise<ActionRow | null> {
  const [row] = await tx
    .select()
    .from(actions)
    .where(and(eq(actions.organisationId, organisationId), eq(actions.id, id)))
    .for('update');
  return row ?? null;
}

export async function insertAction(tx: Db, values: typeof actions.$inferInsert): Promise<ActionRow> {
  const [row] = await tx.insert(actions).values(values).returning();
  return row!;
}

export async function updateAction(
  tx: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof actions.$inferInsert>,
): Promise<void> {
  await tx
    .update(actions)
    .set({ ...values, updatedAt: sql`now()`, rowVersion: sql`${actions.rowVersion} + 1` })
    .where(and(eq(actions.organisationId, organisationId), eq(actions.id, id)));
}

/** Replaces the action's assignees and links with the given lists. */
export async function replaceLinks(
  tx: Db,
  organisationId: string,
  actionId: string,
  links: { assigneeIds: readonly string[]; itemIds: readonly string[]; measureIds: readonly string[] },
): Promise<void> {
  await tx.delete(actionAssignees).where(eq(actionAssignees.actionId, actionId));
  await tx.delete(actionItemLinks).where(eq(actionItemLinks.actionId, actionId));
  await tx.delete(actionMeasureLinks).where(eq(actionMeasureLinks.actionId, actionId));
  const base = { organisationId, actionId };
  if (links.assigneeIds.length)
    await tx.insert(actionAssignees).values([...new Set(links.assigneeIds)].map((personId) => ({ ...base, personId })));
  if (links.itemIds.length)
    await tx.insert(actionItemLinks).values([...new Set(links.itemIds)].map((itemId) => ({ ...base, itemId })));
  if (links.measureIds.length)
    await tx
      .insert(actionMeasureLinks)
      .values([...new Set(links.measureIds)].map((measureId) => ({ ...base, measureId })));
}

/** How many of the ids are people of the council; `activeOnly` counts only those who have not left. */
export async function countPeople(db: Db, organisationId: string, ids: readonly string[], activeOnly = false) {
  if (ids.length === 0) return 0;
  const conditions = [eq(people.organisationId, organisationId), inArray(people.id, [...new Set(ids)])];
  if (activeOnly) conditions.push(eq(people.status, 'active'));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(...conditions));
  return Number(row?.n ?? 0);
}

export async function findPerson(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, email: people.email, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return row ?? null;
}

export async function countItems(db: Db, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(planItems)
    .where(and(eq(planItems.organisationId, organisationId), inArray(planItems.id, [...new Set(ids)])));
  return Number(row?.n ?? 0);
}

export async function countMeasures(db: Db, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), inArray(measures.id, [...new Set(ids)])));
  return Number(row?.n ?? 0);
}

export async function findPlan(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: plans.id, title: plans.title, owningUnitId: plans.owningUnitId })
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id)));
  return row ?? null;
}

export async function assigneesOf(db: Db, actionIds: readonly string[]) {
  if (actionIds.length === 0) return [];
  return db
    .select({ actionId: actionAssignees.actionId, id: people.id, name: people.name })
    .from(actionAssignees)
    .innerJoin(people, eq(people.id, actionAssignees.personId))
    .where(inArray(actionAssignees.actionId, [...actionIds]))
    .orderBy(asc(people.name));
}

export async function itemLinksOf(db: Db, actionId: string) {
  return db
    .select({
      id: planItems.id,
      code: planItems.code,
      title: planItems.title,
      planId: plans.id,
      planTitle: plans.title,
    })
    .from(actionItemLinks)
    .innerJoin(planItems, eq(planItems.id, actionItemLinks.itemId))
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(eq(actionItemLinks.actionId, actionId))
    .orderBy(asc(planItems.code));
}

export async function measureLinksOf(db: Db, actionId: string) {
  return db
    .select({ id: measures.id, code: measures.code, title: measures.title })
    .from(actionMeasureLinks)
    .innerJoin(measures, eq(measures.id, actionMeasureLinks.measureId))
    .where(eq(actionMeasureLinks.actionId, actionId))
    .orderBy(asc(measures.code));
}

export async function milestonesOf(db: Db, organisationId: string, actionId: string) {
  return db
    .select()
    .from(actionMilestones)
    .where(and(eq(actionMilestones.organisationId, organisationId), eq(actionMilestones.actionId, actionId)))
    .orderBy(asc(actionMilestones.dueDate), asc(actionMilestones.title));
}

export async function insertMilestone(tx: Db, values: typeof actionMilestones.$inferInsert) {
  const [row] = await tx.insert(actionMilestones).values(values).returning();
  return row!;
}

export async function completeMilestone(tx: Db, organisationId: string, actionId: string, id: string, on: string) {
  const rows = await tx
    .update(actionMilestones)
    .set({ completedOn: on })
    .where(
      and(
        eq(actionMilestones.organisationId, organisationId),
        eq(actionMilestones.actionId, actionId),
        eq(actionMilestones.id, id),
      ),
    )
    .returning({ id: actionMilestones.id, title: actionMilestones.title });
  return rows[0] ?? null;
}

export async function updatesOf(db: Db, organisationId: string, actionId: string) {
  return db
    .select()
    .from(actionUpdates)
    .where(and(eq(actionUpdates.organisationId, organisationId), eq(actionUpdates.actionId, actionId)))
    .orderBy(desc(actionUpdates.at), desc(actionUpdates.asOf));
}

export async function insertUpdate(tx: Db, values: typeof actionUpdates.$inferInsert) {
  const [row] = await tx.insert(actionUpdates).values(values).returning();
  return row!;
}

export async function eventsOf(db: Db, organisationId: string, actionId: string) {
  return db
    .select()
    .from(actionEvents)
    .where(and(eq(actionEvents.organisationId, organisationId), eq(actionEvents.actionId, actionId)))
    .orderBy(desc(actionEvents.at));
}

export async function insertEvent(tx: Db, values: typeof actionEvents.$inferInsert) {
  await tx.insert(actionEvents).values(values);
}

export async function loadDeliverySettingsRow(db: Db, organisationId: string) {
  const [row] = await db.select().from(deliverySettings).where(eq(deliverySettings.organisationId, organisationId));
  return row ?? null;
}

export async function saveDeliverySettings(tx: Db, organisationId: string, settings: object, personId: string | null) {
  await tx
    .insert(deliverySettings)
    .values({ organisationId, settings: { ...settings }, updatedBy: personId })
    .onConflictDoUpdate({
      target: deliverySettings.organisationId,
      set: { settings: { ...settings }, updatedBy: personId, updatedAt: sql`now()` },
    });
}

/** Open or closed actions linked to the items, with what a roll-up needs (cancelled/terminated left out later). */
export async function actionsOfItems(db: Db, organisationId: string, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({ itemId: actionItemLinks.itemId, action: actions })
    .from(actionItemLinks)
    .innerJoin(actions, eq(actions.id, actionItemLinks.actionId))
    .where(and(eq(actionItemLinks.organisationId, organisationId), inArray(actionItemLinks.itemId, [...itemIds])));
}

export async function actionsAnsweringRows(
  db: Db,
  organisationId: string,
  kind: 'recommendation' | 'improvement-plan',
  ids: readonly string[],
) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(actions)
    .where(
      and(
        eq(actions.organisationId, organisationId),
        eq(actions.answersKind, kind),
        inArray(actions.answersId, [...ids]),
      ),
    )
    .orderBy(asc(actions.code));
}

/** Open actions of the council, for the escalation job. */
export async function openActions(db: Db, organisationId: string) {
  return db
    .select()
    .from(actions)
    .where(and(eq(actions.organisationId, organisationId), isNull(actions.closedStatus)));
}

/** Active people, for forms. */
export async function activePeople(db: Db, organisationId: string) {
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.status, 'active'), isNull(people.partnerId)))
    .orderBy(asc(people.name));
}

/** Plans (not superseded or archived) and their items, for forms. */
export async function plansAndItems(db: Db, organisationId: string) {
  const planRows = await db
    .select({ id: plans.id, title: plans.title })
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), sql`${plans.status} not in ('superseded', 'archived')`))
    .orderBy(asc(plans.title));
  const items = planRows.length
    ? await db
        .select({ id: planItems.id, code: planItems.code, title: planItems.title, planId: planItems.planId })
        .from(planItems)
        .where(
          and(
            eq(planItems.organisationId, organisationId),
            inArray(
              planItems.planId,
              planRows.map((p) => p.id),
            ),
          ),
        )
        .orderBy(asc(planItems.code))
    : [];
  return { plans: planRows, items };
}

export async function activeMeasures(db: Db, organisationId: string) {
  return db
    .select({ id: measures.id, code: measures.code, title: measures.title })
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.status, 'active')))
    .orderBy(asc(measures.code));
}

/** Organisations with open actions, for the daily escalation job. */
export async function organisationsWithOpenActions(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ organisationId: actions.organisationId })
    .from(actions)
    .where(isNull(actions.closedStatus));
  return rows.map((r) => r.organisationId);
}

/** Lookups for an import: people by e-mail, plans by title, items by plan and code, measures by code. */
export async function importDirectory(db: Db, organisationId: string) {
  const [peopleRows, planRows, itemRows, measureRows, codes] = await Promise.all([
    db
      .select({ id: people.id, email: people.email, status: people.status, name: people.name })
      .from(people)
      .where(eq(people.organisationId, organisationId)),
    db
      .select({ id: plans.id, title: plans.title, owningUnitId: plans.owningUnitId, status: plans.status })
      .from(plans)
      .where(and(eq(plans.organisationId, organisationId), sql`${plans.status} not in ('superseded', 'archived')`)),
    db
      .select({ id: planItems.id, code: planItems.code, planId: planItems.planId })
      .from(planItems)
      .where(eq(planItems.organisationId, organisationId)),
    db
      .select({ id: measures.id, code: measures.code })
      .from(measures)
      .where(eq(measures.organisationId, organisationId)),
    db.select({ code: actions.code }).from(actions).where(eq(actions.organisationId, organisationId)),
  ]);
  return {
    people: peopleRows,
    plans: planRows,
    items: itemRows,
    measures: measureRows,
    codes: codes.map((c) => c.code),
  };
}

/** The council's actions with what an export lists beside them. */
export async function exportRows(db: Db, organisationId: string) {
  const rows = await listActions(db, organisationId);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0)
    return {
      rows,
      emails: new Map<string, string>(),
      items: new Map<string, string[]>(),
      measures: new Map<string, string[]>(),
    };
  const [emails, items, measureLinks] = await Promise.all([
    db.select({ id: people.id, email: people.email }).from(people).where(eq(people.organisationId, organisationId)),
    db
      .select({ actionId: actionItemLinks.actionId, code: planItems.code })
      .from(actionItemLinks)
      .innerJoin(planItems, eq(planItems.id, actionItemLinks.itemId))
      .where(eq(actionItemLinks.organisationId, organisationId)),
    db
      .select({ actionId: actionMeasureLinks.actionId, code: measures.code })
      .from(actionMeasureLinks)
      .innerJoin(measures, eq(measures.id, actionMeasureLinks.measureId))
      .where(eq(actionMeasureLinks.organisationId, organisationId)),
  ]);
  const group = (list: { actionId: string; code: string }[]) => {
    const out = new Map<string, string[]>();
    for (const { actionId, code } of list) out.set(actionId, [...(out.get(actionId) ?? []), code]);
    return out;
  };
  return {
    rows,
    emails: new Map(emails.map((e) => [e.id, e.email])),
    items: group(items),
    measures: group(measureLinks),
  };
}
