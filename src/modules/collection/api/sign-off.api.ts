import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../kernel/access/index.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { problemResponses } from '../../../platform/http/schemas.ts';
import { WHO_KINDS } from '../domain/sign-off-who.ts';
import { SIGN_OFF_CHAINS } from '../domain/workflow.ts';
import { signOffSettingsInput } from '../sign-off.service.ts';
import type { CollectionServices } from '../services.ts';

// The service decides who may take each step; anyone on the staff may read the rule and their queue.
const staff = { access: { permission: 'view:organisation' } } as const;

const whoSchema = z
  .object({
    who: z.enum(WHO_KINDS),
    role: z.enum(ROLES).nullable(),
    bodyId: z.uuid().nullable(),
  })
  .meta({ id: 'SignOffWho' });

const settingsSchema = z
  .object({ chain: z.enum(SIGN_OFF_CHAINS), verify: whoSchema, approve: whoSchema })
  .meta({ id: 'SignOffChain' });

const queueItemSchema = z
  .object({
    valueId: z.uuid(),
    measureId: z.uuid(),
    code: z.string(),
    title: z.string(),
    periodKey: z.string(),
    periodLabel: z.string(),
    step: z.enum(['verify', 'approve']),
    value: z.number().nullable(),
    waitingSince: z.iso.datetime(),
    enteredByName: z.string().nullable(),
    breakdown: z
      .object({ id: z.uuid(), dimension: z.string(), label: z.string() })
      .nullable()
      .describe('The breakdown category (ward, age group…) the value is for; null for the whole measure'),
  })
  .meta({ id: 'SignOffQueueItem' });

const queueSchema = z
  .object({
    counts: z.object({ verify: z.number().int(), approve: z.number().int() }),
    items: z.array(queueItemSchema),
  })
  .meta({ id: 'SignOffQueue' });

const settingsOf = (settings: Awaited<ReturnType<CollectionServices['signOff']['settings']>>) => ({
  chain: settings.chain,
  verify: settings.who.verify,
  approve: settings.who.approve,
});

export async function signOffApi(app: FastifyInstance, { services }: { services: CollectionServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Data collection'];

  api.get(
    '/sign-off-chain',
    {
      config: staff,
      schema: {
        tags,
        summary: 'How the council signs values off: the chain and who may take the verify and approve steps',
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request) => settingsOf(await services.signOff.settings(request.caller())),
  );

  api.put(
    '/sign-off-chain',
    {
      config: { access: { permission: 'manage:roles' } },
      schema: {
        tags,
        summary:
          'Change how the council signs values off (administrators; audited). A step left out keeps its rule; ' +
          'who is permission, role (with role), unit-head, measure-verifier (verify only) or body (with bodyId)',
        body: signOffSettingsInput,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.signOff.setSettings(request.caller(), request.body);
      return result.ok ? settingsOf(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/sign-off/queue',
    {
      config: staff,
      schema: {
        tags,
        summary: 'The values waiting for you to verify or approve, oldest first, with counts per step',
        response: { 200: queueSchema, ...problemResponses },
      },
    },
    async (request) => {
      const queue = await services.signOffQueue.queue(request.caller());
      return {
        counts: queue.counts,
        items: queue.items.map((item) => ({
          valueId: item.valueId,
          measureId: item.measureId,
          code: item.code,
          title: item.title,
          periodKey: item.periodKey,
          periodLabel: item.periodLabel,
          step: item.step,
          value: item.value,
          waitingSince: item.waitingSince,
          enteredByName: item.enteredByName,
          breakdown: item.breakdown,
        })),
      };
    },
  );
}
