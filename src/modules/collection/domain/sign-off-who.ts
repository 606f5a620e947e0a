import {
  allowsAt,
  holdsPermission,
  holdsRole,
  isRole,
  roleAllows,
  ROLES,
  type Permission,
  type Principal,
  type Role,
} from '../../../kernel/access/index.ts';
import type { SignOffChain } from './workflow.ts';

/**
 * Who may take each sign-off step (verify, approve), chosen by the council like plan approval
 * steps. Separation of duties (workflow.ts) still applies on top: this only says who is eligible.
 *
 * - `permission`: anyone holding the step's permission at the measure's unit or above — a
 *   director's grant over a directorate reaches its services (delegation); for the verify step
 *   the measure's named verifier too. Today's behaviour, and the default.
 * - `role`: holders of one named role at the measure's unit or above (a service manager).
 * - `unit-head`: the head of the unit owning the measure; when it has none, the nearest unit above
 *   with a head; when no unit up the chain has one, as `permission`.
 * - `measure-verifier` (verify only): the measure's named verifier; when it names none, as `permission`.
 * - `body`: the members of a governance body.
 */
export const SIGN_OFF_STEPS = ['verify', 'approve'] as const;
export type SignOffStep = (typeof SIGN_OFF_STEPS)[number];

export const WHO_KINDS = ['permission', 'role', 'unit-head', 'measure-verifier', 'body'] as const;
export type WhoKind = (typeof WHO_KINDS)[number];

export interface WhoRule {
  who: WhoKind;
  /** Set only when who = role. */
  role: Role | null;
  /** Set only when who = body. */
  bodyId: string | null;
}

export interface SignOffWho {
  verify: WhoRule;
  approve: WhoRule;
}

const BY_PERMISSION: WhoRule = { who: 'permission', role: null, bodyId: null };
export const DEFAULT_SIGN_OFF_WHO: SignOffWho = { verify: BY_PERMISSION, approve: BY_PERMISSION };

export const STEP_PERMISSION: Record<SignOffStep, Permission> = {
  verify: 'verify:values',
  approve: 'approve:values',
};

/** The kinds a step may be given: only the verify step has the measure's named verifier. */
export function whoKindsFor(step: SignOffStep): readonly WhoKind[] {
  return step === 'verify' ? WHO_KINDS : WHO_KINDS.filter((kind) => kind !== 'measure-verifier');
}

/** Roles that may be named for a step: those that hold the step's permission. */
export function rolesFor(step: SignOffStep): readonly Role[] {
  return ROLES.filter((role) => roleAllows(role, STEP_PERMISSION[step]));
}

/** What the service knows about the person, the measure and its unit when a step is asked about. */
export interface StepFacts {
  caller: Principal;
  /** The measure's unit first, then each unit above it (empty when the measure has no unit). */
  unitAncestry: readonly string[];
  /** The head of each unit of `unitAncestry`, in the same order (null where none is named). */
  unitHeads: readonly (string | null)[];
  verifierPersonId: string | null;
  /** The governance bodies the person is a member of. */
  bodyIds: readonly string[];
}

/** The head who answers for the measure's unit: its own, or the nearest named above it. */
export function headFor(unitHeads: readonly (string | null)[]): string | null {
  return unitHeads.find((head) => head !== null) ?? null;
}

/** Whether the person may take the step on a value of this measure under the council's rule. */
export function mayTakeStep(step: SignOffStep, rule: WhoRule, facts: StepFacts): boolean {
  const { caller } = facts;
  if (caller.kind !== 'person') return false;
  const byPermission = () => allowsAt(caller, STEP_PERMISSION[step], facts.unitAncestry);
  switch (rule.who) {
    case 'permission':
      return byPermission() || (step === 'verify' && facts.verifierPersonId === caller.personId);
    case 'role':
      return rule.role !== null && holdsRole(caller, rule.role, facts.unitAncestry);
    case 'unit-head': {
      const head = headFor(facts.unitHeads);
      return head === null ? byPermission() : head === caller.personId;
    }
    case 'measure-verifier':
      if (step !== 'verify') return false;
      return facts.verifierPersonId === null ? byPermission() : facts.verifierPersonId === caller.personId;
    case 'body':
      return rule.bodyId !== null && facts.bodyIds.includes(rule.bodyId);
  }
}

/** Why a chosen rule cannot stand, by field: the service words it. */
export type WhoProblem = 'kind-not-for-step' | 'role-missing' | 'role-cannot' | 'body-missing';

/**
 * A rule as chosen on the page or sent to the API, checked for its step: a role rule needs a role
 * holding the step's permission, a body rule a body (the service checks it is the council's).
 * Fields the kind does not use are cleared.
 */
export function checkWhoRule(
  step: SignOffStep,
  chosen: { who: WhoKind; role?: string | null; bodyId?: string | null },
): { ok: true; rule: WhoRule } | { ok: false; problem: WhoProblem; field: 'who' | 'role' | 'bodyId' } {
  if (!whoKindsFor(step).includes(chosen.who)) return { ok: false, problem: 'kind-not-for-step', field: 'who' };
  if (chosen.who === 'role') {
    const role = chosen.role ?? null;
    if (role === null || role === '') return { ok: false, problem: 'role-missing', field: 'role' };
    if (!isRole(role) || !roleAllows(role, STEP_PERMISSION[step]))
      return { ok: false, problem: 'role-cannot', field: 'role' };
    return { ok: true, rule: { who: 'role', role, bodyId: null } };
  }
  if (chosen.who === 'body') {
    const bodyId = chosen.bodyId ?? null;
    if (bodyId === null || bodyId === '') return { ok: false, problem: 'body-missing', field: 'bodyId' };
    return { ok: true, rule: { who: 'body', role: null, bodyId } };
  }
  return { ok: true, rule: { who: chosen.who, role: null, bodyId: null } };
}

/** A stored rule read back: anything unknown (a hand-edited row) falls back to the default. */
export function storedWhoRule(step: SignOffStep, who: string, role: string | null, bodyId: string | null): WhoRule {
  const kind = (WHO_KINDS as readonly string[]).includes(who) ? (who as WhoKind) : 'permission';
  const checked = checkWhoRule(step, { who: kind, role, bodyId });
  return checked.ok ? checked.rule : BY_PERMISSION;
}

/** What is known about a person across the council: enough to say whether any step could be theirs. */
export interface PersonSignOffFacts {
  caller: Principal;
  /** They are the named verifier of at least one of the council's measures. */
  namedVerifier: boolean;
  /** They head at least one of the council's units. */
  unitHead: boolean;
  /** The governance bodies they are a member of. */
  bodyIds: readonly string[];
}

/** Whether a rule could let the person take the step on some measure, from council-wide facts. */
function mayTakeStepSomewhere(step: SignOffStep, rule: WhoRule, facts: PersonSignOffFacts): boolean {
  const { caller } = facts;
  if (caller.kind !== 'person') return false;
  // Held anywhere: the measures of the unit it is held over are within reach.
  const byPermission = holdsPermission(caller, STEP_PERMISSION[step]);
  switch (rule.who) {
    case 'permission':
      return byPermission || (step === 'verify' && facts.namedVerifier);
    case 'role':
      return rule.role !== null && caller.grants.some((grant) => grant.role === rule.role);
    // Permission holders take these steps where no head (or no verifier) is named, so they count.
    case 'unit-head':
      return facts.unitHead || byPermission;
    case 'measure-verifier':
      return step === 'verify' && (facts.namedVerifier || byPermission);
    case 'body':
      return rule.bodyId !== null && facts.bodyIds.includes(rule.bodyId);
  }
}

/**
 * Whether the person may take some step of the council's chain on some measure: who sees the
 * Sign-off page in the navigation. Separation of duties is per value, so it is not asked here.
 */
export function mayTakeSomeSignOffStep(chain: SignOffChain, who: SignOffWho, facts: PersonSignOffFacts): boolean {
  const steps: SignOffStep[] = chain === 'verify-then-approve' ? ['verify', 'approve'] : ['approve'];
  return steps.some((step) => mayTakeStepSomewhere(step, who[step], facts));
}
