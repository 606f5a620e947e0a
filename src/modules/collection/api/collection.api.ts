import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { valueEntryInput, valueTransitionInput } from '../domain/value-entry.ts';
import type { CollectionServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { problemResponses, problemSchema, withIsoDates } from '../../../platform/http/schemas.ts';
import { phraseText } from '../../../kernel/phrase.ts';
import { sayStored } from '../../../platform/words/index.ts';
import { implausibleForApi } from '../entry-checks.ts';

const timestamp = z.iso.datetime();

const valueSchema = z
  .object({
    id: z.uuid(),
    measureId: z.uuid(),
    periodKey: z.string(),
    breakdownId: z.uuid().nullable(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    commentary: z.string(),
    status: z.string(),
    quality: z.string(),
    evidenceUrl: z.string(),
    rowVersion: z.number().int(),
    updatedAt: timestamp,
  })
  .meta({ id: 'MeasureValue' });

const eventSchema = z
  .object({
    id: z.number(),
    periodKey: z.string(),
    breakdownId: z.uuid().nullable(),
    action: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    actorPersonId: z.uuid().nullable(),
    at: timestamp,
    reason: z.string(),
  })
  .meta({ id: 'MeasureValueEvent' });

const toValue = (row: object) => valueSchema.parse(withIsoDates(row));
// A reason the app wrote (a confirmed figure's check) is a stored phrase; one a person gave is as it is.
const eventFor = (event: { reason: string }) =>
  eventSchema.parse(withIsoDates({ ...event, reason: sayStored(event.reason) }));
// The service decides who may enter, verify or approve (owner, assignees, verifier, unit roles).
const staff = { access: { permission: 'view:organisation' } } as const;

export async function collectionApi(app: FastifyInstance, { services }: { services: CollectionServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Data collection'];

  api.put(
    '/measures/:id/values/:periodKey',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Enter or change the value of a measure for a period (save a draft or submit)',
        params: z.object({ id: z.uuid({ message: phraseText('apiInputs.uuid') }), periodKey: z.string() }),
        body: valueEntryInput.omit({ periodKey: true }),
        response: { 200: valueSchema, ...problemResponses, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await services.collection.enter(request.caller(), request.params.id, {
        ...request.body,
        periodKey: request.params.periodKey,
      });
      if (result.ok) return toValue(result.value);
      // 422 names the check; an API client confirms with confirmImplausible and commentary.
      return sendProblem(reply, { ...result.error, message: implausibleForApi(result.error.message) });
    },
  );

  api.get(
    '/measures/:id/values/:periodKey',
    {
      config: staff,
      schema: {
        tags,
        summary: 'A value with its history and the actions open to you',
        params: z.object({ id: z.uuid({ message: phraseText('apiInputs.uuid') }), periodKey: z.string() }),
        response: {
          200: z.object({ value: valueSchema.nullable(), actions: z.array(z.string()), events: z.array(eventSchema) }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await services.collection.valueDetail(
        request.caller(),
        request.params.id,
        request.params.periodKey,
      );
      if (!result.ok) return sendProblem(reply, result.error);
      const { value, actions, events } = result.value;
      return {
        value: value ? toValue(value) : null,
        actions,
        events: events.map(eventFor),
      };
    },
  );

  api.post(
    '/values/:id/transitions',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Verify, return, approve, publish or reopen a value',
        params: z.object({ id: z.uuid({ message: phraseText('apiInputs.uuid') }) }),
        body: valueTransitionInput,
        response: { 200: valueSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.collection.transition(request.caller(), request.params.id, request.body);
      return result.ok ? toValue(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/measures/:id/value-events',
    {
      config: staff,
      schema: {
        tags,
        summary: 'The audit trail of every value of a measure',
        params: z.object({ id: z.uuid({ message: phraseText('apiInputs.uuid') }) }),
        response: { 200: z.array(eventSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.collection.history(request.caller(), request.params.id);
      return result.ok ? result.value.map(eventFor) : sendProblem(reply, result.error);
    },
  );
}
