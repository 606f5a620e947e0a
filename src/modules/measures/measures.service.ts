/** A measure's definition: listing, reading, adding, changing and retiring it. */
import type { MeasureDefinition, RetireInput } from './domain/measure.ts';
import { targetChanges, type TargetChange } from '../../kernel/measurement/target-history.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import type { Db } from '../../platform/db/db.ts';
import * as repo from './data/measures.repository.ts';
import { unitDescendants } from '../organisation/index.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { forbidden, onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { definingChanges, unstableDefinitionRefusal } from './domain/stable-definition.ts';
import {
  auditMeasure as audit,
  editableMeasure as editable,
  mayEditAt,
  visibleMeasure as visible,
} from './measure-access.ts';
import type { TargetPorts } from './ports.ts';
import { createMeasureLinksService } from './measure-links.service.ts';
import { createMeasureTargetsService, type MeasureTarget } from './measure-targets.service.ts';

export type Measure = repo.MeasureRow;
export type MeasureListFilters = Omit<repo.MeasureFilters, 'unitIds' | 'partnerId'> & { unitId?: string };

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
  return refuse('invalid_state', unstableDefinitionRefusal(changes, measure.code), changes[0]);
}

export function createMeasuresService({
  db,
  clock,
  processLimits,
  closedPeriods,
  statuses,
}: ServiceDeps & TargetPorts) {
  /** Owner, unit and verifier must exist in the organisation; the unit defaults to the owner's. */
  async function resolveReferences(
    tx: Db,
    caller: Caller,
    input: MeasureDefinition,
  ): Promise<Result<MeasureDefinition>> {
    let ownerUnitId = input.ownerUnitId;
    if (input.ownerPersonId) {
      const owner = await repo.findPerson(tx, caller.organisationId, input.ownerPersonId);
      if (!owner) return refuse('invalid', phraseText('measureRefusals.ownerExists'), 'ownerPersonId');
      ownerUnitId ??= owner.unitId;
    }
    if (input.verifierPersonId && !(await repo.findPerson(tx, caller.organisationId, input.verifierPersonId))) {
      return refuse('invalid', phraseText('measureRefusals.verifierExists'), 'verifierPersonId');
    }
    if (input.ownerUnitId && !(await repo.findUnitName(tx, caller.organisationId, input.ownerUnitId))) {
      return refuse('invalid', phraseText('measureRefusals.unitExists'), 'ownerUnitId');
    }
    return ok({ ...input, ownerUnitId });
  }

  const duplicateCode = (code: string) =>
    refuse('duplicate', phraseText('measureRefusals.codeExists', { code }), 'code');

  return {
    ...createMeasureLinksService({ db, clock }),
    ...createMeasureTargetsService({ db, clock, processLimits, closedPeriods, statuses }),

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
      return measure ? ok(measure) : notFound('measure');
    },

    /** Whether the caller may create a measure for this unit (null: council-wide). */
    canEditAt(caller: Caller, unitId: string | null): Promise<boolean> {
      return mayEditAt(db, caller, unitId);
    },

    async detail(caller: Caller, id: string): Promise<Result<MeasureDetail>> {
      const measure = await visible(db, caller, id);
      if (!measure) return notFound('measure');
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
          return forbidden(phraseText('measureRefusals.mayNotAdd'));
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
      }).catch(onUniqueViolation(() => duplicateCode(input.code)));
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
          return refuse('conflict', phraseText('measureRefusals.changedSinceOpened', { code: measure.code }));
        }
        const resolved = await resolveReferences(tx, caller, input);
        if (!resolved.ok) return resolved;
        if (
          resolved.value.ownerUnitId !== measure.ownerUnitId &&
          !(await mayEditAt(tx, caller, resolved.value.ownerUnitId))
        ) {
          return forbidden(phraseText('measureRefusals.mayNotMove'));
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
        if (!updated) return refuse('conflict', phraseText('measureRefusals.changedReload', { code: measure.code }));
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'update',
          oldValue: oldValuesOf(measure, resolved.value),
          newValue: resolved.value,
        });
        return ok(updated);
      }).catch(onUniqueViolation(() => duplicateCode(input.code)));
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
        if (!updated) return refuse('conflict', phraseText('measureRefusals.changedAtOnce'));
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
  };
}
