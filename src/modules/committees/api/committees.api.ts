/** The committee cycle's JSON API: meetings with their agendas, decisions and members' requests. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import type { CommitteesService } from '../committees.service.ts';
import {
  agendaItemInput,
  answerInput,
  closeInput,
  decisionInput,
  meetingInput,
  requestInput,
} from '../domain/inputs.ts';
import { DECISION_OUTCOMES, REQUEST_KINDS, REQUEST_STATUSES, SUBJECT_KINDS } from '../domain/vocabulary.ts';

const meetingSchema = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    heldOn: z.iso.date(),
    startsAt: z.string(),
    location: z.string(),
    title: z.string(),
    itemCount: z.number().int(),
  })
  .meta({ id: 'Meeting' });

const agendaItemSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    title: z.string(),
    subjectKind: z.enum(SUBJECT_KINDS),
    subjectId: z.uuid().nullable(),
    paperTitle: z.string(),
    paperLink: z.string(),
    leadOfficerPersonId: z.uuid().nullable(),
    referredFromItemId: z.uuid().nullable(),
    outcome: z.enum(DECISION_OUTCOMES).nullable(),
    minuteReference: z.string(),
    decisionNotes: z.string(),
    decidedOn: z.iso.date().nullable(),
    onwardItemIds: z.array(z.uuid()),
  })
  .meta({ id: 'AgendaItem' });

const requestSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(REQUEST_KINDS),
    status: z.enum(REQUEST_STATUSES),
    overdue: z.boolean(),
    question: z.string(),
    answer: z.string(),
    raisedOn: z.iso.date(),
    dueOn: z.iso.date(),
    answeredOn: z.iso.date().nullable(),
    closedOn: z.iso.date().nullable(),
    meetingId: z.uuid().nullable(),
    agendaItemId: z.uuid().nullable(),
    raisedByPersonId: z.uuid(),
    raisedByName: z.string(),
    addresseePersonId: z.uuid(),
    addresseeName: z.string(),
  })
  .meta({ id: 'MemberRequest' });

const meetingDetailSchema = meetingSchema.extend({ agenda: z.array(agendaItemSchema) }).meta({ id: 'MeetingDetail' });
const created = z.object({ id: z.uuid() });
const meetingsQuery = z.object({
  bodyId: z.uuid().optional(),
  from: z.iso.date().optional(),
  before: z.iso.date().optional(),
});
const requestsQuery = z.object({ status: z.enum(REQUEST_STATUSES).optional(), mine: z.enum(['yes', 'no']).optional() });

export async function committeesApi(app: FastifyInstance, { committees }: { committees: CommitteesService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Committees'];
  const view = { access: { permission: 'view:organisation' } } as const;
  const manage = { access: { permission: 'manage:meetings' } } as const;

  api.get(
    '/meetings',
    {
      config: view,
      schema: {
        tags,
        summary: 'Meetings of the council’s governance bodies',
        querystring: meetingsQuery,
        response: { 200: z.array(meetingSchema), ...problemResponses },
      },
    },
    async (request) => committees.listMeetings(request.caller(), request.query),
  );

  api.post(
    '/meetings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a meeting to the calendar',
        body: meetingInput,
        response: { 201: created, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await committees.createMeeting(request.caller(), request.body);
      return result.ok ? reply.code(201).send(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/meetings/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'A meeting with its agenda and decisions',
        params: idParams,
        response: { 200: meetingDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await committees.meeting(request.caller(), request.params.id);
      if (!result.ok) return sendProblem(reply, result.error);
      const { meeting, agenda } = result.value;
      return meetingDetailSchema.parse({
        ...meeting,
        agenda: agenda.map((item) => ({ ...item, onwardItemIds: item.onward.map((next) => next.id) })),
      });
    },
  );

  api.post(
    '/meetings/:id/items',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add an item to a meeting’s agenda',
        params: idParams,
        body: agendaItemInput,
        response: { 201: created, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await committees.addAgendaItem(request.caller(), request.params.id, request.body);
      return result.ok ? reply.code(201).send(result.value) : sendProblem(reply, result.error);
    },
  );

  const decided = z.object({ meetingId: z.uuid(), onwardItemId: z.uuid().nullable() });
  api.post(
    '/agenda-items/:id/decision',
    {
      config: view,
      schema: {
        tags,
        summary:
          'Record the body’s decision on an item (members of the body or a committee officer); referred or deferred, the item goes onto the later meeting’s agenda',
        params: idParams,
        body: decisionInput,
        response: { 200: decided, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await committees.decide(request.caller(), request.params.id, request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/member-requests',
    {
      config: view,
      schema: {
        tags,
        summary: 'Members’ requests to officers (all of them for a committee officer; else the caller’s own)',
        querystring: requestsQuery,
        response: { 200: z.array(requestSchema), ...problemResponses },
      },
    },
    async (request) => {
      const caller = request.caller();
      const mine = request.query.mine === 'yes' || !committees.mayManage(caller);
      const rows = await committees.requests(caller, {
        mine,
        ...(request.query.status ? { status: request.query.status } : {}),
      });
      return rows.map((row) => requestSchema.parse(row));
    },
  );

  api.post(
    '/member-requests',
    {
      config: view,
      schema: {
        tags,
        summary: 'Ask an officer for an explanation or further work (members of a body)',
        body: requestInput,
        response: { 201: created, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await committees.raise(request.caller(), request.body);
      return result.ok ? reply.code(201).send(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/member-requests/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'One member’s request',
        params: idParams,
        response: { 200: requestSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await committees.request(request.caller(), request.params.id);
      return result.ok ? requestSchema.parse(result.value) : sendProblem(reply, result.error);
    },
  );

  const changedRequest = z.object({ id: z.uuid() });
  for (const [path, schema, summary] of [
    ['answer', answerInput, 'Answer a request (the officer asked)'],
    ['close', closeInput, 'Close a request (the member who asked)'],
    ['reopen', closeInput, 'Send an answer back as not enough (the member who asked)'],
  ] as const) {
    api.post(
      `/member-requests/:id/${path}`,
      {
        config: view,
        schema: {
          tags,
          summary,
          params: idParams,
          body: schema,
          response: { 200: changedRequest, ...problemResponses },
        },
      },
      async (request, reply) => {
        const caller = request.caller();
        const id = request.params.id;
        const body = request.body as z.infer<typeof answerInput> & z.infer<typeof closeInput>;
        const result =
          path === 'answer'
            ? await committees.answer(caller, id, body)
            : await committees.close(caller, id, body, path);
        return result.ok ? result.value : sendProblem(reply, result.error);
      },
    );
  }
}
