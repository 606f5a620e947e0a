/** When an action goes to its escalation owner, and what they may decide. */
import type { ActionStatus } from './status.ts';
import { daysBetween } from './status.ts';
import type { DeliverySettings } from './settings.ts';

export const ESCALATION_DECISIONS = ['more-resource', 're-plan', 'terminate'] as const;

export type EscalationTrigger = { code: 'off-track-updates'; updates: number } | { code: 'overdue-days'; days: number };

/** The action's last escalation (decided, or it would be open): when it was raised and how the action stood then. */
export interface PreviousEscalation {
  raisedOn: string;
  /** Why it was raised. */
  trigger: EscalationTrigger['code'];
  /** The status of the newest update recorded by the time it was raised (null: no update yet). */
  statusThen: ActionStatus | null;
}

/**
 * Whether the action is owed an escalation now: its last N updates (newest first) all off track,
 * or overdue by the council's number of days. A closed action, or one already waiting for a
 * decision, is not escalated again.
 *
 * Escalation happens once per trigger. Once an escalation has been raised (and decided: "more
 * resource", say), the same state of affairs does not send the action back to the escalation
 * owner; only a NEW trigger does:
 * - off track: the run of off-track updates must have begun after the last escalation was raised.
 *   An action that was in trouble then (its last update off track, or late) and has stayed off
 *   track since is the matter already decided, even once re-planned (its lateness against the new
 *   date is the overdue trigger below); one that recovered (an update not off track) and then went
 *   off track again for N updates is a new trigger.
 * - overdue: the due date now in force must fall after the day the last escalation was raised. A
 *   date already missed then is the matter already decided; a re-planned (or revised) date that is
 *   missed again in turn is a new trigger, as is a date still ahead when the action was escalated
 *   for being off track.
 */
export function escalationOwed(
  facts: {
    /**
     * Statuses of its progress updates, newest first: those recorded after the last escalation was
     * raised, or all of them when it has never been escalated.
     */
    updateStatuses: readonly ActionStatus[];
    dueDate: string;
    closed: boolean;
    openEscalation: boolean;
    previous?: PreviousEscalation | null;
  },
  settings: DeliverySettings,
  today: string,
): EscalationTrigger | null {
  if (facts.closed || facts.openEscalation) return null;
  const previous = facts.previous ?? null;
  const n = settings.escalateAfterOffTrackUpdates;
  const days = daysBetween(facts.dueDate, today);
  const dateAlreadyEscalated = previous !== null && facts.dueDate <= previous.raisedOn;
  // It was in trouble when escalated: off track by its last update, or late (an escalation for
  // lateness may come before any update, and a late action under half done is off track by
  // definition). Then off-track updates count again only after it has recovered: updates judged
  // against the old date do not become a new trigger because the date was re-planned.
  const troubledThen =
    previous !== null &&
    (previous.statusThen === 'off-track' || previous.trigger === 'overdue-days' || dateAlreadyEscalated);
  const run = offTrackRun(facts.updateStatuses);
  const runPredatesEscalation = troubledThen && run === facts.updateStatuses.length;
  if (run >= n && !runPredatesEscalation) return { code: 'off-track-updates', updates: n };
  if (days >= settings.escalateAfterOverdueDays && !dateAlreadyEscalated) return { code: 'overdue-days', days };
  return null;
}

/** How many of the newest updates in a row are off track. */
function offTrackRun(statuses: readonly ActionStatus[]): number {
  const firstOther = statuses.findIndex((s) => s !== 'off-track');
  return firstOther === -1 ? statuses.length : firstOther;
}
