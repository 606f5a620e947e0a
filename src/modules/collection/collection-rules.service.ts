import { holdsOverOrganisation } from '../../platform/access/policy.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as rulesRepo from './data/collection-rules.repository.ts';
import { DEFAULT_COLLECTION_RULE } from './domain/index.ts';
import type { ClosureDay, CollectionRulesInput } from './domain/collection-rules.ts';

export interface CollectionRulesView {
  workingDaysAfterPeriodEnd: number;
  reminderWorkingDaysBefore: number;
  escalateToOwnerAfterDays: number;
  escalateToManagerAfterDays: number;
  holidayRegion: string;
  closureDays: ClosureDay[];
  /** No rules saved yet: these are the defaults. */
  isDefault: boolean;
}

/** The collection calendar's rules: read by anyone who may see the organisation, changed by administrators. */
export function createCollectionRulesService({ db }: ServiceDeps) {
  /** Administrators of the whole council (the calendar applies to every unit). */
  const mayChange = (caller: Caller) => holdsOverOrganisation(caller, 'manage:structure');

  async function read(tx: typeof db, caller: Caller): Promise<CollectionRulesView> {
    const [row, closureDays] = await Promise.all([
      rulesRepo.findRules(tx, caller.organisationId),
      rulesRepo.localClosures(tx, caller.organisationId),
    ]);
    return {
      workingDaysAfterPeriodEnd: row?.workingDaysAfterPeriodEnd ?? DEFAULT_COLLECTION_RULE.workingDaysAfterPeriodEnd,
      reminderWorkingDaysBefore: row?.reminderWorkingDaysBefore ?? DEFAULT_COLLECTION_RULE.reminderDaysBefore,
      escalateToOwnerAfterDays: row?.escalateToOwnerAfterDays ?? DEFAULT_COLLECTION_RULE.escalateToOwnerAfter,
      escalateToManagerAfterDays: row?.escalateToManagerAfterDays ?? DEFAULT_COLLECTION_RULE.escalateToManagerAfter,
      holidayRegion: row?.holidayRegion ?? 'england-and-wales',
      closureDays,
      isDefault: row === undefined,
    };
  }

  return {
    mayChange,
    get: (caller: Caller): Promise<CollectionRulesView> => read(db, caller),

    async update(caller: Caller, input: CollectionRulesInput): Promise<Result<CollectionRulesView>> {
      if (!mayChange(caller)) return forbidden(phraseText('collectionRefusals.rulesAdminOnly'));
      return inTransaction(db, async (tx) => {
        const before = await read(tx, caller);
        const { closureDays, ...rules } = input;
        await rulesRepo.saveRules(tx, caller.organisationId, { ...rules, updatedBy: caller.personId });
        await rulesRepo.replaceLocalClosures(tx, caller.organisationId, closureDays);
        const { isDefault: _wasDefault, ...old } = before;
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'collection-rules',
          entityId: caller.organisationId,
          action: 'update',
          oldValue: old,
          newValue: input,
        });
        return ok(await read(tx, caller));
      });
    },
  };
}

export type CollectionRulesService = ReturnType<typeof createCollectionRulesService>;
