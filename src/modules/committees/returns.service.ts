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

export type ReturnRow = repo.ReturnRow & { late: boolean };

const problem = (key: string, field?: string) =>
  refuse(key === 'forbidden' ? 'forbidden' : 'invalid', phraseText(`committees.problem.${key}`), field);

export function createReturnsService({ db, clock }: ServiceDeps) {
  const mayManage = (caller: Caller) => holdsPermission(caller, 'manage:meetings');
  const withLate = (row: repo.ReturnRow): ReturnRow => ({
    ...row,
    late: row.status !== 'submitted' && row.dueOn < clock.today(),
  });

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

    /** The timetable from a month back to a year ahead (or the window asked for). */
    async timetable(caller: Caller, window?: { from: string; to: string }): Promise<TimetableEntry[]> {
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
    },
  };
}

function shiftMonths(iso: string, months: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months, 1);
  return date.toISOString().slice(0, 10);
}
