/**
 * The JSON API for reprofiling a capital scheme: its requests with their decisions, asking to move
 * budget into a later year, and approving or rejecting a request. The pages' service, access and
 * audit; only an approval moves the years' budgets. Amounts go out as decimal strings of pounds.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../../../platform/http/problem.ts';
import { problemResponses } from '../../../platform/http/schemas.ts';
import { reprofileDecisionInput } from '../reprofile.service.ts';
import type { MoneyServices } from '../services.ts';
import { amount, decimal } from './amount.ts';

const view = { access: { permission: 'view:money' } } as const;
const edit = { access: { permission: 'edit:money' } } as const;
const tags = ['Money'];

const reprofile = z
  .object({
    id: z.uuid(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    amount,
    reason: z.string(),
    status: z.enum(['pending', 'approved', 'rejected']),
    requestedBy: z.uuid(),
    requestedByName: z.string(),
    requestedAt: z.iso.datetime(),
    decidedByName: z.string().nullable(),
    decisionReason: z.string(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CapitalReprofile', description: 'A request to move budget, with its funding, into a later year' });

const reprofileRequest = z
  .object({
    fromYear: z.string().max(10).meta({ description: 'The year the budget moves from: 2025 for 2025/26' }),
    toYear: z.string().max(10).meta({ description: 'A later year the budget moves to' }),
    amount: z.string().max(40).meta({ description: 'Pounds and pence ("250000.00"); at most two decimals' }),
    reason: z.string().max(2000),
  })
  .meta({ id: 'CapitalReprofileRequest' });

const reprofileDecision = reprofileDecisionInput.meta({
  id: 'CapitalReprofileDecision',
  description: 'Approve or reject; a reason is required to reject. No one decides their own request.',
});

const schemeParams = z.object({ id: z.uuid() });

export async function reprofileApi(app: FastifyInstance, { services }: { services: MoneyServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/money/capital/schemes/:id/reprofiles',
    {
      config: view,
      schema: {
        tags,
        summary: 'A capital scheme’s reprofile requests, newest first, with their decisions',
        params: schemeParams,
        response: { 200: z.array(reprofile), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.reprofiles.history(request.caller(), request.params.id);
      if (!result.ok) return sendProblem(reply, result.error);
      return result.value.reprofiles.map((row) => ({
        id: row.id,
        fromYear: row.fromYear,
        toYear: row.toYear,
        amount: decimal(row.amount),
        reason: row.reason,
        status: row.status,
        requestedBy: row.requestedBy,
        requestedByName: row.requestedByName,
        requestedAt: row.requestedAt.toISOString(),
        decidedByName: row.decidedByName,
        decisionReason: row.decisionReason,
        decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
      }));
    },
  );

  api.post(
    '/money/capital/schemes/:id/reprofiles',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Ask to move part of a year’s budget into a later year (decided by someone else)',
        params: schemeParams,
        body: reprofileRequest,
        response: { 201: z.object({ id: z.uuid() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.reprofiles.request(request.caller(), request.params.id, request.body);
      return result.ok ? reply.code(201).send(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/money/capital/schemes/:id/reprofiles/:reprofileId/decision',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Approve (moving the budgets) or reject a reprofile request',
        params: schemeParams.extend({ reprofileId: z.uuid() }),
        body: reprofileDecision,
        response: {
          200: z.object({ schemeId: z.uuid(), status: z.enum(['approved', 'rejected']) }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { id, reprofileId } = request.params;
      const result = await services.reprofiles.decide(request.caller(), id, reprofileId, request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );
}
