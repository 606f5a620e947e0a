/** SQL for actions' escalations: raised, decided, told to their owners, and the history the rule reads. */
import { aliasedTable, and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { people } from '../../organisation/index.ts';
import { actionEscalations, actions, actionUpdates } from './actions.schema.ts';

/** What escalationOwed needs of an action's history (domain/escalation.ts). */
export interface EscalationHistory {
  /** Stated statuses of the updates recorded after the last escalation was raised (all, if none), newest first. */
  updateStatuses: string[];
  previous: { raisedOn: string; trigger: string; statusThen: string | null } | null;
}

/**
 * Each action's updates split at its last escalation. An update written in the transaction that
 * raised the escalation shares its timestamp (now() is the transaction's start), so it counts as
 * "then", not "since".
 */
export async function escalationHistories(
  db: Db,
  organisationId: string,
  actionIds: readonly string[],
): Promise<Map<string, EscalationHistory>> {
  const out = new Map<string, EscalationHistory>();
  if (actionIds.length === 0) return out;
  const ids = [...actionIds];
  const [escalations, updates] = await Promise.all([
    db
      .select({
        actionId: actionEscalations.actionId,
        raisedOn: actionEscalations.raisedOn,
        trigger: actionEscalations.trigger,
        at: actionEscalations.createdAt,
      })
      .from(actionEscalations)
      .where(and(eq(actionEscalations.organisationId, organisationId), inArray(actionEscalations.actionId, ids)))
      .orderBy(asc(actionEscalations.actionId), desc(actionEscalations.createdAt)),
    db
      .select({ actionId: actionUpdates.actionId, status: actionUpdates.status, at: actionUpdates.at })
      .from(actionUpdates)
      .where(and(eq(actionUpdates.organisationId, organisationId), inArray(actionUpdates.actionId, ids)))
      .orderBy(asc(actionUpdates.actionId), desc(actionUpdates.at)),
  ]);
  const last = new Map<string, { raisedOn: string; trigger: Record<string, unknown>; at: Date }>();
  for (const e of escalations) if (!last.has(e.actionId)) last.set(e.actionId, e);
  for (const id of ids) {
    const escalation = last.get(id);
    out.set(id, {
      updateStatuses: [],
      previous: escalation
        ? { raisedOn: escalation.raisedOn, trigger: String(escalation.trigger.code), statusThen: null }
        : null,
    });
  }
  for (const u of updates) {
    const history = out.get(u.actionId)!;
    const escalation = last.get(u.actionId);
    if (!escalation || u.at.getTime() > escalation.at.getTime()) history.updateStatuses.push(u.status);
    else if (history.previous && history.previous.statusThen === null) history.previous.statusThen = u.status;
  }
  return out;
}

const decider = aliasedTable(people, 'decider');

export interface EscalationRow {
  escalation: typeof actionEscalations.$inferSelect;
  ownerName: string;
  decidedByName: string | null;
}

export async function escalationsOf(db: Db, organisationId: string, actionId: string): Promise<EscalationRow[]> {
  const rows = await db
    .select({ escalation: actionEscalations, ownerName: people.name, decidedByName: decider.name })
    .from(actionEscalations)
    .innerJoin(people, eq(people.id, actionEscalations.escalationOwnerPersonId))
    .leftJoin(decider, eq(decider.id, actionEscalations.decidedByPersonId))
    .where(and(eq(actionEscalations.organisationId, organisationId), eq(actionEscalations.actionId, actionId)))
    .orderBy(desc(actionEscalations.createdAt));
  return rows;
}

export async function openEscalationIds(db: Db, organisationId: string, actionIds: readonly string[]) {
  if (actionIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: actionEscalations.id, actionId: actionEscalations.actionId })
    .from(actionEscalations)
    .where(
      and(
        eq(actionEscalations.organisationId, organisationId),
        inArray(actionEscalations.actionId, [...actionIds]),
        isNull(actionEscalations.decision),
      ),
    );
  return new Map(rows.map((r) => [r.actionId, r.id]));
}

export async function findEscalation(tx: Db, organisationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(actionEscalations)
    .where(and(eq(actionEscalations.organisationId, organisationId), eq(actionEscalations.id, id)));
  return row ?? null;
}

export async function insertEscalation(tx: Db, values: typeof actionEscalations.$inferInsert) {
  const [row] = await tx.insert(actionEscalations).values(values).returning();
  return row!;
}

export async function decideEscalation(tx: Db, id: string, values: Partial<typeof actionEscalations.$inferInsert>) {
  await tx.update(actionEscalations).set(values).where(eq(actionEscalations.id, id));
}

export async function markNotified(db: Db, id: string) {
  await db
    .update(actionEscalations)
    .set({ notifiedAt: sql`now()` })
    .where(eq(actionEscalations.id, id));
}

/** Escalations whose owner has not been told yet, with what the notice says. */
export async function unnotifiedEscalations(db: Db, organisationId: string | null) {
  const conditions = [isNull(actionEscalations.notifiedAt), isNull(actionEscalations.decision)];
  if (organisationId) conditions.push(eq(actionEscalations.organisationId, organisationId));
  return db
    .select({
      id: actionEscalations.id,
      actionId: actionEscalations.actionId,
      trigger: actionEscalations.trigger,
      raisedOn: actionEscalations.raisedOn,
      code: actions.code,
      title: actions.title,
      name: people.name,
      email: people.email,
    })
    .from(actionEscalations)
    .innerJoin(actions, eq(actions.id, actionEscalations.actionId))
    .innerJoin(people, eq(people.id, actionEscalations.escalationOwnerPersonId))
    .where(and(...conditions));
}
