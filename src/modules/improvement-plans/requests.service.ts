/**
 * The owners' work queue of improvement plans needed, and the council's settings for when a plan
 * is needed and which panel agrees plans.
 */
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/improvement-plans.repository.ts';
import type { SettingsInput } from './domain/inputs.ts';
import { mayManageSettings } from './plan-access.ts';

export function createImprovementRequestsService({ db }: ServiceDeps) {
  return {
    /** Requests still waiting for a plan: the caller's own, or everyone's (`all`). */
    async list(caller: Caller, options: { all?: boolean } = {}) {
      return repo.listRequests(db, caller.organisationId, {
        ownerPersonId: options.all ? null : caller.personId,
        status: 'open',
      });
    },

    /** How many plans the caller is asked for: the home page's count. */
    async countMine(caller: Caller): Promise<number> {
      return repo.countOpenRequestsFor(db, caller.organisationId, caller.personId);
    },
  };
}

export function createImprovementSettingsService({ db }: ServiceDeps) {
  return {
    async get(caller: Caller) {
      const [settings, bodies] = await Promise.all([
        repo.loadSettings(db, caller.organisationId),
        repo.bodyOptions(db, caller.organisationId),
      ]);
      return { settings, bodies, canManage: mayManageSettings(caller) };
    },

    async update(caller: Caller, input: SettingsInput): Promise<Result<repo.Settings>> {
      if (!mayManageSettings(caller)) return forbidden(phraseText('improvementPlanRefusals.settingsNotAllowed'));
      return inTransaction(db, async (tx) => {
        if (input.panelBodyId && !(await repo.findBody(tx, caller.organisationId, input.panelBodyId)))
          return refuse('invalid', phraseText('improvementPlanRefusals.panelNotFound'), 'panelBodyId');
        const old = await repo.loadSettings(tx, caller.organisationId);
        const next = {
          panelBodyId: input.panelBodyId,
          consecutivePeriods: input.consecutivePeriods,
          triggers: [...new Set(input.triggers)],
        };
        await repo.saveSettings(tx, caller.organisationId, next);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'improvement-plan-settings',
          entityId: caller.organisationId,
          action: 'update',
          oldValue: {
            panelBodyId: old.panelBodyId,
            consecutivePeriods: old.consecutivePeriods,
            triggers: old.triggers,
          },
          newValue: next,
        });
        return ok({ ...next, isDefault: false });
      });
    },
  };
}
