import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bodyInput, bodyMemberInput } from '../domain/index.ts';
import type { OrganisationServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const bodySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.string(),
    frameworkRoles: z.array(z.string()),
    description: z.string(),
  })
  .meta({ id: 'GovernanceBody' });

const memberSchema = z
  .object({ personId: z.uuid(), name: z.string(), jobTitle: z.string(), status: z.string(), role: z.string() })
  .meta({ id: 'GovernanceBodyMember' });

const toBody = (row: z.input<typeof bodySchema>) => bodySchema.parse(row);
const toMember = (row: z.input<typeof memberSchema>) => memberSchema.parse(row);

const memberParams = z.object({
  id: z.uuid({ message: phraseText('apiInputs.uuid') }),
  personId: z.uuid({ message: phraseText('apiInputs.uuid') }),
});

export async function governanceApi(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Governance bodies'];
  const view = { access: { permission: 'view:organisation' } } as const;
  const manage = { access: { permission: 'manage:governance' } } as const;

  api.get(
    '/governance-bodies',
    {
      config: view,
      schema: { tags, summary: 'List governance bodies', response: { 200: z.array(bodySchema), ...problemResponses } },
    },
    async (request) => (await services.governance.list(request.caller())).map(toBody),
  );

  api.get(
    '/governance-bodies/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'Get a governance body',
        params: idParams,
        response: { 200: bodySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.governance.get(request.caller(), request.params.id);
      return result.ok ? toBody(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/governance-bodies',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a governance body',
        body: bodyInput,
        response: { 201: bodySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.governance.create(request.caller(), request.body);
      return result.ok ? reply.code(201).send(toBody(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/governance-bodies/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a governance body',
        params: idParams,
        body: bodyInput,
        response: { 200: bodySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.governance.update(request.caller(), request.params.id, request.body);
      return result.ok ? toBody(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/governance-bodies/:id/members',
    {
      config: view,
      schema: {
        tags,
        summary: 'Members of a governance body',
        params: idParams,
        response: { 200: z.array(memberSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.governance.members(request.caller(), request.params.id);
      return result.ok ? result.value.map(toMember) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/governance-bodies/:id/members',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a member (chair, vice-chair or member; a body has at most one chair)',
        params: idParams,
        body: bodyMemberInput,
        response: { 201: memberSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.governance.addMember(request.caller(), request.params.id, request.body);
      return result.ok ? reply.code(201).send(toMember(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.delete(
    '/governance-bodies/:id/members/:personId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a member',
        params: memberParams,
        response: { 204: z.null().describe('Removed'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.governance.removeMember(
        request.caller(),
        request.params.id,
        request.params.personId,
      );
      return result.ok ? reply.code(204).send(null) : sendProblem(reply, result.error);
    },
  );
}
