/** Projects as pages show them: form values and choices, the summary, the four dimensions as tags, milestones by stage. */
import { formatMoney, type Money } from '../../../kernel/money.ts';
import { formatDate } from '../../../platform/http/filters.ts';
import { isoFromParts } from '../../../platform/http/date-input.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { projectStatusTag, ragTag, type Tag } from '../../../platform/words/status-tags.ts';
import { writeCsv } from '../../../platform/files/csv.ts';
import { actionsFrom, DIMENSIONS, milestoneDue, PROJECT_STATUSES, type ProjectAction } from '../domain/index.ts';
import type {
  FormOptions,
  Project,
  ProjectDetail,
  ProjectListEntry,
  ProjectMilestone,
  ProjectUpdate,
} from '../projects.service.ts';

export { dateItems } from '../../../platform/http/date-input.ts';

type Values = Record<string, unknown>;

export const money = (pence: number | null) => (pence === null ? '' : formatMoney(pence as Money));

/** Reads a form's date boxes into ISO dates, ready for the same schema the API uses. */
export function withDates(body: Values, names: readonly string[]): Values {
  const values: Values = { ...body };
  for (const name of names) values[name] = isoFromParts(body, name);
  return values;
}

export function projectFormValues(project: Project, itemIds: readonly string[]): Values {
  return { ...project, budget: money(project.budgetPence), itemIds: [...itemIds], key: project.key ? 'true' : '' };
}

const asList = (value: unknown): string[] =>
  value === undefined || value === null || value === ''
    ? []
    : Array.isArray(value)
      ? value.map(String)
      : [String(value)];

export function projectFormChoices(options: FormOptions, values: Values) {
  const chosen = (name: string) => (typeof values[name] === 'string' ? values[name] : null);
  const person = (row: { name: string; jobTitle: string }) =>
    row.jobTitle ? `${row.name}, ${row.jobTitle}` : row.name;
  const itemIds = asList(values.itemIds);
  return {
    sponsorItems: selectItems(
      options.people,
      (row) => row.id,
      person,
      chosen('sponsorPersonId'),
      words.projectsView.selectSponsor,
    ),
    managerItems: selectItems(
      options.people,
      (row) => row.id,
      person,
      chosen('managerPersonId'),
      words.projectsView.selectManager,
    ),
    unitItems: selectItems(
      options.units,
      (row) => row.id,
      (row) => row.name,
      chosen('unitId'),
      words.projectsView.wholeCouncil,
    ),
    boardItems: selectItems(
      options.bodies,
      (row) => row.id,
      (row) => row.name,
      chosen('boardId'),
      words.projectsView.noBoard,
    ),
    programmeItems: selectItems(
      options.programmes,
      (row) => row.id,
      (row) => `${row.code} ${row.title}`,
      chosen('programmeId'),
      words.projectsView.noProgramme,
    ),
    planItems: selectItems(
      options.plans,
      (row) => row.id,
      (row) => row.title,
      chosen('planId'),
      words.projectsView.noPlan,
    ),
    itemCheckboxes: options.items.map((item) => ({
      value: item.id,
      text: `${item.code} ${item.title}`,
      checked: itemIds.includes(item.id),
    })),
    keyChecked: values.key === true || values.key === 'true' || values.key === 'on',
  };
}

export const statusTag = (status: string): Tag => projectStatusTag(status);

/** The four dimensions and overall, from the latest highlight report (no data before the first). */
export function dimensionTags(latest: ProjectUpdate | null) {
  const rows = DIMENSIONS.map((dimension) => ({
    name: words.projectDimension[dimension],
    tag: ragTag(latest ? latest[`${dimension}Rag`] : 'no-data'),
    commentary: latest ? latest[`${dimension}Commentary`] : '',
  }));
  return [
    ...rows,
    {
      name: words.projectDimension.overall,
      tag: ragTag(latest?.overallRag ?? 'no-data'),
      commentary: latest?.commentary ?? '',
    },
  ];
}

function milestoneView(milestone: ProjectMilestone, today: string) {
  const due = milestoneDue(milestone);
  const state = milestone.completedOn ? 'complete' : due < today ? 'overdue' : 'open';
  const classes = { complete: 'govuk-tag--green', overdue: 'govuk-tag--red', open: 'govuk-tag--grey' }[state];
  return {
    ...milestone,
    dueText: formatDate(milestone.dueDate),
    revisedText: milestone.revisedDueDate ? formatDate(milestone.revisedDueDate) : '',
    completedText: milestone.completedOn ? formatDate(milestone.completedOn) : '',
    tag: { text: words.projectMilestone[state], classes },
    open: !milestone.completedOn,
  };
}

/** What the up and down buttons of a stage need. */
interface StageMoves {
  id: string;
  name: string;
  first: boolean;
  last: boolean;
}

const movesOf = (stage: { id: string; name: string }, first: boolean, last: boolean): StageMoves | null => ({
  id: stage.id,
  name: stage.name,
  first,
  last,
});

export function presentProject(detail: ProjectDetail, today: string) {
  const { project, stages, milestones, updates } = detail;
  const groups = stages.map((stage, index) => ({
    heading: `${stage.position}. ${stage.name}`,
    stage: movesOf(stage, index === 0, index === stages.length - 1),
    dates: fill(words.projectsView.stageDates, { start: formatDate(stage.startDate), end: formatDate(stage.endDate) }),
    milestones: milestones.filter((m) => m.stageId === stage.id).map((m) => milestoneView(m, today)),
  }));
  const unstaged = milestones.filter((m) => m.stageId === null).map((m) => milestoneView(m, today));
  if (unstaged.length > 0)
    groups.push({ heading: words.projectMilestone.noStage, stage: null, dates: '', milestones: unstaged });
  const finished = project.status === 'closed' || project.status === 'cancelled';
  return {
    project,
    statusTag: statusTag(project.status),
    budget: money(project.budgetPence),
    dimensions: dimensionTags(updates[0] ?? null),
    latest: updates[0] ?? null,
    groups,
    updates: updates.map((update) => ({
      ...update,
      reportedText: formatDate(update.reportedOn),
      tags: [update.timeRag, update.costRag, update.scopeRag, update.qualityRag, update.overallRag].map((rag) =>
        ragTag(rag),
      ),
    })),
    actions: actionsFrom(project.status).map((action: ProjectAction) => ({
      action,
      text: words.projectAction[action],
    })),
    mayChange: detail.mayEdit && !finished,
    items: detail.items,
  };
}

export function presentList(rows: readonly ProjectListEntry[]) {
  return rows.map((row) => ({
    ...row,
    statusTag: statusTag(row.status),
    overallTag: ragTag(row.latest?.overallRag ?? 'no-data'),
    percent: row.latest ? `${row.latest.percentComplete}%` : '',
    endText: formatDate(row.endDate),
  }));
}

export const statusFilterItems = (selected: string | undefined) =>
  selectItems(
    PROJECT_STATUSES,
    (status) => status,
    (status) => words.projectStatus[status],
    selected,
    words.projectsView.anyStatus,
  );

const CSV_HEADERS = [
  'Code',
  'Title',
  'Programme',
  'Plan',
  'Unit',
  'Sponsor',
  'Manager',
  'Board',
  'Status',
  'Start date',
  'End date',
  'Original end date',
  'Budget (£)',
  'Key',
  'Latest report',
  'Time',
  'Cost',
  'Scope',
  'Quality',
  'Overall',
  '% complete',
];

/** The list as a CSV: text people typed is guarded against being opened as a formula. */
export function projectsCsv(rows: readonly ProjectListEntry[]): Buffer {
  const rag = (value: string | undefined) => (value ? words.rag[value as 'red'] : '');
  return writeCsv(
    CSV_HEADERS,
    rows.map((row) => [
      row.code,
      row.title,
      row.programmeCode ?? '',
      row.planTitle ?? '',
      row.unitName ?? '',
      row.sponsorName,
      row.managerName,
      row.boardName ?? '',
      words.projectStatus[row.status],
      row.startDate,
      row.endDate,
      row.originalEndDate ?? '',
      row.budgetPence === null ? '' : (row.budgetPence / 100).toFixed(2),
      row.key ? 'Yes' : 'No',
      row.latest?.reportedOn ?? '',
      rag(row.latest?.timeRag),
      rag(row.latest?.costRag),
      rag(row.latest?.scopeRag),
      rag(row.latest?.qualityRag),
      rag(row.latest?.overallRag),
      row.latest?.percentComplete ?? '',
    ]),
  );
}
