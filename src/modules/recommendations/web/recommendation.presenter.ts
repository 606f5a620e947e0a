/**
 * Turns the register into what the GOV.UK macros take: tags that say their word, table rows, the
 * audit committee's ageing tables, summary lists and the filter choices.
 */
import { formatDate } from '../../../kernel/measurement/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { fill, sayActor, sayStored, words } from '../../../platform/words/index.ts';
import { AGE_BANDS, PRIORITIES, RESPONSES, SOURCES, STATUSES, type Status } from '../domain/vocabulary.ts';
import type { RegisterSummary, Tally } from '../domain/summary.ts';
import type { ActionSummary } from '../ports.ts';
import type { RecommendationDetail, RegisterEntry } from '../recommendations.service.ts';

const w = words.recommendations;

export const sourceName = (source: string) => (w.source as Record<string, string>)[source] ?? source;
export const statusName = (status: string) => (w.status as Record<string, string>)[status] ?? status;
export const priorityName = (priority: string) => (w.priority as Record<string, string>)[priority] ?? priority;
export const responseName = (response: string | null) =>
  response === null ? w.response.none : ((w.response as Record<string, string>)[response] ?? response);

const STATUS_CLASS: Record<Status, string> = {
  open: 'govuk-tag--blue',
  'in-progress': 'govuk-tag--light-blue',
  implemented: 'govuk-tag--turquoise',
  closed: 'govuk-tag--green',
  superseded: 'govuk-tag--grey',
};

const PRIORITY_CLASS: Record<string, string> = {
  high: 'govuk-tag--red',
  medium: 'govuk-tag--yellow',
  low: 'govuk-tag--grey',
};

export const statusTag = (status: Status) => ({ text: statusName(status), classes: STATUS_CLASS[status] });
export const priorityTag = (priority: string) => ({
  text: priorityName(priority),
  classes: PRIORITY_CLASS[priority] ?? 'govuk-tag--grey',
});

const date = (iso: string | null) => (iso ? formatDate(iso) : '');

function dueText(entry: RegisterEntry): string {
  if (!entry.dueDate) return w.noDueDate;
  const due = formatDate(entry.dueDate);
  return entry.ageing.overdue ? `${due} (${fill(w.daysOverdue, { days: entry.ageing.daysOverdue })})` : due;
}

/** One row of the register's table (the recommendation linked, its status tag saying its word). */
export function registerRow(entry: RegisterEntry) {
  const label = entry.reference ? `${entry.reference}: ${entry.text}` : entry.text;
  return {
    href: paths.recommendation(entry.id),
    label: label.length > 140 ? `${label.slice(0, 137)}…` : label,
    report: entry.reportTitle,
    reportHref: paths.recommendationReport(entry.reportId),
    source: sourceName(entry.source),
    priority: priorityTag(entry.priority),
    owner: entry.ownerName,
    due: dueText(entry),
    status: statusTag(entry.status),
    overdue: entry.ageing.overdue,
    daysOpen: fill(w.daysOpen, { days: entry.ageing.daysOpen }),
  };
}

const tallyRow = (name: string, tally: Tally) => [
  { text: name },
  { text: String(tally.total), format: 'numeric' },
  { text: String(tally.open), format: 'numeric' },
  { text: String(tally.overdue), format: 'numeric' },
];

/** The audit committee's tables: open by age, and the register by source and by priority. */
export function summaryTables(summary: RegisterSummary) {
  return {
    totals: { total: summary.total, open: summary.open, overdue: summary.overdue },
    ageRows: AGE_BANDS.map((band) => [
      { text: w.ageBand[band] },
      { text: String(summary.openByAge[band]), format: 'numeric' },
    ]),
    sourceRows: SOURCES.filter((source) => summary.bySource[source].total > 0).map((source) =>
      tallyRow(sourceName(source), summary.bySource[source]),
    ),
    priorityRows: PRIORITIES.map((priority) => tallyRow(priorityName(priority), summary.byPriority[priority])),
  };
}

export function detailRows(detail: RecommendationDetail) {
  const r = detail.recommendation;
  const label = words.recommendationsPages.details;
  const rows: { key: { text: string }; value: { text?: string; html?: string } }[] = [
    {
      key: { text: label.report },
      value: { text: `${r.reportTitle}${r.reportReference ? ` (${r.reportReference})` : ''}` },
    },
    { key: { text: label.source }, value: { text: sourceName(r.source) } },
    { key: { text: label.reportDate }, value: { text: formatDate(r.reportDate) } },
    { key: { text: label.priority }, value: { text: priorityName(r.priority) } },
    { key: { text: label.owner }, value: { text: r.ownerName } },
    { key: { text: label.unit }, value: { text: r.unitName ?? label.wholeCouncil } },
    { key: { text: label.response }, value: { text: responseName(r.response) } },
  ];
  if (r.responseReason) rows.push({ key: { text: label.responseReason }, value: { text: r.responseReason } });
  if (r.agreedAction) rows.push({ key: { text: label.agreedAction }, value: { text: r.agreedAction } });
  rows.push(
    { key: { text: label.originalDueDate }, value: { text: date(r.originalDueDate) || w.noDueDate } },
    { key: { text: label.dueDate }, value: { text: dueText(r) } },
    { key: { text: label.status }, value: { text: statusName(r.status) } },
    { key: { text: label.daysOpen }, value: { text: fill(w.daysOpen, { days: r.ageing.daysOpen }) } },
  );
  if (r.closureEvidence) rows.push({ key: { text: label.closureEvidence }, value: { text: r.closureEvidence } });
  if (r.closureLink) rows.push({ key: { text: label.closureLink }, value: { text: r.closureLink } });
  return rows;
}

export function revisionRows(revisions: RecommendationDetail['revisions']) {
  return revisions.map((revision) => [
    { text: date(revision.previousDueDate) || '—' },
    { text: formatDate(revision.newDueDate) },
    { text: revision.reason },
    {
      text: revision.bodyName
        ? `${revision.bodyName}, ${revision.decisionReference}${revision.decidedOn ? ` (${formatDate(revision.decidedOn)})` : ''}`
        : '—',
    },
    { text: revision.recordedBy },
  ]);
}

export function historyItems(history: RecommendationDetail['history']) {
  return history.map((entry) => ({
    summary: sayStored(entry.summary),
    note: entry.note,
    who: sayActor(entry.actorLabel),
    when: entry.at.toISOString(),
  }));
}

/** The implementing actions, for a table whose first column links to each. */
export function actionItems(actions: readonly ActionSummary[]) {
  return actions.map((action) => ({
    href: action.href,
    name: `${action.code} ${action.title}`,
    status: action.derivedStatus === action.status ? action.status : `${action.status} (${action.derivedStatus})`,
    percent: `${action.percentComplete}%`,
    due: (action.dueDate ? formatDate(action.dueDate) : '') + (action.overdue ? ` (${w.overdueTag})` : ''),
  }));
}

// --- form and filter choices ------------------------------------------------------------------------

const choose = (codes: readonly string[], name: (code: string) => string, selected: unknown) =>
  codes.map((code) => ({ value: code, text: name(code), selected: code === selected, checked: code === selected }));

export const sourceItems = (selected: unknown) => choose(SOURCES, sourceName, selected);
export const priorityItems = (selected: unknown) => choose(PRIORITIES, priorityName, selected);
export const responseItems = (selected: unknown) => choose(RESPONSES, (code) => responseName(code), selected);
export const statusItems = (selected: unknown, allowed: readonly Status[] = STATUSES) =>
  choose(allowed, statusName, selected);

export const withBlank = <T extends { value: string; text: string }>(items: T[], text: string, selected: unknown) => [
  { value: '', text, selected: !selected },
  ...items,
];
