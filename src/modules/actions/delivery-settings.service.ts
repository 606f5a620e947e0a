/** The council's delivery settings page and API: read by anyone who reads actions, changed by framework managers. */
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { mayForWholeOrganisation } from '../organisation/index.ts';
import type { DeliverySettings } from './domain/index.ts';
import { saveDeliverySettings } from './data/actions.repository.ts';
import { loadDeliverySettings } from './delivery-settings.ts';
import { phraseText } from '../../kernel/phrase.ts';

export function createDeliverySettingsService({ db }: ServiceDeps) {
  return {
    canManage: (caller: Caller) => mayForWholeOrganisation(db, caller, 'manage:framework'),

    async get(caller: Caller): Promise<Result<DeliverySettings>> {
      return ok(await loadDeliverySettings(db, caller.organisationId));
    },

    async save(caller: Caller, settings: DeliverySettings): Promise<Result<DeliverySettings>> {
      if (!(await mayForWholeOrganisation(db, caller, 'manage:framework'))) {
        return forbidden(phraseText('actionRefusals.settingsNotAllowed'));
      }
      return inTransaction(db, async (tx) => {
        const before = await loadDeliverySettings(tx, caller.organisationId);
        await saveDeliverySettings(tx, caller.organisationId, settings, caller.personId);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'delivery-settings',
          entityId: caller.organisationId,
          action: 'update',
          oldValue: before,
          newValue: settings,
        });
        return ok(settings);
      });
    },
  };
}
