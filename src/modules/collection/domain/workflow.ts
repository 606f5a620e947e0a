import { phrase, phraseText, type Phrase } from '../../../kernel/phrase.ts';
import { domainError, fail, ok, type DomainError, type Result } from '../../../kernel/result.ts';

/**
 * Data-quality sign-off for one value: draft → submitted → verified → approved → published, with
 * the verifier (or approver) able to return it to the person who entered it, with a reason.
 * Approval locks the period; only a performance officer can reopen it, with a reason.
 * Two pairs of eyes: whoever entered the value neither verifies nor approves it, and whoever
 * verified it does not approve it (unless the council approves straight from submitted).
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
  /** They entered or last changed (saved, submitted, imported) the value now standing. */
  enteredIt?: boolean;
  /** They verified the value now standing. */
  verifiedIt?: boolean;
}

/**
 * The sign-off chain a council chooses: submit → verify → approve (the default), or
 * submit → approve (two steps: approved straight from submitted, still by a second person).
 */
export const SIGN_OFF_CHAINS = ['verify-then-approve', 'approve-directly'] as const;
export type SignOffChain = (typeof SIGN_OFF_CHAINS)[number];
export const DEFAULT_SIGN_OFF_CHAIN: SignOffChain = 'verify-then-approve';

/** Two pairs of eyes: the rule a refusal broke, for the words the service shows. */
export type DutyRule = 'entered-cannot-verify' | 'entered-cannot-approve' | 'verified-cannot-approve';

export type WorkflowError = DomainError & { rule?: DutyRule };

type Right = 'canEnter' | 'canVerify' | 'canApprove' | 'canReopen';

interface Transition {
  from: readonly (ValueStatus | null)[];
  to: ValueStatus;
  needs: Right;
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

// Words for the refusals, from the catalogue (workflowRefusals): who may act, the value's state, the verb.
const WHO: Record<Right, Phrase> = {
  canEnter: phrase('workflowRefusals.who.canEnter'),
  canVerify: phrase('workflowRefusals.who.canVerify'),
  canApprove: phrase('workflowRefusals.who.canApprove'),
  canReopen: phrase('workflowRefusals.who.canReopen'),
};

const LABEL: Record<ValueStatus | 'none', Phrase> = {
  none: phrase('workflowRefusals.statusNow.none'),
  draft: phrase('workflowRefusals.statusNow.draft'),
  submitted: phrase('workflowRefusals.statusNow.submitted'),
  returned: phrase('workflowRefusals.statusNow.returned'),
  verified: phrase('workflowRefusals.statusNow.verified'),
  approved: phrase('workflowRefusals.statusNow.approved'),
  published: phrase('workflowRefusals.statusNow.published'),
};

const VERB: Record<ValueAction | 'change', Phrase> = {
  change: phrase('workflowRefusals.verbs.change'),
  save: phrase('workflowRefusals.verbs.save'),
  submit: phrase('workflowRefusals.verbs.submit'),
  verify: phrase('workflowRefusals.verbs.verify'),
  return: phrase('workflowRefusals.verbs.return'),
  approve: phrase('workflowRefusals.verbs.approve'),
  publish: phrase('workflowRefusals.verbs.publish'),
  reopen: phrase('workflowRefusals.verbs.reopen'),
};

const TWO_STEP: Partial<Record<ValueAction, Transition>> = {
  verify: { ...TRANSITIONS.verify, from: [] },
  approve: { ...TRANSITIONS.approve, from: ['submitted', 'verified'] },
};

/**
 * Whether the person holds the right a transition needs. Returning a value for correction is open
 * to whoever may take its next step, so an approver (who may not verify) can send it back too.
 */
function holdsRight(action: ValueAction, transition: Transition, actor: ValueActor): boolean {
  if (action === 'return') return actor.canVerify || actor.canApprove;
  return actor[transition.needs];
}

function transitionOf(action: ValueAction, chain: SignOffChain): Transition {
  return (chain === 'approve-directly' ? TWO_STEP[action] : undefined) ?? TRANSITIONS[action];
}

/** The separation-of-duties rule this person would break by taking the action, if any. */
export function dutyBroken(action: ValueAction, actor: ValueActor, chain: SignOffChain): DutyRule | null {
  if (action === 'verify' && actor.enteredIt) return 'entered-cannot-verify';
  if (action === 'approve' && actor.enteredIt) return 'entered-cannot-approve';
  if (action === 'approve' && actor.verifiedIt && chain === 'verify-then-approve') return 'verified-cannot-approve';
  return null;
}

export function nextValueStatus(
  current: ValueStatus | null,
  action: ValueAction,
  actor: ValueActor,
  reason: string,
  chain: SignOffChain = DEFAULT_SIGN_OFF_CHAIN,
): Result<ValueStatus, WorkflowError> {
  const transition = transitionOf(action, chain);
  if (!transition.from.includes(current)) {
    const verb = VERB[action === 'save' ? 'change' : action];
    const status = LABEL[current ?? 'none'];
    return fail(domainError('invalid_state', phraseText('workflowRefusals.cannotFrom', { action: verb, status })));
  }
  if (!holdsRight(action, transition, actor)) {
    return fail(
      domainError(
        'forbidden',
        phraseText('workflowRefusals.onlyWho', { who: WHO[transition.needs], action: VERB[action] }),
      ),
    );
  }
  const rule = dutyBroken(action, actor, chain);
  // The service words the refusal from the catalogue (words.signOff) by its rule.
  if (rule)
    return fail({
      ...domainError('forbidden', phraseText('workflowRefusals.someoneElse', { action: VERB[action] })),
      rule,
    });
  if (transition.reasonRequired && reason.trim() === '') {
    return fail(domainError('invalid', phraseText('workflowRefusals.giveReason', { action: VERB[action] }), 'reason'));
  }
  return ok(transition.to);
}

export function isLocked(status: ValueStatus | null): boolean {
  return status === 'approved' || status === 'published';
}

export function availableValueActions(
  current: ValueStatus | null,
  actor: ValueActor,
  chain: SignOffChain = DEFAULT_SIGN_OFF_CHAIN,
): ValueAction[] {
  return VALUE_ACTIONS.filter((action) => {
    const transition = transitionOf(action, chain);
    return (
      transition.from.includes(current) && holdsRight(action, transition, actor) && !dutyBroken(action, actor, chain)
    );
  });
}
