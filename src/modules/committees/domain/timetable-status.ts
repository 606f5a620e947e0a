/**
 * Each plan's and each report's status against the planning timetable, pure. A dated milestone
 * concerns plans (directorate plans outlined, then approved, for a financial year: seed 003 §19) or
 * the reports a meeting receives (their data due, sign-off, issue, and the meeting itself); each
 * plan or report it concerns is done, late, due soon or on time. A milestone with nothing to show
 * for it yet (no directorate plan for the year; no report on a reporting meeting's agenda) is
 * tracked too, as the one thing missing, so a gap is as visible as a late plan.
 */
import { addDays } from '../../../kernel/calendar-days.ts';
import { financialYearLabel } from '../../../kernel/measurement/periods.ts';
import { REMIND_DAYS_AHEAD } from './deadline-reminders.ts';
import type { TimetableEntry } from './timetable.ts';

export const TRACK_STATUSES = ['done', 'late', 'due-soon', 'on-time'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

/** Due soon is the window the deadline reminders go out in: a working week to act. */
export const DUE_SOON_DAYS = REMIND_DAYS_AHEAD;

/** The plans' types the framework's yearly dates are about (seed 003 §19). */
export const TIMETABLE_PLAN_TYPE = 'directorate-plan';

/** A current plan version (not superseded or archived) and the financial year it starts in. */
export interface TrackedPlan {
  id: string;
  title: string;
  /** The financial year as the timetable names it: "2027/28". */
  planYear: string;
  status: 'draft' | 'submitted' | 'in-approval' | 'approved';
}

/** A performance report on a meeting's agenda: when it was issued, and whether the body decided on it. */
export interface TrackedReport {
  meetingId: string;
  id: string;
  title: string;
  issuedOn: string | null;
  decided: boolean;
}

export interface RecordStatus {
  kind: 'plan' | 'report';
  /** The plan or report; null for the one missing (no plan for the year, no report on the agenda). */
  id: string | null;
  title: string | null;
  status: TrackStatus;
}

/** Done, or else where today stands against the date: past it late, within the window due soon. */
export function trackStatus(dueOn: string, today: string, done: boolean): TrackStatus {
  if (done) return 'done';
  if (dueOn < today) return 'late';
  return dueOn <= addDays(today, DUE_SOON_DAYS) ? 'due-soon' : 'on-time';
}

/** An outline is in once the plan has gone forward from draft; approval is the plan approved. */
const planDone = (kind: 'plan-outline' | 'plan-approval', plan: TrackedPlan) =>
  kind === 'plan-approval' ? plan.status === 'approved' : plan.status !== 'draft';

/**
 * A report's own steps are done once it is issued (its data were in and it was signed off before
 * issue); the meeting's once the body has recorded its decision on it.
 */
const reportDone = (kind: TimetableEntry['kind'], report: TrackedReport) =>
  kind === 'meeting' ? report.decided : report.issuedOn !== null;

const REPORT_KINDS = new Set<TimetableEntry['kind']>(['data-due', 'sign-off', 'report-issued', 'meeting']);

/** The statuses of the plans or reports a milestone concerns, in title order; none for the rest. */
export function recordStatuses(
  entry: TimetableEntry,
  records: { plans: TrackedPlan[]; reports: TrackedReport[] },
  today: string,
): RecordStatus[] {
  const missing = (kind: RecordStatus['kind']): RecordStatus[] => [
    { kind, id: null, title: null, status: trackStatus(entry.date, today, false) },
  ];
  const byTitle = (a: RecordStatus, b: RecordStatus) => (a.title ?? '').localeCompare(b.title ?? '');
  if (entry.kind === 'plan-outline' || entry.kind === 'plan-approval') {
    const kind = entry.kind;
    const plans = records.plans.filter((plan) => plan.planYear === entry.subject);
    if (plans.length === 0) return missing('plan');
    return plans
      .map((plan) => ({
        kind: 'plan' as const,
        id: plan.id,
        title: plan.title,
        status: trackStatus(entry.date, today, planDone(kind, plan)),
      }))
      .sort(byTitle);
  }
  if (!entry.forReports || !entry.meetingId || !REPORT_KINDS.has(entry.kind)) return [];
  const reports = records.reports.filter((report) => report.meetingId === entry.meetingId);
  if (reports.length === 0) return missing('report');
  return reports
    .map((report) => ({
      kind: 'report' as const,
      id: report.id,
      title: report.title,
      status: trackStatus(entry.date, today, reportDone(entry.kind, report)),
    }))
    .sort(byTitle);
}

/** The financial year ("2027/28") a date falls in, as the timetable's plan deadlines name it. */
export function planYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '04-01' ? year : year - 1;
  return financialYearLabel(start);
}
