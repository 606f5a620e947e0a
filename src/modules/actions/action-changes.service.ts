/**
 * Changes over an action's life: progress updates (append-only), a revised due date (with its
 * reason, and the council's approver where it has one), milestones, closing, and the escalation
 * owner's decisions. Each is one transaction with its history event and audit row.
 */
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import {
  type CloseInput,
  deriveStatus,
  effectiveStatus,
  type EscalationDecisionInput,
  type EscalationTrigger,
  escalationOwed,
  judgementNeedsReason,
  type MilestoneInput,
  type ProgressInput,
  type ReviseDateInput,
  type ActionStatus,
} from './domain/index.ts';
import * as repo from './data/actions.repository.ts';
import * as escalationsRepo from './data/escalations.repository.ts';
import { mayEditAt, mayRead, mayUpdate } from './action-access.ts';
import { loadDeliverySettings } from './delivery-settings.ts';
import { type Notifier, raiseEscalation, sendEscalationNotices } from './escalation.ts';
import { NOT_FOUND } from './actions.service.ts';
import { phrase, phraseText } from '../../kernel/phrase.ts';

/** The closed status said in a sentence ("complete", "cancelled", "terminated"). */
const closedWord = (row: repo.ActionRow) => phrase(`actionInSentence.${row.closedStatus!}`);

function closedRefusal(row: repo.ActionRow) {
  return refuse('invalid_state', phraseText('actionRefusals.closed', { status: closedWord(row) }));
}

async function event(tx: Db, row: repo.ActionRow, actor: Actor, kind: string, detail: object = {}, reason = '') {
  await repo.insertEvent(tx, {
    organisationId: row.organisationId,
    actionId: row.id,
    kind,
    detail: { ...detail },
    reason,
    byPersonId: actor.personId,
    byLabel: actor.label,
  });
}

export function createActionChangesService({ db, clock, notifier }: ServiceDeps & { notifier: Notifier }) {
  /** The action (locked) with the caller's right to do the step; not found for another council's id. */
  async function load(
    tx: Db,
    caller: Caller,
    id: string,
    right: 'edit' | 'update' | 'escalation-owner',
  ): Promise<Result<repo.ActionRow>> {
    if (!mayRead(caller)) return notFound(NOT_FOUND);
    const listed = await repo.findAction(tx, caller.organisationId, id);
    if (!listed) return notFound(NOT_FOUND);
    const allowed =
      right === 'edit'
        ? await mayEditAt(tx, caller, listed.planUnitId)
        : right === 'update'
          ? await mayUpdate(tx, caller, listed)
          : listed.escalationOwnerPersonId === caller.personId;
    if (!allowed) {
      return forbidden(
        right === 'escalation-owner'
          ? phraseText('actionRefusals.onlyEscalationOwnerNamed', { name: listed.escalationOwnerName })
          : phraseText('actionRefusals.cannotChange'),
      );
    }
    const row = await repo.lockAction(tx, caller.organisationId, id);
    return row ? ok(row) : notFound(NOT_FOUND);
  }

  const audit = (
    tx: Db,
    row: repo.ActionRow,
    actor: Actor,
    action: string,
    oldValue: unknown,
    newValue: unknown,
    reason = '',
  ) =>
    recordAudit(tx, {
      organisationId: row.organisationId,
      actor,
      entityType: 'action',
      entityId: row.id,
      action,
      oldValue,
      newValue,
      reason,
    });

  return {
    /** A progress update: appended, never overwriting the last; may raise an escalation. */
    async addProgress(
      caller: Caller,
      id: string,
      input: ProgressInput,
    ): Promise<Result<{ updateId: string; escalated: boolean }>> {
      const today = clock.today();
      if (input.asOf > today) return refuse('invalid', phraseText('actionRefusals.updateInFuture'), 'asOf');
      const result = await inTransaction(db, async (tx) => {
        const loaded = await load(tx, caller, id, 'update');
        if (!loaded.ok) return loaded;
        const row = loaded.value;
        if (row.closedStatus)
          return refuse('invalid_state', phraseText('actionRefusals.closedNoUpdate', { status: closedWord(row) }));
        const settings = await loadDeliverySettings(tx, row.organisationId);
        const dueDate = row.revisedDueDate ?? row.originalDueDate;
        const derived = deriveStatus(
          { startDate: row.startDate, dueDate, percentComplete: input.percentComplete, closedAs: null },
          settings,
          today,
        );
        if (judgementNeedsReason(input.status, derived.status, input.statusReason)) {
          return refuse('invalid', phraseText('actionRefusals.judgementReason'), 'statusReason');
        }
        const judged: ActionStatus | null =
          input.status !== null && input.status !== derived.status ? input.status : null;
        const status = effectiveStatus(derived.status, judged);
        const actor = actorOf(caller);
        const update = await repo.insertUpdate(tx, {
          organisationId: row.organisationId,
          actionId: row.id,
          asOf: input.asOf,
          percentComplete: input.percentComplete,
          status,
          derivedStatus: derived.status,
          judgedStatus: judged,
          statusReason: judged ? input.statusReason : '',
          commentary: input.commentary,
          byPersonId: actor.personId,
          byLabel: actor.label,
        });
        await repo.updateAction(tx, row.organisationId, row.id, {
          percentComplete: input.percentComplete,
          judgedStatus: judged,
          judgementReason: judged ? input.statusReason : '',
        });
        await audit(
          tx,
          row,
          actor,
          'progress',
          { percentComplete: row.percentComplete, judgedStatus: row.judgedStatus },
          { ...input, derivedStatus: derived.status, status },
        );
        // Escalation: the last N updates off track (this one included), or overdue by N days;
        // once per trigger (domain/escalation.ts).
        const history = (await escalationsRepo.escalationHistories(tx, row.organisationId, [row.id])).get(row.id)!;
        const open = (await escalationsRepo.openEscalationIds(tx, row.organisationId, [row.id])).has(row.id);
        const owed = escalationOwed(
          { ...escalationFacts(history), dueDate, closed: false, openEscalation: open },
          settings,
          today,
        );
        if (owed) await raiseEscalation(tx, row, owed, today, actor);
        return ok({ updateId: update.id, escalated: owed !== null });
      });
      if (result.ok && result.value.escalated) await sendEscalationNotices(db, notifier, caller.organisationId);
      return result;
    },

    /**
     * A revised due date with its reason. Where the council names an approver and the caller is
     * not it, the date waits for approval and counts only once approved. The original never changes.
     */
    async reviseDate(caller: Caller, id: string, input: ReviseDateInput): Promise<Result<{ pending: boolean }>> {
      return inTransaction(db, async (tx) => {
        const loaded = await load(tx, caller, id, 'edit');
        if (!loaded.ok) return loaded;
        const row = loaded.value;
        if (row.closedStatus) return closedRefusal(row);
        if (input.revisedDueDate < row.startDate) {
          return refuse('invalid', phraseText('actionRefusals.revisedBeforeStart'), 'revisedDueDate');
        }
        const settings = await loadDeliverySettings(tx, row.organisationId);
        const actor = actorOf(caller);
        const pending =
          settings.revisedDateApprover === 'escalation-owner' && row.escalationOwnerPersonId !== caller.personId;
        if (pending) {
          await repo.updateAction(tx, row.organisationId, row.id, {
            pendingDueDate: input.revisedDueDate,
            pendingReason: input.reason,
          });
          await event(tx, row, actor, 'revision-requested', { revisedDueDate: input.revisedDueDate }, input.reason);
        } else {
          await repo.updateAction(tx, row.organisationId, row.id, {
            revisedDueDate: input.revisedDueDate,
            revisionReason: input.reason,
            pendingDueDate: null,
            pendingReason: '',
          });
          await event(
            tx,
            row,
            actor,
            'date-revised',
            { from: row.revisedDueDate ?? row.originalDueDate, to: input.revisedDueDate },
            input.reason,
          );
        }
        await audit(
          tx,
          row,
          actor,
          pending ? 'request-revised-date' : 'revise-date',
          { revisedDueDate: row.revisedDueDate },
          { ...input },
          input.reason,
        );
        return ok({ pending });
      });
    },

    /** The approver's answer to a revised date waiting for approval. */
    async decideRevision(
      caller: Caller,
      id: string,
      input: { decision: 'approve' | 'reject'; reason: string },
    ): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        const loaded = await load(tx, caller, id, 'escalation-owner');
        if (!loaded.ok) return loaded;
        const row = loaded.value;
        if (!row.pendingDueDate) return refuse('invalid_state', phraseText('actionRefusals.noPendingDate'));
        if (input.decision === 'reject' && input.reason === '')
          return refuse('invalid', phraseText('actionRefusals.rejectReason'), 'reason');
        const actor = actorOf(caller);
        const changes =
          input.decision === 'approve'
            ? {
                revisedDueDate: row.pendingDueDate,
                revisionReason: row.pendingReason,
                pendingDueDate: null,
                pendingReason: '',
              }
            : { pendingDueDate: null, pendingReason: '' };
        await repo.updateAction(tx, row.organisationId, row.id, changes);
        await event(
          tx,
          row,
          actor,
          input.decision === 'approve' ? 'revision-approved' : 'revision-rejected',
          { revisedDueDate: row.pendingDueDate },
          input.reason,
        );
        await audit(
          tx,
          row,
          actor,
          `${input.decision}-revised-date`,
          { pendingDueDate: row.pendingDueDate },
          changes,
          input.reason,
        );
        return ok(null);
      });
    },

    /** Complete (every milestone done), cancelled or terminated (each with a reason). */
    async close(caller: Caller, id: string, input: CloseInput): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        const loaded = await load(tx, caller, id, 'edit');
        if (!loaded.ok) return loaded;
        const row = loaded.value;
        if (row.closedStatus) return closedRefusal(row);
        if (input.status === 'complete') {
          const open = (await repo.milestonesOf(tx, row.organisationId, row.id)).filter((m) => m.completedOn === null);
          if (open.length > 0) {
            return refuse(
              'invalid',
              phraseText(open.length === 1 ? 'actionRefusals.milestoneOpen' : 'actionRefusals.milestonesOpen', {
                count: open.length,
                titles: open.map((m) => m.title).join('; '),
              }),
              'status',
            );
          }
        }
        const actor = actorOf(caller);
        const changes = {
          closedStatus: input.status,
          closedReason: input.reason,
          judgedStatus: null,
          judgementReason: '',
          ...(input.status === 'complete' ? { percentComplete: 100 } : {}),
        };
        await repo.updateAction(tx, row.organisationId, row.id, changes);
        await event(tx, row, actor, 'closed', { status: input.status }, input.reason);
        await audit(tx, row, actor, 'close', { closedStatus: null }, changes, input.reason);
        return ok(null);
      });
    },

    async addMilestone(caller: Caller, id: string, input: MilestoneInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const loaded = await load(tx, caller, id, 'edit');
        if (!loaded.ok) return loaded;
        const row = loaded.value;
        if (row.closedStatus) return closedRefusal(row);
        const milestone = await repo.insertMilestone(tx, {
          organisationId: row.organisationId,
          actionId: row.id,
          ...input,
        });
        const actor = actorOf(caller);
        await event(tx, row, actor, 'milestone-added', { title: input.title, dueDate: input.dueDate });
        await audit(tx, row, actor, 'add-milestone', null, { milestoneId: milestone.id, ...input });
        return ok({ id: milestone.id });
      });
    },

    async completeMilestone(
      caller: Caller,
      id: string,
      milestoneId: string,
      completedOn: string,
    ): Promise<Result<null>> {
      if (completedOn > clock.today())
        return refuse('invalid', phraseText('actionRefusals.completedInFuture'), 'completedOn');
      return inTransaction(db, async (tx) => {
        const loaded = await load(tx, caller, id, 'update');
        if (!loaded.ok) return loaded;
        const row = loaded.value;
        if (row.closedStatus) return closedRefusal(row);
        const done = await repo.completeMilestone(tx, row.organisationId, row.id, milestoneId, completedOn);
        if (!done) return notFound('milestone');
        const actor = actorOf(caller);
        await event(tx, row, actor, 'milestone-completed', { title: done.title, completedOn });
        await audit(tx, row, actor, 'complete-milestone', null, { milestoneId, completedOn });
        return ok(null);
      });
    },

    /** The escalation owner's decision: more resource, re-plan with a new date, or terminate; with a reason. */
    async decideEscalation(
      caller: Caller,
      id: string,
      escalationId: string,
      input: EscalationDecisionInput,
    ): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        const loaded = await load(tx, caller, id, 'escalation-owner');
        if (!loaded.ok) return loaded;
        const row = loaded.value;
        const escalation = await escalationsRepo.findEscalation(tx, row.organisationId, escalationId);
        if (!escalation || escalation.actionId !== row.id) return notFound('escalation');
        if (escalation.decision) return refuse('invalid_state', phraseText('actionRefusals.escalationDecided'));
        if (escalation.escalationOwnerPersonId !== caller.personId)
          return forbidden(phraseText('actionRefusals.onlyEscalationOwner'));
        if (input.decision === 're-plan' && input.newDueDate! < row.startDate) {
          return refuse('invalid', phraseText('actionRefusals.newDateBeforeStart'), 'newDueDate');
        }
        const actor = actorOf(caller);
        await escalationsRepo.decideEscalation(tx, escalationId, {
          decision: input.decision,
          decisionReason: input.reason,
          newDueDate: input.decision === 're-plan' ? input.newDueDate : null,
          decidedByPersonId: caller.personId,
          decidedAt: clock(),
        });
        if (input.decision === 're-plan') {
          await repo.updateAction(tx, row.organisationId, row.id, {
            revisedDueDate: input.newDueDate,
            revisionReason: input.reason,
            pendingDueDate: null,
            pendingReason: '',
          });
        } else if (input.decision === 'terminate') {
          if (row.closedStatus) return closedRefusal(row);
          await repo.updateAction(tx, row.organisationId, row.id, {
            closedStatus: 'terminated',
            closedReason: input.reason,
            judgedStatus: null,
          });
        }
        await event(
          tx,
          row,
          actor,
          'escalation-decided',
          { escalationId, decision: input.decision, newDueDate: input.newDueDate },
          input.reason,
        );
        await audit(tx, row, actor, 'decide-escalation', { escalationId }, { ...input }, input.reason);
        return ok(null);
      });
    },

    /**
     * The daily job: every open action of every council owed an escalation (overdue by the
     * council's days, or its last updates off track) is escalated, then the notices are sent.
     */
    async runEscalations(): Promise<{ raised: number; sent: number; failed: number }> {
      const today = clock.today();
      const system: Actor = { personId: null, label: phraseText('auditActors.escalationJob') };
      let raised = 0;
      for (const organisationId of await repo.organisationsWithOpenActions(db)) {
        const settings = await loadDeliverySettings(db, organisationId);
        const open = await repo.openActions(db, organisationId);
        const ids = open.map((a) => a.id);
        const [histories, escalated] = await Promise.all([
          escalationsRepo.escalationHistories(db, organisationId, ids),
          escalationsRepo.openEscalationIds(db, organisationId, ids),
        ]);
        for (const action of open) {
          const owed = escalationOwed(
            {
              ...escalationFacts(histories.get(action.id)!),
              dueDate: action.revisedDueDate ?? action.originalDueDate,
              closed: false,
              openEscalation: escalated.has(action.id),
            },
            settings,
            today,
          );
          if (!owed) continue;
          await inTransaction(db, async (tx) => {
            // Claimed by the partial unique index: a second process finds it open and skips.
            const again = await escalationsRepo.openEscalationIds(tx, organisationId, [action.id]);
            if (again.has(action.id)) return ok(null);
            await raiseEscalation(tx, action, owed, today, system);
            raised++;
            return ok(null);
          });
        }
      }
      const notices = await sendEscalationNotices(db, notifier);
      return { raised, ...notices };
    },
  };
}

/** The stored history as the domain's facts (statuses were parsed into the enum when written). */
function escalationFacts(history: escalationsRepo.EscalationHistory) {
  return {
    updateStatuses: history.updateStatuses as ActionStatus[],
    previous: history.previous && {
      raisedOn: history.previous.raisedOn,
      trigger: history.previous.trigger as EscalationTrigger['code'],
      statusThen: history.previous.statusThen as ActionStatus | null,
    },
  };
}
