import { randomUUID } from 'node:crypto';
import { editRefusal, isPlanStatus, type PlanInput, type PlanUpdateInput, unknownSections } from './domain/index.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { loadPlanTypeDetail } from '../framework/index.ts';
import * as plansRepo from './data/plans.repository.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { type Caller } from '../../platform/services/caller.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { STALE, type PlanContext } from './plan-context.ts';
import type { Plan } from './plans.types.ts';

/** Creating and editing draft plans. */
export function createPlanEditing({ db }: ServiceDeps, context: PlanContext) {
  const { visiblePlan, checkFields, audit, event, loadType } = context;
  return {
    async create(caller: Caller, input: PlanInput): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const type = await loadPlanTypeDetail(tx, caller.organisationId, input.planTypeId);
        if (!type) return refuse('invalid', phraseText('planRefusals.planTypeExists'), 'planTypeId');
        if (!type.active)
          return refuse('invalid', phraseText('planRefusals.typeRetired', { type: type.name }), 'planTypeId');
        const checked = await checkFields(tx, caller, createAccessPolicy(unitAncestryIn(tx)), type, input);
        if (!checked.ok) return checked;
        const plan = await plansRepo.insertPlan(tx, {
          organisationId: caller.organisationId,
          lineageId: randomUUID(),
          version: 1,
          versionKind: 'original',
          planTypeId: type.id,
          parentPlanId: input.parentPlanId,
          title: input.title,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          owningUnitId: input.owningUnitId,
          ownerPersonId: input.ownerPersonId,
          sections: Object.fromEntries(type.templateSections.map((section) => [section.key, ''])),
          status: 'draft',
        });
        await event(tx, caller, plan.id, 'created');
        await audit(tx, caller, plan.id, 'create', { new: input });
        return ok(plan);
      });
    },
    async update(caller: Caller, id: string, input: PlanUpdateInput): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const existing = await visiblePlan(tx, caller, id, true);
        if (!existing || !isPlanStatus(existing.status)) return notFound('plan');
        // One policy for the call: the plan's unit now and (if it moves) its new one are each read once.
        const access = createAccessPolicy(unitAncestryIn(tx));
        if (!(await access.can(caller, 'edit:plans', { unitId: existing.owningUnitId }))) {
          return forbidden(phraseText('planRefusals.mayNotChange'));
        }
        const refusal = editRefusal(existing.status);
        if (refusal) return refuse('invalid_state', refusal);
        if (input.rowVersion !== existing.rowVersion) return refuse('conflict', STALE, 'rowVersion');
        const type = await loadType(tx, caller, existing);
        const unknown = unknownSections(
          input.sections,
          type.templateSections.map((section) => section.key),
        );
        if (unknown.length > 0) {
          return refuse(
            'invalid',
            phraseText('planRefusals.unknownSections', { type: type.name, sections: unknown.join(', ') }),
            'sections',
          );
        }
        if (
          existing.versionKind === 'amendment' &&
          (input.periodStart !== existing.periodStart || input.periodEnd !== existing.periodEnd)
        ) {
          return refuse('invalid', phraseText('planRefusals.amendmentSamePeriod'), 'periodStart');
        }
        const checked = await checkFields(tx, caller, access, type, input, id);
        if (!checked.ok) return checked;
        const { rowVersion, ...fields } = input;
        const values = { ...fields, sections: { ...existing.sections, ...input.sections } };
        const updated = await plansRepo.updatePlan(tx, caller.organisationId, id, rowVersion, values);
        if (!updated) return refuse('conflict', STALE, 'rowVersion');
        await event(tx, caller, id, 'edited');
        await audit(tx, caller, id, 'update', { old: oldValuesOf(existing, values), new: values });
        return ok(updated);
      });
    },
  };
}
