import {
  type ApprovalStepInput,
  checkPlacement,
  checkSections,
  checkStep,
  checkSteps,
  type ItemTypeInput,
  type MoveDirection,
  moved,
  resolveStepRules,
  type PlanTypeApiInput,
  type PlanTypeInput,
  type TemplateSectionInput,
} from './domain/framework.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import * as frameworkRepo from './data/framework.repository.ts';
import type { PlanTypeUsage } from './ports.ts';
import { mayForWholeOrganisation } from '../organisation/index.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';

export type PlanTypeDetail = frameworkRepo.PlanTypeDetail;
export type ApprovalStepDetail = frameworkRepo.ApprovalStepDetail;
export type ItemType = frameworkRepo.ItemTypeRow;
export type GovernanceBodyOption = frameworkRepo.BodyOption;
export type TemplateSection = frameworkRepo.TemplateSection;

/** Plans in these states are going through their approval steps: the steps must hold still. */

/** What an audit row records of a plan type: everything an administrator can change. */
function snapshot(detail: PlanTypeDetail) {
  return {
    key: detail.key,
    name: detail.name,
    level: detail.level,
    description: detail.description,
    active: detail.active,
    parentTypeIds: detail.parentTypeIds,
    itemTypeIds: detail.itemTypeIds,
    templateSections: detail.templateSections,
    approvalSteps: detail.approvalSteps.map(({ name, kind, role, bodyId, distinctPerson }) => ({
      name,
      kind,
      role,
      bodyId,
      distinctPerson,
    })),
  };
}

export function createFrameworkService({ db, usage }: ServiceDeps & { usage: PlanTypeUsage }) {
  /**
   * The framework belongs to the whole organisation: changing it needs manage:framework held
   * over the organisation (no unit, or a top-level unit), not over one part of it.
   */
  function mayManage(caller: Caller): Promise<boolean> {
    return mayForWholeOrganisation(db, caller, 'manage:framework');
  }

  const NOT_ALLOWED = phraseText('frameworkRefusals.notAllowed');

  async function planTypeOrNotFound(tx: Db, caller: Caller, id: string): Promise<Result<PlanTypeDetail>> {
    const detail = await frameworkRepo.loadPlanTypeDetail(tx, caller.organisationId, id);
    return detail ? ok(detail) : notFound('planType');
  }

  async function checkUnique(
    tx: Db,
    caller: Caller,
    input: { key: string; name: string },
    exceptId: string | null,
  ): Promise<Result<null>> {
    const byKey = await frameworkRepo.findPlanTypeByKey(tx, caller.organisationId, input.key);
    if (byKey && byKey.id !== exceptId) {
      return refuse(
        'duplicate',
        phraseText('frameworkRefusals.planTypeKeyTaken', { key: input.key, name: byKey.name }),
        'key',
      );
    }
    const byName = await frameworkRepo.findPlanTypeByName(tx, caller.organisationId, input.name);
    if (byName && byName.id !== exceptId) {
      return refuse('duplicate', phraseText('frameworkRefusals.planTypeNameTaken', { name: byName.name }), 'name');
    }
    return ok(null);
  }

  async function checkItemTypes(tx: Db, caller: Caller, itemTypeIds: readonly string[]): Promise<Result<null>> {
    if (itemTypeIds.length === 0) {
      return refuse('invalid', phraseText('frameworkRefusals.holdsNothing'), 'itemTypeIds');
    }
    const known = new Set((await frameworkRepo.listItemTypes(tx, caller.organisationId)).map((type) => type.id));
    if (itemTypeIds.some((id) => !known.has(id))) {
      return refuse('invalid', phraseText('frameworkRefusals.unknownItemTypes'), 'itemTypeIds');
    }
    return ok(null);
  }

  /** Item types this plan type stops holding must not be in use in its plans. */
  async function checkItemTypesInUse(
    tx: Db,
    caller: Caller,
    existing: PlanTypeDetail,
    itemTypeIds: readonly string[],
  ): Promise<Result<null>> {
    const dropped = existing.itemTypeIds.filter((id) => !itemTypeIds.includes(id));
    if (dropped.length === 0) return ok(null);
    const inUse = await usage.itemTypesInUse(tx, caller.organisationId, existing.id, dropped);
    const first = inUse[0];
    if (!first) return ok(null);
    const itemType = await frameworkRepo.findItemType(tx, caller.organisationId, first.itemTypeId);
    const name = itemType?.name ?? phrase('frameworkRefusals.thatType');
    const held = Number(first.items) === 1 ? 'frameworkRefusals.stillHeldOne' : 'frameworkRefusals.stillHeldMany';
    return refuse(
      'conflict',
      phraseText(held, { planType: existing.name, count: Number(first.items), name }),
      'itemTypeIds',
    );
  }

  async function checkNoPlansInApproval(tx: Db, caller: Caller, planType: PlanTypeDetail): Promise<Result<null>> {
    const inFlight = await usage.plansInApproval(tx, caller.organisationId, planType.id);
    if (inFlight === 0) return ok(null);
    return refuse(
      'invalid_state',
      phraseText(inFlight === 1 ? 'frameworkRefusals.inApprovalOne' : 'frameworkRefusals.inApprovalMany', {
        count: inFlight,
        planType: planType.name,
      }),
      'approvalSteps',
    );
  }

  async function checkPlanType(
    tx: Db,
    caller: Caller,
    input: PlanTypeInput,
    existingId: string | null,
  ): Promise<Result<null>> {
    const unique = await checkUnique(tx, caller, input, existingId);
    if (!unique.ok) return unique;
    const types = await frameworkRepo.listPlanTypeRows(tx, caller.organisationId);
    const edges = await frameworkRepo.listPlanTypeEdges(tx, caller.organisationId);
    const placement = checkPlacement(
      types,
      edges,
      { id: existingId, name: input.name, level: input.level },
      input.parentTypeIds,
    );
    if (!placement.ok) return placement;
    return checkItemTypes(tx, caller, input.itemTypeIds);
  }

  async function checkStepReferences(
    tx: Db,
    caller: Caller,
    steps: readonly ApprovalStepInput[],
  ): Promise<Result<null>> {
    const bodies = await frameworkRepo.listBodies(tx, caller.organisationId);
    return checkSteps(steps, bodies);
  }

  /** Audit and reload after a change to a plan type. */
  async function finish(
    tx: Db,
    caller: Caller,
    before: PlanTypeDetail | null,
    id: string,
    action: string,
  ): Promise<Result<PlanTypeDetail>> {
    const after = await frameworkRepo.loadPlanTypeDetail(tx, caller.organisationId, id);
    if (!after) throw new Error('plan type vanished inside its own transaction');
    await recordAudit(tx, {
      organisationId: caller.organisationId,
      actor: actorOf(caller),
      entityType: 'plan_type',
      entityId: id,
      action,
      oldValue: before ? snapshot(before) : undefined,
      newValue: snapshot(after),
    });
    return ok(after);
  }

  const duplicateKey = (key: string) => (error: unknown) => {
    if (isUniqueViolation(error))
      return refuse('duplicate', phraseText('frameworkRefusals.planTypeKeyExists', { key }), 'key');
    throw error;
  };

  /** Changes to a plan type's sections or steps: one transaction, one audit row. */
  async function changePlanType(
    caller: Caller,
    id: string,
    action: string,
    change: (tx: Db, existing: PlanTypeDetail) => Promise<Result<null>>,
  ): Promise<Result<PlanTypeDetail>> {
    if (!(await mayManage(caller))) return forbidden(NOT_ALLOWED);
    return inTransaction(db, async (tx) => {
      await frameworkRepo.lockPlanTypes(tx, caller.organisationId);
      const existing = await planTypeOrNotFound(tx, caller, id);
      if (!existing.ok) return existing;
      const changed = await change(tx, existing.value);
      if (!changed.ok) return changed;
      return finish(tx, caller, existing.value, id, action);
    });
  }

  function stepValues(steps: readonly ApprovalStepDetail[]): frameworkRepo.StepValues[] {
    return steps.map(({ id, name, kind, role, bodyId, distinctPerson }) => ({
      id,
      name,
      kind,
      role,
      bodyId,
      distinctPerson,
    }));
  }

  return {
    /** Whether the caller may change the framework (pages show or hide their buttons by it). */
    canManage(caller: Caller): Promise<boolean> {
      return mayManage(caller);
    },

    /** Every plan type, ordered by level then name. */
    listPlanTypes(caller: Caller): Promise<PlanTypeDetail[]> {
      return frameworkRepo.listPlanTypeDetails(db, caller.organisationId);
    },

    async getPlanType(caller: Caller, id: string): Promise<Result<PlanTypeDetail>> {
      return planTypeOrNotFound(db, caller, id);
    },

    listItemTypes(caller: Caller): Promise<ItemType[]> {
      return frameworkRepo.listItemTypes(db, caller.organisationId);
    },

    async getItemType(caller: Caller, id: string): Promise<Result<ItemType>> {
      const itemType = await frameworkRepo.findItemType(db, caller.organisationId, id);
      return itemType ? ok(itemType) : notFound('itemType');
    },

    /** The organisation's governance bodies, with whether each approves plans (for step forms). */
    listBodies(caller: Caller): Promise<GovernanceBodyOption[]> {
      return frameworkRepo.listBodies(db, caller.organisationId);
    },

    async createPlanType(caller: Caller, input: PlanTypeInput | PlanTypeApiInput): Promise<Result<PlanTypeDetail>> {
      if (!(await mayManage(caller))) return forbidden(NOT_ALLOWED);
      const sections = 'templateSections' in input ? (input.templateSections ?? []) : [];
      const steps = resolveStepRules('approvalSteps' in input ? (input.approvalSteps ?? []) : [], []);
      return inTransaction(db, async (tx) => {
        await frameworkRepo.lockPlanTypes(tx, caller.organisationId);
        const checked = await checkPlanType(tx, caller, input, null);
        if (!checked.ok) return checked;
        const sectionsChecked = checkSections(sections);
        if (!sectionsChecked.ok) return refuse('duplicate', sectionsChecked.error.message, 'templateSections');
        const stepsChecked = await checkStepReferences(tx, caller, steps);
        if (!stepsChecked.ok) return refuse('invalid', stepsChecked.error.message, 'approvalSteps');
        const row = await frameworkRepo.insertPlanType(tx, {
          organisationId: caller.organisationId,
          key: input.key,
          name: input.name,
          level: input.level,
          description: input.description,
          active: input.active,
          templateSections: sections,
        });
        await frameworkRepo.setPlanTypeParents(tx, caller.organisationId, row.id, input.parentTypeIds);
        await frameworkRepo.setPlanTypeItemTypes(tx, caller.organisationId, row.id, input.itemTypeIds);
        await frameworkRepo.saveApprovalSteps(tx, caller.organisationId, row.id, steps);
        return finish(tx, caller, null, row.id, 'create');
      }).catch(duplicateKey(input.key));
    },

    /**
     * Changes a plan type. From the page form, sections and steps are left as they are (they have
     * their own buttons); over the API they are replaced when sent.
     */
    async updatePlanType(
      caller: Caller,
      id: string,
      input: PlanTypeInput | PlanTypeApiInput,
    ): Promise<Result<PlanTypeDetail>> {
      if (!(await mayManage(caller))) return forbidden(NOT_ALLOWED);
      const sections = 'templateSections' in input ? input.templateSections : undefined;
      const sentSteps = 'approvalSteps' in input ? input.approvalSteps : undefined;
      return inTransaction(db, async (tx) => {
        await frameworkRepo.lockPlanTypes(tx, caller.organisationId);
        const existing = await planTypeOrNotFound(tx, caller, id);
        if (!existing.ok) return existing;
        const checked = await checkPlanType(tx, caller, input, id);
        if (!checked.ok) return checked;
        const inUse = await checkItemTypesInUse(tx, caller, existing.value, input.itemTypeIds);
        if (!inUse.ok) return inUse;
        if (sections) {
          const sectionsChecked = checkSections(sections);
          if (!sectionsChecked.ok) return refuse('duplicate', sectionsChecked.error.message, 'templateSections');
        }
        if (sentSteps) {
          const stepsChecked = await checkStepReferences(tx, caller, sentSteps);
          if (!stepsChecked.ok) return refuse('invalid', stepsChecked.error.message, 'approvalSteps');
          const current = stepValues(existing.value.approvalSteps);
          const steps = resolveStepRules(sentSteps, current);
          const unchanged =
            current.length === steps.length &&
            current.every(
              (step, index) =>
                step.name === steps[index]?.name &&
                step.kind === steps[index]?.kind &&
                step.role === steps[index]?.role &&
                step.bodyId === steps[index]?.bodyId &&
                step.distinctPerson === steps[index]?.distinctPerson,
            );
          if (!unchanged) {
            const stable = await checkNoPlansInApproval(tx, caller, existing.value);
            if (!stable.ok) return stable;
            // Steps keep their ids position by position, so an API write that changes nothing keeps them.
            await frameworkRepo.saveApprovalSteps(
              tx,
              caller.organisationId,
              id,
              steps.map((step, index) => ({ ...step, id: current[index]?.id })),
            );
          }
        }
        await frameworkRepo.updatePlanType(tx, caller.organisationId, id, {
          key: input.key,
          name: input.name,
          level: input.level,
          description: input.description,
          active: input.active,
          ...(sections ? { templateSections: sections } : {}),
        });
        await frameworkRepo.setPlanTypeParents(tx, caller.organisationId, id, input.parentTypeIds);
        await frameworkRepo.setPlanTypeItemTypes(tx, caller.organisationId, id, input.itemTypeIds);
        return finish(tx, caller, existing.value, id, 'update');
      }).catch(duplicateKey(input.key));
    },

    addSection(caller: Caller, planTypeId: string, section: TemplateSectionInput): Promise<Result<PlanTypeDetail>> {
      return changePlanType(caller, planTypeId, 'add-section', async (tx, existing) => {
        const sections = [...existing.templateSections, section];
        const checked = checkSections(sections);
        if (!checked.ok) return checked;
        await frameworkRepo.updatePlanType(tx, caller.organisationId, planTypeId, { templateSections: sections });
        return ok(null);
      });
    },

    removeSection(caller: Caller, planTypeId: string, key: string): Promise<Result<PlanTypeDetail>> {
      return changePlanType(caller, planTypeId, 'remove-section', async (tx, existing) => {
        if (!existing.templateSections.some((section) => section.key === key)) return notFound('section');
        const sections = existing.templateSections.filter((section) => section.key !== key);
        await frameworkRepo.updatePlanType(tx, caller.organisationId, planTypeId, { templateSections: sections });
        return ok(null);
      });
    },

    moveSection(
      caller: Caller,
      planTypeId: string,
      key: string,
      direction: MoveDirection,
    ): Promise<Result<PlanTypeDetail>> {
      return changePlanType(caller, planTypeId, `move-section-${direction}`, async (tx, existing) => {
        const index = existing.templateSections.findIndex((section) => section.key === key);
        if (index < 0) return notFound('section');
        const sections = moved(existing.templateSections, index, direction);
        await frameworkRepo.updatePlanType(tx, caller.organisationId, planTypeId, { templateSections: sections });
        return ok(null);
      });
    },

    addStep(caller: Caller, planTypeId: string, step: ApprovalStepInput): Promise<Result<PlanTypeDetail>> {
      return changePlanType(caller, planTypeId, 'add-approval-step', async (tx, existing) => {
        const checked = checkStep(step, await frameworkRepo.listBodies(tx, caller.organisationId));
        if (!checked.ok) return checked;
        const stable = await checkNoPlansInApproval(tx, caller, existing);
        if (!stable.ok) return stable;
        await frameworkRepo.saveApprovalSteps(tx, caller.organisationId, planTypeId, [
          ...stepValues(existing.approvalSteps),
          ...resolveStepRules([step], []),
        ]);
        return ok(null);
      });
    },

    /** Turns the "a different person must take this step" rule on or off for one step. */
    setStepDistinctPerson(
      caller: Caller,
      planTypeId: string,
      stepId: string,
      distinctPerson: boolean,
    ): Promise<Result<PlanTypeDetail>> {
      const action = distinctPerson ? 'require-distinct-approver' : 'allow-any-approver';
      return changePlanType(caller, planTypeId, action, async (tx, existing) => {
        if (!existing.approvalSteps.some((step) => step.id === stepId)) return notFound('approvalStep');
        const stable = await checkNoPlansInApproval(tx, caller, existing);
        if (!stable.ok) return stable;
        const steps = stepValues(existing.approvalSteps).map((step) =>
          step.id === stepId ? { ...step, distinctPerson } : step,
        );
        await frameworkRepo.saveApprovalSteps(tx, caller.organisationId, planTypeId, steps);
        return ok(null);
      });
    },

    removeStep(caller: Caller, planTypeId: string, stepId: string): Promise<Result<PlanTypeDetail>> {
      return changePlanType(caller, planTypeId, 'remove-approval-step', async (tx, existing) => {
        if (!existing.approvalSteps.some((step) => step.id === stepId)) return notFound('approvalStep');
        const stable = await checkNoPlansInApproval(tx, caller, existing);
        if (!stable.ok) return stable;
        await frameworkRepo.saveApprovalSteps(
          tx,
          caller.organisationId,
          planTypeId,
          stepValues(existing.approvalSteps.filter((step) => step.id !== stepId)),
        );
        return ok(null);
      });
    },

    moveStep(
      caller: Caller,
      planTypeId: string,
      stepId: string,
      direction: MoveDirection,
    ): Promise<Result<PlanTypeDetail>> {
      return changePlanType(caller, planTypeId, `move-approval-step-${direction}`, async (tx, existing) => {
        const index = existing.approvalSteps.findIndex((step) => step.id === stepId);
        if (index < 0) return notFound('approvalStep');
        const stable = await checkNoPlansInApproval(tx, caller, existing);
        if (!stable.ok) return stable;
        await frameworkRepo.saveApprovalSteps(
          tx,
          caller.organisationId,
          planTypeId,
          stepValues(moved(existing.approvalSteps, index, direction)),
        );
        return ok(null);
      });
    },

    async createItemType(caller: Caller, input: ItemTypeInput): Promise<Result<ItemType>> {
      if (!(await mayManage(caller))) return forbidden(NOT_ALLOWED);
      const duplicate = () =>
        refuse('duplicate', phraseText('frameworkRefusals.itemTypeKeyExists', { key: input.key }), 'key');
      return inTransaction(db, async (tx) => {
        if (await frameworkRepo.findItemTypeByKey(tx, caller.organisationId, input.key)) return duplicate();
        const row = await frameworkRepo.insertItemType(tx, { organisationId: caller.organisationId, ...input });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'item_type',
          entityId: row.id,
          action: 'create',
          newValue: input,
        });
        return ok(row);
      }).catch(onUniqueViolation(() => duplicate()));
    },

    async updateItemType(caller: Caller, id: string, input: ItemTypeInput): Promise<Result<ItemType>> {
      if (!(await mayManage(caller))) return forbidden(NOT_ALLOWED);
      const duplicate = () =>
        refuse('duplicate', phraseText('frameworkRefusals.itemTypeKeyExists', { key: input.key }), 'key');
      return inTransaction(db, async (tx) => {
        const existing = await frameworkRepo.findItemType(tx, caller.organisationId, id);
        if (!existing) return notFound('itemType');
        const sameKey = await frameworkRepo.findItemTypeByKey(tx, caller.organisationId, input.key);
        if (sameKey && sameKey.id !== id) return duplicate();
        const updated = await frameworkRepo.updateItemType(tx, caller.organisationId, id, input);
        if (!updated) return notFound('itemType');
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'item_type',
          entityId: id,
          action: 'update',
          oldValue: {
            key: existing.key,
            name: existing.name,
            description: existing.description,
            active: existing.active,
          },
          newValue: input,
        });
        return ok(updated);
      }).catch(onUniqueViolation(() => duplicate()));
    },
  };
}
