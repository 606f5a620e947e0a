/** The actions JSON API under /api/v1: the same use cases as the pages, described in the OpenAPI. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem, sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses, problemSchema } from '../../../platform/http/schemas.ts';
import { XLSX_MIME } from '../../imports/index.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { Result } from '../../../kernel/result.ts';
import {
  actionInput,
  actionListQuery,
  actionUpdateInput,
  closeInput,
  deliverySettingsInput,
  escalationDecisionInput,
  milestoneDoneInput,
  milestoneInput,
  progressInput,
  reviseDateInput,
  revisionDecisionInput,
} from '../domain/index.ts';
import type { ActionsServices } from '../services.ts';
import { actionDetailSchema, actionSchema, settingsSchema, toAction, toDetail } from './action-schemas.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import { importRefused } from '../import-export.service.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const escalationParams = z.object({
  id: z.uuid({ message: phraseText('apiInputs.uuid') }),
  escalationId: z.uuid({ message: phraseText('apiInputs.uuid') }),
});
const milestoneParams = z.object({
  id: z.uuid({ message: phraseText('apiInputs.uuid') }),
  milestoneId: z.uuid({ message: phraseText('apiInputs.uuid') }),
});

const importResultSchema = z.object({ imported: z.number().int() }).meta({ id: 'ActionImport' });
const importRejectedSchema = problemSchema
  .extend({ rows: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })) })
  .meta({ id: 'ActionImportRejected' });

/** The largest import file accepted (the page's multipart limit is the app's). */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

type Access = { access: { permission: 'view:plans' | 'edit:plans' } };

/**
 * One change to an action: the body checked against its schema, the service asked, and the
 * action as it now is in the answer (201 when something was added to it), or the problem.
 */
interface ActionWrite<P extends z.ZodObject<{ id: z.ZodType<string> }>, B extends z.ZodType> {
  method: 'POST' | 'PUT';
  url: string;
  config: Access;
  summary: string;
  description?: string;
  params: P;
  body: B;
  created?: boolean;
  call: (caller: Caller, params: z.infer<P>, body: z.infer<B>) => Promise<Result<unknown>>;
}

export async function actionsApi(
  app: FastifyInstance,
  { services, today }: { services: ActionsServices; today: () => string },
) {
  // An import's file is the request body: CSV as text/csv, a workbook as the XLSX type.
  app.addContentTypeParser(
    ['text/csv', XLSX_MIME],
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => done(null, body),
  );
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

  function actionWrite<P extends z.ZodObject<{ id: z.ZodType<string> }>, B extends z.ZodType>(
    route: ActionWrite<P, B>,
  ) {
    const status = route.created ? 201 : 200;
    api.route({
      method: route.method,
      url: route.url,
      config: route.config,
      schema: {
        tags,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        params: route.params,
        body: route.body,
        response: { [status]: actionDetailSchema, ...problemResponses },
      },
      handler: async (request, reply) => {
        const caller = request.caller();
        const params = request.params as z.infer<P>;
        const result = await route.call(caller, params, request.body as z.infer<B>);
        if (!result.ok) return sendProblem(reply, result.error);
        // The status is the route's own (200 or 201), so the type provider cannot tie it to its schema.
        return reply.code(status).send((await detailOf(caller, params.id)) as never);
      },
    });
  }

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
    '/actions/export',
    {
      config: view,
      schema: {
        tags,
        summary: 'Export the actions you may read as CSV or XLSX (the import’s columns, plus status)',
        description: 'Text that a spreadsheet would read as a formula is written with a leading apostrophe.',
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
        response: { ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await services.actionFiles.exportActions(request.caller(), request.query.format);
      if (!file.ok) return sendProblem(reply, file.error);
      return reply
        .type(file.value.contentType)
        .header('content-disposition', `attachment; filename="${file.value.fileName}"`)
        .send(file.value.body as never);
    },
  );

  api.post(
    '/actions/import',
    {
      config: edit,
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: 'Import actions from a CSV (text/csv) or XLSX file sent as the request body',
        description:
          'Every row is checked first; nothing is written unless all are valid, then all in one transaction. ' +
          'The columns are those of the export (new codes only).',
        response: {
          200: importResultSchema,
          400: importRejectedSchema,
          401: problemSchema,
          403: problemSchema,
          415: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const format = type === XLSX_MIME ? 'xlsx' : type === 'text/csv' ? 'csv' : null;
      if (!format || !Buffer.isBuffer(request.body)) {
        return reply
          .code(415)
          .type('application/problem+json')
          .send(problem(415, fill(words.actionImport.fileType, { xlsx: XLSX_MIME })));
      }
      const result = await services.actionFiles.importActions(request.caller(), request.body, format);
      if (!result.ok) {
        const code = result.error.code === 'forbidden' ? 403 : 400;
        return reply
          .code(code)
          .type('application/problem+json')
          .send({ ...problem(code, sayStored(result.error.message), { code: result.error.code }), rows: [] });
      }
      const { errors, created } = result.value;
      if (errors.length > 0) {
        return reply
          .code(400)
          .type('application/problem+json')
          .send({
            ...problem(400, importRefused(errors.length), { code: 'invalid' }),
            rows: errors.map((e) => ({ ...e, message: sayStored(e.message) })),
          });
      }
      return { imported: created };
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

  const { actions, actionChanges } = services;
  actionWrite({
    method: 'PUT',
    url: '/actions/:id',
    config: edit,
    summary: 'Change an action’s details, people and links',
    description: 'Dates, progress and closure have their own endpoints.',
    params: idParams,
    body: actionUpdateInput,
    call: (caller, { id }, body) => actions.update(caller, id, body),
  });
  actionWrite({
    method: 'POST',
    url: '/actions/:id/updates',
    config: view,
    summary: 'Add a progress update (appended; never overwrites the last)',
    description: 'By the owner, an assignee, or someone who may edit the action. Refused for a closed action.',
    params: idParams,
    body: progressInput,
    created: true,
    call: (caller, { id }, body) => actionChanges.addProgress(caller, id, body),
  });
  actionWrite({
    method: 'POST',
    url: '/actions/:id/revised-due-date',
    config: edit,
    summary: 'Revise the due date, with a reason',
    description:
      'Where the council names an approver, the date waits for approval. The original due date never changes.',
    params: idParams,
    body: reviseDateInput,
    call: (caller, { id }, body) => actionChanges.reviseDate(caller, id, body),
  });
  actionWrite({
    method: 'POST',
    url: '/actions/:id/revised-due-date/decision',
    config: view,
    summary: 'Approve or reject a revised due date waiting for approval',
    description:
      'By the escalation owner, where the council says revised dates need their approval. Rejecting needs a reason.',
    params: idParams,
    body: revisionDecisionInput,
    call: (caller, { id }, body) => actionChanges.decideRevision(caller, id, body),
  });
  actionWrite({
    method: 'POST',
    url: '/actions/:id/close',
    config: edit,
    summary: 'Close an action: complete, cancelled or terminated',
    description: 'Complete needs every milestone done; cancelled and terminated need a reason.',
    params: idParams,
    body: closeInput,
    call: (caller, { id }, body) => actionChanges.close(caller, id, body),
  });
  actionWrite({
    method: 'POST',
    url: '/actions/:id/milestones',
    config: edit,
    summary: 'Add a milestone',
    params: idParams,
    body: milestoneInput,
    created: true,
    call: (caller, { id }, body) => actionChanges.addMilestone(caller, id, body),
  });
  actionWrite({
    method: 'POST',
    url: '/actions/:id/milestones/:milestoneId/complete',
    config: view,
    summary: 'Complete a milestone',
    description: 'By the owner, an assignee, or someone who may edit the action. The date defaults to today.',
    params: milestoneParams,
    body: milestoneDoneInput.partial().default({}),
    call: (caller, { id, milestoneId }, body) =>
      actionChanges.completeMilestone(caller, id, milestoneId, body.completedOn ?? today()),
  });
  actionWrite({
    method: 'POST',
    url: '/actions/:id/escalations/:escalationId/decision',
    config: view,
    summary: 'The escalation owner’s decision: more resource, re-plan with a new date, or terminate',
    params: escalationParams,
    body: escalationDecisionInput,
    call: (caller, { id, escalationId }, body) => actionChanges.decideEscalation(caller, id, escalationId, body),
  });

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
