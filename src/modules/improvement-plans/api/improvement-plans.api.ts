import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Result } from '../../../kernel/result.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses, withIsoDates } from '../../../platform/http/schemas.ts';
import type { ImprovementPlan as PlanRow } from '../improvement-plans.types.ts';
import {
  closeInput,
  decisionInput,
  newPlanInput,
  planFilters,
  planUpdateInput,
  settingsInput,
  withdrawInput,
} from '../domain/inputs.ts';
import { DECISION_OUTCOMES, PLAN_STATUSES } from '../domain/lifecycle.ts';
import { TRIGGERS } from '../domain/trigger.ts';
import type { ImprovementPlansServices } from '../services.ts';

const staff = { access: { permission: 'view:organisation' } } as const;
const tags = ['Improvement plans'];

const planSchema = z
  .object({
    id: z.uuid(),
    measureId: z.uuid(),
    requestId: z.uuid().nullable(),
    ownerPersonId: z.uuid().nullable(),
    problem: z.string(),
    rootCause: z.string(),
    expectedValue: z.number().nullable(),
    expectedPeriod: z.string().nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(PLAN_STATUSES),
    submittedOn: z.string().nullable(),
    agreedOn: z.string().nullable(),
    closingSummary: z.string(),
    openActionsReason: z.string(),
    withdrawnReason: z.string(),
    rowVersion: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ImprovementPlan' });

const decisionSchema = z
  .object({
    id: z.uuid(),
    outcome: z.enum(DECISION_OUTCOMES),
    meetingDate: z.string(),
    minuteReference: z.string(),
    comments: z.string(),
    bodyId: z.uuid().nullable(),
    bodyName: z.string().nullable(),
    recordedByName: z.string().nullable(),
  })
  .meta({ id: 'ImprovementPlanDecision' });

const actionSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.string(),
  derivedStatus: z.string(),
  percentComplete: z.number(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  href: z.string(),
});

const detailSchema = planSchema
  .extend({
    measureCode: z.string(),
    measureTitle: z.string(),
    ownerName: z.string().nullable(),
    decisions: z.array(decisionSchema),
    actions: z.array(actionSchema),
  })
  .meta({ id: 'ImprovementPlanDetail' });

const requestSchema = z
  .object({
    id: z.uuid(),
    measureId: z.uuid(),
    measureCode: z.string(),
    ownerPersonId: z.uuid().nullable(),
    episodeStartPeriod: z.string(),
    latestPeriod: z.string(),
    reasons: z.array(z.string()),
    status: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ImprovementPlanRequest' });

const settingsSchema = z
  .object({
    panelBodyId: z.uuid().nullable(),
    consecutivePeriods: z.number().int(),
    triggers: z.array(z.enum(TRIGGERS)),
  })
  .meta({ id: 'ImprovementPlanSettings' });

const planOut = (plan: PlanRow) => planSchema.parse(withIsoDates(plan));

function send(reply: FastifyReply, result: Result<PlanRow>, status = 200) {
  if (!result.ok) return sendProblem(reply, result.error);
  return reply.code(status).send(planOut(result.value));
}

export async function improvementPlansApi(app: FastifyInstance, { services }: { services: ImprovementPlansServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const plans = services.improvementPlans;
  const base = '/improvement-plans';

  api.get(
    base,
    {
      config: staff,
      schema: {
        tags,
        summary: 'Improvement plans, newest first, filtered by owner, unit (of the measure) and status',
        querystring: planFilters,
        response: { 200: z.array(planSchema), ...problemResponses },
      },
    },
    async (request) => (await plans.list(request.caller(), request.query)).map((row) => planOut(row.plan)),
  );

  api.post(
    base,
    {
      config: staff,
      schema: {
        tags,
        summary: 'Start an improvement plan for a measure, or from a request (audited)',
        body: newPlanInput,
        response: { 201: planSchema, ...problemResponses },
      },
    },
    async (request, reply) => send(reply, await plans.create(request.caller(), request.body), 201),
  );

  api.get(
    `${base}/requests`,
    {
      config: staff,
      schema: {
        tags,
        summary: 'Requests for an improvement plan still waiting for one: yours, or everyone’s with all=true',
        querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(requestSchema), ...problemResponses },
      },
    },
    async (request) =>
      (await services.improvementRequests.list(request.caller(), { all: request.query.all === 'true' })).map((row) =>
        requestSchema.parse(withIsoDates({ ...row.request, measureCode: row.measureCode })),
      ),
  );

  api.get(
    `${base}/settings`,
    {
      config: staff,
      schema: {
        tags,
        summary: 'The council’s panel and when a key measure needs a plan',
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { settings } = await services.improvementSettings.get(request.caller());
      return {
        panelBodyId: settings.panelBodyId,
        consecutivePeriods: settings.consecutivePeriods,
        triggers: settings.triggers,
      };
    },
  );

  api.put(
    `${base}/settings`,
    {
      config: { access: { permission: 'manage:framework' } },
      schema: {
        tags,
        summary: 'Change the panel, the number of periods and the triggers (whole-council framework managers; audited)',
        body: settingsInput,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.improvementSettings.update(request.caller(), request.body);
      if (!result.ok) return sendProblem(reply, result.error);
      return {
        panelBodyId: result.value.panelBodyId,
        consecutivePeriods: result.value.consecutivePeriods,
        triggers: result.value.triggers,
      };
    },
  );

  api.get(
    `${base}/:id`,
    {
      config: staff,
      schema: {
        tags,
        summary: 'One improvement plan with its decisions and actions',
        params: idParams,
        response: { 200: detailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await plans.detail(request.caller(), request.params.id);
      if (!result.ok) return sendProblem(reply, result.error);
      const { row, decisions, actions } = result.value;
      return detailSchema.parse({
        ...withIsoDates(row.plan),
        measureCode: row.measureCode,
        measureTitle: row.measureTitle,
        ownerName: row.ownerName,
        decisions: decisions.map(({ decision, bodyName, recordedByName }) => ({
          id: decision.id,
          outcome: decision.outcome,
          meetingDate: decision.meetingDate,
          minuteReference: decision.minuteReference,
          comments: decision.comments,
          bodyId: decision.bodyId,
          bodyName,
          recordedByName,
        })),
        actions,
      });
    },
  );

  api.patch(
    `${base}/:id`,
    {
      config: staff,
      schema: {
        tags,
        summary:
          'Change a plan’s problem, root cause, expected effect, date or owner (not once closed or withdrawn; audited)',
        params: idParams,
        body: planUpdateInput,
        response: { 200: planSchema, ...problemResponses },
      },
    },
    async (request, reply) => send(reply, await plans.update(request.caller(), request.params.id, request.body)),
  );

  const step = (
    name: string,
    summary: string,
    run: (caller: Parameters<typeof plans.submit>[0], id: string, body: never) => Promise<Result<PlanRow>>,
    body?: z.ZodType,
  ) =>
    api.post(
      `${base}/:id/${name}`,
      {
        config: staff,
        schema: {
          tags,
          summary,
          params: idParams,
          ...(body ? { body } : {}),
          response: { 200: planSchema, ...problemResponses },
        },
      },
      async (request, reply) => send(reply, await run(request.caller(), request.params.id, request.body as never)),
    );

  step('submit', 'Submit the plan to the panel (every part written; audited)', (caller, id) =>
    plans.submit(caller, id),
  );
  step('start', 'Mark an agreed plan as in progress (audited)', (caller, id) => plans.start(caller, id));
  step(
    'decisions',
    'Record the panel’s decision at a meeting: agreed or sent back, with the meeting date and minute reference (panel members or governance managers; audited)',
    (caller, id, body: z.infer<typeof decisionInput>) => plans.decide(caller, id, body),
    decisionInput,
  );
  step(
    'close',
    'Close the plan with a summary; with actions still open, a reason is needed (audited)',
    (caller, id, body: z.infer<typeof closeInput>) => plans.close(caller, id, body),
    closeInput,
  );
  step(
    'withdraw',
    'Withdraw the plan with a reason (audited)',
    (caller, id, body: z.infer<typeof withdrawInput>) => plans.withdraw(caller, id, body),
    withdrawInput,
  );
}
