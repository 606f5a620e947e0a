import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { partnerInput } from '../domain/index.ts';
import type { OrganisationServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';

const partnerSchema = z
  .object({ id: z.uuid(), name: z.string(), kind: z.string(), description: z.string() })
  .meta({ id: 'Partner' });

const partnerItemSchema = z
  .object({
    itemId: z.uuid(),
    code: z.string(),
    title: z.string(),
    planId: z.uuid(),
    planTitle: z.string(),
    planStatus: z.string(),
  })
  .meta({ id: 'PartnerItem' });

const toPartner = (row: z.input<typeof partnerSchema>) => partnerSchema.parse(row);

export async function partnersApi(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Partners'];
  const view = { access: { permission: 'view:organisation' } } as const;
  const manage = { access: { permission: 'manage:governance' } } as const;

  api.get(
    '/partners',
    {
      config: view,
      schema: {
        tags,
        summary: 'List partner organisations',
        response: { 200: z.array(partnerSchema), ...problemResponses },
      },
    },
    async (request) => (await services.partners.list(request.caller())).map(toPartner),
  );

  api.get(
    '/partners/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'Get a partner',
        params: idParams,
        response: { 200: partnerSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.partners.get(request.caller(), request.params.id);
      return result.ok ? toPartner(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/partners/:id/items',
    {
      config: view,
      schema: {
        tags,
        summary: 'The plan items that name the partner',
        params: idParams,
        response: { 200: z.array(partnerItemSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.partners.detail(request.caller(), request.params.id);
      return result.ok
        ? result.value.items.map((item) => partnerItemSchema.parse(item))
        : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/partners',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a partner',
        body: partnerInput,
        response: { 201: partnerSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.partners.create(request.caller(), request.body);
      return result.ok ? reply.code(201).send(toPartner(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/partners/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a partner',
        params: idParams,
        body: partnerInput,
        response: { 200: partnerSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.partners.update(request.caller(), request.params.id, request.body);
      return result.ok ? toPartner(result.value) : sendProblem(reply, result.error);
    },
  );
}
