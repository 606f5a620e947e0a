/** The actions JSON API under /api/v1: the same use cases as the pages, described in the OpenAPI. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { Result } from '../../../kernel/result.ts';
import {
  ACTION_STATUSES,
  actionInput,
  actionListQuery,
  actionUpdateInput,
  ANSWER_KINDS,
  closeInput,
  deliverySettingsInput,
  ESCALATION_DECISIONS,
  escalationDecisionInput,
  milestoneInput,
  progressInput,
  REVISED_DATE_APPROVERS,
  reviseDateInput,
} from '../domain/index.ts';
import type { ActionSummary } from '../action-view.ts';
import type { ActionDetail } from '../actions.service.ts';
import type { ActionsServices } from '../services.ts';
import { derivedWords } from '../web/action.presenter.ts';

const status = z.enum(ACTION_STATUSES);
const date = z.string().describe('YYYY-MM-DD');

const actionSchema = z
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

const actionDetailSchema = actionSchema
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

const settingsSchema = z
  .object({
    overdueOffTrackBelow: z.number().int(),
    atRiskBehindBy: z.number().int(),
    offTrackBehindBy: z.number().int(),
    escalateAfterOffTrackUpdates: z.number().int(),
    escalateAfterOverdueDays: z.number().int(),
    revisedDateApprover: z.enum(REVISED_DATE_APPROVERS),
  })
  .meta({ id: 'DeliverySettings' });

const toAction = (a: ActionSummary) => actionSchema.parse({ ...a, derivedReason: derivedWords(a.derivedReason) });

const toDetail = (d: ActionDetail) =>
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
      by: u.byLabel,
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

const escalationParams = z.object({
  id: z.uuid({ message: 'must be a UUID' }),
  escalationId: z.uuid({ message: 'must be a UUID' }),
});

export async function actionsApi(app: FastifyInstance, { services }: { services: ActionsServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Actions'];
  const view = { access: { permission: 'view:plans' } } as const;
  const edit = { access: { permission: 'edit:plans' } } as const;

  /** After a write, the action as it now is. */
  async function detailOf(caller: Caller, id: string) {
    const detail = await services.actions.get(caller, id);
    if (!detail.ok) throw new Error(`action ${id} vanished after being written`);
    return toDetail(detail.value);
  }
  const thenDetail = async <T>(
    caller: Caller,
    id: string,
    result: Result<T>,
    reply: Parameters<typeof sendProblem>[0],
  ) => (result.ok ? detailOf(caller, id) : sendProblem(reply, result.error));

  api.get(
    '/actions',
    {
      config: view,
      schema: {
        tags,
        summary: 'List the council’s actions',
        description:
          'Filters: owner, unit (the plan’s unit or one inside it), measure (actions contributing to it), status (the one that counts), overdue=yes.',
        querystring: z.object({
          ownerPersonId: z.string().optional(),
          unitId: z.string().optional(),
          measureId: z.string().optional(),
          status: z.string().optional(),
          overdue: z.string().optional(),
        }),
        response: { 200: z.array(actionSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.actions.list(request.caller(), actionListQuery.parse(request.query));
      return result.ok ? result.value.map(toAction) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/actions/mine',
    {
      config: view,
      schema: {
        tags,
        summary: 'My actions: owned, assigned, escalated to me, and waiting for my decision',
        response: {
          200: z.object({
            owned: z.array(actionSchema),
            assigned: z.array(actionSchema),
            escalatedToMe: z.array(actionSchema),
            awaitingDecision: z.array(actionSchema),
            awaitingDateApproval: z.array(actionSchema),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await services.actions.mine(request.caller());
      if (!result.ok) return sendProblem(reply, result.error);
      const m = result.value;
      return {
        owned: m.owned.map(toAction),
        assigned: m.assigned.map(toAction),
        escalatedToMe: m.escalatedToMe.map(toAction),
        awaitingDecision: m.awaitingDecision.map(toAction),
        awaitingDateApproval: m.awaitingDateApproval.map(toAction),
      };
    },
  );

  api.get(
    '/actions/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'Get an action with its milestones, updates and escalations',
        params: idParams,
        response: { 200: actionDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.actions.get(request.caller(), request.params.id);
      return result.ok ? toDetail(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/actions',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add an action to a plan',
        body: actionInput,
        response: { 201: actionDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      const result = await services.actions.create(caller, request.body);
      return result.ok
        ? reply.code(201).send(await detailOf(caller, result.value.id))
        : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/actions/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change an action’s details, people and links',
        description: 'Dates, progress and closure have their own endpoints.',
        params: idParams,
        body: actionUpdateInput,
        response: { 200: actionDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      return thenDetail(
        caller,
        request.params.id,
        await services.actions.update(caller, request.params.id, request.body),
        reply,
      );
    },
  );

  api.post(
    '/actions/:id/updates',
    {
      config: view,
      schema: {
        tags,
        summary: 'Add a progress update (appended; never overwrites the last)',
        description: 'By the owner, an assignee, or someone who may edit the action. Refused for a closed action.',
        params: idParams,
        body: progressInput,
        response: { 201: actionDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      const result = await services.actionChanges.addProgress(caller, request.params.id, request.body);
      return result.ok
        ? reply.code(201).send(await detailOf(caller, request.params.id))
        : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/actions/:id/revised-due-date',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Revise the due date, with a reason',
        description:
          'Where the council names an approver, the date waits for approval. The original due date never changes.',
        params: idParams,
        body: reviseDateInput,
        response: { 200: actionDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      return thenDetail(
        caller,
        request.params.id,
        await services.actionChanges.reviseDate(caller, request.params.id, request.body),
        reply,
      );
    },
  );

  api.post(
    '/actions/:id/close',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Close an action: complete, cancelled or terminated',
        description: 'Complete needs every milestone done; cancelled and terminated need a reason.',
        params: idParams,
        body: closeInput,
        response: { 200: actionDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      return thenDetail(
        caller,
        request.params.id,
        await services.actionChanges.close(caller, request.params.id, request.body),
        reply,
      );
    },
  );

  api.post(
    '/actions/:id/milestones',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a milestone',
        params: idParams,
        body: milestoneInput,
        response: { 201: actionDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      const result = await services.actionChanges.addMilestone(caller, request.params.id, request.body);
      return result.ok
        ? reply.code(201).send(await detailOf(caller, request.params.id))
        : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/actions/:id/escalations/:escalationId/decision',
    {
      config: view,
      schema: {
        tags,
        summary: 'The escalation owner’s decision: more resource, re-plan with a new date, or terminate',
        params: escalationParams,
        body: escalationDecisionInput,
        response: { 200: actionDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      const { id, escalationId } = request.params;
      return thenDetail(
        caller,
        id,
        await services.actionChanges.decideEscalation(caller, id, escalationId, request.body),
        reply,
      );
    },
  );

  api.get(
    '/delivery-settings',
    {
      config: view,
      schema: {
        tags,
        summary: 'The council’s delivery settings',
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.deliverySettings.get(request.caller());
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/delivery-settings',
    {
      config: { access: { permission: 'manage:framework' } },
      schema: {
        tags,
        summary: 'Change the council’s delivery settings',
        body: deliverySettingsInput,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.deliverySettings.save(request.caller(), request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );
}
