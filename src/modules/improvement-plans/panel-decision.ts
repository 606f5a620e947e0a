/**
 * Recording the panel's decision on a plan inside a transaction the caller already holds: the
 * plan's own decision page uses it, and so does the committees module when the panel decides an
 * agenda item about the plan (the decision is then written on the plan in the same transaction).
 */
import { ok, type Result } from '../../kernel/result.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { notFound, refuse } from '../../platform/services/errors.ts';
import * as repo from './data/improvement-plans.repository.ts';
import { decisionProblems } from './domain/decision.ts';
import { isPlanStatus, nextStatus, type DecisionOutcome } from './domain/lifecycle.ts';
import { recordStep, STALE } from './plan-context.ts';

export interface PanelDecision {
  outcome: DecisionOutcome;
  meetingDate: string | null;
  minuteReference: string;
  comments: string;
  /** The body that took the decision (the council's named panel, or the meeting's body). */
  bodyId: string | null;
}

/** Checks the plan can be decided, then writes the decision, the plan's new status and its history. */
export async function recordPanelDecisionIn(
  tx: Db,
  caller: Caller,
  planId: string,
  input: PanelDecision,
  today: string,
): Promise<Result<repo.PlanRow>> {
  const row = await repo.findPlan(tx, caller.organisationId, planId);
  if (!row || !isPlanStatus(row.plan.status)) return notFound('improvementPlan');
  const { plan } = row;
  const status = row.plan.status;
  const moved = nextStatus(status, { type: 'decide', outcome: input.outcome });
  if (!moved.ok) return moved;
  const [problem] = decisionProblems(input, { today, submittedOn: plan.submittedOn });
  if (problem) return refuse(problem.code, problem.message, problem.field);
  if (input.outcome === 'sent-back' && input.comments.trim() === '')
    return refuse('invalid', 'Enter the panel’s comments: what the owner should change', 'comments');
  const meetingDate = input.meetingDate!.trim();
  const decision = await repo.insertDecision(tx, {
    organisationId: caller.organisationId,
    planId,
    outcome: input.outcome,
    meetingDate,
    minuteReference: input.minuteReference.trim(),
    comments: input.comments,
    bodyId: input.bodyId,
    recordedByPersonId: caller.personId,
  });
  const updated = await repo.updatePlan(tx, caller.organisationId, planId, plan.rowVersion, {
    status: moved.value,
    ...(input.outcome === 'agreed' ? { agreedOn: meetingDate } : {}),
  });
  if (!updated) return refuse('conflict', STALE);
  await recordStep(tx, caller, planId, input.outcome === 'agreed' ? 'agreed' : 'sent-back', {
    note: input.comments,
    old: { status },
    new: { status: moved.value, decisionId: decision.id, meetingDate, minuteReference: decision.minuteReference },
  });
  return ok(updated);
}
