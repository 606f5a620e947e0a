import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { portfolioInput } from '../domain/index.ts';
import type { OrganisationServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';

const portfolioSchema = z
  .object({ id: z.uuid(), name: z.string(), holderPersonId: z.uuid().nullable(), unitIds: z.array(z.uuid()) })
  .meta({ id: 'Portfolio' });

const toPortfolio = (row: z.input<typeof portfolioSchema>) => portfolioSchema.parse(row);

export async function portfoliosApi(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Cabinet portfolios'];
  const view = { access: { permission: 'view:organisation' } } as const;
  const manage = { access: { permission: 'manage:structure' } } as const;

  api.get(
    '/portfolios',
    {
      config: view,
      schema: {
        tags,
        summary: 'List cabinet portfolios and the units they cover',
        response: { 200: z.array(portfolioSchema), ...problemResponses },
      },
    },
    async (request) => {
      const caller = request.caller();
      const list = await services.portfolios.list(caller);
      const full = await Promise.all(list.map((portfolio) => services.portfolios.get(caller, portfolio.id)));
      return full.flatMap((result) => (result.ok ? [toPortfolio(result.value)] : []));
    },
  );

  api.get(
    '/portfolios/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'Get a portfolio',
        params: idParams,
        response: { 200: portfolioSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.portfolios.get(request.caller(), request.params.id);
      return result.ok ? toPortfolio(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/portfolios',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a cabinet portfolio',
        body: portfolioInput,
        response: { 201: portfolioSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.portfolios.create(request.caller(), request.body);
      return result.ok ? reply.code(201).send(toPortfolio(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/portfolios/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a portfolio (the units listed replace those it covered)',
        params: idParams,
        body: portfolioInput,
        response: { 200: portfolioSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.portfolios.update(request.caller(), request.params.id, request.body);
      return result.ok ? toPortfolio(result.value) : sendProblem(reply, result.error);
    },
  );
}
