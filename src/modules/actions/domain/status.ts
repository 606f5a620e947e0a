/**
 * An action's status: derived from its progress and dates where it can be (the council's delivery
 * settings), with the owner's judgement able to override it with a reason. Both are kept and shown.
 */
import type { RagStatus } from '../../../kernel/measurement/types.ts';
import type { DeliverySettings } from './settings.ts';
import { daysFrom } from '../../../kernel/calendar-days.ts';

export const ACTION_STATUSES = [
  'not-started',
  'on-track',
  'at-risk',
  'off-track',
  'complete',
  'cancelled',
  'terminated',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses a person may state in an update (closing is its own step). */
export const OPEN_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track'] as const;

export const CLOSED_STATUSES = ['complete', 'cancelled', 'terminated'] as const;
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];

export function isClosed(status: ActionStatus | null): status is ClosedStatus {
  return status === 'complete' || status === 'cancelled' || status === 'terminated';
}

/** Why the derived status is what it is: a catalogue code (actionsDerived.*) and its numbers. */
export type DerivedReason =
  | { code: 'closed' }
  | { code: 'not-started' }
  | { code: 'overdue-under'; percent: number; below: number; daysOverdue: number }
  | { code: 'overdue'; percent: number; daysOverdue: number }
  | { code: 'behind'; percent: number; expected: number; behindBy: number }
  | { code: 'on-course'; percent: number; expected: number };

export interface Derived {
  status: ActionStatus;
  reason: DerivedReason;
  /** % complete expected by now from the elapsed share of start → due date (0–100). */
  expected: number;
}

export interface ActionFacts {
  startDate: string;
  /** The due date that counts: revised when there is one, else original. */
  dueDate: string;
  percentComplete: number;
  /** Complete, cancelled or terminated when closed; otherwise null (open). */
  closedAs: ClosedStatus | null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = daysFrom;

/** The expected % complete on `today`: the elapsed share of the time from start to due date. */
export function expectedProgress(startDate: string, dueDate: string, today: string): number {
  const span = daysBetween(startDate, dueDate);
  const gone = daysBetween(startDate, today);
  if (gone <= 0) return 0;
  if (span <= 0 || gone >= span) return 100;
  return Math.round((gone / span) * 100);
}

/**
 * The status the rules give on `today`:
 * 1. a closed action keeps its closing status;
 * 2. before its start with nothing done, not started;
 * 3. past its due date: off track under the council's % (default 50), otherwise at risk;
 * 4. otherwise, points behind the expected progress: more than offTrackBehindBy → off track, more
 *    than atRiskBehindBy → at risk, else on track.
 */
export function deriveStatus(facts: ActionFacts, settings: DeliverySettings, today: string): Derived {
  const expected = expectedProgress(facts.startDate, facts.dueDate, today);
  const percent = facts.percentComplete;
  if (facts.closedAs) return { status: facts.closedAs, reason: { code: 'closed' }, expected };
  if (percent >= 100) return { status: 'on-track', reason: { code: 'on-course', percent, expected }, expected };
  const daysOverdue = daysBetween(facts.dueDate, today);
  if (daysOverdue > 0) {
    if (percent < settings.overdueOffTrackBelow) {
      return {
        status: 'off-track',
        reason: { code: 'overdue-under', percent, below: settings.overdueOffTrackBelow, daysOverdue },
        expected,
      };
    }
    return { status: 'at-risk', reason: { code: 'overdue', percent, daysOverdue }, expected };
  }
  if (today < facts.startDate && percent === 0)
    return { status: 'not-started', reason: { code: 'not-started' }, expected };
  const behindBy = expected - percent;
  if (behindBy > settings.offTrackBehindBy)
    return { status: 'off-track', reason: { code: 'behind', percent, expected, behindBy }, expected };
  if (behindBy > settings.atRiskBehindBy)
    return { status: 'at-risk', reason: { code: 'behind', percent, expected, behindBy }, expected };
  return { status: 'on-track', reason: { code: 'on-course', percent, expected }, expected };
}

/** The status that counts: a closed one, else the owner's judgement when stated, else the derived one. */
export function effectiveStatus(derived: ActionStatus, judged: ActionStatus | null): ActionStatus {
  if (isClosed(derived)) return derived;
  return judged ?? derived;
}

/** An action's status as a RAG for roll-ups; null when it does not contribute (cancelled, terminated). */
export function ragOfAction(status: ActionStatus): RagStatus | null {
  switch (status) {
    case 'off-track':
      return 'red';
    case 'at-risk':
      return 'amber';
    case 'on-track':
    case 'complete':
      return 'green';
    case 'not-started':
      return 'no-data';
    case 'cancelled':
    case 'terminated':
      return null;
  }
}

/** On target to be completed in time (framework health, Middlesbrough §42); null when not judged. */
export function onTargetInTime(status: ActionStatus): boolean | null {
  if (status === 'on-track' || status === 'complete') return true;
  if (status === 'at-risk' || status === 'off-track') return false;
  return null;
}

export function isOverdue(facts: ActionFacts, today: string): boolean {
  return facts.closedAs === null && today > facts.dueDate;
}
