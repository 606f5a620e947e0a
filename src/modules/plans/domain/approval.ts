/**
 * Who may take an approval step. The facts about the person (do they own the plan, hold the role
 * over the plan's unit, sit on the body, work as a performance officer over the unit) are found by
 * the service; the decision and the phrase explaining a refusal live here, pure and tested.
 */
import { rolePhrase, type Role } from '../../../kernel/access/index.ts';
import { phrase, phraseText, type Phrase } from '../../../kernel/phrase.ts';
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
        return fail(domainError('invalid_state', phraseText('planRefusals.noOwner')));
      }
      return facts.isOwner ? ok(null) : fail(domainError('forbidden', phraseText('planRefusals.ownerOnly')));
    case 'role': {
      const role = step.role ? rolePhrase(step.role) : phrase('planRefusals.theNamedRole');
      return facts.holdsStepRole
        ? ok(null)
        : fail(domainError('forbidden', phraseText('planRefusals.roleOnly', { role, step: step.name })));
    }
    case 'body': {
      const body = step.bodyName ?? phrase('planRefusals.theGovernanceBody');
      return facts.isBodyMember || facts.isPerformanceOfficer
        ? ok(null)
        : fail(domainError('forbidden', phraseText('planRefusals.bodyOnly', { body })));
    }
  }
}

/** The words on the button for a step: "Sign off as owner", "Approve as Director", "Approve as Cabinet". */
export function approveLabel(step: StepAuthority): Phrase {
  switch (step.kind) {
    case 'owner':
      return phrase('planRefusals.signOffAsOwner');
    case 'role':
      return phrase('planRefusals.approveAs', { name: step.role ? rolePhrase(step.role) : step.name });
    case 'body':
      return phrase('planRefusals.approveAs', { name: step.bodyName ?? step.name });
  }
}
