import { formatDate } from '../../../kernel/measurement/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { words } from '../../../platform/words/index.ts';
import type { ImprovementPlan as PlanRow } from '../improvement-plans.types.ts';
import type { ActionSummary } from '../ports.ts';
import { actionItems, expectedEffect, statusName } from './improvement-plan.presenter.ts';

/** The measure's open plan as the measure page's component shows it. */
export function measurePlanView(open: { plan: PlanRow; actions: ActionSummary[] }) {
  const { plan } = open;
  return {
    href: paths.improvementPlan(plan.id),
    statusName: statusName(plan.status),
    agreedOn: plan.agreedOn ? formatDate(plan.agreedOn) : words.improvementPlansPages.values.notAgreedYet,
    expectedEffect: expectedEffect(plan),
    dueDate: plan.dueDate ? formatDate(plan.dueDate) : words.improvementPlansPages.values.notGiven,
    actions: actionItems(open.actions),
  };
}
