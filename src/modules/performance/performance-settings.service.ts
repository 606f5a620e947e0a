/**
 * The council's performance settings: the roll-up rule, the risk appetite and the direction-of-
 * travel tolerance (src/domain/performance-settings). One row per organisation; none stored means
 * the defaults, and every reader gets the same answer through the loaders below.
 *
 * The roll-up rule and the appetite are applied when a roll-up or framework health is read, so a
 * change shows at once. The tolerance is part of each stored measure status, so changing it
 * recomputes the council's current statuses in the same transaction.
 */
import { and, eq } from 'drizzle-orm';
import { holdsPermission } from '../../kernel/access/index.ts';
import { describeSettings, type PerformanceSettings, sameTolerance, storedColumnsOf } from './domain/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { mayForWholeOrganisation } from '../organisation/index.ts';
import { performanceSettings } from './data/settings.schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { StatusRecalculation } from '../collection/index.ts';
import { loadPerformanceSettings, type StoredPerformanceSettings } from './data/settings.repository.ts';
import type { Phrase } from '../../kernel/phrase.ts';
import { say, words } from '../../platform/words/index.ts';

export interface PerformanceSettingsView extends PerformanceSettings {
  isDefault: boolean;
  rowVersion: number;
  updatedAt: Date | null;
  updatedBy: { id: string; name: string } | null;
  /** Each setting in words, as the pages show it. */
  words: Record<keyof ReturnType<typeof describeSettings>, string>;
}

function viewOf(stored: StoredPerformanceSettings): PerformanceSettingsView {
  return {
    ...stored.settings,
    isDefault: stored.isDefault,
    rowVersion: stored.rowVersion,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    words: sayEach(describeSettings(stored.settings)),
  };
}

/** Each setting's phrase in words. */
export function sayEach<K extends string>(phrases: Record<K, Phrase>): Record<K, string> {
  return Object.fromEntries(Object.entries<Phrase>(phrases).map(([name, said]) => [name, say(said)])) as Record<
    K,
    string
  >;
}

const NOT_ALLOWED = words.performanceSettings.notAllowed;

export function createPerformanceSettingsService(deps: ServiceDeps & { statuses: StatusRecalculation }) {
  const { db, clock, statuses: performance } = deps;

  /**
   * The settings apply to the whole council: changing them needs manage:framework held over the
   * organisation (no unit, or a top-level unit), as for the rest of the framework.
   */
  function mayManage(caller: Caller): Promise<boolean> {
    return mayForWholeOrganisation(db, caller, 'manage:framework');
  }

  return {
    canManage: mayManage,

    /** The stored settings, or the defaults, with a flag saying which. */
    async get(caller: Caller): Promise<Result<PerformanceSettingsView>> {
      if (!holdsPermission(caller, 'view:organisation')) {
        return forbidden('You cannot see the performance settings');
      }
      return ok(viewOf(await loadPerformanceSettings(db, caller.organisationId)));
    },

    /**
     * Stores the council's settings. `expectedRowVersion` is the version the change was based on
     * (0 when nothing was stored): a different one means someone else saved meanwhile.
     */
    async update(
      caller: Caller,
      input: PerformanceSettings,
      expectedRowVersion: number,
    ): Promise<Result<PerformanceSettingsView>> {
      if (!(await mayManage(caller))) return forbidden(NOT_ALLOWED);
      const organisationId = caller.organisationId;
      return inTransaction(db, async (tx) => {
        const before = await loadPerformanceSettings(tx, organisationId);
        const stale = () =>
          refuse(
            'conflict',
            `Someone else changed the performance settings after you opened them (they are now at version ${before.rowVersion}). Check the current settings, then save your change again.`,
            'rowVersion',
          );
        if (expectedRowVersion !== before.rowVersion) return stale();
        const columns = { ...storedColumnsOf(input), updatedAt: clock(), updatedBy: caller.personId };
        const [saved] = before.isDefault
          ? // Two first saves at once: the primary key keeps one, the other finds nothing inserted.
            await tx
              .insert(performanceSettings)
              .values({ organisationId, ...columns, rowVersion: 1 })
              .onConflictDoNothing()
              .returning({ rowVersion: performanceSettings.rowVersion })
          : await tx
              .update(performanceSettings)
              .set({ ...columns, rowVersion: before.rowVersion + 1 })
              .where(
                and(
                  eq(performanceSettings.organisationId, organisationId),
                  eq(performanceSettings.rowVersion, before.rowVersion),
                ),
              )
              .returning({ rowVersion: performanceSettings.rowVersion });
        if (!saved) return stale();
        await recordAudit(tx, {
          organisationId,
          actor: actorOf(caller),
          entityType: 'performance-settings',
          entityId: organisationId,
          action: before.isDefault ? 'create' : 'update',
          oldValue: { ...before.settings, isDefault: before.isDefault, rowVersion: before.rowVersion },
          newValue: { ...input, rowVersion: saved.rowVersion },
        });
        // Directions of travel are stored with each status, and statuses read official figures
        // only: when either changes, bring the current statuses into line now.
        const officialChanged = before.settings.officialFrom !== input.officialFrom;
        if (officialChanged || !sameTolerance(before.settings, input)) {
          await performance.recompute(tx, organisationId, 'all');
        }
        return ok(viewOf(await loadPerformanceSettings(tx, organisationId)));
      });
    },
  };
}
