/**
 * The recorded history of several actions at once (progress updates and events, in the order
 * entered, with the London date each was entered on), for judging them as they stood on a past date.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { londonDateOf } from '../../../platform/clock.ts';
import type { ActionHistory, RecordedEvent, RecordedUpdate } from '../domain/index.ts';
import { actionEvents, actions, actionUpdates } from './actions.schema.ts';

type Histories = Map<string, { updates: RecordedUpdate[]; events: RecordedEvent[] }>;

export async function actionHistories(
  db: Db,
  organisationId: string,
  actionRows: readonly (typeof actions.$inferSelect)[],
): Promise<Map<string, ActionHistory>> {
  const ids = [...new Set(actionRows.map((row) => row.id))];
  const found: Histories = new Map(ids.map((id) => [id, { updates: [], events: [] }]));
  if (ids.length === 0) return new Map();
  const [updates, events] = await Promise.all([
    db
      .select()
      .from(actionUpdates)
      .where(and(eq(actionUpdates.organisationId, organisationId), inArray(actionUpdates.actionId, ids)))
      .orderBy(asc(actionUpdates.at), asc(actionUpdates.asOf)),
    db
      .select()
      .from(actionEvents)
      .where(and(eq(actionEvents.organisationId, organisationId), inArray(actionEvents.actionId, ids)))
      .orderBy(asc(actionEvents.at)),
  ]);
  for (const update of updates) {
    found.get(update.actionId)?.updates.push({
      recordedOn: londonDateOf(update.at),
      percentComplete: update.percentComplete,
      judgedStatus: update.judgedStatus,
      statusReason: update.statusReason,
    });
  }
  for (const event of events) {
    found
      .get(event.actionId)
      ?.events.push({ kind: event.kind, recordedOn: londonDateOf(event.at), detail: event.detail });
  }
  return new Map(
    actionRows.map((row) => [
      row.id,
      { createdOn: londonDateOf(row.createdAt), originalDueDate: row.originalDueDate, ...found.get(row.id)! },
    ]),
  );
}
