/** The planning timetable and the register of statutory returns as JSON, with the pages' access. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { phraseText } from '../../../kernel/phrase.ts';
import { domainError } from '../../../kernel/result.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import { returnInput, returnStatusInput } from '../domain/inputs.ts';
import { RETURN_STATUSES, TIMETABLE_KINDS } from '../domain/vocabulary.ts';
import type { createReturnsService } from '../returns.service.ts';

const timetableEntrySchema = z
  .object({
    date: z.iso.date(),
    kind: z.enum(TIMETABLE_KINDS),
    subject: z.string(),
    meetingId: z.uuid().optional(),
    returnId: z.uuid().optional(),
    late: z.boolean(),
  })
  .meta({ id: 'TimetableEntry' });

const returnSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    recipient: z.string(),
    dueOn: z.iso.date(),
    status: z.enum(RETURN_STATUSES),
    submittedOn: z.iso.date().nullable(),
    notes: z.string(),
    ownerPersonId: z.uuid(),
    ownerName: z.string(),
    late: z.boolean(),
  })
  .meta({ id: 'StatutoryReturn' });

const windowQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
const created = z.object({ id: z.uuid() });

export async function timetableApi(
  app: FastifyInstance,
  { returns }: { returns: ReturnType<typeof createReturnsService> },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Committees'];
  const view = { access: { permission: 'view:organisation' } } as const;
  const manage = { access: { permission: 'manage:meetings' } } as const;

  api.get(
    '/timetable',
    {
      config: view,
      schema: {
        tags,
        summary:
          'The planning timetable: meetings, the deadlines worked back from them, plan dates and returns due (a month back to a year ahead unless a window is given)',
        querystring: windowQuery,
        response: { 200: z.array(timetableEntrySchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      if ((from === undefined) !== (to === undefined) || (from && to && from > to))
        return sendProblem(reply, domainError('invalid', phraseText('committees.problem.window'), 'from'));
      const entries = await returns.timetable(request.caller(), from && to ? { from, to } : undefined);
      return entries.map((entry) => timetableEntrySchema.parse(entry));
    },
  );

  api.get(
    '/statutory-returns',
    {
      config: view,
      schema: {
        tags,
        summary: 'The register of statutory returns the council owes',
        response: { 200: z.array(returnSchema), ...problemResponses },
      },
    },
    async (request) => (await returns.returns(request.caller())).map((row) => returnSchema.parse(row)),
  );

  api.post(
    '/statutory-returns',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a statutory return to the register (a committee officer)',
        body: returnInput,
        response: { 201: created, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await returns.addReturn(request.caller(), request.body);
      return result.ok ? reply.code(201).send(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/statutory-returns/:id/status',
    {
      config: view,
      schema: {
        tags,
        summary: 'Move a return on (its owner or a committee officer); submitted records the day',
        params: idParams,
        body: returnStatusInput,
        response: { 200: created, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await returns.setReturnStatus(request.caller(), request.params.id, request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );
}
