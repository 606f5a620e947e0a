/** Actions for the GOV.UK macros: tags, table rows, summary rows and form options. Templates only call macros. */
import { formatDate } from '../../../kernel/measurement/format.ts';
import { formatDateTime } from '../../../platform/http/filters.ts';
import { paths } from '../../../kernel/paths.ts';
import { words } from '../../../platform/words/index.ts';
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
      html: `<a class="govuk-link" href="${escapeHtml(a.href)}">${escapeHtml(a.code)} ${escapeHtml(a.title)}</a>${a.isKey ? ' <span class="govuk-body-s">(key)</span>' : ''}`,
    },
    { text: a.ownerName },
    {
      html:
        tagHtml(a.status) +
        (a.judgedStatus
          ? `<span class="govuk-body-s govuk-!-display-block">Derived: ${escapeHtml(words.actionStatus[a.derivedStatus])}</span>`
          : ''),
    },
    { text: `${a.percentComplete}%`, format: 'numeric' },
    {
      html:
        escapeHtml(formatDate(a.dueDate)) +
        (a.overdue ? ' <strong class="govuk-tag govuk-tag--purple">Overdue</strong>' : '') +
        (a.openEscalationId
          ? `<span class="govuk-body-s govuk-!-display-block">${escapeHtml(words.actionsEscalation.waiting)}</span>`
          : ''),
    },
  ]);
}

export const ACTION_TABLE_HEAD = [
  { text: 'Action' },
  { text: 'Owner' },
  { text: 'Status' },
  { text: '% complete', format: 'numeric' },
  { text: 'Due' },
];

export function statusFilterItems(selected: string | undefined) {
  return [
    { value: '', text: 'Any status' },
    ...ACTION_STATUSES.map((s) => ({ value: s, text: words.actionStatus[s], selected: s === selected })),
  ];
}

export function openStatusItems(selected: unknown) {
  return [
    { value: '', text: 'Use the derived status', selected: !selected },
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
    items.length ? `<ul class="govuk-list">${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : 'None';
  const dueHtml =
    escapeHtml(formatDate(a.dueDate)) +
    (a.revisedDueDate
      ? ` (revised from ${escapeHtml(formatDate(a.originalDueDate))}: ${escapeHtml(a.revisionReason)})`
      : '') +
    (a.overdue ? ' <strong class="govuk-tag govuk-tag--purple">Overdue</strong>' : '') +
    (a.pendingDueDate
      ? `<span class="govuk-body-s govuk-!-display-block">New date ${escapeHtml(formatDate(a.pendingDueDate))} waiting for approval: ${escapeHtml(a.pendingReason)}</span>`
      : '');
  const summaryRows = [
    { key: { text: 'Plan' }, value: { html: link(paths.plan(a.planId), a.planTitle) } },
    { key: { text: 'Status' }, value: { html: tagHtml(a.status) } },
    {
      key: { text: 'Derived status' },
      value: {
        html: `${tagHtml(a.derivedStatus)} <span class="govuk-body-s">${escapeHtml(derivedWords(a.derivedReason))}</span>`,
      },
    },
    ...(a.judgedStatus
      ? [
          {
            key: { text: "Owner's judgement" },
            value: { text: `${words.actionStatus[a.judgedStatus]}: ${a.judgementReason}` },
          },
        ]
      : []),
    ...(a.status === 'cancelled' || a.status === 'terminated' || (a.status === 'complete' && detail.action.closedReason)
      ? [{ key: { text: 'Reason closed' }, value: { text: detail.action.closedReason || 'None given' } }]
      : []),
    { key: { text: '% complete' }, value: { text: `${a.percentComplete}% (${a.expectedPercent}% expected by now)` } },
    { key: { text: 'Start date' }, value: { text: formatDate(a.startDate) } },
    { key: { text: 'Original due date' }, value: { text: formatDate(a.originalDueDate) } },
    { key: { text: 'Due date' }, value: { html: dueHtml } },
    { key: { text: 'Owner' }, value: { html: link(paths.person(a.ownerPersonId), a.ownerName) } },
    {
      key: { text: 'Escalation owner' },
      value: {
        html:
          link(paths.person(a.escalationOwnerPersonId), a.escalationOwnerName) +
          (detail.escalationOwnerActive ? '' : ' (has left)'),
      },
    },
    {
      key: { text: 'Assignees' },
      value: { html: list(detail.assignees.map((p) => link(paths.person(p.id), p.name))) },
    },
    { key: { text: 'Key action' }, value: { text: a.isKey ? 'Yes' : 'No' } },
    {
      key: { text: 'Contributes to' },
      value: {
        html: list(
          detail.items.map((i) => `${link(paths.item(i.id), `${i.code} ${i.title}`)} in ${escapeHtml(i.planTitle)}`),
        ),
      },
    },
    {
      key: { text: 'Measures' },
      value: { html: list(detail.measures.map((m) => link(paths.measure(m.id), `${m.code} ${m.title}`))) },
    },
    ...(a.answers
      ? [
          {
            key: { text: 'Answers' },
            value: {
              text: `${a.answers.kind === 'recommendation' ? 'Recommendation' : 'Improvement plan'} ${a.answers.id}`,
            },
          },
        ]
      : []),
    {
      key: { text: 'Description' },
      value: { text: detail.action.description || 'No description', classes: 'app-section-text' },
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
          ? `<span class="govuk-body-s govuk-!-display-block">Derived ${escapeHtml(words.actionStatus[u.derivedStatus])}; judged ${escapeHtml(words.actionStatus[u.judgedStatus])}: ${escapeHtml(u.statusReason)}</span>`
          : ''),
    },
    { text: u.commentary },
    { text: `${u.byLabel}, ${formatDateTime(u.at)}` },
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
    { text: e.byLabel },
  ]);
  return { summaryRows, milestoneRows, updateRows, escalations, eventRows };
}
