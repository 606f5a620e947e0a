/**
 * The rules of a committee's business, pure: when a decision may be recorded, where an item may be
 * referred, when a member's request is due, answered and closed, and when it is overdue.
 */
import { daysFrom } from '../../../kernel/calendar-days.ts';
import { phraseText } from '../../../kernel/phrase.ts';
import { domainError, type DomainError } from '../../../kernel/result.ts';
import type { DecisionOutcome, RequestStatus } from './vocabulary.ts';

const problem = (key: string, field: string, params?: Record<string, string | number>) =>
  domainError('invalid', phraseText(`committees.problem.${key}`, params), field);

/**
 * A decision is taken at the meeting: not before the meeting's date. An item referred or deferred
 * goes on to a later meeting (the next stage of its route: panel → scrutiny → Cabinet), which must
 * come after this one; agreed and noted items go nowhere.
 */
export function decisionProblems(
  input: { outcome: DecisionOutcome; minuteReference: string; onwardMeetingId: string | null },
  context: { meetingDate: string; today: string; onwardMeetingDate: string | null; subjectKind?: string },
): DomainError[] {
  const problems: DomainError[] = [];
  if (input.outcome === 'sent-back' && context.subjectKind !== 'improvement-plan')
    problems.push(problem('sentBackOnlyPlans', 'outcome'));
  if (context.meetingDate > context.today)
    problems.push(problem('decisionBeforeMeeting', 'outcome', { date: context.meetingDate }));
  if (input.minuteReference.trim() === '' && input.outcome !== 'deferred')
    problems.push(problem('minuteReferenceNeeded', 'minuteReference'));
  const goesOn = input.outcome === 'referred' || input.outcome === 'deferred';
  if (input.outcome === 'referred' && input.onwardMeetingId === null)
    problems.push(problem('referredNeedsMeeting', 'onwardMeetingId'));
  if (!goesOn && input.onwardMeetingId !== null) problems.push(problem('onlyReferredGoOn', 'onwardMeetingId'));
  if (goesOn && context.onwardMeetingDate !== null && context.onwardMeetingDate <= context.meetingDate)
    problems.push(problem('onwardMeetingBefore', 'onwardMeetingId', { date: context.meetingDate }));
  return problems;
}

/** A request is answered by a date still to come (a due date in the past could never be met). */
export function requestDueProblems(dueOn: string, today: string): DomainError[] {
  return dueOn < today ? [problem('dueInPast', 'dueOn', { today })] : [];
}

/** Only an open request is answered; an answered one is closed by the member (or reopened). */
export function checkRequestChange(status: RequestStatus, change: 'answer' | 'close' | 'reopen'): DomainError | null {
  if (change === 'answer' && status !== 'open') return problem('answerOnlyOpen', 'answer');
  if (change === 'close' && status === 'closed') return problem('alreadyClosed', 'status');
  if (change === 'reopen' && status !== 'answered') return problem('reopenOnlyAnswered', 'status');
  return null;
}

/** Overdue: still open after its due date. An answered request waits on the member, not the officer. */
export function isOverdue(request: { status: RequestStatus; dueOn: string }, today: string): boolean {
  return request.status === 'open' && request.dueOn < today;
}

export function daysLate(request: { status: RequestStatus; dueOn: string }, today: string): number {
  return isOverdue(request, today) ? daysFrom(request.dueOn, today) : 0;
}

/**
 * An overdue request reminds its addressee once it is late and escalates to the addressee's
 * manager (the head of their unit) once it is `escalateAfterDays` late; each happens once.
 */
export function nextNotice(
  request: { status: RequestStatus; dueOn: string; remindedOn: string | null; escalatedOn: string | null },
  today: string,
  escalateAfterDays: number,
): 'remind' | 'escalate' | null {
  const late = daysLate(request, today);
  if (late <= 0) return null;
  if (late >= escalateAfterDays && request.escalatedOn === null) return 'escalate';
  if (request.remindedOn === null) return 'remind';
  return null;
}
