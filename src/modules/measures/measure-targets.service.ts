/** Setting and revising a measure's targets, and reading the targets that applied on a date. */
import { targetAt } from '../../kernel/measurement/target-history.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { Db } from '../../platform/db/db.ts';
import type { TargetPorts } from './ports.ts';
import { targetWarnings, type TargetWarning } from './target-warnings.ts';
import * as repo from './data/measures.repository.ts';
import { checkTarget, checkTargetFigures, type TargetInput, type TargetRevisionInput } from './domain/targets.ts';
import { auditMeasure as audit, editableMeasure as editable, visibleMeasure as visible } from './measure-access.ts';

export type MeasureTarget = repo.TargetWithSetter;

/** The audit row keeps the codes of the warnings a target was accepted with (none: nothing added). */
const warningCodes = (warnings: readonly TargetWarning[]) =>
  warnings.length ? { warnings: warnings.map((w) => w.code) } : {};

/** A target as stored, with the warnings it was accepted with (see target-warnings.ts). */
export type TargetSet = repo.TargetRow & { warnings: TargetWarning[] };

export function createMeasureTargetsService({
  db,
  clock,
  processLimits,
  closedPeriods,
  statuses,
}: ServiceDeps & TargetPorts) {
  const today = () => clock.today();

  /**
   * A whole-measure target checked against the latest process limits of the measure's official
   * figures; a breakdown category's target is not, as the limits are the whole measure's.
   */
  async function warningsFor(
    tx: Db,
    caller: Caller,
    measure: repo.MeasureRow,
    target: { breakdownId: string | null; value: number | null; lower: number | null; upper: number | null },
  ): Promise<TargetWarning[]> {
    if (target.breakdownId !== null) return [];
    const limits = await processLimits.latestProcessLimits(tx, caller.organisationId, [measure.id], today());
    return targetWarnings(measure, target, limits.get(measure.id));
  }

  /** A profiled target (one for a period) cannot change once the council has closed its period. */
  async function closedRefusal(tx: Db, caller: Caller, periodKey: string | null): Promise<Result<never> | null> {
    if (periodKey === null) return null;
    const refusal = await closedPeriods.refusalFor(tx, caller.organisationId, periodKey);
    return refusal ? refuse('invalid_state', refusal, 'periodKey') : null;
  }

  return {
    async setTarget(caller: Caller, id: string, input: TargetInput): Promise<Result<TargetSet>> {
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
        const closed = await closedRefusal(tx, caller, target.periodKey);
        if (closed) return closed;
        if (target.breakdownId) {
          const breakdowns = await repo.listBreakdowns(tx, caller.organisationId, id);
          if (!breakdowns.some((b) => b.id === target.breakdownId)) {
            return refuse('invalid', phraseText('targetRefusals.categoryOfMeasure'), 'breakdownId');
          }
        }
        const current = await repo.findCurrentTargetInSlot(tx, caller.organisationId, { measureId: id, ...target });
        if (current) {
          return refuse(
            'duplicate',
            phraseText('targetRefusals.alreadySet', {
              code: measure.code,
              slot: target.periodKey ?? target.financialYear,
            }),
            'financialYear',
          );
        }
        const warnings = await warningsFor(tx, caller, measure, target);
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
          newValue: { measureId: id, ...target, ...warningCodes(warnings) },
          reason: input.reason,
        });
        // Stored statuses are the measure's as a whole: a breakdown category's target leaves them.
        if (target.breakdownId === null) await statuses.recompute(tx, caller.organisationId, [id]);
        return ok({ ...row, warnings });
      }).catch(onUniqueViolation(() => refuse('conflict', phraseText('targetRefusals.setAtOnce'))));
    },

    async reviseTarget(
      caller: Caller,
      id: string,
      targetId: string,
      input: TargetRevisionInput,
    ): Promise<Result<TargetSet>> {
      return inTransaction(db, async (tx) => {
        const loaded = await editable(tx, caller, id, { allowRetired: true });
        if (!loaded.ok) return loaded;
        const measure = loaded.value;
        if (measure.status === 'retired')
          return refuse('invalid_state', phraseText('targetRefusals.retiredTargets', { code: measure.code }));
        const old = await repo.findTarget(tx, caller.organisationId, id, targetId);
        if (!old) return notFound('target');
        const closed = await closedRefusal(tx, caller, old.periodKey);
        if (closed) return closed;
        if (old.supersededAt !== null) {
          return refuse('conflict', phraseText('targetRefusals.alreadyRevised'));
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
          return refuse('conflict', phraseText('targetRefusals.alreadyRevised'));
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
        const warnings = await warningsFor(tx, caller, measure, row);
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
          newValue: {
            measureId: id,
            value: row.value,
            lower: row.lower,
            upper: row.upper,
            effectiveFrom,
            ...warningCodes(warnings),
          },
          reason: input.reason,
        });
        if (old.breakdownId === null) await statuses.recompute(tx, caller.organisationId, [id]);
        return ok({ ...row, warnings });
      });
    },

    /** The targets (one per slot) that applied on a date, as a report of that date shows them. */
    async targetsOn(caller: Caller, id: string, on: string, knownAt?: Date): Promise<Result<MeasureTarget[]>> {
      const measure = await visible(db, caller, id);
      if (!measure) return notFound('measure');
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
