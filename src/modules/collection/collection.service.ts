import { isLocked, nextValueStatus, type WorkflowError } from './domain/workflow.ts';
import { implausibility, implausibleRefusal, periodNotEnded, PLAUSIBILITY_HISTORY } from './entry-checks.ts';
import type { ValueEntryInput, ValueTransitionInput } from './domain/value-entry.ts';
import { targetVersionForPeriod, type TargetVersion } from '../../kernel/measurement/target-history.ts';
import { checkMeasureValue } from '../measures/domain/index.ts';
import type { Frequency } from '../../kernel/measurement/vocabulary.ts';
import {
  assessRag,
  parsePeriodKey,
  periodKey as keyOf,
  periodLabel,
  type Period,
} from '../../kernel/measurement/index.ts';
import type { Target } from '../../kernel/measurement/types.ts';
import { listPhrase, phraseText, readStoredPhrase, storePhrase } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import * as collectionRepo from './data/collection.repository.ts';
import * as valuesRepo from './data/measure-values.repository.ts';
import { conflictMessage } from './value-conflict.ts';
import { measuresRepository as measuresRepo } from '../measures/index.ts';
import { unitAncestryIn, unitDescendants } from '../organisation/index.ts';
import { inTransactionRetryingDeadlocks } from '../../platform/db/transaction.ts';
import { refuseIfPeriodClosed } from './period-closure-check.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { StatusRecalculation } from './ports.ts';
import { createMyDataService, recentPeriods } from './my-data.service.ts';
import { namingTheRule } from './sign-off-steps.ts';
import { signOffSettingsFor } from './data/sign-off.repository.ts';
import { createValueDetailService } from './value-detail.service.ts';
import { actorFor, mayEnter, withDuties } from './value-actor.ts';

export { recentPeriods, ruleFor, type MyData, type MyDataRow } from './my-data.service.ts';
export type { EarlierValue, ValueDetail } from './value-detail.service.ts';

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

export interface UnitGridRow {
  measure: MeasureRow;
  value: collectionRepo.ValueRow | null;
  target: Target | null;
  /** False when the value is locked, already submitted or the person may not enter it. */
  canEnter: boolean;
}

export interface UnitGrid {
  period: Period;
  periodKey: string;
  periodLabel: string;
  frequency: Frequency;
  rows: UnitGridRow[];
}

/**
 * The data point's journey: entered (page, grid, API or import) → checked by the domain → stored
 * with its workflow event, audit row and recomputed status, all in one transaction.
 */
export function createCollectionService(deps: ServiceDeps & { statuses: StatusRecalculation }) {
  const { db, clock } = deps;
  const myData = createMyDataService(deps);
  const valueDetails = createValueDetailService(deps);
  const performance = deps.statuses;

  /** A workflow refusal, with a broken two-pairs-of-eyes rule worded from the catalogue. */
  const refusal = (error: WorkflowError) =>
    error.rule
      ? refuse('forbidden', phraseText(`signOff.${error.rule}`))
      : refuse(error.code, error.message, error.field);

  /** Off-target values need commentary before they are submitted ("explain the red"). */
  async function offTargetReason(
    tx: Db,
    caller: Caller,
    measure: MeasureRow,
    period: Parameters<typeof periodLabel>[0],
    value: number | null,
  ) {
    if (value === null) return null;
    const versions = await measuresRepo.listTargets(tx, caller.organisationId, measure.id);
    const applied = targetVersionForPeriod(versions, period);
    if (!applied) return null;
    const rag = assessRag({
      value,
      polarity: measure.polarity,
      target: applied.target,
      thresholds: measure.ragThresholds,
      format: { unit: measure.unit, decimals: measure.decimalPlaces },
    });
    // The RAG reason is a phrase, said with the refusal that carries it.
    return rag.status === 'red' || rag.status === 'amber' ? rag.reason : null;
  }

  return {
    ...myData,
    ...valueDetails,

    /**
     * Enter or change a value (save a draft or submit it). The audit row is written last: it takes
     * the council's audit-chain lock (decision 0014), and every audited write of the council waits
     * on it until commit, so the status recalculation runs before it rather than inside it (under
     * issue 21's load the writes queued on that lock). Other services take the chain lock first and
     * recalculate after; two writers on one measure can then deadlock, and PostgreSQL ends one:
     * that one is run again (inTransactionRetryingDeadlocks). The same holds for transition.
     */
    async enter(caller: Caller, measureId: string, input: ValueEntryInput): Promise<Result<valuesRepo.ValueRow>> {
      return inTransactionRetryingDeadlocks(db, async (tx) => {
        const measure = await measuresRepo.findMeasure(tx, caller.organisationId, measureId);
        if (!measure) return notFound('measure');
        const checked = checkMeasureValue(
          { ...measure, frequency: measure.frequency, aggregation: measure.aggregation },
          input,
        );
        if (!checked.ok) {
          const first = checked.error[0]!;
          const each = checked.error.map((error) => readStoredPhrase(error.message) ?? error.message);
          const all = listPhrase(each, 'lists.sentences');
          return refuse(first.code, typeof all === 'object' ? storePhrase(all) : String(all), first.field);
        }
        const { periodKey, period } = checked.value;
        const open = await refuseIfPeriodClosed(tx, caller.organisationId, periodKey);
        if (!open.ok) return open;
        const figureField = measure.aggregation === 'ratio' ? 'numerator' : 'value';
        const notEnded = periodNotEnded(period, clock.today(), {
          allowsInPeriodEstimate: measure.allowsInPeriodEstimate,
          quality: input.quality,
        });
        if (notEnded)
          return refuse('invalid', notEnded.message, notEnded.field === 'quality' ? 'quality' : figureField);
        if (input.breakdownId) {
          const breakdowns = await measuresRepo.listBreakdowns(tx, caller.organisationId, measureId);
          if (!breakdowns.some((breakdown) => breakdown.id === input.breakdownId)) {
            return refuse(
              'invalid',
              phraseText('collectionRefusals.categoryOf', { code: measure.code }),
              'breakdownId',
            );
          }
        }
        const actor = await actorFor(tx, caller, measure);
        const existing = await valuesRepo.findValue(tx, caller.organisationId, measureId, periodKey, input.breakdownId);
        const lock = await valuesRepo.openLock(tx, caller.organisationId, measureId, periodKey);
        if (lock || isLocked(existing?.status ?? null)) {
          return refuse(
            'invalid_state',
            phraseText('collectionRefusals.periodLocked', { period: periodLabel(period) }),
          );
        }
        // Never a silent overwrite: changing a stored value needs the version the person started from.
        // Checked before the workflow, so a person whose value was submitted meanwhile sees both versions.
        const started = input.rowVersion ?? (existing ? undefined : 0);
        if (existing && started !== existing.rowVersion) {
          return refuse(
            'conflict',
            conflictMessage(measure, period, existing, checked.value.value, input.commentary, started),
            'value',
          );
        }
        const next = nextValueStatus(existing?.status ?? null, input.action, actor, '');
        if (!next.ok) return refusal(next.error);
        // A figure far from the measure's own history is taken only when confirmed with commentary.
        let checkedNote = '';
        if (checked.value.value !== null && checked.value.value !== existing?.value) {
          const history = await valuesRepo.earlierFigures(
            tx,
            caller.organisationId,
            measureId,
            input.breakdownId,
            periodKey,
            PLAUSIBILITY_HISTORY,
          );
          const doubt = implausibility(checked.value.value, history, measure);
          if (doubt && !(input.confirmImplausible && input.commentary.trim() !== '')) {
            const field = input.confirmImplausible ? 'commentary' : 'confirmImplausible';
            return refuse('implausible', implausibleRefusal(doubt), field);
          }
          // Kept as a stored phrase with the event and the audit row; older rows hold the English.
          if (doubt) checkedNote = phraseText('entryChecks.checkedNote', { doubt });
        }
        if (input.action === 'submit' && input.commentary.trim() === '') {
          const reason = await offTargetReason(tx, caller, measure, period, checked.value.value);
          if (reason)
            return refuse('invalid', phraseText('collectionRefusals.explainPerformance', { reason }), 'commentary');
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
        if (!saved) return refuse('conflict', phraseText('collectionRefusals.savedAtOnce'), 'value');
        const action = existing
          ? input.action === 'submit'
            ? 'submit'
            : 'edit'
          : input.action === 'submit'
            ? 'submit'
            : 'create';
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
          reason: checkedNote,
        });
        // The statuses before the audit row: the audit row takes the council's audit-chain lock,
        // which every audited writer of the council then waits for until this commits (see enter).
        await performance.recompute(tx, caller.organisationId, [measureId], { fromPeriodKey: periodKey });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'measure-value',
          entityId: saved.id,
          action,
          oldValue: existing ? { status: existing.status, ...snapshot(existing) } : undefined,
          newValue: { measureId, periodKey, breakdownId: input.breakdownId, status: saved.status, ...snapshot(saved) },
          reason: checkedNote,
        });
        return ok(saved);
      }).catch((error: unknown) => {
        // Two first entries of the same value at the same moment: the database keeps one.
        if (isUniqueViolation(error)) {
          return refuse('conflict', phraseText('collectionRefusals.enteredAtOnce'), 'value');
        }
        throw error;
      });
    },

    /** Verify, return, approve, publish or reopen a stored value. */
    async transition(
      caller: Caller,
      valueId: string,
      input: ValueTransitionInput,
    ): Promise<Result<valuesRepo.ValueRow>> {
      return inTransactionRetryingDeadlocks(db, async (tx) => {
        const existing = await valuesRepo.findValueById(tx, caller.organisationId, valueId);
        if (!existing) return notFound('value');
        const open = await refuseIfPeriodClosed(tx, caller.organisationId, existing.periodKey);
        if (!open.ok) return open;
        const measure = await measuresRepo.findMeasure(tx, caller.organisationId, existing.measureId);
        if (!measure) return notFound('measure');
        // Read once for the person's step rights and the chain the action is judged by.
        const settings = signOffSettingsFor(tx, caller.organisationId);
        const actor = await withDuties(tx, caller, await actorFor(tx, caller, measure, settings), existing.id);
        const { chain } = await settings;
        const next = nextValueStatus(existing.status, input.action, actor, input.reason, chain);
        if (!next.ok)
          return refusal(await namingTheRule(tx, caller.organisationId, input.action, existing.status, next.error));
        const saved = await valuesRepo.updateValue(tx, caller.organisationId, existing.id, existing.rowVersion, {
          status: next.value,
          updatedBy: caller.personId,
        });
        if (!saved) return refuse('conflict', phraseText('collectionRefusals.changedAtOnce'));
        if (input.action === 'approve') {
          await valuesRepo.lockPeriod(tx, {
            organisationId: caller.organisationId,
            measureId: existing.measureId,
            periodKey: existing.periodKey,
            lockedBy: caller.personId,
          });
        }
        if (input.action === 'reopen') {
          await valuesRepo.reopenLocks(
            tx,
            caller.organisationId,
            existing.measureId,
            existing.periodKey,
            caller.personId,
            input.reason,
          );
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
        // A figure becomes official (or stops being so) at a sign-off step: the statuses follow,
        // before the audit row and the council's chain lock it holds until commit (see enter).
        await performance.recompute(tx, caller.organisationId, [existing.measureId], {
          fromPeriodKey: existing.periodKey,
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

    /**
     * The grid: every active measure of a unit (and the units inside it) for one period of each
     * measure's frequency that contains the chosen date's reporting period, with stored values.
     */
    async unitGrid(caller: Caller, unitId: string, periodKey: string): Promise<Result<UnitGrid>> {
      const org = caller.organisationId;
      const parsed = parsePeriodKey(periodKey);
      if (!parsed.ok) return refuse('invalid', parsed.error.message, 'period');
      const unitIds = await unitDescendants(db, org, unitId);
      if (unitIds.length === 0) return notFound('unit');
      const frequency = parsed.value.frequency;
      const measures = (await collectionRepo.measuresOfUnits(db, org, unitIds)).filter(
        (measure) => measure.frequency === frequency,
      );
      const values = await collectionRepo.valuesFor(
        db,
        org,
        measures.map((measure) => measure.id),
        [periodKey],
      );
      const versions = await collectionRepo.targetsOf(
        db,
        org,
        measures.map((measure) => measure.id),
      );
      const rows: UnitGridRow[] = [];
      // The grid asks only who may enter, with one policy for all its measures (each unit's
      // ancestry read once), not each measure's sign-off rights.
      const access = createAccessPolicy(unitAncestryIn(db));
      for (const measure of measures) {
        const value = values.find((row) => row.measureId === measure.id) ?? null;
        const canEnter = await mayEnter(db, caller, measure, access);
        const applied = targetVersionForPeriod(
          versions.filter((version) => version.measureId === measure.id) as (TargetVersion & { measureId: string })[],
          parsed.value,
        );
        const status = value?.status ?? null;
        rows.push({
          measure,
          value,
          target: applied?.target ?? null,
          canEnter: canEnter && !isLocked(status) && (status === null || status === 'draft' || status === 'returned'),
        });
      }
      return ok({ period: parsed.value, periodKey, periodLabel: periodLabel(parsed.value), frequency, rows });
    },

    /** The reporting periods offered by the grid's chooser: the latest ended ones of each frequency. */
    gridPeriods(): { frequency: Frequency; periods: { key: string; label: string }[] }[] {
      const today = clock.today();
      return (['monthly', 'quarterly', 'half-yearly', 'annual'] as const).map((frequency) => ({
        frequency,
        periods: recentPeriods(frequency, today, 4).map((period) => ({
          key: keyOf(period),
          label: periodLabel(period),
        })),
      }));
    },

    /** Every value event of a measure; another council's measure (or none) is not found. */
    async history(
      caller: Caller,
      measureId: string,
    ): Promise<Result<Awaited<ReturnType<typeof valuesRepo.valueEvents>>>> {
      if (!(await measuresRepo.findMeasure(db, caller.organisationId, measureId))) return notFound('measure');
      return ok(await valuesRepo.valueEvents(db, caller.organisationId, measureId));
    },

    now: clock,
  };
}
