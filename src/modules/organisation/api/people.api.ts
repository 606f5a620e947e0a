import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { leaveInput, personInput, roleAssignmentInput } from '../domain/index.ts';
import type { OrganisationServices } from '../services.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const personSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    jobTitle: z.string(),
    unitId: z.uuid().nullable(),
    lineManagerId: z.uuid().nullable(),
    partnerId: z.uuid().nullable(),
    status: z.string().describe('active or left'),
    leftOn: z.string().nullable(),
    hasPassword: z.boolean(),
  })
  .meta({ id: 'Person' });

const roleAssignmentSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    role: z.string(),
    unitId: z.uuid().nullable(),
    partnerId: z.uuid().nullable(),
    grantedBy: z.uuid().nullable(),
    grantedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'RoleAssignment' });

const passwordLinkSchema = z
  .object({
    personId: z.uuid(),
    url: z.string().describe('The link, shown only in this answer: it works once, until expiresAt'),
    expiresAt: z.iso.datetime(),
    emailed: z
      .boolean()
      .describe('Whether it was e-mailed to the person (false: SMTP not configured or the send failed)'),
  })
  .meta({ id: 'PasswordLink' });

const toPasswordLink = (link: { personId: string; url: string; expiresAt: Date; emailed: boolean }) =>
  passwordLinkSchema.parse({ ...link, expiresAt: link.expiresAt.toISOString() });

const toPerson = (row: z.input<typeof personSchema>) => personSchema.parse(row);
const toAssignment = (row: {
  id: string;
  personId: string;
  role: string;
  unitId: string | null;
  partnerId: string | null;
  grantedBy: string | null;
  grantedAt: Date;
  endedAt: Date | null;
}) =>
  roleAssignmentSchema.parse({
    ...row,
    grantedAt: row.grantedAt.toISOString(),
    endedAt: row.endedAt ? row.endedAt.toISOString() : null,
  });

const assignmentParams = z.object({
  id: z.uuid({ message: phraseText('apiInputs.uuid') }),
  assignmentId: z.uuid({ message: phraseText('apiInputs.uuid') }),
});

export async function peopleApi(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['People and roles'];
  const view = { access: { permission: 'view:organisation' } } as const;
  const manage = { access: { permission: 'manage:people' } } as const;
  const manageRoles = { access: { permission: 'manage:roles' } } as const;

  api.get(
    '/people',
    {
      config: view,
      schema: {
        tags,
        summary: 'List people (current people only unless includeLeft=true)',
        querystring: z.object({ includeLeft: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(personSchema), ...problemResponses },
      },
    },
    async (request) =>
      (await services.people.list(request.caller(), { includeLeft: request.query.includeLeft === 'true' })).map(
        toPerson,
      ),
  );

  api.get(
    '/people/:id',
    {
      config: view,
      schema: { tags, summary: 'Get a person', params: idParams, response: { 200: personSchema, ...problemResponses } },
    },
    async (request, reply) => {
      const result = await services.people.get(request.caller(), request.params.id);
      return result.ok ? toPerson(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/people',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Add a person (no password: a password sent is refused). The answer carries, once, a link for ' +
          'them to set their own password (also e-mailed to them when e-mail is set up)',
        body: personInput,
        response: {
          201: personSchema.extend({ passwordLink: passwordLinkSchema.nullable() }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      const result = await services.people.create(caller, request.body);
      if (!result.ok) return sendProblem(reply, result.error);
      const link = await services.passwordLinks.create(caller, result.value.id);
      reply.header('cache-control', 'no-store');
      return reply
        .code(201)
        .send({ ...toPerson(result.value), passwordLink: link.ok ? toPasswordLink(link.value) : null });
    },
  );

  api.post(
    '/people/:id/password-link',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Make a single-use link for the person to set their own password, returned once (and e-mailed to ' +
          'them when e-mail is set up). Any older link of theirs stops working. Refused (403) for a person ' +
          'holding rights beyond your own',
        params: idParams,
        response: { 201: passwordLinkSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.passwordLinks.create(request.caller(), request.params.id);
      if (!result.ok) return sendProblem(reply, result.error);
      return reply.header('cache-control', 'no-store').code(201).send(toPasswordLink(result.value));
    },
  );

  api.put(
    '/people/:id',
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Change a person's details (a password sent is refused: nobody sets another person's password). " +
          'Refused (403) for a person holding rights beyond your own',
        params: idParams,
        body: personInput,
        response: { 200: personSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.people.update(request.caller(), request.params.id, request.body);
      return result.ok ? toPerson(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/people/:id/leave',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record that a person has left: their record stays and their role assignments end',
        params: idParams,
        body: leaveInput,
        response: { 200: personSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.people.leave(request.caller(), request.params.id, request.body);
      return result.ok ? toPerson(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/people/:id/role-assignments',
    {
      config: view,
      schema: {
        tags,
        summary: "A person's role assignments, current and ended",
        params: idParams,
        response: { 200: z.array(roleAssignmentSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.roles.listForPerson(request.caller(), request.params.id);
      return result.ok ? result.value.map(toAssignment) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/people/:id/role-assignments',
    {
      config: manageRoles,
      schema: {
        tags,
        summary: 'Grant a role over a unit (and everything in it) or, with no unit, the whole organisation',
        params: idParams,
        body: roleAssignmentInput,
        response: { 201: roleAssignmentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.roles.grant(request.caller(), request.params.id, request.body);
      return result.ok ? reply.code(201).send(toAssignment(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/people/:id/role-assignments/:assignmentId/end',
    {
      config: manageRoles,
      schema: {
        tags,
        summary: 'End a role assignment (it stays in the history)',
        params: assignmentParams,
        response: { 200: roleAssignmentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.roles.end(request.caller(), request.params.id, request.params.assignmentId);
      return result.ok ? toAssignment(result.value) : sendProblem(reply, result.error);
    },
  );
}
