import { z } from 'zod';
import { requiredId, requiredText } from '../../kernel/inputs.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/money.repository.ts';
import { loadUnitAccess } from './unit-access.ts';

export const costCentreInput = z.object({
  code: requiredText('the cost centre code', 20)
    .transform((code) => code.toUpperCase())
    .refine(
      (code) => /^[A-Z0-9][A-Z0-9._/-]*$/.test(code),
      'The code may use only letters, digits, dots, dashes and slashes',
    )
    .refine((code) => code !== 'TOTAL', 'TOTAL names the control total row of an import: choose another code'),
  name: requiredText('the cost centre name'),
  unitId: requiredId('Select the unit that owns the cost centre'),
});
export type CostCentreInput = z.infer<typeof costCentreInput>;

export type CostCentre = repo.CostCentreRow;

export function createCostCentresService({ db }: ServiceDeps) {
  return {
    /** The cost centres whose budgets the caller may read. */
    async list(caller: Caller): Promise<Result<CostCentre[]>> {
      const access = await loadUnitAccess(db, caller);
      if (!(await access.policy.can(caller, 'view:money', 'anywhere'))) return forbidden('You may not see budgets');
      const readable = await access.unitsWhere('view:money');
      return ok(
        (await repo.listCostCentres(db, caller.organisationId)).filter((centre) => readable.has(centre.unitId)),
      );
    },

    /** The units the caller may add cost centres to, for the form's list. */
    async unitChoices(caller: Caller): Promise<{ id: string; name: string }[]> {
      const access = await loadUnitAccess(db, caller);
      const editable = await access.unitsWhere('edit:money');
      return access.units.filter((unit) => editable.has(unit.id)).map(({ id, name }) => ({ id, name }));
    },

    async create(caller: Caller, input: CostCentreInput): Promise<Result<{ id: string }>> {
      try {
        return await inTransaction(db, async (tx) => {
          const access = await loadUnitAccess(tx, caller);
          // Another council's unit is not in this tree: refused as not found.
          if (!access.unitById.has(input.unitId)) return refuse('not_found', 'Select a unit of your council', 'unitId');
          if (!(await access.can('edit:money', input.unitId))) {
            return refuse('forbidden', 'You may not add cost centres to that unit', 'unitId');
          }
          const id = await repo.insertCostCentre(tx, caller.organisationId, input);
          await recordAudit(tx, {
            organisationId: caller.organisationId,
            actor: actorOf(caller),
            entityType: 'cost-centre',
            entityId: id,
            action: 'create',
            newValue: input,
          });
          return ok({ id });
        });
      } catch (error) {
        if (isUniqueViolation(error)) return refuse('duplicate', `Cost centre ${input.code} already exists`, 'code');
        throw error;
      }
    },
  };
}
