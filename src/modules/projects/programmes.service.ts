import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { forbidden, onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/projects.repository.ts';
import type { ProgrammeInput } from './domain/index.ts';
import { checkPerson, checkUnit, mayEdit } from './references.ts';
import { phraseText } from '../../kernel/phrase.ts';

export type Programme = repo.ProgrammeSummary;

const duplicateCode = (code: string) =>
  refuse('duplicate', phraseText('projectRefusals.duplicateProgrammeCode', { code }), 'code');
const MAY_NOT = phraseText('projectRefusals.mayNotEditProgramme');

export function createProgrammesService({ db }: ServiceDeps) {
  async function checked(tx: Parameters<typeof checkUnit>[0], caller: Caller, input: ProgrammeInput) {
    for (const check of [
      await checkPerson(tx, caller.organisationId, 'sponsorPersonId', input.sponsorPersonId),
      await checkPerson(tx, caller.organisationId, 'managerPersonId', input.managerPersonId),
      await checkUnit(tx, caller.organisationId, input.unitId),
    ]) {
      if (!check.ok) return check;
    }
    if (!(await mayEdit(tx, caller, input.unitId))) return forbidden(MAY_NOT);
    return ok(undefined);
  }

  return {
    list(caller: Caller): Promise<Programme[]> {
      return repo.listProgrammes(db, caller.organisationId);
    },

    async get(caller: Caller, id: string): Promise<Result<Programme>> {
      const programme = await repo.findProgramme(db, caller.organisationId, id);
      return programme ? ok(programme) : notFound('programme');
    },

    async create(caller: Caller, input: ProgrammeInput): Promise<Result<Programme>> {
      return inTransaction(db, async (tx) => {
        const check = await checked(tx, caller, input);
        if (!check.ok) return check;
        if (await repo.findProgrammeByCode(tx, caller.organisationId, input.code)) return duplicateCode(input.code);
        const row = await repo.insertProgramme(tx, { organisationId: caller.organisationId, ...input });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'programme',
          entityId: row.id,
          action: 'create',
          newValue: input,
        });
        return ok((await repo.findProgramme(tx, caller.organisationId, row.id))!);
      }).catch(onUniqueViolation(() => duplicateCode(input.code)));
    },

    async update(caller: Caller, id: string, input: ProgrammeInput): Promise<Result<Programme>> {
      return inTransaction(db, async (tx) => {
        const existing = await repo.findProgramme(tx, caller.organisationId, id);
        if (!existing) return notFound('programme');
        if (!(await mayEdit(tx, caller, existing.unitId))) return forbidden(MAY_NOT);
        const check = await checked(tx, caller, input);
        if (!check.ok) return check;
        const same = await repo.findProgrammeByCode(tx, caller.organisationId, input.code);
        if (same && same.id !== id) return duplicateCode(input.code);
        await repo.updateProgramme(tx, caller.organisationId, id, input);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'programme',
          entityId: id,
          action: 'update',
          oldValue: oldValuesOf(existing, input),
          newValue: input,
        });
        return ok((await repo.findProgramme(tx, caller.organisationId, id))!);
      }).catch(onUniqueViolation(() => duplicateCode(input.code)));
    },
  };
}
