import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unitInput } from '../domain/unit.ts';
import type { OrganisationServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';

const unitSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    parentId: z.uuid().nullable(),
    headPersonId: z.uuid().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Unit' });

const toUnit = (row: z.input<typeof unitSchema>) => unitSchema.parse(row);

export async function unitsApi(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Organisation structure'];

  api.get(
    '/units',
    {
      config: { access: { permission: 'view:organisation' } },
      schema: {
        tags,
        summary: 'List the units of the organisation',
        response: { 200: z.array(unitSchema), ...problemResponses },
      },
    },
    async (request) => (await services.structure.list(request.caller())).map(toUnit),
  );

  api.get(
    '/units/:id',
    {
      config: { access: { permission: 'view:organisation' } },
      schema: { tags, summary: 'Get a unit', params: idParams, response: { 200: unitSchema, ...problemResponses } },
    },
    async (request, reply) => {
      const result = await services.structure.get(request.caller(), request.params.id);
      return result.ok ? toUnit(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/units',
    {
      config: { access: { permission: 'manage:structure' } },
      schema: { tags, summary: 'Add a unit', body: unitInput, response: { 201: unitSchema, ...problemResponses } },
    },
    async (request, reply) => {
      const result = await services.structure.create(request.caller(), request.body);
      return result.ok ? reply.code(201).send(toUnit(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/units/:id',
    {
      config: { access: { permission: 'manage:structure' } },
      schema: {
        tags,
        summary: 'Change a unit',
        params: idParams,
        body: unitInput,
        response: { 200: unitSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.structure.update(request.caller(), request.params.id, request.body);
      return result.ok ? toUnit(result.value) : sendProblem(reply, result.error);
    },
  );
}
