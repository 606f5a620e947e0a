import { londonDateOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import { formatDate } from '../../platform/http/filters.ts';
import { fill, words } from '../../platform/words/index.ts';
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

export function separationMessage(refusal: SeparationRefusal): string {
  if (refusal.reason === 'submitted-plan') return fill(words.planApproval.submittedPlan, { step: refusal.step });
  const template = refusal.recorded ? words.planApproval.recordedEarlierStep : words.planApproval.tookEarlierStep;
  return fill(template, { earlier: refusal.earlierStep, step: refusal.step });
}

/** Why this person may not take the step under the "different person" rule, in words; null if they may. */
export function separationProblem(step: ApprovalStepDetail, personId: string, round: ApprovalRound): string | null {
  const refusal = separationRefusal(step, personId, round);
  return refusal ? separationMessage(refusal) : null;
}

function problemWords(problem: BodyDecisionProblem, body: string): string {
  switch (problem.problem) {
    case 'missing-date':
      return fill(words.planApproval.enterDecisionDate, { body });
    case 'not-a-real-date':
      return words.planApproval.decisionDateReal;
    case 'in-the-future':
      return words.planApproval.decisionDateFuture;
    case 'before-submission':
      return fill(words.planApproval.decisionDateBeforeSubmitted, { submitted: formatDate(problem.submittedOn) });
    case 'missing-minute':
      return fill(words.planApproval.enterMinuteReference, { body });
    case 'minute-too-long':
      return words.planApproval.minuteReferenceTooLong;
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
  return fail(domainError('invalid', problemWords(first, step.bodyName ?? step.name), first.field));
}
