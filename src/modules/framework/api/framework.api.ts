import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../kernel/access/index.ts';
import { itemTypeApiInput, planTypeApiInput, STEP_KINDS } from '../domain/framework.ts';
import type { FrameworkServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';

const templateSectionSchema = z
  .object({ key: z.string(), title: z.string(), hint: z.string() })
  .meta({ id: 'TemplateSection' });

const approvalStepSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    name: z.string(),
    kind: z.enum(STEP_KINDS),
    role: z.enum(ROLES).nullable(),
    bodyId: z.uuid().nullable(),
    bodyName: z.string().nullable(),
    /** Must be taken by someone who took no earlier step of the approval and did not submit the plan. */
    distinctPerson: z.boolean(),
  })
  .meta({ id: 'ApprovalStep' });

const planTypeSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    level: z.number().int(),
    description: z.string(),
    active: z.boolean(),
    templateSections: z.array(templateSectionSchema),
    parentTypeIds: z.array(z.uuid()),
    itemTypeIds: z.array(z.uuid()),
    approvalSteps: z.array(approvalStepSchema),
  })
  .meta({ id: 'PlanType' });

const itemTypeSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    active: z.boolean(),
  })
  .meta({ id: 'ItemType' });

const toPlanType = (detail: z.input<typeof planTypeSchema>) => planTypeSchema.parse(detail);
const toItemType = (row: z.input<typeof itemTypeSchema>) =>
  itemTypeSchema.parse({ id: row.id, key: row.key, name: row.name, description: row.description, active: row.active });

export async function frameworkApi(app: FastifyInstance, { services }: { services: FrameworkServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Framework'];
  const view = { access: { permission: 'view:organisation' } } as const;
  const manage = { access: { permission: 'manage:framework' } } as const;

  api.get(
    '/plan-types',
    {
      config: view,
      schema: {
        tags,
        summary: 'List the plan types of the framework, in level order',
        response: { 200: z.array(planTypeSchema), ...problemResponses },
      },
    },
    async (request) => (await services.framework.listPlanTypes(request.caller())).map(toPlanType),
  );

  api.get(
    '/plan-types/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'Get a plan type with its sections and approval steps',
        params: idParams,
        response: { 200: planTypeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.framework.getPlanType(request.caller(), request.params.id);
      return result.ok ? toPlanType(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/plan-types',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a plan type (sections and approval steps may be included)',
        body: planTypeApiInput,
        response: { 201: planTypeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.framework.createPlanType(request.caller(), request.body);
      return result.ok ? reply.code(201).send(toPlanType(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/plan-types/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a plan type; sections and approval steps are replaced when sent, kept when left out',
        params: idParams,
        body: planTypeApiInput,
        response: { 200: planTypeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.framework.updatePlanType(request.caller(), request.params.id, request.body);
      return result.ok ? toPlanType(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/item-types',
    {
      config: view,
      schema: {
        tags,
        summary: 'List the item types plans may hold',
        response: { 200: z.array(itemTypeSchema), ...problemResponses },
      },
    },
    async (request) => (await services.framework.listItemTypes(request.caller())).map(toItemType),
  );

  api.get(
    '/item-types/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'Get an item type',
        params: idParams,
        response: { 200: itemTypeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.framework.getItemType(request.caller(), request.params.id);
      return result.ok ? toItemType(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/item-types',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add an item type',
        body: itemTypeApiInput,
        response: { 201: itemTypeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.framework.createItemType(request.caller(), request.body);
      return result.ok ? reply.code(201).send(toItemType(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/item-types/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change an item type',
        params: idParams,
        body: itemTypeApiInput,
        response: { 200: itemTypeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.framework.updateItemType(request.caller(), request.params.id, request.body);
      return result.ok ? toItemType(result.value) : sendProblem(reply, result.error);
    },
  );
}
