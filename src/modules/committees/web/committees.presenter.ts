/** Rows and tags for the committee pages, in the catalogue's words. */
import { paths } from '../../../kernel/paths.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';
import { formatDate } from '../../../platform/http/filters.ts';
import { fill, words } from '../../../platform/words/index.ts';
import type { MeetingDetail, MeetingRow, RequestRow } from '../committees.service.ts';
import type { PaperEntry } from '../papers.service.ts';
import { daysLate } from '../domain/rules.ts';
import { DECISION_OUTCOMES, REQUEST_KINDS, SUBJECT_KINDS, type RequestStatus } from '../domain/vocabulary.ts';

const w = words.committees;

export const meetingName = (meeting: Pick<MeetingRow, 'bodyName' | 'heldOn' | 'title'>) =>
  `${meeting.bodyName}, ${formatDate(meeting.heldOn)}${meeting.title ? ` (${meeting.title})` : ''}`;

export function meetingRow(meeting: MeetingRow) {
  return [
    { text: formatDate(meeting.heldOn) },
    { html: `<a class="govuk-link" href="${paths.meeting(meeting.id)}">${escapeHtml(meetingName(meeting))}</a>` },
    { text: String(meeting.itemCount), format: 'numeric' },
  ];
}

const OUTCOME_TONE: Record<string, string> = {
  agreed: 'govuk-tag--green',
  'agreed-with-changes': 'govuk-tag--green',
  'sent-back': 'govuk-tag--orange',
  noted: 'govuk-tag--grey',
  deferred: 'govuk-tag--yellow',
  referred: 'govuk-tag--blue',
};

export const outcomeTag = (outcome: string | null) =>
  outcome === null
    ? { text: w.undecided, classes: 'govuk-tag--grey' }
    : { text: w.outcome[outcome as keyof typeof w.outcome], classes: OUTCOME_TONE[outcome] };

const STATUS_TONE: Record<RequestStatus, string> = {
  open: 'govuk-tag--blue',
  answered: 'govuk-tag--yellow',
  closed: 'govuk-tag--grey',
};

export const requestStatusTag = (request: Pick<RequestRow, 'status' | 'overdue'>) =>
  request.overdue
    ? { text: w.overdue, classes: 'govuk-tag--red' }
    : { text: w.requestStatus[request.status], classes: STATUS_TONE[request.status] };

/** "1.2 MB", "340 KB": a file's size as people read it. */
export const fileSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function agendaEntries(detail: MeetingDetail, uploaded: ReadonlyMap<string, PaperEntry[]> = new Map()) {
  return detail.agenda.map((item) => ({
    id: item.id,
    files: (uploaded.get(item.id) ?? []).map((paper) => ({
      text: fill(words.committeePapers.download, { name: paper.fileName, size: fileSize(paper.sizeBytes) }),
      href: paths.agendaPaper(paper.id),
      remove: paths.removeAgendaPaper(paper.id),
    })),
    upload: paths.newAgendaPaper(item.id),
    position: item.position,
    title: item.title,
    kind: w.subjectKind[item.subjectKind],
    paper:
      item.paperTitle || item.paperLink ? { title: item.paperTitle || item.paperLink, link: item.paperLink } : null,
    leadOfficer: item.leadOfficerName,
    outcome: outcomeTag(item.outcome),
    decided: item.outcome !== null,
    minute: item.minuteReference ? fill(w.minute, { reference: item.minuteReference }) : '',
    notes: item.decisionNotes,
    from: item.referredFrom
      ? {
          text: fill(w.referredFrom, { body: item.referredFrom.bodyName, date: formatDate(item.referredFrom.heldOn) }),
          outcome: outcomeTag(item.referredFrom.outcome).text,
          minute: item.referredFrom.minuteReference
            ? fill(w.minute, { reference: item.referredFrom.minuteReference })
            : '',
          notes: item.referredFrom.decisionNotes,
          href: `${paths.meeting(item.referredFrom.meetingId)}#item-${item.referredFrom.id}`,
        }
      : null,
    onward: item.onward.map((next) => ({
      text: fill(w.referredTo, { body: next.bodyName, date: formatDate(next.heldOn) }),
      href: `${paths.meeting(next.meetingId)}#item-${next.id}`,
    })),
    decideHref: paths.agendaDecision(item.id),
  }));
}

export function requestRow(request: RequestRow, today: string) {
  const late = daysLate(request, today);
  return [
    {
      html: `<a class="govuk-link" href="${paths.memberRequest(request.id)}">${escapeHtml(shorten(request.question))}</a>`,
    },
    { text: w.requestKind[request.kind] },
    { text: request.raisedByName },
    { text: request.addresseeName },
    { text: `${formatDate(request.dueOn)}${late > 0 ? ` (${fill(w.daysLate, { days: late })})` : ''}` },
    { html: tagHtml(requestStatusTag(request)) },
  ];
}

export const requestHead = () =>
  [w.column.asked, w.column.kind, w.column.raisedBy, w.column.addressee, w.column.due, w.column.status].map((text) => ({
    text,
  }));

export const outcomeItems = (chosen: unknown) =>
  DECISION_OUTCOMES.map((value) => ({ value, text: w.outcome[value], checked: chosen === value }));
export const subjectKindItems = (chosen: unknown) =>
  SUBJECT_KINDS.map((value) => ({ value, text: w.subjectKind[value], checked: (chosen ?? 'paper') === value }));
export const requestKindItems = (chosen: unknown) =>
  REQUEST_KINDS.map((value) => ({ value, text: w.requestKind[value], checked: chosen === value }));

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function tagHtml(tag: { text: string; classes?: string | undefined }): string {
  return `<strong class="govuk-tag ${tag.classes ?? ''}">${escapeHtml(tag.text)}</strong>`;
}

export function requestDetailRows(request: RequestRow, meetingHref: string | null) {
  const d = w.detail;
  const row = (key: string, value: { text: string } | { html: string }) => ({ key: { text: key }, value });
  return [
    row(d.raisedBy, { text: request.raisedByName }),
    row(d.raisedOn, { text: formatDate(request.raisedOn) }),
    row(d.addressee, { text: request.addresseeName }),
    row(d.due, { text: formatDate(request.dueOn) }),
    ...(meetingHref
      ? [row(d.meeting, { html: `<a class="govuk-link" href="${meetingHref}">${escapeHtml(d.meeting)}</a>` })]
      : []),
    ...(request.answer
      ? [row(d.answer, { text: request.answer }), row(d.answeredOn, { text: formatDate(request.answeredOn) })]
      : []),
    ...(request.closeNote ? [row(d.closeNote, { text: request.closeNote })] : []),
  ];
}

/**
 * The picker's options: no record, then each record found. A record already chosen that the
 * latest Find left out stays offered, so narrowing the list never drops the choice silently.
 */
export function subjectItems(choices: readonly { id: string; label: string }[], chosen: unknown) {
  const picked = typeof chosen === 'string' && chosen !== '' ? chosen : undefined;
  const kept =
    picked && !choices.some((choice) => choice.id === picked)
      ? [{ id: picked, label: words.committeePicker.keptRecord }]
      : [];
  return [
    { value: '', text: words.committeePicker.noRecord, selected: !picked },
    ...[...kept, ...choices].map((choice) => ({
      value: choice.id,
      text: choice.label,
      selected: choice.id === picked,
    })),
  ];
}
