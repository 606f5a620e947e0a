import { and, eq } from 'drizzle-orm';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { type UnitInput, wouldCreateCycle } from './domain/unit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import * as unitsRepo from './data/units.repository.ts';
import { accessPolicyIn } from './access.ts';
import { people } from './data/organisation.schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { forbidden, onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';

export type Unit = unitsRepo.UnitRow;

const codeTaken = (code: string) =>
  refuse('duplicate', phraseText('organisationRefusals.unitCodeTaken', { code }), 'code');

export function createStructureService(db: Db) {
  async function checkReferences(tx: Db, caller: Caller, input: UnitInput): Promise<Result<null>> {
    if (input.parentId && !(await unitsRepo.findUnit(tx, caller.organisationId, input.parentId))) {
      return refuse('invalid', phraseText('organisationChecks.parentExists'), 'parentId');
    }
    if (input.headPersonId) {
      const [head] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.organisationId, caller.organisationId), eq(people.id, input.headPersonId)));
      if (!head) return refuse('invalid', phraseText('organisationChecks.headExists'), 'headPersonId');
    }
    return ok(null);
  }

  return {
    list(caller: Caller): Promise<Unit[]> {
      return unitsRepo.listUnits(db, caller.organisationId);
    },

    async get(caller: Caller, id: string): Promise<Result<Unit>> {
      const unit = await unitsRepo.findUnit(db, caller.organisationId, id);
      return unit ? ok(unit) : notFound('unit');
    },

    async detail(caller: Caller, id: string) {
      const unit = await unitsRepo.findUnit(db, caller.organisationId, id);
      if (!unit) return notFound('unit');
      const all = await unitsRepo.listUnits(db, caller.organisationId);
      const members = await db
        .select({ id: people.id, name: people.name, jobTitle: people.jobTitle })
        .from(people)
        .where(
          and(eq(people.organisationId, caller.organisationId), eq(people.unitId, id), eq(people.status, 'active')),
        )
        .orderBy(people.name);
      const [head] = unit.headPersonId
        ? await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, unit.headPersonId))
        : [];
      return ok({
        unit,
        parent: all.find((candidate) => candidate.id === unit.parentId) ?? null,
        children: all.filter((candidate) => candidate.parentId === id),
        members,
        head: head ?? null,
      });
    },

    ancestry(caller: Caller, unitId: string): Promise<string[]> {
      return unitsRepo.unitAncestry(db, caller.organisationId, unitId);
    },

    async create(caller: Caller, input: UnitInput): Promise<Result<Unit>> {
      if (input.parentId) {
        // An unknown parent is reported by the reference check below, not refused here.
        const access = accessPolicyIn(db);
        const known = (await access.ancestryOf(caller, input.parentId)).length > 0;
        if (known && !(await access.can(caller, 'manage:structure', { unitId: input.parentId }))) {
          return forbidden(phraseText('organisationRefusals.unitOutsideYourPart'));
        }
      }
      return inTransaction(db, async (tx) => {
        const references = await checkReferences(tx, caller, input);
        if (!references.ok) return references;
        if (await unitsRepo.findUnitByCode(tx, caller.organisationId, input.code)) {
          return codeTaken(input.code);
        }
        const unit = await unitsRepo.insertUnit(tx, { organisationId: caller.organisationId, ...input });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'unit',
          entityId: unit.id,
          action: 'create',
          newValue: input,
        });
        return ok(unit);
      }).catch(onUniqueViolation(() => codeTaken(input.code)));
    },

    async update(caller: Caller, id: string, input: UnitInput): Promise<Result<Unit>> {
      return inTransaction(db, async (tx) => {
        const existing = await unitsRepo.findUnit(tx, caller.organisationId, id);
        if (!existing) return notFound('unit');
        const references = await checkReferences(tx, caller, input);
        if (!references.ok) return references;
        const duplicate = await unitsRepo.findUnitByCode(tx, caller.organisationId, input.code);
        if (duplicate && duplicate.id !== id) {
          return codeTaken(input.code);
        }
        const all = await unitsRepo.listUnits(tx, caller.organisationId);
        if (wouldCreateCycle(all, id, input.parentId)) {
          return refuse('cycle', phraseText('organisationRefusals.unitUnderItself'), 'parentId');
        }
        const updated = await unitsRepo.updateUnit(tx, caller.organisationId, id, input);
        if (!updated) return notFound('unit');
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'unit',
          entityId: id,
          action: 'update',
          oldValue: oldValuesOf(existing, input),
          newValue: input,
        });
        return ok(updated);
      });
    },
  };
}
