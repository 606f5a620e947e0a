/**
 * The plan lifecycle as an explicit, pure state machine (docs/decisions/0006):
 *
 *   draft ──submit──▶ submitted ──approve step 1──▶ in-approval ──approve step n──▶ approved
 *     ▲                   │                             │                            │
 *     └──────return (reason required)───────────────────┘                  supersede / archive
 *
 * A plan type without approval steps is approved as soon as it is submitted. Approvals name the
 * step they record, so a second person pressing "Approve" on a stale page cannot approve the
 * following step by accident. Nothing here reads a clock or a database.
 */
import { phrase, phraseText, type PhraseParam } from '../../../kernel/phrase.ts';
import { domainError, fail, ok, type Result } from '../../../kernel/result.ts';

export const PLAN_STATUSES = ['draft', 'submitted', 'in-approval', 'approved', 'superseded', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export function isPlanStatus(value: string): value is PlanStatus {
  return (PLAN_STATUSES as readonly string[]).includes(value);
}

/** The part of a plan the lifecycle looks at. */
export interface LifecycleState {
  status: PlanStatus;
  /** Position of the approval step to take next, while submitted or in approval. */
  nextStep: number | null;
}

/** An approval step as the lifecycle sees it: its place in the order and its name. */
export interface LifecycleStep {
  position: number;
  name: string;
}

export type LifecycleEvent =
  | { type: 'submit' }
  | { type: 'approve'; step: number }
  | { type: 'return'; reason: string }
  | { type: 'supersede' }
  | { type: 'archive' };

export type LifecycleEventType = LifecycleEvent['type'];

export interface Transition {
  from: PlanStatus;
  to: LifecycleState;
  /** The approval step this transition recorded, if it was an approval. */
  step: LifecycleStep | null;
  /** True when the plan became approved by this transition (it takes effect and supersedes). */
  becameApproved: boolean;
}

/** A refusal as a stored phrase of the catalogue's planLifecycle section. */
const refused = (key: string, params?: Record<string, PhraseParam>) =>
  fail(domainError('invalid_state', phraseText(`planLifecycle.${key}`, params)));

function ordered(steps: readonly LifecycleStep[]): LifecycleStep[] {
  return [...steps].sort((a, b) => a.position - b.position);
}

/** Applies an event to a plan's state, or says plainly why it cannot happen now. */
export function transition(
  state: LifecycleState,
  event: LifecycleEvent,
  steps: readonly LifecycleStep[],
): Result<Transition> {
  const from = state.status;
  const sorted = ordered(steps);
  switch (event.type) {
    case 'submit': {
      if (from !== 'draft') return refused('onlyDraftSubmitted', { status: describe(from) });
      const first = sorted[0];
      if (!first) return ok({ from, to: { status: 'approved', nextStep: null }, step: null, becameApproved: true });
      return ok({ from, to: { status: 'submitted', nextStep: first.position }, step: null, becameApproved: false });
    }
    case 'approve': {
      if (from !== 'submitted' && from !== 'in-approval') {
        return refused('onlySubmittedApproved', { status: describe(from) });
      }
      const index = sorted.findIndex((step) => step.position === state.nextStep);
      const current = sorted[index];
      if (!current) {
        return refused('stepsChanged');
      }
      if (event.step !== current.position) {
        return fail(
          domainError(
            'conflict',
            phraseText('planLifecycle.notWaitingStep', {
              step: event.step,
              name: current.name,
              position: current.position,
            }),
            'step',
          ),
        );
      }
      const next = sorted[index + 1];
      if (!next) return ok({ from, to: { status: 'approved', nextStep: null }, step: current, becameApproved: true });
      return ok({ from, to: { status: 'in-approval', nextStep: next.position }, step: current, becameApproved: false });
    }
    case 'return': {
      if (from !== 'submitted' && from !== 'in-approval') {
        return refused('onlyWaitingReturned', { status: describe(from) });
      }
      if (event.reason.trim() === '')
        return fail(domainError('invalid', phraseText('planLifecycle.returnReason'), 'reason'));
      return ok({ from, to: { status: 'draft', nextStep: null }, step: null, becameApproved: false });
    }
    case 'supersede': {
      if (from !== 'approved') return refused('onlyApprovedSuperseded', { status: describe(from) });
      return ok({ from, to: { status: 'superseded', nextStep: null }, step: null, becameApproved: false });
    }
    case 'archive': {
      if (from === 'submitted' || from === 'in-approval') {
        return refused('waitingNotArchived');
      }
      if (from === 'archived') return refused('alreadyArchived');
      return ok({ from, to: { status: 'archived', nextStep: null }, step: null, becameApproved: false });
    }
  }
}

/** Whether the event can happen now (ignoring who asks): for showing only the actions that would work. */
export function canHappen(state: LifecycleState, type: LifecycleEventType, steps: readonly LifecycleStep[]): boolean {
  const event: LifecycleEvent =
    type === 'approve' ? { type, step: state.nextStep ?? -1 } : type === 'return' ? { type, reason: 'x' } : { type };
  return transition(state, event, steps).ok;
}

/** The step waiting for approval, if any. */
export function currentStep<S extends LifecycleStep>(state: LifecycleState, steps: readonly S[]): S | undefined {
  if (state.status !== 'submitted' && state.status !== 'in-approval') return undefined;
  return steps.find((step) => step.position === state.nextStep);
}

/** Only drafts are edited in place; an approved plan changes through a new version. */
export function editRefusal(status: PlanStatus): string | null {
  switch (status) {
    case 'draft':
      return null;
    case 'approved':
      return phraseText('planLifecycle.edit.approved');
    case 'submitted':
    case 'in-approval':
      return phraseText('planLifecycle.edit.waiting');
    case 'superseded':
      return phraseText('planLifecycle.edit.superseded');
    case 'archived':
      return phraseText('planLifecycle.edit.archived');
  }
}

/** New versions (amendments and roll-forwards) start from the approved version only. */
export function newVersionRefusal(status: PlanStatus): string | null {
  if (status === 'approved') return null;
  if (status === 'draft') return phraseText('planLifecycle.newVersionFromDraft');
  return phraseText('planLifecycle.newVersionOnlyFromApproved', { status: describe(status) });
}

function describe(status: PlanStatus) {
  return phrase(`planStatusInSentence.${status}`);
}
