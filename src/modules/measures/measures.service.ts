import { z } from 'zod';
import { allowsAt } from '../../kernel/access/index.ts';
import { requiredId, requiredText } from '../../kernel/inputs.ts';
import type { MeasureDefinition, RetireInput } from './domain/measure.ts';
import { targetAt, targetChanges, type TargetChange } from '../../kernel/measurement/target-history.ts';
import { checkTarget, checkTargetFigures, type TargetInput, type TargetRevisionInput } from './domain/targets.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import * as repo from './data/measures.repository.ts';
import { unitAncestry, unitDescendants } from '../organisation/index.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { forbidden, isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { fill, words } from '../../platform/words/index.ts';
import { definingChanges, listOfFields } from './domain/stable-definition.ts';

export type Measure = repo.MeasureRow;
export type MeasureTarget = repo.TargetWithSetter;
export type MeasureListFilters = Omit<repo.MeasureFilters, 'unitIds' | 'partnerId'> & { unitId?: string };

export const itemLinkInput = z.object({ itemId: requiredId('Select a plan item') });
export const assigneeInput = z.object({ personId: requiredId('Select a person') });
export const breakdownInput = z.object({
  dimension: requiredText('the breakdown, like ward or age group', 60),
  code: z
    .string({ message: 'Enter a code for the category' })
    .trim()
    .min(1, 'Enter a code for the category')
    .max(40, 'Code must be 40 characters or fewer'),
  label: requiredText('a name for the category', 200),
  position: z
    .preprocess(
      (raw) => (raw === '' || raw === undefined ? 0 : Number(raw)),
      z.number().int('Position must be a whole number').min(0).max(10000),
    )
    .optional(),
});
export type BreakdownInput = z.infer<typeof breakdownInput>;

export interface MeasureDetail {
  measure: Measure;
  owner: { id: string; name: string } | null;
  ownerUnit: { id: string; name: string } | null;
  verifier: { id: string; name: string } | null;
  items: repo.LinkedItem[];
  assignees: { personId: string; name: string; email: string }[];
  breakdowns: repo.BreakdownRow[];
  /** Every target version, and the current one of each slot. */
  targets: MeasureTarget[];
  currentTargets: MeasureTarget[];
  targetChanges: TargetChange<MeasureTarget>[];
  recentValues: Awaited<ReturnType<typeof repo.recentValues>>;
  canEdit: boolean;
}

function definitionColumns(input: MeasureDefinition) {
  return { ...input };
}

export type MeasuresService = ReturnType<typeof createMeasuresService>;

/**
 * A change to a defining field of a measure that has values, refused naming every such field
 * (the first is the field the error points at); null when the change may go ahead.
 */
async function unstableDefinition(
  tx: Db,
  organisationId: string,
  measure: Measure,
  input: MeasureDefinition,
): Promise<Result<never> | null> {
  const changes = definingChanges(measure, input);
  if (changes.length === 0) return null;
  if ((await repo.recentValues(tx, organisationId, measure.id, 1)).length === 0) return null;
  const fields = listOfFields(changes.map((field) => words.stableDefinition.fields[field]));
  return refuse('invalid_state', fill(words.stableDefinition.refused, { fields, code: measure.code }), changes[0]);
}

export function createMeasuresService({ db, clock }: ServiceDeps) {
  const today = () => clock.today();

  /** edit:measures at the measure's unit (or above); a council-wide measure needs an org-wide grant. */
  async function mayEditAt(tx: Db, caller: Caller, unitId: string | null): Promise<boolean> {
    if (unitId === null) return allowsAt(caller, 'edit:measures', []);
    const ancestry = await unitAncestry(tx, caller.organisationId, unitId);
    return allowsAt(caller, 'edit:measures', ancestry);
  }

  async function visible(tx: Db, caller: Caller, id: string): Promise<repo.MeasureRow | undefined> {
    const measure = await repo.findMeasure(tx, caller.organisationId, id);
    if (!measure) return undefined;
    if (caller.partnerId && !(await repo.isVisibleToPartner(tx, caller.organisationId, id, caller.partnerId))) {
      return undefined;
    }
    return measure;
  }

  /** Loads the measure for a change: it must exist, be editable by the caller, and (unless said) be active. */
  async function editable(
    tx: Db,
    caller: Caller,
    id: string,
    options: { allowRetired?: boolean } = {},
  ): Promise<Result<repo.MeasureRow>> {
    const measure = await repo.findMeasure(tx, caller.organisationId, id, { forUpdate: true });
    if (
      !measure ||
      (caller.partnerId && !(await repo.isVisibleToPartner(tx, caller.organisationId, id, caller.partnerId)))
    ) {
      return notFound('Measure');
    }
    if (!(await mayEditAt(tx, caller, measure.ownerUnitId))) {
      return forbidden(`You cannot change measures of this part of the organisation`);
    }
    if (measure.status === 'retired' && !options.allowRetired) {
      return refuse('invalid_state', `${measure.code} is retired: it cannot be changed`);
    }
    return ok(measure);
  }

  /** Owner, unit and verifier must exist in the organisation; the unit defaults to the owner's. */
  async function resolveReferences(
    tx: Db,
    caller: Caller,
    input: MeasureDefinition,
  ): Promise<Result<MeasureDefinition>> {
    let ownerUnitId = input.ownerUnitId;
    if (input.ownerPersonId) {
      const owner = await repo.findPerson(tx, caller.organisationId, input.ownerPersonId);
      if (!owner) return refuse('invalid', 'Select an owner who exists', 'ownerPersonId');
      ownerUnitId ??= owner.unitId;
    }
    if (input.verifierPersonId && !(await repo.findPerson(tx, caller.organisationId, input.verifierPersonId))) {
      return refuse('invalid', 'Select a verifier who exists', 'verifierPersonId');
    }
    if (input.ownerUnitId && !(await repo.findUnitName(tx, caller.organisationId, input.ownerUnitId))) {
      return refuse('invalid', 'Select a unit that exists', 'ownerUnitId');
    }
    return ok({ ...input, ownerUnitId });
  }

  const duplicateCode = (code: string) => refuse('duplicate', `A measure with code ${code} already exists`, 'code');

  function audit(tx: Db, caller: Caller, entry: Omit<Parameters<typeof recordAudit>[1], 'organisationId' | 'actor'>) {
    return recordAudit(tx, { organisationId: caller.organisationId, actor: actorOf(caller), ...entry });
  }

  return {
    async list(caller: Caller, filters: MeasureListFilters = {}): Promise<repo.MeasureListRow[]> {
      const { unitId, ...rest } = filters;
      const unitIds = unitId ? await unitDescendants(db, caller.organisationId, unitId) : undefined;
      return repo.listMeasures(db, caller.organisationId, {
        ...rest,
        ...(unitIds ? { unitIds } : {}),
        partnerId: caller.partnerId,
      });
    },

    tags(caller: Caller): Promise<string[]> {
      return repo.listTags(db, caller.organisationId);
    },

    async get(caller: Caller, id: string): Promise<Result<Measure>> {
      const measure = await visible(db, caller, id);
      return measure ? ok(measure) : notFound('Measure');
    },

    /** Whether the caller may create a measure for this unit (null: council-wide). */
    canEditAt(caller: Caller, unitId: string | null): Promise<boolean> {
      return mayEditAt(db, caller, unitId);
    },

    async detail(caller: Caller, id: string): Promise<Result<MeasureDetail>> {
      const measure = await visible(db, caller, id);
      if (!measure) return notFound('Measure');
      const org = caller.organisationId;
      const [items, assignees, breakdowns, targets, values, canEdit, named] = await Promise.all([
        repo.listLinkedItems(db, org, id),
        repo.listAssignees(db, org, id),
        repo.listBreakdowns(db, org, id),
        repo.listTargets(db, org, id),
        repo.recentValues(db, org, id),
        mayEditAt(db, caller, measure.ownerUnitId),
        repo.peopleByIds(
          db,
          org,
          [measure.ownerPersonId, measure.verifierPersonId].filter((x): x is string => x !== null),
        ),
      ]);
      const person = (personId: string | null) => {
        const found = named.find((p) => p.id === personId);
        return found ? { id: found.id, name: found.name } : null;
      };
      const unit = measure.ownerUnitId ? await repo.findUnitName(db, org, measure.ownerUnitId) : undefined;
      return ok({
        measure,
        owner: person(measure.ownerPersonId),
        ownerUnit: unit ?? null,
        verifier: person(measure.verifierPersonId),
        items: caller.partnerId ? [] : items,
        assignees,
        breakdowns,
        targets,
        currentTargets: targets.filter((t) => t.supersededAt === null),
        targetChanges: targetChanges(targets),
        recentValues: values,
        canEdit: canEdit && measure.status === 'active' && !caller.partnerId,
      });
    },

    async create(caller: Caller, input: MeasureDefinition): Promise<Result<Measure>> {
      return inTransaction(db, async (tx) => {
        const resolved = await resolveReferences(tx, caller, input);
        if (!resolved.ok) return resolved;
        if (!(await mayEditAt(tx, caller, resolved.value.ownerUnitId))) {
          return forbidden('You can only add measures for the part of the organisation you manage');
        }
        if (await repo.findMeasureByCode(tx, caller.organisationId, input.code)) return duplicateCode(input.code);
        const measure = await repo.insertMeasure(tx, {
          organisationId: caller.organisationId,
          ...definitionColumns(resolved.value),
        });
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: measure.id,
          action: 'create',
          newValue: resolved.value,
        });
        return ok(measure);
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) return duplicateCode(input.code);
        throw error;
      });
    },

    async update(
      caller: Caller,
      id: string,
      input: MeasureDefinition,
      expectedRowVersion?: number,
    ): Promise<Result<Measure>> {
      return inTransaction(db, async (tx) => {
        const existing = await editable(tx, caller, id);
        if (!existing.ok) return existing;
        const measure = existing.value;
        if (expectedRowVersion !== undefined && expectedRowVersion !== measure.rowVersion) {
          return refuse(
            'conflict',
            `Someone else changed ${measure.code} after you opened it: reload the page and make your change again`,
          );
        }
        const resolved = await resolveReferences(tx, caller, input);
        if (!resolved.ok) return resolved;
        if (
          resolved.value.ownerUnitId !== measure.ownerUnitId &&
          !(await mayEditAt(tx, caller, resolved.value.ownerUnitId))
        ) {
          return forbidden('You can only move a measure to a part of the organisation you manage');
        }
        const refusal = await unstableDefinition(tx, caller.organisationId, measure, input);
        if (refusal) return refusal;
        const duplicate = await repo.findMeasureByCode(tx, caller.organisationId, input.code);
        if (duplicate && duplicate.id !== id) return duplicateCode(input.code);
        const updated = await repo.updateMeasure(
          tx,
          caller.organisationId,
          id,
          measure.rowVersion,
          definitionColumns(resolved.value),
          clock(),
        );
        if (!updated)
          return refuse('conflict', `Someone else changed ${measure.code} after you opened it: reload the page`);
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'update',
          oldValue: oldValuesOf(measure, resolved.value),
          newValue: resolved.value,
        });
        return ok(updated);
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) return duplicateCode(input.code);
        throw error;
      });
    },

    async retire(caller: Caller, id: string, input: RetireInput): Promise<Result<Measure>> {
      return inTransaction(db, async (tx) => {
        const existing = await editable(tx, caller, id);
        if (!existing.ok) return existing;
        const now = clock();
        const updated = await repo.updateMeasure(
          tx,
          caller.organisationId,
          id,
          existing.value.rowVersion,
          {
            status: 'retired',
            retiredAt: now,
            retiredReason: input.reason,
          },
          now,
        );
        if (!updated) return refuse('conflict', 'Someone else changed the measure at the same time: try again');
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'retire',
          oldValue: { status: existing.value.status },
          newValue: { status: 'retired' },
          reason: input.reason,
        });
        return ok(updated);
      });
    },

    // --- plan items ------------------------------------------------------------------------------

    linkableItems(caller: Caller): Promise<repo.LinkedItem[]> {
      return repo.listLinkableItems(db, caller.organisationId);
    },

    /** The measures reported under a plan item (for the plan item page). */
    async listForItem(caller: Caller, itemId: string) {
      const rows = await repo.listMeasuresForItem(db, caller.organisationId, itemId);
      if (!caller.partnerId) return rows;
      const visibleRows = [];
      for (const row of rows) {
        if (await repo.isVisibleToPartner(db, caller.organisationId, row.id, caller.partnerId)) visibleRows.push(row);
      }
      return visibleRows;
    },

    async linkItem(caller: Caller, id: string, itemId: string): Promise<Result<repo.LinkedItem>> {
      return inTransaction(db, async (tx) => {
        const measure = await editable(tx, caller, id);
        if (!measure.ok) return measure;
        const item = await repo.findItem(tx, caller.organisationId, itemId);
        if (!item) return refuse('invalid', 'Select a plan item that exists', 'itemId');
        if (item.planStatus === 'superseded' || item.planStatus === 'archived') {
          return refuse(
            'invalid_state',
            `${item.code} is in a ${item.planStatus} plan: link the measure to the current version`,
            'itemId',
          );
        }
        const added = await repo.insertItemLink(tx, {
          organisationId: caller.organisationId,
          measureId: id,
          itemId,
          addedBy: caller.personId,
        });
        if (!added) return refuse('duplicate', `${measure.value.code} is already linked to ${item.code}`, 'itemId');
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'link-item',
          newValue: { itemId, code: item.code, title: item.title },
        });
        return ok(item);
      });
    },

    async unlinkItem(caller: Caller, id: string, itemId: string): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        const measure = await editable(tx, caller, id);
        if (!measure.ok) return measure;
        const item = await repo.findItem(tx, caller.organisationId, itemId);
        if (!item || !(await repo.deleteItemLink(tx, caller.organisationId, id, itemId))) {
          return refuse('not_found', 'That plan item is not linked to this measure');
        }
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'unlink-item',
          oldValue: { itemId, code: item.code, title: item.title },
        });
        return ok(null);
      });
    },

    // --- assignees -------------------------------------------------------------------------------

    async addAssignee(caller: Caller, id: string, personId: string): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        const measure = await editable(tx, caller, id);
        if (!measure.ok) return measure;
        const person = await repo.findPerson(tx, caller.organisationId, personId);
        if (!person) return refuse('invalid', 'Select a person who exists', 'personId');
        if (person.status !== 'active')
          return refuse('invalid', `${person.name} has left the organisation`, 'personId');
        const added = await repo.insertAssignee(tx, {
          organisationId: caller.organisationId,
          measureId: id,
          personId,
          addedBy: caller.personId,
        });
        if (!added)
          return refuse('duplicate', `${person.name} already enters data for ${measure.value.code}`, 'personId');
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'add-assignee',
          newValue: { personId, name: person.name },
        });
        return ok(null);
      });
    },

    async removeAssignee(caller: Caller, id: string, personId: string): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        const measure = await editable(tx, caller, id);
        if (!measure.ok) return measure;
        if (!(await repo.deleteAssignee(tx, caller.organisationId, id, personId))) {
          return refuse('not_found', 'That person does not enter data for this measure');
        }
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'remove-assignee',
          oldValue: { personId },
        });
        return ok(null);
      });
    },

    // --- breakdowns ------------------------------------------------------------------------------

    async addBreakdown(caller: Caller, id: string, input: BreakdownInput): Promise<Result<repo.BreakdownRow>> {
      return inTransaction(db, async (tx) => {
        const measure = await editable(tx, caller, id);
        if (!measure.ok) return measure;
        const existing = await repo.listBreakdowns(tx, caller.organisationId, id);
        if (
          existing.some(
            (b) =>
              b.dimension.toLowerCase() === input.dimension.toLowerCase() &&
              b.code.toLowerCase() === input.code.toLowerCase(),
          )
        ) {
          return refuse('duplicate', `${input.dimension} already has a category with code ${input.code}`, 'code');
        }
        const row = await repo.insertBreakdown(tx, {
          organisationId: caller.organisationId,
          measureId: id,
          dimension: input.dimension,
          code: input.code,
          label: input.label,
          position: input.position ?? 0,
        });
        await audit(tx, caller, { entityType: 'measure', entityId: id, action: 'add-breakdown', newValue: input });
        return ok(row);
      });
    },

    // --- targets ---------------------------------------------------------------------------------

    async setTarget(caller: Caller, id: string, input: TargetInput): Promise<Result<repo.TargetRow>> {
      return inTransaction(db, async (tx) => {
        const loaded = await editable(tx, caller, id, { allowRetired: true });
        if (!loaded.ok) return loaded;
        const measure = loaded.value;
        const checked = checkTarget({ ...measure, polarity: measure.polarity, frequency: measure.frequency }, input);
        if (!checked.ok) {
          const first = checked.error[0]!;
          return refuse(first.code, first.message, first.field);
        }
        const target = checked.value;
        if (target.breakdownId) {
          const breakdowns = await repo.listBreakdowns(tx, caller.organisationId, id);
          if (!breakdowns.some((b) => b.id === target.breakdownId)) {
            return refuse('invalid', 'Select a breakdown category of this measure', 'breakdownId');
          }
        }
        const current = await repo.findCurrentTargetInSlot(tx, caller.organisationId, { measureId: id, ...target });
        if (current) {
          return refuse(
            'duplicate',
            `${measure.code} already has this target for ${target.periodKey ?? target.financialYear}: revise it instead, giving a reason`,
            'financialYear',
          );
        }
        const row = await repo.insertTarget(tx, {
          organisationId: caller.organisationId,
          measureId: id,
          ...target,
          reason: input.reason,
          setBy: caller.personId,
          setAt: clock(),
        });
        await audit(tx, caller, {
          entityType: 'measure_target',
          entityId: row.id,
          action: 'set',
          newValue: { measureId: id, ...target },
          reason: input.reason,
        });
        return ok(row);
      }).catch((error: unknown) => {
        if (isUniqueViolation(error))
          return refuse('conflict', 'Someone else set this target at the same time: reload the page');
        throw error;
      });
    },

    async reviseTarget(
      caller: Caller,
      id: string,
      targetId: string,
      input: TargetRevisionInput,
    ): Promise<Result<repo.TargetRow>> {
      return inTransaction(db, async (tx) => {
        const loaded = await editable(tx, caller, id, { allowRetired: true });
        if (!loaded.ok) return loaded;
        const measure = loaded.value;
        if (measure.status === 'retired')
          return refuse('invalid_state', `${measure.code} is retired: its targets cannot be changed`);
        const old = await repo.findTarget(tx, caller.organisationId, id, targetId);
        if (!old) return notFound('Target');
        if (old.supersededAt !== null) {
          return refuse('conflict', 'This target has already been revised: revise the current one');
        }
        const errors = checkTargetFigures(
          { ...measure, polarity: measure.polarity, frequency: measure.frequency },
          input,
        );
        if (errors.length > 0) {
          const first = errors[0]!;
          return refuse(first.code, first.message, first.field);
        }
        const effectiveFrom = input.effectiveFrom ?? today();
        const now = clock();
        const range = measure.polarity === 'within-range';
        // One current version per slot (unique index): mark the old one, insert the new, then link them.
        if (!(await repo.supersedeTarget(tx, caller.organisationId, old.id, now))) {
          return refuse('conflict', 'This target has already been revised: revise the current one');
        }
        const row = await repo.insertTarget(tx, {
          organisationId: caller.organisationId,
          measureId: id,
          breakdownId: old.breakdownId,
          kind: old.kind,
          financialYear: old.financialYear,
          periodKey: old.periodKey,
          planPeriodStart: old.planPeriodStart,
          planPeriodEnd: old.planPeriodEnd,
          value: range ? null : input.value,
          lower: range ? input.lower : null,
          upper: range ? input.upper : null,
          effectiveFrom,
          reason: input.reason,
          setBy: caller.personId,
          setAt: now,
        });
        await repo.pointSupersededTo(tx, caller.organisationId, old.id, row.id);
        await audit(tx, caller, {
          entityType: 'measure_target',
          entityId: row.id,
          action: 'revise',
          oldValue: {
            targetId: old.id,
            value: old.value,
            lower: old.lower,
            upper: old.upper,
            effectiveFrom: old.effectiveFrom,
          },
          newValue: { measureId: id, value: row.value, lower: row.lower, upper: row.upper, effectiveFrom },
          reason: input.reason,
        });
        return ok(row);
      });
    },

    /** The targets (one per slot) that applied on a date, as a report of that date shows them. */
    async targetsOn(caller: Caller, id: string, on: string, knownAt?: Date): Promise<Result<MeasureTarget[]>> {
      const measure = await visible(db, caller, id);
      if (!measure) return notFound('Measure');
      const versions = await repo.listTargets(db, caller.organisationId, id);
      const slots = new Map<string, MeasureTarget[]>();
      for (const v of versions) {
        const key = [v.breakdownId ?? '-', v.kind, v.financialYear, v.periodKey ?? '-'].join('|');
        slots.set(key, [...(slots.get(key) ?? []), v]);
      }
      const applied: MeasureTarget[] = [];
      for (const slot of slots.values()) {
        const found = targetAt(slot, on, knownAt);
        if (found) applied.push(found);
      }
      return ok(applied);
    },
  };
}
