/**
 * An improvement plan's lifecycle: draft → submitted to the panel → agreed or sent back (revised
 * and submitted again) → in progress → closed (with a summary) or withdrawn (with a reason) from
 * any open state. Pure: the service loads the plan, asks here, and stores the outcome. Refusals are
 * catalogue phrases, not English.
 */
import { phrase, phraseText, type PhraseParam } from '../../../kernel/phrase.ts';
import { fail, ok, domainError, type Result } from '../../../kernel/result.ts';

export const PLAN_STATUSES = [
  'draft',
  'submitted',
  'sent-back',
  'agreed',
  'in-progress',
  'closed',
  'withdrawn',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const DECISION_OUTCOMES = ['agreed', 'sent-back'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Still being worked on: a measure has at most one open plan. */
export const OPEN_STATUSES: readonly PlanStatus[] = ['draft', 'submitted', 'sent-back', 'agreed', 'in-progress'];

export type PlanStep =
  | { type: 'edit' }
  | { type: 'submit' }
  | { type: 'decide'; outcome: DecisionOutcome }
  | { type: 'start' }
  | { type: 'close'; summary: string; openActions: number; openActionsReason: string }
  | { type: 'withdraw'; reason: string };

export function isPlanStatus(value: string): value is PlanStatus {
  return (PLAN_STATUSES as readonly string[]).includes(value);
}

/** Which steps are open from each status (the page offers these; the service allows only these). */
const ALLOWED: Record<PlanStatus, readonly PlanStep['type'][]> = {
  draft: ['edit', 'submit', 'withdraw'],
  submitted: ['decide', 'withdraw'],
  'sent-back': ['edit', 'submit', 'withdraw'],
  agreed: ['edit', 'start', 'close', 'withdraw'],
  'in-progress': ['edit', 'close', 'withdraw'],
  closed: [],
  withdrawn: [],
};

export function stepsFrom(status: PlanStatus): readonly PlanStep['type'][] {
  return ALLOWED[status];
}

/** A refusal as a catalogue phrase (src/platform/words/en/improvement-plans.ts), said at the edge. */
const refusal = (code: string, params?: Record<string, PhraseParam>) =>
  phraseText(`improvementPlanRefusals.${code}`, params);

/** The status the step leads to, or why it is refused. */
export function nextStatus(status: PlanStatus, step: PlanStep): Result<PlanStatus> {
  if (!ALLOWED[status].includes(step.type)) {
    const field = step.type === 'decide' ? 'outcome' : undefined;
    const params = {
      status: phrase(`improvementPlanInSentence.status.${status}`),
      step: phrase(`improvementPlanInSentence.step.${step.type}`),
    };
    return fail(
      domainError('invalid_state', refusal(step.type === 'decide' ? 'notDecidable' : 'notFromStatus', params), field),
    );
  }
  switch (step.type) {
    case 'edit':
      return ok(status);
    case 'submit':
      return ok('submitted');
    case 'decide':
      return ok(step.outcome);
    case 'start':
      return ok('in-progress');
    case 'close':
      if (step.summary.trim() === '') return fail(domainError('invalid', refusal('closingSummary'), 'closingSummary'));
      if (step.openActions > 0 && step.openActionsReason.trim() === '')
        return fail(
          domainError(
            'invalid',
            refusal(step.openActions === 1 ? 'oneActionOpen' : 'actionsOpen', { count: step.openActions }),
            'openActionsReason',
          ),
        );
      return ok('closed');
    case 'withdraw':
      if (step.reason.trim() === '') return fail(domainError('invalid', refusal('withdrawReason'), 'reason'));
      return ok('withdrawn');
  }
}
