/**
 * Improvement plans shaped for the GOV.UK macros: status tags, the plan's summary list and task
 * list, the actions, decisions and history tables. Templates only call macros with these.
 */
import { formatDate, parsePeriodKey, periodLabel } from '../../../kernel/measurement/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { fill, sayActor, words } from '../../../platform/words/index.ts';
import type {
  ImprovementPlanListRow as PlanListRow,
  ImprovementPlanRequest as RequestRow,
} from '../improvement-plans.types.ts';
import type { PlanStatus } from '../domain/lifecycle.ts';
import type { PlanDetail } from '../improvement-plans.service.ts';
import type { ActionSummary } from '../ports.ts';

const pageWords = words.improvementPlansPages;
const shown = pageWords.values;

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
  if (plan.expectedValue === null && plan.expectedPeriod === null) return shown.notGivenYet;
  const value = plan.expectedValue === null ? shown.valueNotGiven : String(plan.expectedValue);
  return plan.expectedPeriod
    ? fill(shown.valueBy, { value, period: periodName(plan.expectedPeriod) })
    : fill(shown.periodNotGiven, { value });
}

const dateOrBlank = (value: string | null) => (value ? formatDate(value) : '');

/** The list page's rows (the template makes the links and tags). */
export function planListItems(rows: readonly PlanListRow[]) {
  return rows.map((row) => ({
    href: paths.improvementPlan(row.plan.id),
    measure: `${row.measureCode} ${row.measureTitle}`,
    owner: row.ownerName ?? shown.notNamed,
    status: statusTag(row.plan.status),
    agreedOn: dateOrBlank(row.plan.agreedOn) || shown.notAgreed,
    expectedEffect: expectedEffect(row.plan),
    dueDate: dateOrBlank(row.plan.dueDate) || shown.notGiven,
  }));
}

/** The queue's rows: each request with the link that starts its plan. */
export function requestItems(
  rows: readonly { request: RequestRow; measureCode: string; measureTitle: string; ownerName: string | null }[],
) {
  return rows.map((row) => ({
    measureCode: row.measureCode,
    measure: `${row.measureCode} ${row.measureTitle}`,
    owner: row.ownerName ?? shown.noOwner,
    reasons: row.request.reasons
      .map((reason) => (words.improvementPlanTrigger as Record<string, string>)[reason] ?? reason)
      .join(', '),
    periods: fill(shown.periodsFromTo, {
      from: periodName(row.request.episodeStartPeriod),
      to: periodName(row.request.latestPeriod),
    }),
    startHref: `${paths.newImprovementPlan()}?requestId=${row.request.id}`,
  }));
}

export function planSummaryRows(detail: PlanDetail) {
  const { plan } = detail.row;
  const labels = pageWords.summary;
  const rows = [
    { key: { text: pageWords.measure }, value: { text: `${detail.row.measureCode} ${detail.row.measureTitle}` } },
    { key: { text: pageWords.status }, value: { text: statusName(detail.status) } },
    { key: { text: labels.problem }, value: { text: plan.problem || shown.notWritten } },
    { key: { text: labels.rootCause }, value: { text: plan.rootCause || shown.notWritten } },
    { key: { text: labels.expectedEffect }, value: { text: expectedEffect(plan) } },
    { key: { text: pageWords.completeBy }, value: { text: dateOrBlank(plan.dueDate) || shown.notGiven } },
    { key: { text: pageWords.owner }, value: { text: detail.row.ownerName ?? shown.notNamed } },
    { key: { text: labels.panel }, value: { text: detail.panel?.name ?? shown.noPanel } },
    { key: { text: pageWords.measurePlan.agreedOn }, value: { text: dateOrBlank(plan.agreedOn) || shown.notAgreed } },
  ];
  if (plan.status === 'closed') {
    rows.push({ key: { text: labels.closingSummary }, value: { text: plan.closingSummary } });
    if (plan.openActionsReason)
      rows.push({ key: { text: labels.openActionsReason }, value: { text: plan.openActionsReason } });
  }
  if (plan.status === 'withdrawn')
    rows.push({ key: { text: labels.withdrawnReason }, value: { text: plan.withdrawnReason } });
  return rows;
}

/** The plan's parts as a GOV.UK task list: each says whether it is written yet. */
export function taskListItems(detail: PlanDetail) {
  const { plan } = detail.row;
  const editHref = detail.mayWrite && detail.steps.includes('edit') ? paths.editImprovementPlan(plan.id) : undefined;
  const tasks = pageWords.tasks;
  const taskStatus = (done: boolean) =>
    done ? { text: tasks.completed } : { tag: { text: tasks.incomplete, classes: 'govuk-tag--blue' } };
  const task = (title: string, done: boolean, hint: string, anchor: string) => ({
    title: { text: title },
    hint: { text: hint },
    href: editHref ? `${editHref}#${anchor}` : undefined,
    status: taskStatus(done),
  });
  return [
    task(tasks.problem, plan.problem.trim() !== '', plan.problem || tasks.problemHint, 'problem'),
    task(tasks.rootCause, plan.rootCause.trim() !== '', plan.rootCause || tasks.rootCauseHint, 'rootCause'),
    {
      title: { text: tasks.actions },
      hint: {
        text: detail.actions.length ? fill(tasks.actionsCount, { count: detail.actions.length }) : tasks.actionsHint,
      },
      href: '#actions',
      status: taskStatus(detail.actions.length > 0),
    },
    task(
      tasks.expectedEffect,
      plan.expectedValue !== null && plan.expectedPeriod !== null,
      expectedEffect(plan),
      'expectedValue',
    ),
    task(tasks.byWhen, plan.dueDate !== null, dateOrBlank(plan.dueDate) || tasks.byWhenHint, 'dueDate'),
  ];
}

export function actionItems(actions: readonly ActionSummary[]) {
  return actions.map((action) => ({
    href: action.href,
    name: `${action.code} ${action.title}`,
    status:
      action.status +
      (action.derivedStatus && action.derivedStatus !== action.status
        ? fill(shown.derived, { status: action.derivedStatus })
        : ''),
    percentComplete: `${action.percentComplete}%`,
    due: (action.dueDate ? formatDate(action.dueDate) : shown.notGiven) + (action.overdue ? shown.overdue : ''),
  }));
}

export function decisionRows(decisions: PlanDetail['decisions']) {
  return decisions.map(({ decision, bodyName, recordedByName }) => [
    { text: formatDate(decision.meetingDate) },
    { text: bodyName ?? shown.notNamed },
    { text: (words.improvementPlanDecision as Record<string, string>)[decision.outcome] ?? decision.outcome },
    { text: decision.minuteReference },
    { text: decision.comments || shown.noComments },
    { text: recordedByName ?? '' },
  ]);
}

export function eventItems(events: PlanDetail['events']) {
  return events.map((event) => ({
    at: event.at,
    what: (words.improvementPlanEvent as Record<string, string>)[event.kind] ?? event.kind,
    who: sayActor(event.actorLabel),
    note: event.note,
  }));
}
