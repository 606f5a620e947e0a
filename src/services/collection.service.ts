import { allowsAt } from '../domain/access/index.ts';
import { availableValueActions, isLocked, nextValueStatus, type ValueActor, type ValueStatus } from '../domain/collection/workflow.ts';
import type { ValueEntryInput, ValueTransitionInput } from '../domain/collection/value-entry.ts';
import { targetForPeriod } from '../domain/measures/target-history.ts';
import { checkMeasureValue } from '../domain/measures/values.ts';
import type { Frequency } from '../domain/measures/vocabulary.ts';
import { calculateRag, formatValue, periodLabel } from '../domain/performance/index.ts';
import { ok, type Result } from '../domain/result.ts';
import { recordAudit } from '../data/audit.ts';
import type { Db } from '../data/db.ts';
import * as valuesRepo from '../data/repositories/measure-values.repository.ts';
import * as measuresRepo from '../data/repositories/measures.repository.ts';
import { unitAncestry } from '../data/repositories/units.repository.ts';
import { inTransaction } from '../data/transaction.ts';
import { actorOf, type Caller } from './context.ts';
import { notFound, refuse } from './errors.ts';
import type { ServiceDeps } from './index.ts';
import { createPerformanceStatusService } from './performance-status.service.ts';

type MeasureRow = NonNullable<Awaited<ReturnType<typeof measuresRepo.findMeasure>>>;

const snapshot = (row: Partial<valuesRepo.ValueRow> | undefined) =>
  row
    ? {
        value: row.value ?? null,
        numerator: row.numerator ?? null,
        denominator: row.denominator ?? null,
        commentary: row.commentary ?? '',
        quality: row.quality ?? 'final',
        evidenceUrl: row.evidenceUrl ?? '',
      }
    : null;

/**
 * The data point's journey: entered (page, grid, API or import) → checked by the domain → stored
 * with its workflow event, audit row and recomputed status, all in one transaction.
 */
export function createCollectionService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const performance = createPerformanceStatusService(deps);

  async function actorFor(tx: Db, caller: Caller, measure: MeasureRow): Promise<ValueActor> {
    const ancestry = measure.ownerUnitId ? await unitAncestry(tx, caller.organisationId, measure.ownerUnitId) : [];
    const assignees = await measuresRepo.listAssignees(tx, caller.organisationId, measure.id);
    const isOwner = measure.ownerPersonId === caller.personId;
    const isAssignee = assignees.some((assignee) => assignee.personId === caller.personId);
    return {
      canEnter: isOwner || isAssignee || allowsAt(caller, 'enter:values', ancestry),
      canVerify: measure.verifierPersonId === caller.personId || allowsAt(caller, 'verify:values', ancestry),
      canApprove: allowsAt(caller, 'approve:values', ancestry),
      canReopen: allowsAt(caller, 'reopen:periods', ancestry),
    };
  }

  /** Off-target values need commentary before they are submitted ("explain the red"). */
  async function offTargetReason(tx: Db, caller: Caller, measure: MeasureRow, period: Parameters<typeof periodLabel>[0], value: number | null) {
    if (value === null) return null;
    const versions = await measuresRepo.listTargets(tx, caller.organisationId, measure.id);
    const applied = targetForPeriod(versions, period);
    if (!applied) return null;
    const rag = calculateRag({
      value,
      polarity: measure.polarity as Parameters<typeof calculateRag>[0]['polarity'],
      target: applied.target,
      thresholds: measure.ragThresholds,
      format: { unit: measure.unit, decimals: measure.decimalPlaces },
    });
    return rag.status === 'red' || rag.status === 'amber' ? rag.reason : null;
  }

  return {
    /** Enter or change a value (save a draft or submit it). */
    async enter(caller: Caller, measureId: string, input: ValueEntryInput): Promise<Result<valuesRepo.ValueRow>> {
      return inTransaction(db, async (tx) => {
        const measure = await measuresRepo.findMeasure(tx, caller.organisationId, measureId);
        if (!measure) return notFound('Measure');
        const checked = checkMeasureValue(
          { ...measure, frequency: measure.frequency as Frequency, aggregation: measure.aggregation as 'sum' },
          input,
        );
        if (!checked.ok) {
          const first = checked.error[0]!;
          return refuse(first.code, checked.error.map((error) => error.message).join('. '), first.field);
        }
        const { periodKey, period } = checked.value;
        const actor = await actorFor(tx, caller, measure);
        const existing = await valuesRepo.findValue(tx, caller.organisationId, measureId, periodKey, input.breakdownId);
        const lock = await valuesRepo.openLock(tx, caller.organisationId, measureId, periodKey);
        if (lock || isLocked((existing?.status ?? null) as ValueStatus | null)) {
          return refuse(
            'invalid_state',
            `${periodLabel(period)} is locked after approval. A performance officer can reopen it, giving a reason.`,
          );
        }
        const next = nextValueStatus((existing?.status ?? null) as ValueStatus | null, input.action, actor, '');
        if (!next.ok) return next;
        if (existing && input.rowVersion !== undefined && existing.rowVersion !== input.rowVersion) {
          const show = (value: number | null) => (value === null ? 'no value' : formatValue(value, measure.unit, measure.decimalPlaces));
          const theirs = show(existing.value);
          const yours = show(checked.value.value);
          return refuse(
            'conflict',
            `Someone else saved ${periodLabel(period)} after you opened it: the stored value is ${theirs} (“${existing.commentary}”), yours is ${yours}. Nothing was saved; check both and save again.`,
            'value',
          );
        }
        if (input.action === 'submit' && input.commentary.trim() === '') {
          const reason = await offTargetReason(tx, caller, measure, period, checked.value.value);
          if (reason) return refuse('invalid', `Add commentary explaining the performance: ${reason}`, 'commentary');
        }
        const fields = {
          value: checked.value.value,
          numerator: checked.value.numerator,
          denominator: checked.value.denominator,
          commentary: input.commentary,
          quality: input.quality,
          evidenceUrl: input.evidenceUrl,
          status: next.value,
          updatedBy: caller.personId,
        };
        const saved = existing
          ? await valuesRepo.updateValue(tx, caller.organisationId, existing.id, existing.rowVersion, fields)
          : await valuesRepo.insertValue(tx, {
              organisationId: caller.organisationId,
              measureId,
              periodKey,
              breakdownId: input.breakdownId,
              enteredBy: caller.personId,
              ...fields,
            });
        if (!saved) return refuse('conflict', 'Someone else saved this value at the same moment. Nothing was saved; try again.');
        const action = existing ? (input.action === 'submit' ? 'submit' : 'edit') : input.action === 'submit' ? 'submit' : 'create';
        await valuesRepo.insertValueEvent(tx, {
          organisationId: caller.organisationId,
          valueId: saved.id,
          measureId,
          periodKey,
          breakdownId: input.breakdownId,
          action,
          fromStatus: existing?.status ?? null,
          toStatus: next.value,
          oldValue: snapshot(existing),
          newValue: snapshot(saved),
          actorPersonId: caller.personId,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'measure-value',
          entityId: saved.id,
          action,
          oldValue: existing ? { status: existing.status, ...snapshot(existing) } : undefined,
          newValue: { periodKey, status: saved.status, ...snapshot(saved) },
        });
        await performance.recompute(tx, caller.organisationId, [measureId], { fromPeriodKey: periodKey });
        return ok(saved);
      });
    },

    /** Verify, return, approve, publish or reopen a stored value. */
    async transition(caller: Caller, valueId: string, input: ValueTransitionInput): Promise<Result<valuesRepo.ValueRow>> {
      return inTransaction(db, async (tx) => {
        const existing = await valuesRepo.findValueById(tx, caller.organisationId, valueId);
        if (!existing) return notFound('Value');
        const measure = await measuresRepo.findMeasure(tx, caller.organisationId, existing.measureId);
        if (!measure) return notFound('Measure');
        const actor = await actorFor(tx, caller, measure);
        const next = nextValueStatus(existing.status as ValueStatus, input.action, actor, input.reason);
        if (!next.ok) return next;
        const saved = await valuesRepo.updateValue(tx, caller.organisationId, existing.id, existing.rowVersion, {
          status: next.value,
          updatedBy: caller.personId,
        });
        if (!saved) return refuse('conflict', 'Someone else changed this value at the same moment; try again.');
        if (input.action === 'approve') {
          await valuesRepo.lockPeriod(tx, {
            organisationId: caller.organisationId,
            measureId: existing.measureId,
            periodKey: existing.periodKey,
            lockedBy: caller.personId,
          });
        }
        if (input.action === 'reopen') {
          await valuesRepo.reopenLocks(tx, caller.organisationId, existing.measureId, existing.periodKey, caller.personId, input.reason);
        }
        await valuesRepo.insertValueEvent(tx, {
          organisationId: caller.organisationId,
          valueId: existing.id,
          measureId: existing.measureId,
          periodKey: existing.periodKey,
          breakdownId: existing.breakdownId,
          action: input.action,
          fromStatus: existing.status,
          toStatus: next.value,
          actorPersonId: caller.personId,
          reason: input.reason,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'measure-value',
          entityId: existing.id,
          action: input.action,
          oldValue: { status: existing.status },
          newValue: { status: next.value },
          reason: input.reason,
        });
        return ok(saved);
      });
    },

    /** The value, its history and what this person may do with it. */
    async valueDetail(caller: Caller, measureId: string, periodKey: string, breakdownId: string | null = null) {
      const measure = await measuresRepo.findMeasure(db, caller.organisationId, measureId);
      if (!measure) return notFound('Measure');
      const value = await valuesRepo.findValue(db, caller.organisationId, measureId, periodKey, breakdownId);
      const actor = await actorFor(db, caller, measure);
      const events = (await valuesRepo.valueEvents(db, caller.organisationId, measureId)).filter(
        (event) => event.periodKey === periodKey && event.breakdownId === breakdownId,
      );
      return ok({ measure, value: value ?? null, actor, actions: availableValueActions((value?.status ?? null) as ValueStatus | null, actor), events });
    },

    history(caller: Caller, measureId: string) {
      return valuesRepo.valueEvents(db, caller.organisationId, measureId);
    },

    now: clock,
  };
}
