import {
  type FinancialYearConfig,
  type Period,
  periodEnd,
  UK_FINANCIAL_YEAR,
} from '../../../kernel/measurement/periods.ts';
import { addDays } from '../../../kernel/calendar-days.ts';
import { addWorkingDays } from './bank-holidays.ts';

/** How an organisation sets its collection deadlines (configurable per organisation). */
export interface CollectionRule {
  workingDaysAfterPeriodEnd: number;
  /** Days before the due date that the first reminder goes. */
  reminderDaysBefore: number;
  /** Working days overdue before escalating to the measure's owner, then to the owner's line manager. */
  escalateToOwnerAfter: number;
  escalateToManagerAfter: number;
  /** Local closures (e.g. a Christmas shutdown) that are not working days, besides bank holidays. */
  closedDays?: ReadonlySet<string>;
}

export const DEFAULT_COLLECTION_RULE: CollectionRule = Object.freeze({
  workingDaysAfterPeriodEnd: 15,
  reminderDaysBefore: 3,
  escalateToOwnerAfter: 5,
  escalateToManagerAfter: 10,
});

export function dueDate(
  period: Period,
  rule: CollectionRule = DEFAULT_COLLECTION_RULE,
  fy: FinancialYearConfig = UK_FINANCIAL_YEAR,
): string {
  return addWorkingDays(periodEnd(period, fy), rule.workingDaysAfterPeriodEnd, rule.closedDays);
}

export type CollectionState = 'not-yet-due' | 'due' | 'overdue' | 'entered';

/** A period is "due" from the day after it ends; "overdue" after its due date. */
export function collectionState(
  period: Period,
  todayIso: string,
  entered: boolean,
  rule: CollectionRule = DEFAULT_COLLECTION_RULE,
  fy: FinancialYearConfig = UK_FINANCIAL_YEAR,
): CollectionState {
  if (entered) return 'entered';
  if (todayIso <= periodEnd(period, fy)) return 'not-yet-due';
  return todayIso > dueDate(period, rule, fy) ? 'overdue' : 'due';
}

export type ReminderKind = 'before-due' | 'overdue' | 'escalation-owner' | 'escalation-manager';

/** Which reminder (if any) is owed today for a value not yet submitted. */
export function reminderOwed(
  period: Period,
  todayIso: string,
  rule: CollectionRule = DEFAULT_COLLECTION_RULE,
  fy: FinancialYearConfig = UK_FINANCIAL_YEAR,
): ReminderKind | null {
  const due = dueDate(period, rule, fy);
  if (
    todayIso > addWorkingDays(due, rule.escalateToManagerAfter - 1, rule.closedDays) &&
    rule.escalateToManagerAfter > 0
  )
    return 'escalation-manager';
  if (todayIso > addWorkingDays(due, rule.escalateToOwnerAfter - 1, rule.closedDays) && rule.escalateToOwnerAfter > 0)
    return 'escalation-owner';
  if (todayIso > due) return 'overdue';
  const reminderFrom = addDays(due, -rule.reminderDaysBefore);
  if (todayIso >= reminderFrom && todayIso > periodEnd(period, fy)) return 'before-due';
  return null;
}
