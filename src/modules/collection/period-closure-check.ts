/**
 * The one check that a period is open, asked by everything that could change a value in it: value
 * entry (page and API), every sign-off transition, and value imports. Kept apart from the
 * collection service so each caller adds one line.
 */
import { periodLabel } from '../../kernel/measurement/periods.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import type { Db } from '../../platform/db/db.ts';
import { refuse } from '../../platform/services/errors.ts';
import { holdClosures, openClosureKeys } from './data/period-closures.repository.ts';
import { closureCovering } from './domain/period-closure.ts';

/** "2026/27 Q2 is closed: a performance officer must reopen it, giving a reason.", as a stored phrase. */
function closedMessage(periodKey: string, closedKeys: ReadonlySet<string>): string | null {
  const covering = closureCovering(periodKey, closedKeys);
  return covering ? phraseText('periodClose.isClosed', { period: periodLabel(covering) }) : null;
}

/** Refuses (409) a change to a value in a closed period, naming the closed period. */
export async function refuseIfPeriodClosed(db: Db, organisationId: string, periodKey: string): Promise<Result<null>> {
  const message = closedMessage(periodKey, await openClosureKeys(db, organisationId));
  return message ? refuse('invalid_state', message) : ok(null);
}

/** For checking many rows at once (an import): read the closures once, then ask per period. */
export interface ClosedPeriods {
  /** Why a value in this period cannot change (a stored phrase), or null when the period is open. */
  refusalFor(periodKey: string): string | null;
}

/**
 * The closures as they stand. Inside a writing transaction pass `hold`: no period can be closed
 * or reopened until the transaction ends, so what it re-checks stays true while it writes.
 */
export async function loadClosedPeriods(
  db: Db,
  organisationId: string,
  { hold = false }: { hold?: boolean } = {},
): Promise<ClosedPeriods> {
  if (hold) await holdClosures(db, organisationId);
  const closedKeys = await openClosureKeys(db, organisationId);
  const cache = new Map<string, string | null>();
  return {
    refusalFor(periodKey) {
      if (closedKeys.size === 0) return null;
      if (!cache.has(periodKey)) cache.set(periodKey, closedMessage(periodKey, closedKeys));
      return cache.get(periodKey) ?? null;
    },
  };
}
