/**
 * Improvement plans: reading, creating and editing them, and each step of their lifecycle. Every
 * write is one transaction with its history row and audit row; a refusal writes nothing.
 */
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/improvement-plans.repository.ts';
import type {
  CloseInput,
  DecisionInput,
  NewPlanInput,
  PlanFilters,
  PlanUpdateInput,
  WithdrawInput,
} from './domain/inputs.ts';
import { isPlanStatus, nextStatus, stepsFrom, type PlanStatus, type PlanStep } from './domain/lifecycle.ts';
import { recordPanelDecisionIn } from './panel-decision.ts';
import { mayRecordDecision, mayWritePlanFor } from './plan-access.ts';
import {
  checkExpectedPeriod,
  checkOwner,
  missingForSubmission,
  planChanges,
  recordStep,
  STALE,
} from './plan-context.ts';
import { isOpenAction, type ActionSummary, type ImplementingActions } from './ports.ts';

export interface PlanDetail {
  row: repo.PlanListRow;
  status: PlanStatus;
  actions: ActionSummary[];
  decisions: Awaited<ReturnType<typeof repo.decisionsOf>>;
  events: repo.EventRow[];
  panel: { id: string; name: string } | null;
  mayWrite: boolean;
  mayDecide: boolean;
  /** The steps open to this person now. */
  steps: PlanStep['type'][];
}

export function createImprovementPlansService({ db, clock }: ServiceDeps, actions: ImplementingActions) {
  const today = () => clock.today();

  async function loadForWrite(tx: typeof db, caller: Caller, id: string) {
    const row = await repo.findPlan(tx, caller.organisationId, id);
    if (!row || !isPlanStatus(row.plan.status)) return notFound('improvementPlan');
    const measure = await repo.findMeasure(tx, caller.organisationId, row.plan.measureId);
    if (!measure) return notFound('improvementPlan');
    return ok({ row, plan: row.plan, status: row.plan.status, measure });
  }

  /** A step that only moves the status (and stamps dates) after the checks pass. */
  async function takeStep(
    caller: Caller,
    id: string,
    step: PlanStep,
    extra: (plan: repo.PlanRow) => Partial<repo.PlanInsert>,
    note: string,
    rowVersion?: number,
  ): Promise<Result<repo.PlanRow>> {
    return inTransaction(db, async (tx) => {
      const loaded = await loadForWrite(tx, caller, id);
      if (!loaded.ok) return loaded;
      const { plan, status, measure } = loaded.value;
      if (!(await mayWritePlanFor(tx, caller, measure, plan.ownerPersonId)))
        return forbidden(phraseText('improvementPlanRefusals.notYoursToStep'));
      if (rowVersion !== undefined && rowVersion !== plan.rowVersion) return refuse('conflict', STALE);
      const moved = nextStatus(status, step);
      if (!moved.ok) return moved;
      if (step.type === 'submit') {
        const missing = missingForSubmission(plan);
        if (missing) return refuse('invalid', missing.message, missing.field);
      }
      const updated = await repo.updatePlan(tx, caller.organisationId, id, plan.rowVersion, {
        status: moved.value,
        ...extra(plan),
      });
      if (!updated) return refuse('conflict', STALE);
      await recordStep(tx, caller, id, step.type, {
        note,
        old: { status },
        new: { status: moved.value, ...extra(plan) },
      });
      return ok(updated);
    });
  }

  return {
    async list(caller: Caller, filters: Partial<PlanFilters> = {}) {
      return repo.listPlans(db, caller.organisationId, filters);
    },

    async filterOptions(caller: Caller) {
      const [people, units] = await Promise.all([
        repo.peopleOptions(db, caller.organisationId),
        repo.unitOptions(db, caller.organisationId),
      ]);
      return { people, units };
    },

    async formOptions(caller: Caller) {
      const [people, measures] = await Promise.all([
        repo.peopleOptions(db, caller.organisationId),
        repo.measureOptions(db, caller.organisationId),
      ]);
      return { people, measures };
    },

    async detail(caller: Caller, id: string): Promise<Result<PlanDetail>> {
      const row = await repo.findPlan(db, caller.organisationId, id);
      if (!row || !isPlanStatus(row.plan.status)) return notFound('improvementPlan');
      const status = row.plan.status;
      const [measure, decisions, events, settings, planActions] = await Promise.all([
        repo.findMeasure(db, caller.organisationId, row.plan.measureId),
        repo.decisionsOf(db, caller.organisationId, id),
        repo.eventsOf(db, caller.organisationId, id),
        repo.loadSettings(db, caller.organisationId),
        actions.actionsAnswering(db, caller.organisationId, 'improvement-plan', [id]),
      ]);
      if (!measure) return notFound('improvementPlan');
      const [mayWrite, mayDecide, panel] = await Promise.all([
        mayWritePlanFor(db, caller, measure, row.plan.ownerPersonId),
        mayRecordDecision(db, caller, settings.panelBodyId),
        settings.panelBodyId ? repo.findBody(db, caller.organisationId, settings.panelBodyId) : undefined,
      ]);
      const steps = stepsFrom(status).filter((step) => (step === 'decide' ? mayDecide : mayWrite));
      return ok({
        row,
        status,
        actions: planActions,
        decisions,
        events,
        panel: panel ?? null,
        mayWrite,
        mayDecide,
        steps,
      });
    },

    /** The measure's open plan with its actions, for the measure's page (null: none open). */
    async openPlanForMeasure(caller: Caller, measureId: string) {
      const plan = await repo.openPlanFor(db, caller.organisationId, measureId);
      if (!plan) return null;
      const planActions = await actions.actionsAnswering(db, caller.organisationId, 'improvement-plan', [plan.id]);
      return { plan, actions: planActions };
    },

    async create(caller: Caller, input: NewPlanInput): Promise<Result<repo.PlanRow>> {
      return inTransaction(db, async (tx) => {
        let measureId = input.measureId;
        let request: repo.RequestRow | undefined;
        if (input.requestId) {
          request = await repo.findRequest(tx, caller.organisationId, input.requestId);
          if (!request) return refuse('not_found', phraseText('improvementPlanRefusals.requestNotFound'), 'requestId');
          if (request.status !== 'open')
            return refuse('invalid_state', phraseText('improvementPlanRefusals.requestAnswered'), 'requestId');
          measureId = request.measureId;
        }
        if (!measureId) return refuse('invalid', phraseText('improvementPlanRefusals.measure'), 'measureId');
        const measure = await repo.findMeasure(tx, caller.organisationId, measureId);
        if (!measure) return refuse('not_found', phraseText('improvementPlanRefusals.measureNotFound'), 'measureId');
        const ownerPersonId = input.ownerPersonId ?? measure.ownerPersonId ?? caller.personId;
        // Naming yourself the owner does not let you start a plan for someone else's measure.
        if (!(await mayWritePlanFor(tx, caller, measure, null)))
          return forbidden(phraseText('improvementPlanRefusals.notYoursToStart'));
        const open = await repo.openPlanFor(tx, caller.organisationId, measure.id);
        if (open)
          return refuse(
            'duplicate',
            phraseText('improvementPlanRefusals.alreadyOpen', { code: measure.code }),
            'measureId',
          );
        const period = checkExpectedPeriod(input.expectedPeriod, measure.frequency);
        if (!period.ok) return period;
        const owner = await checkOwner(tx, caller.organisationId, ownerPersonId);
        if (!owner.ok) return owner;
        const plan = await repo.insertPlan(tx, {
          organisationId: caller.organisationId,
          measureId: measure.id,
          requestId: request?.id ?? null,
          ...planChanges(input),
          ownerPersonId,
          status: 'draft',
        });
        if (request) await repo.answerRequest(tx, caller.organisationId, request.id, plan.id);
        await recordStep(tx, caller, plan.id, 'create', {
          new: { measureId: measure.id, requestId: request?.id ?? null, ...planChanges(input), ownerPersonId },
        });
        return ok(plan);
      });
    },

    async update(caller: Caller, id: string, input: PlanUpdateInput): Promise<Result<repo.PlanRow>> {
      return inTransaction(db, async (tx) => {
        const loaded = await loadForWrite(tx, caller, id);
        if (!loaded.ok) return loaded;
        const { plan, status, measure } = loaded.value;
        if (!(await mayWritePlanFor(tx, caller, measure, plan.ownerPersonId)))
          return forbidden(phraseText('improvementPlanRefusals.notYoursToChange'));
        const moved = nextStatus(status, { type: 'edit' });
        if (!moved.ok) return moved;
        if (input.rowVersion !== undefined && input.rowVersion !== plan.rowVersion) return refuse('conflict', STALE);
        const period = checkExpectedPeriod(input.expectedPeriod, measure.frequency);
        if (!period.ok) return period;
        const owner = await checkOwner(tx, caller.organisationId, input.ownerPersonId);
        if (!owner.ok) return owner;
        const changes = planChanges(input);
        const updated = await repo.updatePlan(tx, caller.organisationId, id, plan.rowVersion, changes);
        if (!updated) return refuse('conflict', STALE);
        const old = Object.fromEntries(Object.keys(changes).map((key) => [key, plan[key as keyof repo.PlanRow]]));
        await recordStep(tx, caller, id, 'edit', { old, new: changes });
        return ok(updated);
      });
    },

    submit(caller: Caller, id: string, rowVersion?: number) {
      return takeStep(caller, id, { type: 'submit' }, () => ({ submittedOn: today() }), '', rowVersion);
    },

    start(caller: Caller, id: string) {
      return takeStep(caller, id, { type: 'start' }, () => ({}), '');
    },

    async close(caller: Caller, id: string, input: CloseInput): Promise<Result<repo.PlanRow>> {
      const planActions = await actions.actionsAnswering(db, caller.organisationId, 'improvement-plan', [id]);
      const openActions = planActions.filter(isOpenAction).length;
      return takeStep(
        caller,
        id,
        { type: 'close', summary: input.closingSummary, openActions, openActionsReason: input.openActionsReason },
        () => ({
          closingSummary: input.closingSummary,
          openActionsReason: openActions > 0 ? input.openActionsReason : '',
        }),
        input.closingSummary,
      );
    },

    withdraw(caller: Caller, id: string, input: WithdrawInput) {
      return takeStep(
        caller,
        id,
        { type: 'withdraw', reason: input.reason },
        () => ({ withdrawnReason: input.reason }),
        input.reason,
      );
    },

    /** The panel's decision at a meeting: agreed, or sent back with its comments. Kept as history. */
    async decide(caller: Caller, id: string, input: DecisionInput): Promise<Result<repo.PlanRow>> {
      return inTransaction(db, async (tx) => {
        const loaded = await loadForWrite(tx, caller, id);
        if (!loaded.ok) return loaded;
        const settings = await repo.loadSettings(tx, caller.organisationId);
        if (!(await mayRecordDecision(tx, caller, settings.panelBodyId)))
          return forbidden(
            settings.panelBodyId
              ? phraseText('improvementPlanRefusals.notOnPanel')
              : phraseText('improvementPlanRefusals.noPanel'),
          );
        return recordPanelDecisionIn(tx, caller, id, { ...input, bodyId: settings.panelBodyId }, today());
      });
    },
  };
}
