/** The words a committee's business is recorded in, as codes (their words are in the catalogue). */

/**
 * What a body decided on an agenda item (seed 004 §5.5: the panel agrees, defers or refers).
 * "Sent back" is the panel returning an improvement plan to its owner with comments.
 */
export const DECISION_OUTCOMES = [
  'agreed',
  'agreed-with-changes',
  'sent-back',
  'deferred',
  'referred',
  'noted',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** What an agenda item is about: a paper alone, or a record the system holds. */
export const SUBJECT_KINDS = ['paper', 'performance-report', 'improvement-plan', 'recommendation'] as const;

/** Seed 004 §6.1: members request explanations from managers and call for further work. */
export const REQUEST_KINDS = ['explanation', 'further-work'] as const;

export const REQUEST_STATUSES = ['open', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Where a statutory return stands (seed 004 §2.1: the single data list of returns the council owes). */
export const RETURN_STATUSES = ['not-started', 'in-progress', 'submitted'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** What the planning timetable holds: the cycle's dates, worked back from the meetings they serve. */
export const TIMETABLE_KINDS = [
  'data-due',
  'sign-off',
  'report-issued',
  'meeting',
  'plan-outline',
  'plan-approval',
  'return-due',
] as const;
export type TimetableKind = (typeof TIMETABLE_KINDS)[number];
