/** The actions API's JSON shapes (described in the OpenAPI) and the mapping from the services' views. */
import { z } from 'zod';
import { ACTION_STATUSES, ANSWER_KINDS, ESCALATION_DECISIONS, REVISED_DATE_APPROVERS } from '../domain/index.ts';
import type { ActionSummary } from '../action-view.ts';
import type { ActionDetail } from '../actions.service.ts';
import { derivedWords } from '../web/action.presenter.ts';
import { sayActor } from '../../../platform/words/index.ts';

const status = z.enum(ACTION_STATUSES);
const date = z.string().describe('YYYY-MM-DD');

export const actionSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    planId: z.uuid(),
    planTitle: z.string(),
    ownerPersonId: z.uuid(),
    ownerName: z.string(),
    escalationOwnerPersonId: z.uuid(),
    escalationOwnerName: z.string(),
    startDate: date,
    originalDueDate: date,
    revisedDueDate: date.nullable(),
    dueDate: date.describe('Revised when there is one, else original'),
    percentComplete: z.number().int(),
    expectedPercent: z.number().int().describe('% complete expected by now from the elapsed time'),
    status: status.describe('The status that counts: closed, else the owner’s judgement, else derived'),
    derivedStatus: status,
    derivedReason: z.string(),
    judgedStatus: status.nullable(),
    judgementReason: z.string(),
    overdue: z.boolean(),
    isKey: z.boolean(),
    answers: z.object({ kind: z.enum(ANSWER_KINDS), id: z.uuid() }).nullable(),
    openEscalationId: z.uuid().nullable(),
    href: z.string(),
  })
  .meta({ id: 'Action' });

export const actionDetailSchema = actionSchema
  .extend({
    description: z.string(),
    assignees: z.array(z.object({ id: z.uuid(), name: z.string() })),
    items: z.array(
      z.object({ id: z.uuid(), code: z.string(), title: z.string(), planId: z.uuid(), planTitle: z.string() }),
    ),
    measures: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
    milestones: z.array(z.object({ id: z.uuid(), title: z.string(), dueDate: date, completedOn: date.nullable() })),
    updates: z.array(
      z.object({
        id: z.uuid(),
        asOf: date,
        percentComplete: z.number().int(),
        status,
        derivedStatus: status,
        judgedStatus: status.nullable(),
        statusReason: z.string(),
        commentary: z.string(),
        by: z.string(),
        at: z.string(),
      }),
    ),
    escalations: z.array(
      z.object({
        id: z.uuid(),
        raisedOn: date,
        trigger: z.record(z.string(), z.unknown()),
        escalationOwnerName: z.string(),
        decision: z.enum(ESCALATION_DECISIONS).nullable(),
        decisionReason: z.string(),
        newDueDate: date.nullable(),
      }),
    ),
  })
  .meta({ id: 'ActionDetail' });

export const settingsSchema = z
  .object({
    overdueOffTrackBelow: z.number().int(),
    atRiskBehindBy: z.number().int(),
    offTrackBehindBy: z.number().int(),
    escalateAfterOffTrackUpdates: z.number().int(),
    escalateAfterOverdueDays: z.number().int(),
    revisedDateApprover: z.enum(REVISED_DATE_APPROVERS),
  })
  .meta({ id: 'DeliverySettings' });

export const toAction = (a: ActionSummary) =>
  actionSchema.parse({ ...a, derivedReason: derivedWords(a.derivedReason) });

export const toDetail = (d: ActionDetail) =>
  actionDetailSchema.parse({
    ...toAction(d.action),
    description: d.action.description,
    assignees: d.assignees,
    items: d.items,
    measures: d.measures,
    milestones: d.milestones.map(({ id, title, dueDate, completedOn }) => ({ id, title, dueDate, completedOn })),
    updates: d.updates.map((u) => ({
      id: u.id,
      asOf: u.asOf,
      percentComplete: u.percentComplete,
      status: u.status,
      derivedStatus: u.derivedStatus,
      judgedStatus: u.judgedStatus,
      statusReason: u.statusReason,
      commentary: u.commentary,
      by: sayActor(u.byLabel),
      at: u.at.toISOString(),
    })),
    escalations: d.escalations.map(({ escalation: e, ownerName }) => ({
      id: e.id,
      raisedOn: e.raisedOn,
      trigger: e.trigger,
      escalationOwnerName: ownerName,
      decision: e.decision,
      decisionReason: e.decisionReason,
      newDueDate: e.newDueDate,
    })),
  });
