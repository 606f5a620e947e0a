import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FREQUENCIES } from '../../../kernel/measurement/periods.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { problemResponses } from '../../../platform/http/schemas.ts';
import type { ClosureHistoryRow, PeriodCloseService, PeriodClosureRow } from '../period-close.service.ts';
import { periodCloseInput } from '../domain/period-closure.ts';

const person = z.object({ id: z.uuid(), name: z.string() }).nullable();

const closureSchema = z
  .object({
    id: z.uuid(),
    frequency: z.enum(FREQUENCIES),
    periodKey: z.string().meta({ description: "The closed period's key, like 2026-27-Q2" }),
    closedAt: z.string().meta({ description: 'ISO 8601 date-time' }),
    closedBy: z.uuid().nullable(),
    reopenedAt: z.string().nullable(),
    reopenedBy: z.uuid().nullable(),
    reopenReason: z.string().nullable(),
    open: z.boolean().meta({ description: 'True while the period is closed (the closure has not been reopened)' }),
  })
  .meta({ id: 'PeriodClosure' });

const historySchema = closureSchema.extend({ label: z.string(), closedByPerson: person, reopenedByPerson: person });

const toClosure = (row: PeriodClosureRow) =>
  closureSchema.parse({
    ...row,
    closedAt: row.closedAt.toISOString(),
    reopenedAt: row.reopenedAt ? row.reopenedAt.toISOString() : null,
    open: row.reopenedAt === null,
  });

const toHistory = (row: ClosureHistoryRow) =>
  historySchema.parse({
    ...toClosure(row),
    label: row.label,
    closedByPerson: row.closedBy && row.closedByName ? { id: row.closedBy, name: row.closedByName } : null,
    reopenedByPerson: row.reopenedBy && row.reopenedByName ? { id: row.reopenedBy, name: row.reopenedByName } : null,
  });

const closeAccess = { access: { permission: 'reopen:periods' } } as const;

export async function periodCloseApi(app: FastifyInstance, { periodClose }: { periodClose: PeriodCloseService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Collection'];

  api.get(
    '/period-closures',
    {
      config: { access: { permission: 'view:organisation' } },
      schema: {
        tags,
        summary: 'Periods closed for the whole council, with their history (newest first)',
        response: { 200: z.array(historySchema), ...problemResponses },
      },
    },
    async (request) => (await periodClose.history(request.caller())).map(toHistory),
  );

  api.post(
    '/period-closures',
    {
      config: closeAccess,
      schema: {
        tags,
        summary:
          'Close a period for the whole council: no value, sign-off or import in it (or in a shorter period inside it) can change until it is reopened',
        body: periodCloseInput,
        response: { 201: closureSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await periodClose.close(request.caller(), request.body);
      return result.ok ? reply.code(201).send(toClosure(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/period-closures/:periodKey/reopen',
    {
      config: closeAccess,
      schema: {
        tags,
        summary: 'Reopen a closed period, giving the reason (audited)',
        params: z.object({ periodKey: z.string().max(20) }),
        body: z.object({ reason: z.string().max(5000) }),
        response: { 200: closureSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await periodClose.reopen(request.caller(), {
        periodKey: request.params.periodKey,
        reason: request.body.reason,
      });
      return result.ok ? toClosure(result.value) : sendProblem(reply, result.error);
    },
  );
}
