/**
 * Closing a reporting period for the whole council once it has been reported, and reopening it
 * with a reason. While closed, nothing in it changes (period-closure-check.ts is asked by value
 * entry, sign-off and imports). Each close and reopen is one transaction with its audit row; the
 * closures are kept as history.
 */
import { holdsOverOrganisation } from '../../platform/access/policy.ts';
import {
  FREQUENCIES,
  type Frequency,
  parsePeriodKey,
  type Period,
  periodEnd,
  periodKey,
  periodLabel,
} from '../../kernel/measurement/periods.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as closuresRepo from './data/period-closures.repository.ts';
import { closureCovering } from './domain/period-closure.ts';
import { recentPeriods } from './my-data.service.ts';

/** How many of the latest ended periods the page offers, per frequency. */
const RECENT: Record<Frequency, number> = { monthly: 6, quarterly: 4, 'half-yearly': 2, annual: 2 };

export type PeriodClosureRow = closuresRepo.PeriodClosureRow;

export interface PeriodRow {
  key: string;
  label: string;
  frequency: Frequency;
  /** closed: closed itself; covered: closed because a longer period containing it is. */
  state: 'open' | 'closed' | 'covered';
  closedAt: Date | null;
  closedByName: string | null;
  coveredBy: string | null;
}

export interface ClosureHistoryRow extends closuresRepo.PeriodClosureView {
  label: string;
}

export interface PeriodCloseOverview {
  frequencies: { frequency: Frequency; periods: PeriodRow[] }[];
  history: ClosureHistoryRow[];
}

const labelOf = (key: string) => {
  const parsed = parsePeriodKey(key);
  return parsed.ok ? periodLabel(parsed.value) : key;
};

export function createPeriodCloseService({ db, clock }: ServiceDeps) {
  /** Performance officers (and administrators) of the whole council: closure is council-wide. */
  const mayClose = (caller: Caller) => holdsOverOrganisation(caller, 'reopen:periods');

  function parsePeriod(key: string): Result<Period> {
    const parsed = parsePeriodKey(key);
    return parsed.ok ? parsed : refuse('invalid', phraseText('periodClose.unknownPeriod'), 'periodKey');
  }

  async function history(caller: Caller): Promise<ClosureHistoryRow[]> {
    const rows = await closuresRepo.listClosures(db, caller.organisationId);
    return rows.map((row) => ({ ...row, label: labelOf(row.periodKey) }));
  }

  return {
    mayClose,
    history,

    /** The latest ended periods of each frequency with whether each is closed, and the history. */
    async overview(caller: Caller): Promise<PeriodCloseOverview> {
      const rows = await history(caller);
      const open = rows.filter((row) => row.reopenedAt === null);
      const closedKeys = new Set(open.map((row) => row.periodKey));
      const today = clock.today();
      const frequencies = [...FREQUENCIES].reverse().map((frequency) => ({
        frequency,
        periods: recentPeriods(frequency, today, RECENT[frequency]).map((period): PeriodRow => {
          const key = periodKey(period);
          const own = open.find((row) => row.periodKey === key);
          const covering = own ? null : closureCovering(key, closedKeys);
          return {
            key,
            label: periodLabel(period),
            frequency,
            state: own ? 'closed' : covering ? 'covered' : 'open',
            closedAt: own?.closedAt ?? null,
            closedByName: own?.closedByName ?? null,
            coveredBy: covering ? periodLabel(covering) : null,
          };
        }),
      }));
      return { frequencies, history: rows };
    },

    async close(caller: Caller, input: { periodKey: string }): Promise<Result<closuresRepo.PeriodClosureRow>> {
      if (!mayClose(caller)) return forbidden(phraseText('periodClose.notAllowed'));
      const parsed = parsePeriod(input.periodKey);
      if (!parsed.ok) return parsed;
      const period = parsed.value;
      const key = periodKey(period);
      const label = periodLabel(period);
      if (periodEnd(period) > clock.today()) {
        return refuse('invalid_state', phraseText('periodClose.notEnded', { period: label }), 'periodKey');
      }
      return inTransaction(db, async (tx) => {
        // Waits for an import re-checking closures to finish writing (period-closures.repository.ts).
        await closuresRepo.lockClosures(tx, caller.organisationId);
        const covering = closureCovering(key, await closuresRepo.openClosureKeys(tx, caller.organisationId));
        if (covering) {
          const message =
            periodKey(covering) === key
              ? phraseText('periodClose.alreadyClosed', { period: label })
              : phraseText('periodClose.coveredByCoarser', { period: label, coarser: periodLabel(covering) });
          return refuse('conflict', message, 'periodKey');
        }
        const row = await closuresRepo.insertClosure(tx, {
          organisationId: caller.organisationId,
          frequency: period.frequency,
          periodKey: key,
          closedAt: clock(),
          closedBy: caller.personId,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'period-closure',
          entityId: key,
          action: 'close',
          newValue: { periodKey: key, frequency: period.frequency, closureId: row.id },
        });
        return ok(row);
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          return refuse('conflict', phraseText('periodClose.alreadyClosed', { period: label }), 'periodKey');
        }
        throw error;
      });
    },

    async reopen(
      caller: Caller,
      input: { periodKey: string; reason: string },
    ): Promise<Result<closuresRepo.PeriodClosureRow>> {
      if (!mayClose(caller)) return forbidden(phraseText('periodClose.notAllowed'));
      const parsed = parsePeriod(input.periodKey);
      if (!parsed.ok) return parsed;
      const key = periodKey(parsed.value);
      const label = periodLabel(parsed.value);
      const reason = input.reason.trim();
      if (reason === '') return refuse('invalid', phraseText('periodClose.enterReason', { period: label }), 'reason');
      if (reason.length > 2000) return refuse('invalid', phraseText('periodClose.reasonTooLong'), 'reason');
      return inTransaction(db, async (tx) => {
        await closuresRepo.lockClosures(tx, caller.organisationId);
        const closure = await closuresRepo.lockOpenClosure(tx, caller.organisationId, key);
        if (!closure) {
          const covering = closureCovering(key, await closuresRepo.openClosureKeys(tx, caller.organisationId));
          const message = covering
            ? phraseText('periodClose.coveredByCoarser', { period: label, coarser: periodLabel(covering) })
            : phraseText('periodClose.notClosed', { period: label });
          return refuse('conflict', message, 'periodKey');
        }
        const row = await closuresRepo.reopenClosure(tx, caller.organisationId, closure.id, {
          reopenedAt: clock(),
          reopenedBy: caller.personId,
          reopenReason: reason,
        });
        if (!row) return refuse('conflict', phraseText('periodClose.notClosed', { period: label }), 'periodKey');
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'period-closure',
          entityId: key,
          action: 'reopen',
          oldValue: { periodKey: key, closedAt: closure.closedAt.toISOString(), closureId: closure.id },
          newValue: { periodKey: key, reopened: true },
          reason,
        });
        return ok(row);
      });
    },
  };
}

export type PeriodCloseService = ReturnType<typeof createPeriodCloseService>;
