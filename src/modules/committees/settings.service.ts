/**
 * The council's committee-cycle settings: the timetable's lead times and the days before a late
 * member's request is escalated. Read by anyone who sees the timetable; changed by an administrator
 * (manage:framework, like the council's other settings), validated, and audited with the old values.
 */
import { holdsPermission } from '../../kernel/access/index.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { fail, ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { loadSettings, saveSettings } from './data/settings.repository.ts';
import { settingsProblems, type CommitteeSettings } from './domain/settings.ts';

export function createCommitteeSettingsService({ db }: ServiceDeps) {
  const mayChange = (caller: Caller) => holdsPermission(caller, 'manage:framework');
  return {
    mayChange,

    get(caller: Caller) {
      return loadSettings(db, caller.organisationId);
    },

    async update(caller: Caller, input: CommitteeSettings): Promise<Result<CommitteeSettings>> {
      if (!mayChange(caller)) return refuse('forbidden', phraseText('committees.problem.forbidden'));
      const [problem] = settingsProblems(input);
      if (problem) return fail(problem);
      return inTransaction(db, async (tx) => {
        const { isDefault: _isDefault, ...old } = await loadSettings(tx, caller.organisationId);
        await saveSettings(tx, caller.organisationId, input);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'committee-settings',
          entityId: caller.organisationId,
          action: 'update',
          oldValue: old,
          newValue: input,
        });
        return ok(input);
      });
    },
  };
}

export type CommitteeSettingsService = ReturnType<typeof createCommitteeSettingsService>;
