/**
 * A project's lifecycle: proposed → active ⇄ on hold → closed, or cancelled from any open state.
 * Closed and cancelled are final: nothing more is recorded against them.
 */
import { domainError, fail, ok, type Result } from '../../../kernel/result.ts';
import type { ProjectAction, ProjectStatus } from './project.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

const TRANSITIONS: Record<ProjectAction, { from: readonly ProjectStatus[]; to: ProjectStatus }> = {
  start: { from: ['proposed'], to: 'active' },
  hold: { from: ['active'], to: 'on-hold' },
  resume: { from: ['on-hold'], to: 'active' },
  close: { from: ['active', 'on-hold'], to: 'closed' },
  cancel: { from: ['proposed', 'active', 'on-hold'], to: 'cancelled' },
};

export const isFinished = (status: ProjectStatus) => status === 'closed' || status === 'cancelled';

/** The actions open to a project in this status (for the buttons a page offers). */
export function actionsFrom(status: ProjectStatus): ProjectAction[] {
  return (Object.keys(TRANSITIONS) as ProjectAction[]).filter((action) => TRANSITIONS[action].from.includes(status));
}

export interface TransitionContext {
  /** Milestones not yet completed. */
  openMilestones: number;
  reason: string;
}

/** The status an action leads to, or why it is refused (a cancel with no reason, a close with open milestones). */
export function transition(
  status: ProjectStatus,
  action: ProjectAction,
  context: TransitionContext,
): Result<ProjectStatus> {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) {
    return fail(
      domainError(
        'invalid_state',
        phraseText('projectRefusals.notFromStatus', {
          status: phrase(`projectInSentence.status.${status}`),
          step: phrase(`projectInSentence.step.${action}`),
        }),
      ),
    );
  }
  if (action === 'cancel' && context.reason.trim() === '') {
    return fail(domainError('invalid', phraseText('projectRefusals.cancelReason'), 'reason'));
  }
  if (action === 'close' && context.openMilestones > 0) {
    const code = context.openMilestones === 1 ? 'projectRefusals.milestoneOpen' : 'projectRefusals.milestonesOpen';
    return fail(domainError('invalid_state', phraseText(code, { count: context.openMilestones })));
  }
  return ok(rule.to);
}

/** Whether a highlight report or a milestone may be recorded: not once the project is closed or cancelled. */
export function refuseIfFinished(status: ProjectStatus): Result<void> {
  return isFinished(status)
    ? fail(
        domainError(
          'invalid_state',
          phraseText('projectRefusals.finished', { status: phrase(`projectInSentence.status.${status}`) }),
        ),
      )
    : ok(undefined);
}

export interface EndDates {
  endDate: string;
  originalEndDate: string | null;
  endDateReason: string;
}

/**
 * A new end date for a project: the same date changes nothing; a different one needs a reason and
 * keeps the date first agreed (a second revision keeps the first original, not the last revision).
 */
export function reviseEndDate(current: EndDates, newEnd: string, reason: string): Result<EndDates> {
  if (newEnd === current.endDate) return ok(current);
  if (reason.trim() === '') {
    return fail(domainError('invalid', phraseText('projectRefusals.endDateReason'), 'endDateReason'));
  }
  return ok({
    endDate: newEnd,
    originalEndDate: current.originalEndDate ?? current.endDate,
    endDateReason: reason.trim(),
  });
}

/** The date a milestone is now due: its revision when it has one. */
export const milestoneDue = (milestone: { dueDate: string; revisedDueDate: string | null }) =>
  milestone.revisedDueDate ?? milestone.dueDate;
