/**
 * The council's report settings (the exception margin every report uses): read by anyone who reads
 * reports, changed by those who manage the framework for the whole council, each change one
 * transaction with its audit record (the margin decides which measures are reported as exceptions).
 */
import { holdsPermission } from '../../kernel/access/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { holdsOverOrganisation } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { words } from '../../platform/words/index.ts';
import { loadSettings, saveSettings } from './data/reports.repository.ts';
import type { ReportSettings } from './domain/settings.ts';

const e = words.reports.errors;

export function createReportSettingsService({ db }: Pick<ServiceDeps, 'db'>) {
  return {
    mayChange: (caller: Caller) => holdsOverOrganisation(caller, 'manage:framework'),

    async get(caller: Caller): Promise<Result<ReportSettings>> {
      if (!holdsPermission(caller, 'view:organisation')) return forbidden(e.notAllowedToSee);
      return ok(await loadSettings(db, caller.organisationId));
    },

    async save(caller: Caller, settings: ReportSettings): Promise<Result<ReportSettings>> {
      if (!holdsOverOrganisation(caller, 'manage:framework')) return forbidden(e.settingsNotAllowed);
      return inTransaction(db, async (tx) => {
        const before = await loadSettings(tx, caller.organisationId);
        await saveSettings(tx, caller.organisationId, settings, caller.personId);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'report-settings',
          entityId: caller.organisationId,
          action: 'update',
          oldValue: before,
          newValue: settings,
        });
        return ok({ ...settings });
      });
    },
  };
}
