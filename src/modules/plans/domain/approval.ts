/**
 * Who may take an approval step. The facts about the person (do they own the plan, hold the role
 * over the plan's unit, sit on the body, work as a performance officer over the unit) are found by
 * the service; the decision and the sentence explaining a refusal live here, pure and tested.
 */
import { ROLE_NAMES, type Role } from '../../../kernel/access/index.ts';
import { domainError, fail, ok, type Result } from '../../../kernel/result.ts';

export interface StepAuthority {
  kind: 'owner' | 'role' | 'body';
  name: string;
  role: Role | null;
  bodyId: string | null;
  bodyName: string | null;
}

export interface CallerFacts {
  isOwner: boolean;
  /** The plan has an owner at all. */
  planHasOwner: boolean;
  /** Holds the step's role at the plan's owning unit or above. */
  holdsStepRole: boolean;
  /** Sits on the step's governance body. */
  isBodyMember: boolean;
  /** Holds the performance officer role at the plan's owning unit or above. */
  isPerformanceOfficer: boolean;
}

export function mayTakeStep(step: StepAuthority, facts: CallerFacts): Result<null> {
  switch (step.kind) {
    case 'owner':
      if (!facts.planHasOwner) {
        return fail(domainError('invalid_state', 'This plan has no owner. Set its owner before it can be signed off.'));
      }
      return facts.isOwner ? ok(null) : fail(domainError('forbidden', "Only the plan's owner can sign it off"));
    case 'role': {
      const roleName = step.role ? ROLE_NAMES[step.role] : 'the named role';
      return facts.holdsStepRole
        ? ok(null)
        : fail(
            domainError(
              'forbidden',
              `Only a ${roleName.toLowerCase()} for this plan's part of the organisation (or above) can approve "${step.name}"`,
            ),
          );
    }
    case 'body': {
      const body = step.bodyName ?? 'the governance body';
      return facts.isBodyMember || facts.isPerformanceOfficer
        ? ok(null)
        : fail(
            domainError('forbidden', `Only a member of ${body} or a performance officer can record ${body}'s approval`),
          );
    }
  }
}

/** The words on the button for a step: "Sign off as owner", "Approve as Director", "Approve as Cabinet". */
export function approveLabel(step: StepAuthority): string {
  switch (step.kind) {
    case 'owner':
      return 'Sign off as owner';
    case 'role':
      return `Approve as ${step.role ? ROLE_NAMES[step.role] : step.name}`;
    case 'body':
      return `Approve as ${step.bodyName ?? step.name}`;
  }
}
