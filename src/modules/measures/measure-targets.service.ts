/** Setting and revising a measure's targets, and reading the targets that applied on a date. */
import { targetAt } from '../../kernel/measurement/target-history.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/measures.repository.ts';
import { checkTarget, checkTargetFigures, type TargetInput, type TargetRevisionInput } from './domain/targets.ts';
import { auditMeasure as audit, editableMeasure as editable, visibleMeasure as visible } from './measure-access.ts';

export type MeasureTarget = repo.TargetWithSetter;

export function createMeasureTargetsService({ db, clock }: ServiceDeps) {
  const today = () => clock.today();

  return {
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
