import { domainError, fail, ok, type Result } from '../../../kernel/result.ts';

/**
 * Data-quality sign-off for one value: draft → submitted → verified → approved → published, with
 * the verifier (or approver) able to return it to the person who entered it, with a reason.
 * Approval locks the period; only a performance officer can reopen it, with a reason.
 */
export const VALUE_STATUSES = ['draft', 'submitted', 'returned', 'verified', 'approved', 'published'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export const VALUE_ACTIONS = ['save', 'submit', 'verify', 'return', 'approve', 'publish', 'reopen'] as const;
export type ValueAction = (typeof VALUE_ACTIONS)[number];

/** What the person acting may do, worked out by the service from their roles and the measure. */
export interface ValueActor {
  canEnter: boolean;
  canVerify: boolean;
  canApprove: boolean;
  canReopen: boolean;
}

interface Transition {
  from: readonly (ValueStatus | null)[];
  to: ValueStatus;
  needs: keyof ValueActor;
  reasonRequired: boolean;
}

const TRANSITIONS: Record<ValueAction, Transition> = {
  save: { from: [null, 'draft', 'returned'], to: 'draft', needs: 'canEnter', reasonRequired: false },
  submit: { from: [null, 'draft', 'returned'], to: 'submitted', needs: 'canEnter', reasonRequired: false },
  verify: { from: ['submitted'], to: 'verified', needs: 'canVerify', reasonRequired: false },
  return: { from: ['submitted', 'verified'], to: 'returned', needs: 'canVerify', reasonRequired: true },
  approve: { from: ['verified'], to: 'approved', needs: 'canApprove', reasonRequired: false },
  publish: { from: ['approved'], to: 'published', needs: 'canApprove', reasonRequired: false },
  reopen: { from: ['approved', 'published'], to: 'draft', needs: 'canReopen', reasonRequired: true },
};

const WHO: Record<keyof ValueActor, string> = {
  canEnter: 'a person assigned to enter data for this measure',
  canVerify: 'the measure’s verifier',
  canApprove: 'a director or performance officer',
  canReopen: 'a performance officer',
};

const LABEL: Record<ValueStatus | 'none', string> = {
  none: 'not yet entered',
  draft: 'a draft',
  submitted: 'submitted',
  returned: 'returned for correction',
  verified: 'verified',
  approved: 'approved (the period is locked)',
  published: 'published (the period is locked)',
};

export function nextValueStatus(
  current: ValueStatus | null,
  action: ValueAction,
  actor: ValueActor,
  reason: string,
): Result<ValueStatus> {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    const verb = action === 'save' ? 'change' : action;
    return fail(domainError('invalid_state', `You cannot ${verb} a value that is ${LABEL[current ?? 'none']}`));
  }
  if (!actor[transition.needs]) {
    return fail(domainError('forbidden', `Only ${WHO[transition.needs]} can ${action} this value`));
  }
  if (transition.reasonRequired && reason.trim() === '') {
    return fail(domainError('invalid', `Give a reason to ${action} this value`, 'reason'));
  }
  return ok(transition.to);
}

export function isLocked(status: ValueStatus | null): boolean {
  return status === 'approved' || status === 'published';
}

export function availableValueActions(current: ValueStatus | null, actor: ValueActor): ValueAction[] {
  return VALUE_ACTIONS.filter((action) => {
    const transition = TRANSITIONS[action];
    return transition.from.includes(current) && actor[transition.needs];
  });
}
