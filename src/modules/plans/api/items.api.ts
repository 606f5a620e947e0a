import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { itemCreateInput, itemUpdateInput, linkInput } from '../domain/item.ts';
import type { ItemDetail } from '../items.service.ts';
import type { PlansServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const itemSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    parentItemId: z.uuid().nullable(),
    itemTypeId: z.uuid(),
    typeName: z.string(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    ownerPersonId: z.uuid().nullable(),
    ownerPersonName: z.string().nullable(),
    ownerUnitId: z.uuid().nullable(),
    ownerUnitName: z.string().nullable(),
    throughPartnership: z.boolean(),
    position: z.number().int(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'PlanItem' });

const linkSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['direct', 'indirect']),
    item: z.object({ id: z.uuid(), code: z.string(), title: z.string(), typeName: z.string() }),
    plan: z.object({ id: z.uuid(), title: z.string(), status: z.string() }),
  })
  .meta({ id: 'ContributionLinkEnd' });

const itemDetailSchema = itemSchema
  .extend({
    partners: z.array(z.object({ id: z.uuid(), name: z.string() })),
    contributesTo: z.array(linkSchema),
    contributedBy: z.array(linkSchema),
  })
  .meta({ id: 'PlanItemDetail' });

const createdLinkSchema = z
  .object({ id: z.uuid(), fromItemId: z.uuid(), toItemId: z.uuid(), kind: z.enum(['direct', 'indirect']) })
  .meta({ id: 'ContributionLink' });

const planRef = z.object({
  id: z.uuid(),
  title: z.string(),
  typeName: z.string(),
  level: z.number().int(),
  status: z.string(),
});

const sightNodeSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    typeName: z.string(),
    depth: z.number().int(),
    relation: z.enum(['parent', 'contributes-to', 'child', 'contributed-by']),
    kind: z.enum(['direct', 'indirect']).nullable(),
    viaId: z.uuid(),
    plan: planRef,
  })
  .meta({ id: 'LineOfSightNode' });

const lineOfSightSchema = z
  .object({
    item: z.object({ id: z.uuid(), code: z.string(), title: z.string(), typeName: z.string(), plan: planRef }),
    up: z.array(sightNodeSchema),
    down: z.array(sightNodeSchema),
  })
  .meta({ id: 'LineOfSight' });

const listQuery = z.object({ planId: z.uuid({ message: phraseText('apiInputs.uuid') }) });
const removeQuery = z.object({ rowVersion: z.coerce.number().int().min(1).optional() });
const linkParams = z.object({
  id: z.uuid({ message: phraseText('apiInputs.uuid') }),
  linkId: z.uuid({ message: phraseText('apiInputs.uuid') }),
});

const toItem = (row: z.input<typeof itemSchema>) => itemSchema.parse(row);
const toDetail = (detail: ItemDetail) =>
  itemDetailSchema.parse({
    ...detail.item,
    partners: detail.partners,
    contributesTo: detail.contributesTo,
    contributedBy: detail.contributedBy,
  });

export async function itemsApi(app: FastifyInstance, { services }: { services: PlansServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Plan items'];
  const view = { access: { permission: 'view:plans' } } as const;
  const edit = { access: { permission: 'edit:plans' } } as const;

  /** Re-reads the item as the detail shape after a write. */
  async function detailOf(caller: Parameters<PlansServices['items']['get']>[0], id: string) {
    const detail = await services.items.get(caller, id);
    if (!detail.ok) throw new Error(`item ${id} vanished after being written`);
    return toDetail(detail.value);
  }

  api.get(
    '/items',
    {
      config: view,
      schema: {
        tags,
        summary: 'List the items of a plan',
        description: 'Partners see only the items shared with them.',
        querystring: listQuery,
        response: { 200: z.array(itemSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.items.listForPlan(request.caller(), request.query.planId);
      return result.ok ? result.value.map(toItem) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/items/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'Get an item with its partners and contribution links',
        params: idParams,
        response: { 200: itemDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.items.get(request.caller(), request.params.id);
      return result.ok ? toDetail(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/items',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add an item to a draft plan',
        body: itemCreateInput,
        response: { 201: itemDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      const { planId, ...input } = request.body;
      const result = await services.items.create(caller, planId, input);
      return result.ok
        ? reply.code(201).send(await detailOf(caller, result.value.id))
        : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/items/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change an item of a draft plan',
        description: 'Send the rowVersion you read; if someone changed the item since, the answer is 409.',
        params: idParams,
        body: itemUpdateInput,
        response: { 200: itemDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      const result = await services.items.update(caller, request.params.id, request.body);
      return result.ok ? detailOf(caller, request.params.id) : sendProblem(reply, result.error);
    },
  );

  api.delete(
    '/items/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Remove an item from a draft plan',
        description: 'Refused while the item contains items or has contribution links.',
        params: idParams,
        querystring: removeQuery,
        response: { 204: z.null().describe('Removed'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.items.remove(request.caller(), request.params.id, request.query.rowVersion);
      return result.ok ? reply.code(204).send(null) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/items/:id/links',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Record that the item contributes to an item of another plan',
        description: 'The link belongs to the contributing item, whose plan must be a draft. Loops are refused.',
        params: idParams,
        body: linkInput,
        response: { 201: createdLinkSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.items.addLink(request.caller(), request.params.id, request.body);
      return result.ok
        ? reply.code(201).send(
            createdLinkSchema.parse({
              id: result.value.id,
              fromItemId: result.value.fromItemId,
              toItemId: result.value.toItemId,
              kind: result.value.kind,
            }),
          )
        : sendProblem(reply, result.error);
    },
  );

  api.delete(
    '/items/:id/links/:linkId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Remove a contribution link',
        params: linkParams,
        response: { 204: z.null().describe('Removed'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.items.removeLink(request.caller(), request.params.id, request.params.linkId);
      return result.ok ? reply.code(204).send(null) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/items/:id/line-of-sight',
    {
      config: view,
      schema: {
        tags,
        summary: 'The line of sight of an item',
        description:
          'up: the items it sits under and contributes to, recursively, to the top of the golden thread; ' +
          'down: the items inside it and contributing to it, recursively. Items of superseded and archived ' +
          'plans are left out unless the item is in one.',
        params: idParams,
        response: { 200: lineOfSightSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.items.lineOfSight(request.caller(), request.params.id);
      return result.ok ? lineOfSightSchema.parse(result.value) : sendProblem(reply, result.error);
    },
  );
}
