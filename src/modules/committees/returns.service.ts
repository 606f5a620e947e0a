/**
 * The register of statutory returns and the planning timetable built from the meetings, the
 * returns and the framework's yearly plan dates. A return's changes are audited like every other.
 */
import { holdsPermission } from '../../kernel/access/index.ts';
import { addDays } from '../../kernel/calendar-days.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/committees.repository.ts';
import { loadSettings } from './data/settings.repository.ts';
import type { ReturnInput, ReturnStatusInput } from './domain/inputs.ts';
import { timetable, type TimetableEntry } from './domain/timetable.ts';
import {
  planYearOf,
  recordStatuses,
  TIMETABLE_PLAN_TYPE,
  type RecordStatus,
  type TrackedPlan,
} from './domain/timetable-status.ts';
import { reportItemsOf } from './data/timetable-records.repository.ts';

export type ReturnRow = repo.ReturnRow & { late: boolean };

/**
 * The port to the modules that own the plans and reports the timetable tracks (wired in the
 * container): the current plans of a type starting in a window, and when each report was issued.
 * Without it the timetable shows its dates only.
 */
export interface TimetableRecords {
  plansStarting(
    organisationId: string,
    planTypeKey: string,
    window: { from: string; to: string },
  ): Promise<{ id: string; title: string; periodStart: string; status: TrackedPlan['status'] }[]>;
  reportsIssued(organisationId: string, ids: string[]): Promise<{ id: string; label: string; issuedOn: string }[]>;
}

export type TrackedEntry = TimetableEntry & { records: RecordStatus[] };

const problem = (key: string, field?: string) =>
  refuse(key === 'forbidden' ? 'forbidden' : 'invalid', phraseText(`committees.problem.${key}`), field);

export function createReturnsService({ db, clock, records }: ServiceDeps & { records?: TimetableRecords }) {
  const mayManage = (caller: Caller) => holdsPermission(caller, 'manage:meetings');
  const withLate = (row: repo.ReturnRow): ReturnRow => ({
    ...row,
    late: row.status !== 'submitted' && row.dueOn < clock.today(),
  });

  /** The timetable from a month back to a year ahead (or the window asked for). */
  async function timetableOf(caller: Caller, window?: { from: string; to: string }): Promise<TimetableEntry[]> {
    const today = clock.today();
    const from = window?.from ?? shiftMonths(today, -1);
    const to = window?.to ?? shiftMonths(today, 12);
    // Meetings up to the longest lead time after the window still set deadlines inside it.
    const settings = await loadSettings(db, caller.organisationId);
    const [meetings, returns] = await Promise.all([
      repo.timetableMeetings(db, caller.organisationId, from, addDays(to, settings.dataDueDays)),
      repo.listReturns(db, caller.organisationId),
    ]);
    return timetable({ meetings, returns }, { from, to }, today, settings);
  }

  return {
    async returns(caller: Caller): Promise<ReturnRow[]> {
      return (await repo.listReturns(db, caller.organisationId)).map(withLate);
    },

    async addReturn(caller: Caller, input: ReturnInput): Promise<Result<{ id: string }>> {
      if (!mayManage(caller)) return problem('forbidden');
      return inTransaction(db, async (tx) => {
        const owner = await repo.findPerson(tx, caller.organisationId, input.ownerPersonId);
        if (!owner || owner.status !== 'active') return problem('personUnknown', 'ownerPersonId');
        const id = await repo.insertReturn(tx, { organisationId: caller.organisationId, ...input });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'statutory-return',
          entityId: id,
          action: 'create',
          newValue: input,
        });
        return ok({ id });
      });
    },

    /** The owner or a committee officer moves a return on; submitted records the day. */
    async setReturnStatus(caller: Caller, id: string, input: ReturnStatusInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const [found] = await repo.listReturns(tx, caller.organisationId, [id]);
        if (!found) return refuse('not_found', phraseText('committees.problem.notFound.return'));
        if (found.ownerPersonId !== caller.personId && !mayManage(caller)) return problem('forbidden');
        const values = {
          status: input.status,
          notes: input.notes || found.notes,
          submittedOn: input.status === 'submitted' ? (found.submittedOn ?? clock.today()) : null,
        };
        await repo.updateReturn(tx, id, values);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'statutory-return',
          entityId: id,
          action: 'status',
          oldValue: { status: found.status, submittedOn: found.submittedOn },
          newValue: values,
        });
        return ok({ id });
      });
    },

    /**
     * The timetable with, on each date, the status of the plans or reports it concerns: each
     * year's directorate plans at their outline and approval dates, and the performance reports on
     * a reporting meeting's agenda at its deadlines and the meeting.
     */
    async trackedTimetable(caller: Caller): Promise<TrackedEntry[]> {
      const entries = await timetableOf(caller);
      if (!records) return entries.map((entry) => ({ ...entry, records: [] }));
      const planDates = entries.filter((e) => e.kind === 'plan-outline' || e.kind === 'plan-approval');
      const years = planDates.map((e) => Number(e.subject.slice(0, 4))).sort((a, b) => a - b);
      const meetingIds = [...new Set(entries.flatMap((e) => (e.forReports && e.meetingId ? [e.meetingId] : [])))];
      const [plans, items] = await Promise.all([
        years.length
          ? records.plansStarting(caller.organisationId, TIMETABLE_PLAN_TYPE, {
              from: `${years[0]}-04-01`,
              to: `${years.at(-1)! + 1}-03-31`,
            })
          : [],
        reportItemsOf(db, caller.organisationId, meetingIds),
      ]);
      const issued = new Map(
        (await records.reportsIssued(caller.organisationId, [...new Set(items.map((i) => i.reportId))])).map((r) => [
          r.id,
          r,
        ]),
      );
      const tracked = {
        plans: plans.map((plan) => ({ ...plan, planYear: planYearOf(plan.periodStart) })),
        // A report the reports module no longer knows keeps its agenda item's title, not issued.
        reports: items.map((item) => ({
          meetingId: item.meetingId,
          id: item.reportId,
          title: issued.get(item.reportId)?.label ?? item.title,
          issuedOn: issued.get(item.reportId)?.issuedOn ?? null,
          decided: item.decided,
        })),
      };
      const today = clock.today();
      return entries.map((entry) => ({ ...entry, records: recordStatuses(entry, tracked, today) }));
    },

    /** The timetable from a month back to a year ahead (or the window asked for). */
    timetable: timetableOf,
  };
}

function shiftMonths(iso: string, months: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months, 1);
  return date.toISOString().slice(0, 10);
}
