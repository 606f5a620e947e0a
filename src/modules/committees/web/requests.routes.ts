/** Pages for members' requests: the list (mine or all), raising one, answering, closing and sending back. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import type { SignedIn } from '../../../kernel/access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { dateItems, isoFromParts } from '../../../platform/http/date-input.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, words } from '../../../platform/words/index.ts';
import type { CommitteesService } from '../committees.service.ts';
import { answerInput, closeInput, requestInput } from '../domain/inputs.ts';
import {
  meetingName,
  requestDetailRows,
  requestHead,
  requestKindItems,
  requestRow,
  requestStatusTag,
} from './committees.presenter.ts';
import { refusalStatus, viewMeetings } from './meetings.routes.ts';

type Values = Record<string, unknown>;
const w = words.committees;
const query = (request: { query: unknown }, name: string) => {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

export async function requestsRoutes(
  app: FastifyInstance,
  { committees, clock }: { committees: CommitteesService; clock: Clock },
) {
  app.get(paths.memberRequests(), { config: viewMeetings }, async (request, reply) => {
    const caller = request.caller();
    const mine = query(request, 'mine') === 'yes' || !committees.mayManage(caller);
    const rows = await committees.requests(caller, { mine });
    const open = rows.filter((row) => row.status !== 'closed');
    const closed = rows.filter((row) => row.status === 'closed');
    return reply.render('pages/committees/requests.njk', {
      title: mine ? w.myRequestsTitle : w.requestsTitle,
      intro: w.requestsIntro,
      breadcrumbs: [{ text: w.meetingsTitle, href: paths.meetings() }],
      head: requestHead(),
      open: open.map((row) => requestRow(row, clock.today())),
      closed: closed.map((row) => requestRow(row, clock.today())),
      overdue: open.filter((row) => row.overdue).length,
      askHref: paths.newMemberRequest(),
    });
  });

  async function renderNew(
    reply: FastifyReply,
    caller: SignedIn,
    values: Values,
    errors?: FormErrors,
    status?: number,
  ) {
    const [people, meetings, mine] = await Promise.all([
      committees.people(caller),
      committees.listMeetings(caller),
      committees.myBodies(caller),
    ]);
    const offered = committees.mayManage(caller) ? meetings : meetings.filter((m) => mine.includes(m.bodyId));
    return reply.render(
      'pages/committees/request-form.njk',
      {
        title: w.newRequestTitle,
        backLink: values.meetingId ? paths.meeting(values.meetingId as string) : paths.memberRequests(),
        values,
        errors,
        kindItems: requestKindItems(values.kind),
        officerItems: selectItems(
          people,
          (p) => p.id,
          (p) => (p.jobTitle ? `${p.name}, ${p.jobTitle}` : p.name),
          values.addresseePersonId as string | undefined,
          w.form.chooseOfficer,
        ),
        meetingItems: selectItems(
          offered,
          (m) => m.id,
          meetingName,
          values.meetingId as string | undefined,
          w.form.notAtMeeting,
        ),
        dateItems: dateItems(values.dueOn, values, 'dueOn', !!errors?.fields.dueOn),
      },
      status,
    );
  }

  app.get(paths.newMemberRequest(), { config: viewMeetings }, async (request, reply) =>
    renderNew(reply, request.caller(), {
      meetingId: query(request, 'meetingId'),
      agendaItemId: query(request, 'agendaItemId'),
    }),
  );

  app.post(paths.newMemberRequest(), { config: viewMeetings }, async (request, reply) => {
    const caller = request.caller();
    const body = request.body as Values;
    const values = { ...body, dueOn: isoFromParts(body, 'dueOn') };
    const form = parseForm(requestInput, values);
    if (!form.ok) return renderNew(reply, caller, values, form.errors, 400);
    const result = await committees.raise(caller, form.value);
    if (!result.ok)
      return renderNew(reply, caller, values, formErrorsFrom(result.error), refusalStatus(result.error.code));
    const people = await committees.people(caller);
    const name = people.find((p) => p.id === form.value.addresseePersonId)?.name ?? '';
    return reply.flash(fill(w.requestRaised, { name })).redirect(paths.memberRequest(result.value.id));
  });

  async function renderRequest(
    reply: FastifyReply,
    caller: SignedIn,
    id: string,
    values: Values = {},
    errors?: FormErrors,
    status?: number,
  ) {
    const result = await committees.request(caller, id);
    if (!result.ok) return reply.callNotFound();
    const r = result.value;
    return reply.render(
      'pages/committees/request.njk',
      {
        title: w.requestKind[r.kind],
        breadcrumbs: [{ text: w.requestsTitle, href: paths.memberRequests() }],
        request: r,
        rows: requestDetailRows(r, r.meetingId ? paths.meeting(r.meetingId) : null),
        status: requestStatusTag(r),
        meetingHref: r.meetingId ? paths.meeting(r.meetingId) : null,
        values,
        errors,
        links: {
          answer: paths.answerMemberRequest(id),
          close: paths.closeMemberRequest(id),
          reopen: paths.reopenMemberRequest(id),
        },
      },
      status,
    );
  }

  app.get(paths.memberRequest(), { config: viewMeetings }, async (request, reply) =>
    renderRequest(reply, request.caller(), idParam(request).id),
  );

  const change = (
    path: string,
    schema: typeof answerInput | typeof closeInput,
    apply: (caller: SignedIn, id: string, value: never) => ReturnType<CommitteesService['answer']>,
    flash: string,
  ) =>
    app.post(path, { config: viewMeetings }, async (request, reply) => {
      const caller = request.caller();
      const id = idParam(request).id;
      const values = request.body as Values;
      const form = parseForm(schema, values);
      if (!form.ok) return renderRequest(reply, caller, id, values, form.errors, 400);
      const result = await apply(caller, id, form.value as never);
      if (!result.ok) {
        if (result.error.code === 'not_found') return reply.callNotFound();
        return renderRequest(reply, caller, id, values, formErrorsFrom(result.error), refusalStatus(result.error.code));
      }
      return reply.flash(flash).redirect(paths.memberRequest(id));
    });

  change(
    paths.answerMemberRequest(),
    answerInput,
    (caller, id, value) => committees.answer(caller, id, value),
    w.answered,
  );
  change(
    paths.closeMemberRequest(),
    closeInput,
    (caller, id, value) => committees.close(caller, id, value, 'close'),
    w.closed,
  );
  change(
    paths.reopenMemberRequest(),
    closeInput,
    (caller, id, value) => committees.close(caller, id, value, 'reopen'),
    w.reopened,
  );
}
