/** Pages for meetings: the calendar, a meeting with its agenda, adding items, decisions and the import. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import type { SignedIn } from '../../../kernel/access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { dateItems, isoFromParts } from '../../../platform/http/date-input.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import type { CommitteesService } from '../committees.service.ts';
import type { CommitteePapersService } from '../papers.service.ts';
import { agendaItemInput, decisionInput, meetingInput } from '../domain/inputs.ts';
import {
  agendaEntries,
  meetingName,
  meetingRow,
  outcomeItems,
  requestHead,
  requestRow,
  subjectItems,
  subjectKindItems,
} from './committees.presenter.ts';
import { readMeetingFile } from './meeting-file.ts';

type Values = Record<string, unknown>;
const w = words.committees;

export const viewMeetings = { access: { permission: 'view:organisation' } } as const;
export const manageMeetings = { access: { permission: 'manage:meetings' } } as const;

/** A refusal of the caller's rights is 403; not found 404; anything else a bad form. */
export const refusalStatus = (code: string) => (code === 'forbidden' ? 403 : code === 'not_found' ? 404 : 400);

const uploadForm = z.object({
  file: z.preprocess(
    (value) => (Buffer.isBuffer(value) && value.length > 0 ? value : undefined),
    z.instanceof(Buffer).optional(),
  ),
  pasted: z.string().default(''),
});

export async function meetingsRoutes(
  app: FastifyInstance,
  {
    committees,
    papers,
    clock,
  }: {
    committees: CommitteesService;
    /** Uploaded papers shown under each item; absent, the page shows the items' links only. */
    papers?: Pick<CommitteePapersService, 'forMeeting'>;
    clock: Clock;
  },
) {
  app.get(paths.meetings(), { config: viewMeetings }, async (request, reply) => {
    const caller = request.caller();
    const bodyId = (request.query as Record<string, unknown>).bodyId;
    const chosen = typeof bodyId === 'string' && /^[0-9a-f-]{36}$/i.test(bodyId) ? bodyId : undefined;
    const today = clock.today();
    const [upcoming, past, bodies] = await Promise.all([
      committees.listMeetings(caller, { bodyId: chosen, from: today }),
      committees.listMeetings(caller, { bodyId: chosen, before: today }),
      committees.bodies(caller),
    ]);
    return reply.render('pages/committees/meetings.njk', {
      title: w.meetingsTitle,
      intro: w.meetingsIntro,
      breadcrumbs: [{ text: w.councilBreadcrumb, href: paths.council() }],
      upcoming: upcoming.map(meetingRow),
      past: past.reverse().map(meetingRow),
      bodyItems: selectItems(
        bodies,
        (b) => b.id,
        (b) => b.name,
        chosen,
        w.form.anyBody,
      ),
      mayManage: committees.mayManage(caller),
    });
  });

  async function renderMeetingForm(
    reply: FastifyReply,
    caller: SignedIn,
    values: Values,
    errors?: FormErrors,
    status?: number,
  ) {
    const bodies = await committees.bodies(caller);
    return reply.render(
      'pages/committees/meeting-form.njk',
      {
        title: w.newMeetingTitle,
        backLink: paths.meetings(),
        values,
        errors,
        bodyItems: selectItems(
          bodies,
          (b) => b.id,
          (b) => b.name,
          values.bodyId as string | undefined,
          w.field.body,
        ),
        dateItems: dateItems(values.heldOn, values, 'heldOn', !!errors?.fields.heldOn),
      },
      status,
    );
  }

  app.get(paths.newMeeting(), { config: manageMeetings }, async (request, reply) =>
    renderMeetingForm(reply, request.caller(), {}),
  );

  app.post(paths.newMeeting(), { config: manageMeetings }, async (request, reply) => {
    const caller = request.caller();
    const body = request.body as Values;
    const values = { ...body, heldOn: isoFromParts(body, 'heldOn') };
    const form = parseForm(meetingInput, values);
    if (!form.ok) return renderMeetingForm(reply, caller, values, form.errors, 400);
    const result = await committees.createMeeting(caller, form.value);
    if (!result.ok)
      return renderMeetingForm(reply, caller, values, formErrorsFrom(result.error), refusalStatus(result.error.code));
    return reply.flash(w.meetingAdded).redirect(paths.meeting(result.value.id));
  });

  function renderImport(
    reply: FastifyReply,
    options: { errors?: FormErrors; rowErrors?: { line: number; message: string }[]; status?: number } = {},
  ) {
    return reply.render(
      'pages/committees/import.njk',
      {
        title: w.importTitle,
        intro: w.importIntro,
        backLink: paths.meetings(),
        errors: options.errors,
        rowErrors: (options.rowErrors ?? []).map((error) => [
          { text: String(error.line), format: 'numeric' },
          { text: sayStored(error.message) },
        ]),
      },
      options.status,
    );
  }

  app.get(paths.importMeetings(), { config: manageMeetings }, async (_request, reply) => renderImport(reply));

  app.post(paths.importMeetings(), { config: manageMeetings }, async (request, reply) => {
    const form = parseForm(uploadForm, request.body);
    const bytes = form.ok ? (form.value.file ?? Buffer.from(form.value.pasted, 'utf8')) : Buffer.alloc(0);
    const read = await readMeetingFile(bytes);
    if (!read.ok)
      return renderImport(reply, {
        errors: {
          summary: [{ text: sayStored(read.message), href: '#file' }],
          fields: { file: { text: sayStored(read.message) } },
        },
        status: 400,
      });
    const result = await committees.importMeetings(request.caller(), read.rows);
    if (!result.ok) {
      const problems = result.error.rowErrors;
      const summary =
        problems.length === 1 && problems[0]!.line === 0
          ? sayStored(problems[0]!.message)
          : fill(w.importProblems, { count: problems.length });
      return renderImport(reply, {
        errors: { summary: [{ text: summary, href: '#row-errors' }], fields: {} },
        rowErrors: problems.filter((problem) => problem.line > 0),
        status: 400,
      });
    }
    return reply.flash(fill(w.imported, result.value)).redirect(paths.meetings());
  });

  app.get(paths.meeting(), { config: viewMeetings }, async (request, reply) => {
    const caller = request.caller();
    const result = await committees.meeting(caller, idParam(request).id);
    if (!result.ok) return reply.callNotFound();
    const detail = result.value;
    const uploaded = papers ? await papers.forMeeting(caller, detail.meeting.id) : new Map();
    return reply.render('pages/committees/meeting.njk', {
      title: meetingName(detail.meeting),
      breadcrumbs: [{ text: w.meetingsTitle, href: paths.meetings() }],
      meeting: detail.meeting,
      agenda: agendaEntries(detail, uploaded),
      requests: detail.requests.map((r) => requestRow(r, clock.today())),
      requestHead: requestHead(),
      mayDecide: detail.mayDecide,
      mayManage: detail.mayManage,
      links: {
        addItem: paths.newAgendaItem(detail.meeting.id),
        ask: `${paths.newMemberRequest()}?meetingId=${detail.meeting.id}`,
      },
    });
  });

  async function renderItemForm(
    reply: FastifyReply,
    caller: SignedIn,
    meetingId: string,
    values: Values,
    errors?: FormErrors,
    status?: number,
  ) {
    const kind = typeof values.subjectKind === 'string' ? values.subjectKind : 'paper';
    const find = typeof values.find === 'string' ? values.find : '';
    const [found, people, choices] = await Promise.all([
      committees.meeting(caller, meetingId),
      committees.people(caller),
      kind === 'paper' ? Promise.resolve([]) : committees.subjectChoices(caller, kind, find),
    ]);
    if (!found.ok) return reply.callNotFound();
    return reply.render(
      'pages/committees/item-form.njk',
      {
        title: w.addItem,
        caption: meetingName(found.value.meeting),
        backLink: paths.meeting(meetingId),
        action: paths.newAgendaItem(meetingId),
        values,
        errors,
        subjectKindItems: subjectKindItems(values.subjectKind),
        subjectItems: subjectItems(choices, values.subjectId),
        nothingFound: kind !== 'paper' && values.find !== undefined && choices.length === 0,
        officerItems: selectItems(
          people,
          (p) => p.id,
          (p) => (p.jobTitle ? `${p.name}, ${p.jobTitle}` : p.name),
          values.leadOfficerPersonId as string | undefined,
          w.form.noOne,
        ),
      },
      status,
    );
  }

  app.get(paths.newAgendaItem(), { config: manageMeetings }, async (request, reply) =>
    renderItemForm(reply, request.caller(), idParam(request).id, {}),
  );

  app.post(paths.newAgendaItem(), { config: manageMeetings }, async (request, reply) => {
    const caller = request.caller();
    const meetingId = idParam(request).id;
    const values = request.body as Values;
    // The picker's Find button narrows the records offered, keeping what was typed, and saves nothing.
    if (values.findRecords !== undefined) return renderItemForm(reply, caller, meetingId, values);
    const form = parseForm(agendaItemInput, values);
    if (!form.ok) return renderItemForm(reply, caller, meetingId, values, form.errors, 400);
    const result = await committees.addAgendaItem(caller, meetingId, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderItemForm(
        reply,
        caller,
        meetingId,
        values,
        formErrorsFrom(result.error),
        refusalStatus(result.error.code),
      );
    }
    return reply.flash(w.itemAdded).redirect(`${paths.meeting(meetingId)}#item-${result.value.id}`);
  });

  async function renderDecision(
    reply: FastifyReply,
    caller: SignedIn,
    itemId: string,
    values: Values,
    errors?: FormErrors,
    status?: number,
  ) {
    const context = await committees.decisionContext(caller, itemId);
    if (!context.ok) return reply.callNotFound();
    const { item, meeting, later } = context.value;
    return reply.render(
      'pages/committees/decision.njk',
      {
        title: w.decisionTitle,
        caption: `${meetingName(meeting)}: ${item.title}`,
        backLink: paths.meeting(meeting.id),
        action: paths.agendaDecision(itemId),
        values,
        errors,
        outcomeItems: outcomeItems(values.outcome),
        meetingItems: selectItems(
          later,
          (m) => m.id,
          meetingName,
          values.onwardMeetingId as string | undefined,
          w.form.nowhere,
        ),
      },
      status,
    );
  }

  app.get(paths.agendaDecision(), { config: viewMeetings }, async (request, reply) =>
    renderDecision(reply, request.caller(), idParam(request).id, {}),
  );

  app.post(paths.agendaDecision(), { config: viewMeetings }, async (request, reply) => {
    const caller = request.caller();
    const itemId = idParam(request).id;
    const values = request.body as Values;
    const form = parseForm(decisionInput, values);
    if (!form.ok) return renderDecision(reply, caller, itemId, values, form.errors, 400);
    const result = await committees.decide(caller, itemId, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderDecision(
        reply,
        caller,
        itemId,
        values,
        formErrorsFrom(result.error),
        refusalStatus(result.error.code),
      );
    }
    return reply.flash(w.decisionRecorded).redirect(`${paths.meeting(result.value.meetingId)}#item-${itemId}`);
  });
}
