/**
 * An action as its record stood on a past date, for judging it then (a quarterly report's framework
 * health is assessed at the end of its period, not today). Only what had been RECORDED by the end
 * of that date counts: a progress update entered afterwards, even one saying what was true then,
 * was not known then, and counting it would let a late update rewrite a period already reported.
 * The status rules are then applied on that date to the facts as they stood.
 */
import type { ActionStatus, ClosedStatus } from './status.ts';

/** A progress update: the London date it was entered on, and what it set. */
export interface RecordedUpdate {
  recordedOn: string;
  percentComplete: number;
  judgedStatus: ActionStatus | null;
  statusReason: string;
}

/** An event of the action's history (date revisions, closure, escalation decisions), by London date. */
export interface RecordedEvent {
  kind: string;
  recordedOn: string;
  detail: Record<string, unknown>;
}

export interface ActionHistory {
  /** The London date the action was created on. */
  createdOn: string;
  originalDueDate: string;
  /** In the order entered. */
  updates: readonly RecordedUpdate[];
  /** In the order entered. */
  events: readonly RecordedEvent[];
}

/** The facts the status rules read, as recorded by a date. */
export interface ActionRecordOn {
  percentComplete: number;
  judgedStatus: ActionStatus | null;
  judgementReason: string;
  /** The due date in force then: the latest revision made by the date, else the original. */
  dueDate: string;
  closedAs: ClosedStatus | null;
}

const CLOSED: readonly string[] = ['complete', 'cancelled', 'terminated'];
const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The due date a history event put in force, if it changed it. */
function dueDateSetBy(event: RecordedEvent): string | null {
  const { kind, detail } = event;
  if (kind === 'date-revised' && isDate(detail.to)) return detail.to;
  if (kind === 'revision-approved' && isDate(detail.revisedDueDate)) return detail.revisedDueDate;
  if (kind === 'escalation-decided' && detail.decision === 're-plan' && isDate(detail.newDueDate))
    return detail.newDueDate;
  return null;
}

/** The closing status a history event recorded, if it closed the action. */
function closureBy(event: RecordedEvent): ClosedStatus | null {
  if (event.kind === 'closed' && CLOSED.includes(String(event.detail.status)))
    return event.detail.status as ClosedStatus;
  if (event.kind === 'escalation-decided' && event.detail.decision === 'terminate') return 'terminated';
  return null;
}

/** The action's facts as recorded by the end of `date`; null when it did not exist yet. */
export function actionRecordOn(history: ActionHistory, date: string): ActionRecordOn | null {
  if (history.createdOn > date) return null;
  let dueDate = history.originalDueDate;
  let closedAs: ClosedStatus | null = null;
  for (const event of history.events) {
    if (event.recordedOn > date) continue;
    dueDate = dueDateSetBy(event) ?? dueDate;
    closedAs = closedAs ?? closureBy(event);
  }
  const latest = history.updates.filter((update) => update.recordedOn <= date).at(-1);
  if (closedAs) {
    return {
      percentComplete: closedAs === 'complete' ? 100 : (latest?.percentComplete ?? 0),
      judgedStatus: null,
      judgementReason: '',
      dueDate,
      closedAs,
    };
  }
  return {
    percentComplete: latest?.percentComplete ?? 0,
    judgedStatus: latest?.judgedStatus ?? null,
    judgementReason: latest?.judgedStatus ? latest.statusReason : '',
    dueDate,
    closedAs: null,
  };
}
