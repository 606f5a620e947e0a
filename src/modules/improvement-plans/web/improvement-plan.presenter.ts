/**
 * Improvement plans shaped for the GOV.UK macros: status tags, the plan's summary list and task
 * list, the actions, decisions and history tables. Templates only call macros with these.
 */
import { formatDate, parsePeriodKey, periodLabel } from '../../../kernel/measurement/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { words } from '../../../platform/words/index.ts';
import type {
  ImprovementPlanListRow as PlanListRow,
  ImprovementPlanRequest as RequestRow,
} from '../improvement-plans.types.ts';
import type { PlanStatus } from '../domain/lifecycle.ts';
import type { PlanDetail } from '../improvement-plans.service.ts';
import type { ActionSummary } from '../ports.ts';

const TAG_CLASSES: Record<PlanStatus, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  'sent-back': 'govuk-tag--orange',
  agreed: 'govuk-tag--green',
  'in-progress': 'govuk-tag--light-blue',
  closed: 'govuk-tag--purple',
  withdrawn: 'govuk-tag--grey',
};

export function statusName(status: string): string {
  return (words.improvementPlanStatus as Record<string, string>)[status] ?? status;
}

export function statusTag(status: string) {
  return { text: statusName(status), classes: TAG_CLASSES[status as PlanStatus] ?? 'govuk-tag--grey' };
}

export function periodName(key: string | null): string {
  if (!key) return '';
  const parsed = parsePeriodKey(key);
  return parsed.ok ? periodLabel(parsed.value) : key;
}

export function expectedEffect(plan: { expectedValue: number | null; expectedPeriod: string | null }): string {
  if (plan.expectedValue === null && plan.expectedPeriod === null) return 'Not given yet';
  const value = plan.expectedValue === null ? 'a value not given yet' : String(plan.expectedValue);
  return plan.expectedPeriod ? `${value} by ${periodName(plan.expectedPeriod)}` : `${value} (period not given yet)`;
}

const dateOrBlank = (value: string | null) => (value ? formatDate(value) : '');

/** The list page's rows (the template makes the links and tags). */
export function planListItems(rows: readonly PlanListRow[]) {
  return rows.map((row) => ({
    href: paths.improvementPlan(row.plan.id),
    measure: `${row.measureCode} ${row.measureTitle}`,
    owner: row.ownerName ?? 'Not named',
    status: statusTag(row.plan.status),
    agreedOn: dateOrBlank(row.plan.agreedOn) || 'Not agreed',
    expectedEffect: expectedEffect(row.plan),
    dueDate: dateOrBlank(row.plan.dueDate) || 'Not given',
  }));
}

/** The queue's rows: each request with the link that starts its plan. */
export function requestItems(
  rows: readonly { request: RequestRow; measureCode: string; measureTitle: string; ownerName: string | null }[],
) {
  return rows.map((row) => ({
    measureCode: row.measureCode,
    measure: `${row.measureCode} ${row.measureTitle}`,
    owner: row.ownerName ?? 'No owner named',
    reasons: row.request.reasons
      .map((reason) => (words.improvementPlanTrigger as Record<string, string>)[reason] ?? reason)
      .join(', '),
    periods: `${periodName(row.request.episodeStartPeriod)} to ${periodName(row.request.latestPeriod)}`,
    startHref: `${paths.newImprovementPlan()}?requestId=${row.request.id}`,
  }));
}

export function planSummaryRows(detail: PlanDetail) {
  const { plan } = detail.row;
  const rows = [
    { key: { text: 'Measure' }, value: { text: `${detail.row.measureCode} ${detail.row.measureTitle}` } },
    { key: { text: 'Status' }, value: { text: statusName(detail.status) } },
    { key: { text: 'Problem' }, value: { text: plan.problem || 'Not written yet' } },
    { key: { text: 'Root cause' }, value: { text: plan.rootCause || 'Not written yet' } },
    { key: { text: 'Expected effect on the measure' }, value: { text: expectedEffect(plan) } },
    { key: { text: 'Complete by' }, value: { text: dateOrBlank(plan.dueDate) || 'Not given' } },
    { key: { text: 'Owner' }, value: { text: detail.row.ownerName ?? 'Not named' } },
    { key: { text: 'Panel' }, value: { text: detail.panel?.name ?? 'The council has not named its panel yet' } },
    { key: { text: 'Agreed on' }, value: { text: dateOrBlank(plan.agreedOn) || 'Not agreed' } },
  ];
  if (plan.status === 'closed') {
    rows.push({ key: { text: 'Closing summary' }, value: { text: plan.closingSummary } });
    if (plan.openActionsReason)
      rows.push({ key: { text: 'Closed with actions open because' }, value: { text: plan.openActionsReason } });
  }
  if (plan.status === 'withdrawn')
    rows.push({ key: { text: 'Withdrawn because' }, value: { text: plan.withdrawnReason } });
  return rows;
}

/** The plan's parts as a GOV.UK task list: each says whether it is written yet. */
export function taskListItems(detail: PlanDetail) {
  const { plan } = detail.row;
  const editHref = detail.mayWrite && detail.steps.includes('edit') ? paths.editImprovementPlan(plan.id) : undefined;
  const task = (title: string, done: boolean, hint: string, anchor: string) => ({
    title: { text: title },
    hint: { text: hint },
    href: editHref ? `${editHref}#${anchor}` : undefined,
    status: done ? { text: 'Completed' } : { tag: { text: 'Incomplete', classes: 'govuk-tag--blue' } },
  });
  return [
    task(
      'Problem statement',
      plan.problem.trim() !== '',
      plan.problem || 'What is going wrong, and how it shows in the measure',
      'problem',
    ),
    task('Root cause', plan.rootCause.trim() !== '', plan.rootCause || 'Why it is happening', 'rootCause'),
    {
      title: { text: 'Actions' },
      hint: {
        text: detail.actions.length ? `${detail.actions.length} action(s)` : 'The actions that will put it right',
      },
      href: '#actions',
      status: detail.actions.length
        ? { text: 'Completed' }
        : { tag: { text: 'Incomplete', classes: 'govuk-tag--blue' } },
    },
    task(
      'Expected effect on the measure',
      plan.expectedValue !== null && plan.expectedPeriod !== null,
      expectedEffect(plan),
      'expectedValue',
    ),
    task('By when', plan.dueDate !== null, dateOrBlank(plan.dueDate) || 'When the plan should be complete', 'dueDate'),
  ];
}

export function actionItems(actions: readonly ActionSummary[]) {
  return actions.map((action) => ({
    href: action.href,
    name: `${action.code} ${action.title}`,
    status:
      action.status +
      (action.derivedStatus && action.derivedStatus !== action.status ? ` (derived: ${action.derivedStatus})` : ''),
    percentComplete: `${action.percentComplete}%`,
    due: (action.dueDate ? formatDate(action.dueDate) : 'Not given') + (action.overdue ? ' (overdue)' : ''),
  }));
}

export function decisionRows(decisions: PlanDetail['decisions']) {
  return decisions.map(({ decision, bodyName, recordedByName }) => [
    { text: formatDate(decision.meetingDate) },
    { text: bodyName ?? 'Not named' },
    { text: (words.improvementPlanDecision as Record<string, string>)[decision.outcome] ?? decision.outcome },
    { text: decision.minuteReference },
    { text: decision.comments || 'No comments' },
    { text: recordedByName ?? '' },
  ]);
}

export function eventItems(events: PlanDetail['events']) {
  return events.map((event) => ({
    at: event.at,
    what: (words.improvementPlanEvent as Record<string, string>)[event.kind] ?? event.kind,
    who: event.actorLabel,
    note: event.note,
  }));
}
