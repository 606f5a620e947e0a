/**
 * Actions: reading (list with filters, one action with its history, my actions), creating and
 * editing. Progress, dates, closure and milestones are in action-changes.service.ts; escalation in
 * escalation.service.ts. Every write is one transaction with its audit row and history event.
 */
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { listUnits, unitDescendants } from '../organisation/index.ts';
import type { ActionStatus, ActionInput, ActionUpdateInput } from './domain/index.ts';
import * as repo from './data/actions.repository.ts';
import * as escalationsRepo from './data/escalations.repository.ts';
import { mayEditAt, mayRead, mayUpdate, readablePlans } from './action-access.ts';
import { type ActionSummary, summaryOf } from './action-view.ts';
import { loadDeliverySettings } from './delivery-settings.ts';
import type { AnswerTargets } from './ports.ts';
import { phrase, phraseText } from '../../kernel/phrase.ts';

export interface ActionFilter {
  ownerPersonId?: string | null;
  unitId?: string | null;
  planId?: string | null;
  measureId?: string | null;
  status?: ActionStatus | null;
  overdue?: boolean;
}

export interface ActionDetail {
  action: ActionSummary & {
    description: string;
    revisionReason: string;
    pendingDueDate: string | null;
    pendingReason: string;
    closedReason: string;
  };
  assignees: { id: string; name: string }[];
  items: Awaited<ReturnType<typeof repo.itemLinksOf>>;
  measures: Awaited<ReturnType<typeof repo.measureLinksOf>>;
  milestones: Awaited<ReturnType<typeof repo.milestonesOf>>;
  updates: Awaited<ReturnType<typeof repo.updatesOf>>;
  escalations: Awaited<ReturnType<typeof escalationsRepo.escalationsOf>>;
  events: Awaited<ReturnType<typeof repo.eventsOf>>;
  may: { edit: boolean; update: boolean; decide: boolean; approveDate: boolean };
  escalationOwnerActive: boolean;
}

export interface MyActions {
  owned: ActionSummary[];
  assigned: ActionSummary[];
  escalatedToMe: ActionSummary[];
  /** Escalations waiting for my decision. */
  awaitingDecision: ActionSummary[];
  /** Revised dates waiting for my approval. */
  awaitingDateApproval: ActionSummary[];
}

export const NOT_FOUND = 'action';

export function createActionsService({ db, clock, answers }: ServiceDeps & { answers: AnswerTargets }) {
  /** Everything the action refers to must be the council's own; an escalation owner must not have left. */
  async function checkReferences(tx: Db, organisationId: string, input: ActionUpdateInput): Promise<Result<null>> {
    const owner = await repo.findPerson(tx, organisationId, input.ownerPersonId);
    if (!owner) return refuse('invalid', phraseText('actionRefusals.ownerMissing'), 'ownerPersonId');
    if (owner.status !== 'active')
      return refuse('invalid', phraseText('actionRefusals.ownerLeft', { name: owner.name }), 'ownerPersonId');
    const escalation = await repo.findPerson(tx, organisationId, input.escalationOwnerPersonId);
    if (!escalation)
      return refuse('invalid', phraseText('actionRefusals.escalationOwnerMissing'), 'escalationOwnerPersonId');
    if (escalation.status !== 'active') {
      return refuse(
        'invalid',
        phraseText('actionRefusals.escalationOwnerLeft', { name: escalation.name }),
        'escalationOwnerPersonId',
      );
    }
    if ((await repo.countPeople(tx, organisationId, input.assigneeIds, true)) !== new Set(input.assigneeIds).size) {
      return refuse('invalid', phraseText('actionRefusals.assignees'), 'assigneeIds');
    }
    if ((await repo.countItems(tx, organisationId, input.itemIds)) !== new Set(input.itemIds).size) {
      return refuse('invalid', phraseText('actionRefusals.items'), 'itemIds');
    }
    if ((await repo.countMeasures(tx, organisationId, input.measureIds)) !== new Set(input.measureIds).size) {
      return refuse('invalid', phraseText('actionRefusals.measures'), 'measureIds');
    }
    if (
      input.answersKind &&
      input.answersId &&
      !(await answers.exists(tx, organisationId, input.answersKind, input.answersId))
    ) {
      const what = phrase(`actionInSentence.${input.answersKind}`);
      return refuse('invalid', phraseText('actionRefusals.answersMissing', { what }), 'answersId');
    }
    return ok(null);
  }

  const duplicate = (code: string) => refuse('duplicate', phraseText('actionRefusals.duplicateCode', { code }), 'code');

  /** Only actions of plans the caller may read (appraisals are private). */
  async function readable(caller: Caller, rows: repo.ActionListRow[]): Promise<repo.ActionListRow[]> {
    const plans = await readablePlans(
      db,
      caller,
      rows.map((r) => r.planId),
    );
    return rows.filter((r) => plans.has(r.planId));
  }

  async function summaries(caller: Caller, rows: repo.ActionListRow[]): Promise<ActionSummary[]> {
    const settings = await loadDeliverySettings(db, caller.organisationId);
    const open = await escalationsRepo.openEscalationIds(
      db,
      caller.organisationId,
      rows.map((r) => r.id),
    );
    const today = clock.today();
    return rows.map((row) => summaryOf(row, settings, today, open.get(row.id) ?? null));
  }

  return {
    /** The council's actions with the filters of the list page (owner, unit and below, plan, status, overdue). */
    async list(caller: Caller, filter: ActionFilter = {}): Promise<Result<ActionSummary[]>> {
      if (!mayRead(caller)) return ok([]);
      const unitIds = filter.unitId ? await unitDescendants(db, caller.organisationId, filter.unitId) : null;
      const rows = await repo.listActions(db, caller.organisationId, {
        ownerPersonId: filter.ownerPersonId ?? null,
        planId: filter.planId ?? null,
        measureId: filter.measureId ?? null,
        unitIds,
      });
      let list = await summaries(caller, await readable(caller, rows));
      if (filter.status) list = list.filter((a) => a.status === filter.status);
      if (filter.overdue) list = list.filter((a) => a.overdue);
      return ok(list);
    },

    /** Actions I own, am assigned to or am the escalation owner of, and what waits for my decision. */
    async mine(caller: Caller): Promise<Result<MyActions>> {
      if (!mayRead(caller))
        return ok({ owned: [], assigned: [], escalatedToMe: [], awaitingDecision: [], awaitingDateApproval: [] });
      const rows = await repo.listActions(db, caller.organisationId, { involvingPersonId: caller.personId });
      const list = await summaries(caller, await readable(caller, rows));
      const me = caller.personId;
      const assigned = new Set(
        (
          await repo.assigneesOf(
            db,
            list.map((a) => a.id),
          )
        )
          .filter((a) => a.id === me)
          .map((a) => a.actionId),
      );
      const pending = new Set(rows.filter((r) => r.pendingDueDate !== null).map((r) => r.id));
      return ok({
        owned: list.filter((a) => a.ownerPersonId === me),
        assigned: list.filter((a) => assigned.has(a.id) && a.ownerPersonId !== me),
        escalatedToMe: list.filter((a) => a.escalationOwnerPersonId === me),
        awaitingDecision: list.filter((a) => a.escalationOwnerPersonId === me && a.openEscalationId !== null),
        awaitingDateApproval: list.filter((a) => a.escalationOwnerPersonId === me && pending.has(a.id)),
      });
    },

    async get(caller: Caller, id: string): Promise<Result<ActionDetail>> {
      if (!mayRead(caller)) return notFound(NOT_FOUND);
      const org = caller.organisationId;
      const row = await repo.findAction(db, org, id);
      if (!row || (await readable(caller, [row])).length === 0) return notFound(NOT_FOUND);
      const [summary] = await summaries(caller, [row]);
      const [assignees, items, measures, milestones, updates, escalations, events, edit, update] = await Promise.all([
        repo.assigneesOf(db, [id]),
        repo.itemLinksOf(db, id),
        repo.measureLinksOf(db, id),
        repo.milestonesOf(db, org, id),
        repo.updatesOf(db, org, id),
        escalationsRepo.escalationsOf(db, org, id),
        repo.eventsOf(db, org, id),
        mayEditAt(db, caller, row.planUnitId),
        mayUpdate(db, caller, row),
      ]);
      const isEscalationOwner = row.escalationOwnerPersonId === caller.personId;
      return ok({
        action: {
          ...summary!,
          description: row.description,
          revisionReason: row.revisionReason,
          pendingDueDate: row.pendingDueDate,
          pendingReason: row.pendingReason,
          closedReason: row.closedReason,
        },
        assignees: assignees.map(({ id: personId, name }) => ({ id: personId, name })),
        items,
        measures,
        milestones,
        updates,
        escalations,
        events,
        may: {
          edit,
          update: update && row.closedStatus === null,
          decide: isEscalationOwner && summary!.openEscalationId !== null,
          approveDate: isEscalationOwner && row.pendingDueDate !== null,
        },
        escalationOwnerActive: row.escalationOwnerActive,
      });
    },

    /** What the list's filters offer: active people and the council's units. */
    async filterOptions(caller: Caller) {
      const [people, units] = await Promise.all([
        repo.activePeople(db, caller.organisationId),
        listUnits(db, caller.organisationId),
      ]);
      return { people, units: units.map((u) => ({ id: u.id, name: u.name })) };
    },

    /** What the create and edit forms offer: plans and their items, active people, measures. */
    async formOptions(caller: Caller) {
      const org = caller.organisationId;
      const [{ plans: allPlans, items: allItems }, people, measures] = await Promise.all([
        repo.plansAndItems(db, org),
        repo.activePeople(db, org),
        repo.activeMeasures(db, org),
      ]);
      const readableIds = await readablePlans(
        db,
        caller,
        allPlans.map((p) => p.id),
      );
      const plans = allPlans.filter((p) => readableIds.has(p.id));
      const items = allItems.filter((i) => readableIds.has(i.planId));
      return { plans, items, people, measures };
    },

    async create(caller: Caller, input: ActionInput): Promise<Result<{ id: string; code: string }>> {
      if (!mayRead(caller)) return forbidden(phraseText('actionRefusals.cannotAdd'));
      const org = caller.organisationId;
      try {
        return await inTransaction(db, async (tx) => {
          const plan = await repo.findPlan(tx, org, input.planId);
          if (!plan) return refuse('invalid', phraseText('actionRefusals.plan'), 'planId');
          if (!(await mayEditAt(tx, caller, plan.owningUnitId)))
            return forbidden(phraseText('actionRefusals.cannotAddTo', { plan: plan.title }));
          const checked = await checkReferences(tx, org, input);
          if (!checked.ok) return checked;
          if (await repo.findActionByCode(tx, org, input.code)) return duplicate(input.code);
          const row = await repo.insertAction(tx, {
            organisationId: org,
            planId: plan.id,
            code: input.code,
            title: input.title,
            description: input.description,
            ownerPersonId: input.ownerPersonId,
            escalationOwnerPersonId: input.escalationOwnerPersonId,
            startDate: input.startDate,
            originalDueDate: input.dueDate,
            isKey: input.isKey,
            answersKind: input.answersKind,
            answersId: input.answersId,
          });
          await repo.replaceLinks(tx, org, row.id, input);
          const actor = actorOf(caller);
          await repo.insertEvent(tx, {
            organisationId: org,
            actionId: row.id,
            kind: 'created',
            byPersonId: actor.personId,
            byLabel: actor.label,
          });
          await recordAudit(tx, {
            organisationId: org,
            actor,
            entityType: 'action',
            entityId: row.id,
            action: 'create',
            newValue: { ...input },
          });
          return ok({ id: row.id, code: row.code });
        });
      } catch (error) {
        if (isUniqueViolation(error)) return duplicate(input.code);
        throw error;
      }
    },

    /** Changes what the action is and who has it; dates, progress and closure have their own steps. */
    async update(caller: Caller, id: string, input: ActionUpdateInput): Promise<Result<{ id: string; code: string }>> {
      if (!mayRead(caller)) return notFound(NOT_FOUND);
      const org = caller.organisationId;
      try {
        return await inTransaction(db, async (tx) => {
          const before = await repo.findAction(tx, org, id);
          if (!before) return notFound(NOT_FOUND);
          if (!(await mayEditAt(tx, caller, before.planUnitId)))
            return forbidden(phraseText('actionRefusals.cannotChange'));
          await repo.lockAction(tx, org, id);
          const checked = await checkReferences(tx, org, input);
          if (!checked.ok) return checked;
          const clash = await repo.findActionByCode(tx, org, input.code);
          if (clash && clash.id !== id) return duplicate(input.code);
          const changes = {
            code: input.code,
            title: input.title,
            description: input.description,
            ownerPersonId: input.ownerPersonId,
            escalationOwnerPersonId: input.escalationOwnerPersonId,
            isKey: input.isKey,
            answersKind: input.answersKind,
            answersId: input.answersId,
          };
          await repo.updateAction(tx, org, id, changes);
          await repo.replaceLinks(tx, org, id, input);
          const actor = actorOf(caller);
          await repo.insertEvent(tx, {
            organisationId: org,
            actionId: id,
            kind: 'edited',
            byPersonId: actor.personId,
            byLabel: actor.label,
          });
          const old = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]]));
          await recordAudit(tx, {
            organisationId: org,
            actor,
            entityType: 'action',
            entityId: id,
            action: 'update',
            oldValue: old,
            newValue: { ...input },
          });
          return ok({ id, code: input.code });
        });
      } catch (error) {
        if (isUniqueViolation(error)) return duplicate(input.code);
        throw error;
      }
    },
  };
}
