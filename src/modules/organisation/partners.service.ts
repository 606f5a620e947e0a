import { accessPolicyIn } from './access.ts';
import { phraseText } from '../../kernel/phrase.ts';
import type { PartnerInput } from './domain/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import * as partnersRepo from './data/partners.repository.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';

export type Partner = partnersRepo.PartnerRow;

const duplicateName = (name: string) =>
  refuse('duplicate', phraseText('organisationRefusals.partnerNameTaken', { name }), 'name');
const NOT_WHOLE_ORGANISATION = phraseText('organisationRefusals.partnersWholeOrganisation');

export function createPartnersService({ db }: ServiceDeps) {
  return {
    list(caller: Caller): Promise<Partner[]> {
      return partnersRepo.listPartners(db, caller.organisationId);
    },

    async get(caller: Caller, id: string): Promise<Result<Partner>> {
      const partner = await partnersRepo.findPartner(db, caller.organisationId, id);
      return partner ? ok(partner) : notFound('partner');
    },

    /** The partner with the plan items that name it (read-only) and how many people belong to it. */
    async detail(caller: Caller, id: string) {
      const partner = await partnersRepo.findPartner(db, caller.organisationId, id);
      if (!partner) return notFound('partner');
      const [items, peopleCount] = await Promise.all([
        partnersRepo.itemsNamingPartner(db, caller.organisationId, id),
        partnersRepo.countPartnerPeople(db, caller.organisationId, id),
      ]);
      return ok({ partner, items, peopleCount });
    },

    async create(caller: Caller, input: PartnerInput): Promise<Result<Partner>> {
      if (!(await accessPolicyIn(db).can(caller, 'manage:governance', 'organisation')))
        return forbidden(NOT_WHOLE_ORGANISATION);
      return inTransaction(db, async (tx) => {
        if (await partnersRepo.findPartnerByName(tx, caller.organisationId, input.name)) {
          return duplicateName(input.name);
        }
        const partner = await partnersRepo.insertPartner(tx, { organisationId: caller.organisationId, ...input });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'partner',
          entityId: partner.id,
          action: 'create',
          newValue: input,
        });
        return ok(partner);
      }).catch(onUniqueViolation(() => duplicateName(input.name)));
    },

    async update(caller: Caller, id: string, input: PartnerInput): Promise<Result<Partner>> {
      if (!(await accessPolicyIn(db).can(caller, 'manage:governance', 'organisation')))
        return forbidden(NOT_WHOLE_ORGANISATION);
      return inTransaction(db, async (tx) => {
        const existing = await partnersRepo.findPartner(tx, caller.organisationId, id);
        if (!existing) return notFound('partner');
        const same = await partnersRepo.findPartnerByName(tx, caller.organisationId, input.name);
        if (same && same.id !== id) return duplicateName(input.name);
        const updated = await partnersRepo.updatePartner(tx, caller.organisationId, id, input);
        if (!updated) return notFound('partner');
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'partner',
          entityId: id,
          action: 'update',
          oldValue: oldValuesOf(existing, input),
          newValue: input,
        });
        return ok(updated);
      }).catch(onUniqueViolation(() => duplicateName(input.name)));
    },
  };
}
