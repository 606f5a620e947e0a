import {
  type ApproveInput,
  type CommentInput,
  currentStep,
  isPlanStatus,
  mayTakeStep,
  type ReasonInput,
  transition,
  type RollForwardMove,
} from './domain/index.ts';
import { phrase, phraseText, storePhrase } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import * as plansRepo from './data/plans.repository.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { type Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { STALE, type PlanContext } from './plan-context.ts';
import { approvalRound, bodyDecisionFor, separationProblem } from './approval-rules.ts';
import type { Plan } from './plans.types.ts';

/** A plan's lifecycle: submit, approve step by step, return, amend, roll forward, archive. */
export function createPlanLifecycle({ db }: ServiceDeps, context: PlanContext) {
  const { today, visiblePlan, stepFacts, audit, event, takeEffect, loadType, staleCheck, startVersion } = context;
  return {
    async submit(caller: Caller, id: string, input: CommentInput = { comment: '' }): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const plan = await visiblePlan(tx, caller, id, true);
        if (!plan || !isPlanStatus(plan.status)) return notFound('plan');
        const access = createAccessPolicy(unitAncestryIn(tx));
        if (
          plan.ownerPersonId !== caller.personId &&
          !(await access.can(caller, 'submit:plans', { unitId: plan.owningUnitId }))
        ) {
          return forbidden(phraseText('planRefusals.mayNotSubmit'));
        }
        const stale = staleCheck(plan, input.rowVersion);
        if (!stale.ok) return stale;
        const type = await loadType(tx, caller, plan);
        const moved = transition(
          { status: plan.status, nextStep: plan.nextStep },
          { type: 'submit' },
          type.approvalSteps,
        );
        if (!moved.ok) return moved;
        const effect = moved.value.becameApproved ? await takeEffect(tx, caller, plan) : {};
        const updated = await plansRepo.updatePlan(tx, caller.organisationId, id, plan.rowVersion, {
          status: moved.value.to.status,
          nextStep: moved.value.to.nextStep,
          ...effect,
        });
        if (!updated) return refuse('conflict', STALE);
        await event(tx, caller, id, 'submitted', input.comment);
        if (moved.value.becameApproved) {
          await event(tx, caller, id, 'approved', phrase('planHistory.approvedNoSteps', { type: type.name }));
        }
        await audit(tx, caller, id, 'submit', {
          old: { status: plan.status },
          new: { status: updated.status, nextStep: updated.nextStep, effectiveFrom: updated.effectiveFrom },
          reason: input.comment,
        });
        return ok(updated);
      });
    },
    async approve(caller: Caller, id: string, input: ApproveInput): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const plan = await visiblePlan(tx, caller, id, true);
        if (!plan || !isPlanStatus(plan.status)) return notFound('plan');
        const stale = staleCheck(plan, input.rowVersion);
        if (!stale.ok) return stale;
        const type = await loadType(tx, caller, plan);
        const moved = transition(
          { status: plan.status, nextStep: plan.nextStep },
          { type: 'approve', step: input.step },
          type.approvalSteps,
        );
        if (!moved.ok) return moved;
        const step = type.approvalSteps.find((candidate) => candidate.position === moved.value.step?.position);
        if (!step) throw new Error('approval transition without a step');
        const access = createAccessPolicy(unitAncestryIn(tx));
        const allowed = mayTakeStep(step, await stepFacts(tx, caller, plan, step, access));
        if (!allowed.ok) return allowed;
        const round = await approvalRound(tx, caller.organisationId, plan.id);
        const separated = separationProblem(step, caller.personId, round);
        if (separated) return refuse('invalid_state', storePhrase(separated));
        const decision = bodyDecisionFor(step, input, { today: today(), round });
        if (!decision.ok) return decision;
        const effect = moved.value.becameApproved ? await takeEffect(tx, caller, plan) : {};
        const updated = await plansRepo.updatePlan(tx, caller.organisationId, id, plan.rowVersion, {
          status: moved.value.to.status,
          nextStep: moved.value.to.nextStep,
          ...effect,
        });
        if (!updated) return refuse('conflict', STALE);
        await event(tx, caller, id, 'step-approved', input.comment, step, decision.value);
        if (moved.value.becameApproved)
          await event(
            tx,
            caller,
            id,
            'approved',
            phrase('planHistory.inForceFrom', { date: updated.effectiveFrom ?? '' }),
          );
        await audit(tx, caller, id, 'approve', {
          old: { status: plan.status, nextStep: plan.nextStep },
          new: {
            status: updated.status,
            nextStep: updated.nextStep,
            step: step.position,
            stepName: step.name,
            ...(decision.value ?? {}),
          },
          reason: input.comment,
        });
        return ok(updated);
      });
    },
    async returnToDraft(caller: Caller, id: string, input: ReasonInput): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const plan = await visiblePlan(tx, caller, id, true);
        if (!plan || !isPlanStatus(plan.status)) return notFound('plan');
        const stale = staleCheck(plan, input.rowVersion);
        if (!stale.ok) return stale;
        const type = await loadType(tx, caller, plan);
        const state = { status: plan.status, nextStep: plan.nextStep };
        const moved = transition(state, { type: 'return', reason: input.reason }, type.approvalSteps);
        if (!moved.ok) return moved;
        const step = currentStep(state, type.approvalSteps);
        const access = createAccessPolicy(unitAncestryIn(tx));
        const mayApprove = step ? mayTakeStep(step, await stepFacts(tx, caller, plan, step, access)).ok : false;
        if (!mayApprove && plan.ownerPersonId !== caller.personId) {
          return forbidden(
            phraseText('planRefusals.mayNotReturn', { step: step?.name ?? phrase('planRefusals.theCurrentStep') }),
          );
        }
        const updated = await plansRepo.updatePlan(tx, caller.organisationId, id, plan.rowVersion, {
          status: moved.value.to.status,
          nextStep: null,
        });
        if (!updated) return refuse('conflict', STALE);
        await event(tx, caller, id, 'returned', input.reason, step);
        await audit(tx, caller, id, 'return', {
          old: { status: plan.status, nextStep: plan.nextStep },
          new: { status: 'draft' },
          reason: input.reason,
        });
        return ok(updated);
      });
    },

    /** In-year amendment: a draft copy of the same period, approved again through the steps. */
    amend(caller: Caller, id: string, input: ReasonInput): Promise<Result<Plan>> {
      return startVersion(caller, id, 'amendment', input);
    },

    /**
     * Roll forward: a draft copy moved on by one year (the annual refresh, 2025–2028 → 2026–2029)
     * or, when asked for, by its whole length (a new plan period, 2025–2028 → 2028–2031), titles'
     * year labels moved on with it.
     */
    rollForward(
      caller: Caller,
      id: string,
      input: { reason: string; move?: RollForwardMove; rowVersion?: number | undefined },
    ): Promise<Result<Plan>> {
      return startVersion(caller, id, 'refresh', input);
    },
    async archive(caller: Caller, id: string, input: CommentInput = { comment: '' }): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const plan = await visiblePlan(tx, caller, id, true);
        if (!plan || !isPlanStatus(plan.status)) return notFound('plan');
        const access = createAccessPolicy(unitAncestryIn(tx));
        if (!(await access.can(caller, 'version:plans', { unitId: plan.owningUnitId }))) {
          return forbidden(phraseText('planRefusals.mayNotArchive'));
        }
        const stale = staleCheck(plan, input.rowVersion);
        if (!stale.ok) return stale;
        const type = await loadType(tx, caller, plan);
        const moved = transition(
          { status: plan.status, nextStep: plan.nextStep },
          { type: 'archive' },
          type.approvalSteps,
        );
        if (!moved.ok) return moved;
        const day = today();
        // An approved version stops being in force on the day it is archived.
        const effectiveTo =
          plan.status === 'approved' && plan.effectiveFrom && !plan.effectiveTo
            ? plan.effectiveFrom > day
              ? plan.effectiveFrom
              : day
            : plan.effectiveTo;
        const updated = await plansRepo.updatePlan(tx, caller.organisationId, id, plan.rowVersion, {
          status: 'archived',
          nextStep: null,
          effectiveTo,
        });
        if (!updated) return refuse('conflict', STALE);
        await event(tx, caller, id, 'archived', input.comment);
        await audit(tx, caller, id, 'archive', {
          old: { status: plan.status, effectiveTo: plan.effectiveTo },
          new: { status: 'archived', effectiveTo },
          reason: input.comment,
        });
        return ok(updated);
      });
    },

    /** Which version of the plan was in force on the date (null: none was). */
    /** Plans whose next approval step this person may take: the home page's "waiting for you". */
  };
}
