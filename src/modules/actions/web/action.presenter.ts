/** Actions for the GOV.UK macros: tags, table rows, summary rows and form options. Templates only call macros. */
import { formatDate } from '../../../kernel/measurement/format.ts';
import { formatDateTime } from '../../../platform/http/filters.ts';
import { paths } from '../../../kernel/paths.ts';
import { fill, sayActor, words } from '../../../platform/words/index.ts';
import { actionStatusTag } from '../../../platform/words/status-tags.ts';
import type { ActionSummary } from '../action-view.ts';
import type { ActionDetail } from '../actions.service.ts';
import { ACTION_STATUSES, OPEN_STATUSES } from '../domain/index.ts';
import { derivedWords } from '../action-view.ts';

export { derivedWords };
import { triggerWords } from '../escalation.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';

type Cell = { text?: string; html?: string; format?: string; attributes?: Record<string, string> };

const tagHtml = (status: keyof typeof words.actionStatus) => {
  const tag = actionStatusTag(status);
  return `<strong class="govuk-tag ${tag.classes}">${escapeHtml(tag.text)}</strong>`;
};

export function actionRows(list: readonly ActionSummary[]): Cell[][] {
  return list.map((a) => [
    {
      html: `<a class="govuk-link" href="${escapeHtml(a.href)}">${escapeHtml(a.code)} ${escapeHtml(a.title)}</a>${a.isKey ? ` <span class="govuk-body-s">${escapeHtml(words.actionsView.keyMark)}</span>` : ''}`,
    },
    { text: a.ownerName },
    {
      html:
        tagHtml(a.status) +
        (a.judgedStatus
          ? `<span class="govuk-body-s govuk-!-display-block">${escapeHtml(fill(words.actionsView.derivedIs, { status: words.actionStatus[a.derivedStatus] }))}</span>`
          : ''),
    },
    { text: `${a.percentComplete}%`, format: 'numeric' },
    {
      html:
        escapeHtml(formatDate(a.dueDate)) +
        (a.overdue
          ? ` <strong class="govuk-tag govuk-tag--purple">${escapeHtml(words.actionsView.overdue)}</strong>`
          : '') +
        (a.openEscalationId
          ? `<span class="govuk-body-s govuk-!-display-block">${escapeHtml(words.actionsEscalation.waiting)}</span>`
          : ''),
    },
  ]);
}

export const ACTION_TABLE_HEAD = [
  { text: words.actionsView.head.action },
  { text: words.actionsView.head.owner },
  { text: words.actionsView.head.status },
  { text: words.actionsView.head.percent, format: 'numeric' },
  { text: words.actionsView.head.due },
];

export function statusFilterItems(selected: string | undefined) {
  return [
    { value: '', text: words.actionsView.anyStatus },
    ...ACTION_STATUSES.map((s) => ({ value: s, text: words.actionStatus[s], selected: s === selected })),
  ];
}

export function openStatusItems(selected: unknown) {
  return [
    { value: '', text: words.actionsView.useDerived, selected: !selected },
    ...OPEN_STATUSES.map((s) => ({ value: s, text: words.actionStatus[s], selected: s === selected })),
  ];
}

export function optionItems(
  list: readonly { id: string; name?: string; code?: string; title?: string }[],
  selected: unknown,
  blank: string | null,
) {
  const items = list.map((o) => ({
    value: o.id,
    text: o.name ?? `${o.code} ${o.title}`,
    selected: o.id === selected,
  }));
  return blank === null ? items : [{ value: '', text: blank }, ...items];
}

export function checkboxItems(
  list: readonly { id: string; name?: string; code?: string; title?: string }[],
  selected: unknown,
) {
  const chosen = new Set(Array.isArray(selected) ? selected.map(String) : selected ? [String(selected)] : []);
  return list.map((o) => ({ value: o.id, text: o.name ?? `${o.code} ${o.title}`, checked: chosen.has(o.id) }));
}

/** The action page: its summary list, milestones, updates, escalations and history. */
export function actionPageView(detail: ActionDetail) {
  const a = detail.action;
  const link = (href: string, text: string) =>
    `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
  const list = (items: string[]) =>
    items.length
      ? `<ul class="govuk-list">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`
      : escapeHtml(words.actionsView.none);
  const dueHtml =
    escapeHtml(formatDate(a.dueDate)) +
    (a.revisedDueDate
      ? ` ${escapeHtml(fill(words.actionsView.revisedFrom, { date: formatDate(a.originalDueDate), reason: a.revisionReason }))}`
      : '') +
    (a.overdue
      ? ` <strong class="govuk-tag govuk-tag--purple">${escapeHtml(words.actionsView.overdue)}</strong>`
      : '') +
    (a.pendingDueDate
      ? `<span class="govuk-body-s govuk-!-display-block">${escapeHtml(fill(words.actionsView.newDateWaiting, { date: formatDate(a.pendingDueDate), reason: a.pendingReason }))}</span>`
      : '');
  const summaryRows = [
    { key: { text: words.actionsView.summary.plan }, value: { html: link(paths.plan(a.planId), a.planTitle) } },
    { key: { text: words.actionsView.summary.status }, value: { html: tagHtml(a.status) } },
    {
      key: { text: words.actionsView.summary.derivedStatus },
      value: {
        html: `${tagHtml(a.derivedStatus)} <span class="govuk-body-s">${escapeHtml(derivedWords(a.derivedReason))}</span>`,
      },
    },
    ...(a.judgedStatus
      ? [
          {
            key: { text: words.actionsView.summary.judgement },
            value: { text: `${words.actionStatus[a.judgedStatus]}: ${a.judgementReason}` },
          },
        ]
      : []),
    ...(a.status === 'cancelled' || a.status === 'terminated' || (a.status === 'complete' && detail.action.closedReason)
      ? [
          {
            key: { text: words.actionsView.summary.reasonClosed },
            value: { text: detail.action.closedReason || words.actionsView.summary.noneGiven },
          },
        ]
      : []),
    {
      key: { text: words.actionsView.summary.percent },
      value: {
        text: fill(words.actionsView.summary.percentValue, { percent: a.percentComplete, expected: a.expectedPercent }),
      },
    },
    { key: { text: words.actionsView.summary.startDate }, value: { text: formatDate(a.startDate) } },
    { key: { text: words.actionsView.summary.originalDueDate }, value: { text: formatDate(a.originalDueDate) } },
    { key: { text: words.actionsView.summary.dueDate }, value: { html: dueHtml } },
    {
      key: { text: words.actionsView.summary.owner },
      value: { html: link(paths.person(a.ownerPersonId), a.ownerName) },
    },
    {
      key: { text: words.actionsView.summary.escalationOwner },
      value: {
        html:
          link(paths.person(a.escalationOwnerPersonId), a.escalationOwnerName) +
          (detail.escalationOwnerActive ? '' : ` ${escapeHtml(words.actionsView.summary.hasLeft)}`),
      },
    },
    {
      key: { text: words.actionsView.summary.assignees },
      value: { html: list(detail.assignees.map((p) => link(paths.person(p.id), p.name))) },
    },
    {
      key: { text: words.actionsView.summary.key },
      value: { text: a.isKey ? words.actionsView.summary.yes : words.actionsView.summary.no },
    },
    {
      key: { text: words.actionsView.summary.contributesTo },
      value: {
        html: list(
          detail.items.map(
            (i) =>
              `${link(paths.item(i.id), `${i.code} ${i.title}`)} ${escapeHtml(fill(words.actionsView.summary.inPlan, { plan: i.planTitle }))}`,
          ),
        ),
      },
    },
    {
      key: { text: words.actionsView.summary.measures },
      value: { html: list(detail.measures.map((m) => link(paths.measure(m.id), `${m.code} ${m.title}`))) },
    },
    ...(a.answers
      ? [
          {
            key: { text: words.actionsView.summary.answers },
            value: {
              text: fill(
                a.answers.kind === 'recommendation'
                  ? words.actionsView.summary.answersRecommendation
                  : words.actionsView.summary.answersPlan,
                { id: a.answers.id },
              ),
            },
          },
        ]
      : []),
    {
      key: { text: words.actionsView.summary.description },
      value: {
        text: detail.action.description || words.actionsView.summary.noDescription,
        classes: 'app-section-text',
      },
    },
  ];
  const milestoneRows = detail.milestones.map((m) => ({
    id: m.id,
    title: m.title,
    due: formatDate(m.dueDate),
    done: m.completedOn ? formatDate(m.completedOn) : null,
  }));
  const updateRows = detail.updates.map((u) => [
    { text: formatDate(u.asOf) },
    { text: `${u.percentComplete}%`, format: 'numeric' },
    {
      html:
        tagHtml(u.status) +
        (u.judgedStatus
          ? `<span class="govuk-body-s govuk-!-display-block">${escapeHtml(fill(words.actionsView.derivedJudged, { derived: words.actionStatus[u.derivedStatus], judged: words.actionStatus[u.judgedStatus], reason: u.statusReason }))}</span>`
          : ''),
    },
    { text: u.commentary },
    { text: `${sayActor(u.byLabel)}, ${formatDateTime(u.at)}` },
  ]);
  const escalations = detail.escalations.map(({ escalation: e, ownerName, decidedByName }) => ({
    id: e.id,
    raised: formatDate(e.raisedOn),
    why: triggerWords(e.trigger),
    owner: ownerName,
    open: e.decision === null,
    decision: e.decision ? words.escalationDecision[e.decision] : words.actionsEscalation.waiting,
    reason: e.decisionReason,
    newDueDate: e.newDueDate ? formatDate(e.newDueDate) : null,
    decidedBy: decidedByName,
    decidedAt: e.decidedAt ? formatDateTime(e.decidedAt) : null,
  }));
  const eventRows = detail.events.map((e) => [
    { text: formatDateTime(e.at) },
    { text: words.actionEvent[e.kind as keyof typeof words.actionEvent] ?? e.kind },
    { text: e.reason || '' },
    { text: sayActor(e.byLabel) },
  ]);
  return { summaryRows, milestoneRows, updateRows, escalations, eventRows };
}
