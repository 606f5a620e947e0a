import { londonDateOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import { formatDate } from '../../platform/http/filters.ts';
import { phrase, storePhrase, type Phrase } from '../../kernel/phrase.ts';
import { domainError, fail, ok, type DomainError, type Result } from '../../kernel/result.ts';
import type { ApprovalStepDetail } from '../framework/index.ts';
import {
  type ApprovalRound,
  type BodyDecisionInput,
  type BodyDecisionProblem,
  checkBodyDecision,
  currentRound,
  separationRefusal,
  type SeparationRefusal,
} from './domain/index.ts';
import * as plansRepo from './data/plans.repository.ts';

/** The plan's current approval round (who submitted it, who took which step since). */
export async function approvalRound(db: Db, organisationId: string, planId: string): Promise<ApprovalRound> {
  return currentRound(await plansRepo.listEvents(db, organisationId, [planId]));
}

function separationPhrase(refusal: SeparationRefusal): Phrase {
  if (refusal.reason === 'submitted-plan') return phrase('planApproval.submittedPlan', { step: refusal.step });
  return refusal.recorded
    ? phrase('planApproval.recordedEarlierStep', { earlier: refusal.earlierStep, step: refusal.step })
    : phrase('planApproval.tookEarlierStep', { earlier: refusal.earlierStep, step: refusal.step });
}

/** Why this person may not take the step under the "different person" rule; null if they may. */
export function separationProblem(step: ApprovalStepDetail, personId: string, round: ApprovalRound): Phrase | null {
  const refusal = separationRefusal(step, personId, round);
  return refusal ? separationPhrase(refusal) : null;
}

function problemPhrase(problem: BodyDecisionProblem, body: string): Phrase {
  switch (problem.problem) {
    case 'missing-date':
      return phrase('planApproval.enterDecisionDate', { body });
    case 'not-a-real-date':
      return phrase('planApproval.decisionDateReal');
    case 'in-the-future':
      return phrase('planApproval.decisionDateFuture');
    case 'before-submission':
      return phrase('planApproval.decisionDateBeforeSubmitted', { submitted: formatDate(problem.submittedOn) });
    case 'missing-minute':
      return phrase('planApproval.enterMinuteReference', { body });
    case 'minute-too-long':
      return phrase('planApproval.minuteReferenceTooLong');
  }
}

/**
 * The body's decision for a body step (the first problem as the refusal); null for other steps,
 * which record no decision whatever was sent.
 */
export function bodyDecisionFor(
  step: ApprovalStepDetail,
  input: BodyDecisionInput,
  context: { today: string; round: ApprovalRound },
): Result<{ decisionDate: string; minuteReference: string } | null, DomainError> {
  if (step.kind !== 'body') return ok(null);
  const submittedOn = context.round.submittedAt ? londonDateOf(context.round.submittedAt) : null;
  const checked = checkBodyDecision(input, { today: context.today, submittedOn });
  if (checked.ok) return ok(checked.value);
  const first = checked.problems[0]!;
  return fail(domainError('invalid', storePhrase(problemPhrase(first, step.bodyName ?? step.name)), first.field));
}
