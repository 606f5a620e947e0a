import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditQuery } from '../audit.service.ts';
import type { AuditServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { problemResponses } from '../../../platform/http/schemas.ts';
import { sayActor, sayStored } from '../../../platform/words/index.ts';

const auditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actorPersonId: z.uuid().nullable(),
    actorLabel: z.string().meta({
      description: 'Who, in words: the person’s name, or what acted when no person did (said in English)',
    }),
    entityType: z.string(),
    entityId: z.string(),
    entityName: z
      .string()
      .nullable()
      .meta({ description: 'The name of the record, where it still exists and has one' }),
    action: z.string(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    reason: z.string().meta({
      description: 'Why, in words: the reason the app wrote (said in English) or the one a person gave',
    }),
    chainSeq: z.number().int().meta({ description: "The event's position in its organisation's hash chain, from 1" }),
    prevHash: z
      .string()
      .meta({ description: 'SHA-256 (hex) of the event before it in the chain; zeros for the first' }),
    hash: z.string().meta({
      description: "SHA-256 (hex) of the event's canonical form, which includes prevHash (see verify-audit)",
    }),
  })
  .meta({ id: 'AuditEvent' });

const auditPageSchema = z
  .object({
    items: z.array(auditEventSchema),
    page: z.number().int(),
    pageCount: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'AuditEventPage' });

export async function auditApi(app: FastifyInstance, { services }: { services: AuditServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/audit-events',
    {
      config: { access: { permission: 'view:audit' } },
      schema: {
        tags: ['Audit'],
        summary: 'List the audit trail of the organisation, newest first, 50 to a page',
        description:
          'Filters: entityType, actor (a person id), from and to (YYYY-MM-DD, UK calendar days, both included), page.',
        querystring: auditQuery,
        response: { 200: auditPageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.audit.list(request.caller(), request.query);
      if (!result.ok) return sendProblem(reply, result.error);
      const { events, names, ...page } = result.value;
      // The response serializer encodes through the schema, so dates go out as ISO strings here.
      const items = events.map((event) => ({
        ...event,
        at: event.at.toISOString(),
        actorLabel: sayActor(event.actorLabel, event.actorPersonId),
        reason: sayStored(event.reason),
        entityName: names.get(event.entityId) ?? null,
      }));
      return { items, ...page };
    },
  );
}
