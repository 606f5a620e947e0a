/** When an action goes to its escalation owner, and what they may decide. */
import type { ActionStatus } from './status.ts';
import { daysBetween } from './status.ts';
import type { DeliverySettings } from './settings.ts';

export const ESCALATION_DECISIONS = ['more-resource', 're-plan', 'terminate'] as const;

export type EscalationTrigger = { code: 'off-track-updates'; updates: number } | { code: 'overdue-days'; days: number };

/**
 * Whether the action is owed an escalation now: its last N updates (newest first) all off track,
 * or overdue by the council's number of days. A closed action, or one already waiting for a
 * decision, is not escalated again.
 */
export function escalationOwed(
  facts: {
    /** Statuses of its progress updates, newest first. */
    updateStatuses: readonly ActionStatus[];
    dueDate: string;
    closed: boolean;
    openEscalation: boolean;
  },
  settings: DeliverySettings,
  today: string,
): EscalationTrigger | null {
  if (facts.closed || facts.openEscalation) return null;
  const n = settings.escalateAfterOffTrackUpdates;
  const recent = facts.updateStatuses.slice(0, n);
  if (recent.length === n && recent.every((s) => s === 'off-track')) return { code: 'off-track-updates', updates: n };
  const days = daysBetween(facts.dueDate, today);
  if (days >= settings.escalateAfterOverdueDays) return { code: 'overdue-days', days };
  return null;
}
