import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  amendInput,
  approveInput,
  commentInput,
  PLAN_STATUSES,
  planFilters,
  planInput,
  planUpdateInput,
  returnInput,
  rollForwardInput,
} from '../domain/index.ts';
import type { Result } from '../../../kernel/result.ts';
import type { PlansServices } from '../services.ts';
import type { Plan, PlanDetail } from '../plans.service.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import { sayStored } from '../../../platform/words/index.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const planSchema = z
  .object({
    id: z.uuid(),
    lineageId: z.uuid(),
    version: z.number().int(),
    versionKind: z.enum(['original', 'amendment', 'refresh']),
    versionReason: z.string(),
    previousVersionId: z.uuid().nullable(),
    planTypeId: z.uuid(),
    parentPlanId: z.uuid().nullable(),
    title: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    owningUnitId: z.uuid(),
    ownerPersonId: z.uuid().nullable(),
    sections: z.record(z.string(), z.string()),
    status: z.enum(PLAN_STATUSES),
    nextStep: z.number().int().nullable(),
    /** ISO 8601 date-time. */
    approvedAt: z.string().nullable(),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'Plan' });

const planSummarySchema = z
  .object({
    id: z.uuid(),
    lineageId: z.uuid(),
    version: z.number().int(),
    versionKind: z.string(),
    title: z.string(),
    planTypeId: z.uuid(),
    planTypeName: z.string(),
    owningUnitId: z.uuid(),
    owningUnitName: z.string(),
    ownerPersonId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    parentPlanId: z.uuid().nullable(),
    periodStart: z.string(),
    periodEnd: z.string(),
    status: z.enum(PLAN_STATUSES),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
  })
  .meta({ id: 'PlanSummary' });

const eventSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    version: z.number().int(),
    /** ISO 8601 date-time. */
    at: z.string(),
    actorPersonId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    stepPosition: z.number().int().nullable(),
    stepName: z.string().nullable(),
    comment: z.string(),
    /** For a governance body's step: the date of the body's decision and its minute reference. */
    decisionDate: z.string().nullable(),
    minuteReference: z.string().nullable(),
  })
  .meta({ id: 'PlanEvent' });

const stepSchema = z.object({
  position: z.number().int(),
  name: z.string(),
  kind: z.enum(['owner', 'role', 'body']),
  role: z.string().nullable(),
  bodyId: z.uuid().nullable(),
  bodyName: z.string().nullable(),
  /** Must be taken by someone who took no earlier step of this approval and did not submit the plan. */
  distinctPerson: z.boolean(),
  state: z.enum(['done', 'current', 'waiting']),
  /** For a step taken in the latest approval: the body's decision date (YYYY-MM-DD), or null. */
  decisionDate: z.string().nullable(),
  /** For a step taken in the latest approval: the body's minute reference, or null. */
  minuteReference: z.string().nullable(),
  /** Who took the step or recorded the body's decision. */
  recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

const planDetailSchema = planSchema
  .extend({
    planTypeName: z.string(),
    sectionsTemplate: z.array(z.object({ key: z.string(), title: z.string(), hint: z.string(), text: z.string() })),
    approvalSteps: z.array(stepSchema),
    versions: z.array(planSchema),
    events: z.array(eventSchema),
    availableActions: z.array(z.enum(['edit', 'submit', 'approve', 'return', 'amend', 'roll-forward', 'archive'])),
  })
  .meta({ id: 'PlanDetail' });

// Response schemas hold no transforms (responses are encoded through them): dates become strings here.
const planFields = (row: Plan) => ({ ...row, approvedAt: row.approvedAt ? row.approvedAt.toISOString() : null });
const toPlan = (row: Plan) => planSchema.parse(planFields(row));

function toDetail(detail: PlanDetail) {
  const { actions } = detail;
  const available = [
    actions.edit && 'edit',
    actions.submit && 'submit',
    actions.approve && 'approve',
    actions.return && 'return',
    actions.amend && 'amend',
    actions.rollForward && 'roll-forward',
    actions.archive && 'archive',
  ].filter((action): action is string => typeof action === 'string');
  return planDetailSchema.parse({
    ...planFields(detail.plan),
    planTypeName: detail.planType.name,
    sectionsTemplate: detail.sections,
    approvalSteps: detail.steps,
    versions: detail.versions.map(planFields),
    events: detail.events.map((event) => ({
      ...event,
      at: event.at.toISOString(),
      // The services' own comments are stored phrases: clients read them in words, as the page shows them.
      comment: sayStored(event.comment),
    })),
    availableActions: available,
  });
}

const dateQuery = z.object({
  date: z
    .string({ message: phraseText('apiInputs.dateLike') })
    .regex(/^\d{4}-\d{2}-\d{2}$/, phraseText('apiInputs.dateLike'))
    .refine((value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()), phraseText('apiInputs.realDate')),
});

export async function plansApi(app: FastifyInstance, { services }: { services: PlansServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Plans'];
  const view = { access: { permission: 'view:plans' } } as const;
  const send = (reply: import('fastify').FastifyReply, result: Result<Plan>, code = 200) =>
    result.ok ? reply.code(code).send(toPlan(result.value)) : sendProblem(reply, result.error);

  api.get(
    '/plans',
    {
      config: view,
      schema: {
        tags,
        summary: 'List plans (partners see only plans sharing an item with them)',
        querystring: planFilters,
        response: { 200: z.array(planSummarySchema), ...problemResponses },
      },
    },
    async (request) =>
      (await services.plans.list(request.caller(), request.query)).map((row) => planSummarySchema.parse(row)),
  );

  api.get(
    '/plans/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'Get a plan with its sections, approval steps, events and versions',
        params: idParams,
        response: { 200: planDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.plans.detail(request.caller(), request.params.id);
      return result.ok ? toDetail(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/plans',
    {
      config: { access: { permission: 'edit:plans' } },
      schema: {
        tags,
        summary: 'Start a new plan (as a draft)',
        body: planInput,
        response: { 201: planSchema, ...problemResponses },
      },
    },
    async (request, reply) => send(reply, await services.plans.create(request.caller(), request.body), 201),
  );

  api.put(
    '/plans/:id',
    {
      config: { access: { permission: 'edit:plans' } },
      schema: {
        tags,
        summary: 'Change a draft plan; rowVersion must be the version you read (409 if someone else changed it)',
        params: idParams,
        body: planUpdateInput,
        response: { 200: planSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await services.plans.update(request.caller(), request.params.id, request.body)),
  );

  const action = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (
      caller: ReturnType<import('fastify').FastifyRequest['caller']>,
      id: string,
      input: z.infer<S>,
    ) => Promise<Result<Plan>>,
    code = 200,
  ) =>
    api.post(
      `/plans/:id/${path}`,
      {
        config: view,
        schema: { tags, summary, params: idParams, body, response: { [code]: planSchema, ...problemResponses } },
      },
      async (request, reply) =>
        send(reply, await run(request.caller(), request.params.id, request.body as z.infer<S>), code),
    );

  action(
    'submit',
    'Submit a draft plan for approval (approved at once if its type has no steps)',
    commentInput,
    (c, id, input) => services.plans.submit(c, id, input),
  );
  action('approve', 'Record the approval of the step waiting (step = its position)', approveInput, (c, id, input) =>
    services.plans.approve(c, id, input),
  );
  action('return', 'Return a plan waiting for approval to draft, with reasons', returnInput, (c, id, input) =>
    services.plans.returnToDraft(c, id, input),
  );
  action(
    'amend',
    'Start an in-year amendment: a new draft version of an approved plan',
    amendInput,
    (c, id, input) => services.plans.amend(c, id, input),
    201,
  );
  action(
    'roll-forward',
    'Roll an approved plan forward to its next period as a new draft version',
    rollForwardInput,
    (c, id, input) => services.plans.rollForward(c, id, input),
    201,
  );
  action('archive', 'Archive a plan', commentInput, (c, id, input) => services.plans.archive(c, id, input));

  api.get(
    '/plan-lineages/:id/version-in-force',
    {
      config: view,
      schema: {
        tags,
        summary: 'Which version of a plan (by lineage id) was in force on a date; null if none was',
        params: idParams,
        querystring: dateQuery,
        response: { 200: z.object({ date: z.string(), plan: planSchema.nullable() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.plans.versionInForce(request.caller(), request.params.id, request.query.date);
      if (!result.ok) return sendProblem(reply, result.error);
      return { date: request.query.date, plan: result.value ? toPlan(result.value) : null };
    },
  );
}
