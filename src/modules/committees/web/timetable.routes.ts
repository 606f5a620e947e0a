/** The planning timetable (a list by month and the register of statutory returns). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { holdsPermission } from '../../../kernel/access/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';
import type { SignedIn } from '../../../kernel/access/index.ts';
import { dateItems, isoFromParts } from '../../../platform/http/date-input.ts';
import { formatDate } from '../../../platform/http/filters.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { words } from '../../../platform/words/index.ts';
import type { CommitteesService } from '../committees.service.ts';
import { returnInput, returnStatusInput } from '../domain/inputs.ts';
import { byMonth } from '../domain/timetable.ts';
import type { RecordStatus, TrackStatus } from '../domain/timetable-status.ts';
import { RETURN_STATUSES } from '../domain/vocabulary.ts';
import type { createReturnsService } from '../returns.service.ts';
import { manageMeetings, refusalStatus, viewMeetings } from './meetings.routes.ts';

type Values = Record<string, unknown>;
const w = words.committees;
const TAG_COLOUR: Record<TrackStatus, string> = {
  done: 'govuk-tag--green',
  late: 'govuk-tag--red',
  'due-soon': 'govuk-tag--yellow',
  'on-time': 'govuk-tag--blue',
};

/** The plans or reports a date concerns, each linked to its page, with its status as a tag. */
function recordsHtml(records: RecordStatus[]): string {
  if (records.length === 0) return '';
  const items = records.map((record) => {
    const name =
      record.id === null || record.title === null
        ? escapeHtml(record.kind === 'plan' ? w.noPlanYet : w.noReportYet)
        : `<a class="govuk-link" href="${record.kind === 'plan' ? paths.plan(record.id) : paths.issuedReport(record.id)}">${escapeHtml(record.title)}</a>`;
    const tag = `<strong class="govuk-tag ${TAG_COLOUR[record.status]}">${escapeHtml(w.trackStatus[record.status])}</strong>`;
    return `<li>${name} ${tag}</li>`;
  });
  return `<ul class="govuk-list">${items.join('')}</ul>`;
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export async function timetableRoutes(
  app: FastifyInstance,
  { committees, returns }: { committees: CommitteesService; returns: ReturnType<typeof createReturnsService> },
) {
  app.get(paths.timetable(), { config: viewMeetings }, async (request, reply) => {
    const entries = await returns.trackedTimetable(request.caller());
    return reply.render('pages/committees/timetable.njk', {
      title: w.timetableTitle,
      intro: w.timetableIntro,
      breadcrumbs: [{ text: w.meetingsTitle, href: paths.meetings() }],
      months: byMonth(entries).map(({ month, entries: list }) => ({
        name: monthName.format(new Date(`${month}-01T00:00:00Z`)),
        rows: list.map((entry) => [
          { text: formatDate(entry.date) },
          { text: w.timetableKind[entry.kind] },
          entry.meetingId
            ? {
                html: `<a class="govuk-link" href="${paths.meeting(entry.meetingId)}">${escapeHtml(entry.subject)}</a>`,
              }
            : entry.returnId
              ? {
                  html: `<a class="govuk-link" href="${paths.statutoryReturns()}#return-${entry.returnId}">${escapeHtml(entry.subject)}</a>`,
                }
              : { text: entry.subject },
          { html: entry.late ? `<strong class="govuk-tag govuk-tag--red">${escapeHtml(w.late)}</strong>` : '' },
          { html: recordsHtml(entry.records) },
        ]),
      })),
      returnsHref: paths.statutoryReturns(),
      settingsHref: holdsPermission(request.caller(), 'manage:framework') ? paths.committeeSettings() : null,
    });
  });

  async function renderReturns(
    reply: FastifyReply,
    caller: SignedIn,
    values: Values = {},
    errors?: FormErrors,
    status?: number,
  ) {
    const [rows, people] = await Promise.all([returns.returns(caller), committees.people(caller)]);
    return reply.render(
      'pages/committees/returns.njk',
      {
        title: w.returnsTitle,
        intro: w.returnsIntro,
        breadcrumbs: [
          { text: w.meetingsTitle, href: paths.meetings() },
          { text: w.timetableTitle, href: paths.timetable() },
        ],
        returns: rows.map((row) => ({
          ...row,
          due: formatDate(row.dueOn),
          statusText: w.returnStatus[row.status],
          submitted: row.submittedOn ? formatDate(row.submittedOn) : '',
          action: paths.statutoryReturnStatus(row.id),
          statusItems: RETURN_STATUSES.map((value) => ({
            value,
            text: w.returnStatus[value],
            selected: value === row.status,
          })),
          mayChange: row.ownerPersonId === caller.personId || committees.mayManage(caller),
        })),
        mayManage: committees.mayManage(caller),
        values,
        errors,
        ownerItems: selectItems(
          people,
          (p) => p.id,
          (p) => p.name,
          values.ownerPersonId as string | undefined,
          w.form.chooseOwner,
        ),
        dateItems: dateItems(values.dueOn, values, 'dueOn', !!errors?.fields.dueOn),
      },
      status,
    );
  }

  app.get(paths.statutoryReturns(), { config: viewMeetings }, async (request, reply) =>
    renderReturns(reply, request.caller()),
  );

  app.post(paths.statutoryReturns(), { config: manageMeetings }, async (request, reply) => {
    const caller = request.caller();
    const body = request.body as Values;
    const values = { ...body, dueOn: isoFromParts(body, 'dueOn') };
    const form = parseForm(returnInput, values);
    if (!form.ok) return renderReturns(reply, caller, values, form.errors, 400);
    const result = await returns.addReturn(caller, form.value);
    if (!result.ok)
      return renderReturns(reply, caller, values, formErrorsFrom(result.error), refusalStatus(result.error.code));
    return reply.flash(w.returnAdded).redirect(paths.statutoryReturns());
  });

  app.post(paths.statutoryReturnStatus(), { config: viewMeetings }, async (request, reply) => {
    const caller = request.caller();
    const form = parseForm(returnStatusInput, request.body);
    if (!form.ok) return renderReturns(reply, caller, {}, form.errors, 400);
    const result = await returns.setReturnStatus(caller, idParam(request).id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderReturns(reply, caller, {}, formErrorsFrom(result.error), refusalStatus(result.error.code));
    }
    return reply.flash(w.returnUpdated).redirect(paths.statutoryReturns());
  });
}
