/**
 * The entry page's reads: one measure and period's value with what is shown beside it, and the id
 * of the value a sign-off form acts on.
 */
import { targetVersionForPeriod } from '../../kernel/measurement/target-history.ts';
import {
  parsePeriodKey,
  periodKey as keyOf,
  periodLabel,
  previousPeriod,
  samePeriodLastYear,
  type Period,
} from '../../kernel/measurement/index.ts';
import type { Target } from '../../kernel/measurement/types.ts';
import { ok, type Result } from '../../kernel/result.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { notFound } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { measuresRepository as measuresRepo } from '../measures/index.ts';
import * as collectionRepo from './data/collection.repository.ts';
import * as valuesRepo from './data/measure-values.repository.ts';
import { dueDate } from './domain/due-dates.ts';
import { availableValueActions, isLocked, type SignOffChain, type ValueActor } from './domain/workflow.ts';
import { ruleFor } from './my-data.service.ts';
import { loadClosedPeriods } from './period-closure-check.ts';
import { actorFor, dutiesTaken } from './value-actor.ts';

type MeasureRow = NonNullable<Awaited<ReturnType<typeof measuresRepo.findMeasure>>>;

export interface ValueDetail {
  measure: MeasureRow;
  period: Period;
  periodKey: string;
  periodLabel: string;
  dueDate: string;
  value: collectionRepo.ValueRow | null;
  actor: ValueActor;
  actions: ReturnType<typeof availableValueActions>;
  chain: SignOffChain;
  locked: boolean;
  /** Why nothing in the period can change (the council closed it), or null while it is open. */
  closed: string | null;
  events: (collectionRepo.ValueEventRow & { actorName: string | null })[];
  target: { target: Target; basis: 'profile' | 'annual' } | null;
  previous: collectionRepo.ValueRow | null;
  previousLabel: string;
  lastYear: collectionRepo.ValueRow | null;
  lastYearLabel: string;
  /** The breakdown category the slot is for ("Ward: North"); null for the whole measure. */
  category: string | null;
  /** The slot's values in the periods before, latest first, shown beside a stored figure (none without one). */
  earlier: EarlierValue[];
}

export interface EarlierValue {
  periodKey: string;
  periodLabel: string;
  value: collectionRepo.ValueRow | null;
}

/** How many earlier periods the verifier's page shows. */
const EARLIER_PERIODS = 6;

/** The periods before this one, latest first. */
function periodsBefore(period: Period, count: number): Period[] {
  const before: Period[] = [];
  for (let cursor = period; before.length < count;) {
    cursor = previousPeriod(cursor);
    before.push(cursor);
  }
  return before;
}

export function createValueDetailService({ db }: Pick<ServiceDeps, 'db'>) {
  return {
    /**
     * The value of one measure and period with what the entry form shows beside it: the target
     * that applies, the previous period's and last year's values, the history of the value and the
     * workflow actions open to this person.
     */
    async valueDetail(
      caller: Caller,
      measureId: string,
      periodKey: string,
      breakdownId: string | null = null,
    ): Promise<Result<ValueDetail>> {
      const measure = await measuresRepo.findMeasure(db, caller.organisationId, measureId);
      if (!measure) return notFound('measure');
      const parsed = parsePeriodKey(periodKey);
      if (!parsed.ok || parsed.value.frequency !== measure.frequency) return notFound('period');
      const period = parsed.value;
      const org = caller.organisationId;
      const previousKey = keyOf(previousPeriod(period));
      const lastYearKey = keyOf(samePeriodLastYear(period));
      const earlierPeriods = periodsBefore(period, EARLIER_PERIODS);
      // The slot's figures in one read: this period's, the previous, last year's and the earlier ones.
      const figureKeys = [...new Set([periodKey, previousKey, lastYearKey, ...earlierPeriods.map(keyOf)])];
      // The rule row read once: the due date, the person's step rights and the chain the page offers actions from.
      const settings = collectionRepo.collectionSettingsFor(db, org);
      const [figures, rights, events, versions, rule, chain, categories] = await Promise.all([
        collectionRepo.valuesFor(db, org, [measureId], figureKeys, breakdownId),
        actorFor(
          db,
          caller,
          measure,
          settings.then((read) => read.signOff),
        ),
        collectionRepo.eventsForSlot(db, org, measureId, periodKey, breakdownId),
        measuresRepo.listTargets(db, org, measureId),
        settings.then((read) => read.rule),
        settings.then((read) => read.signOff.chain),
        breakdownId ? measuresRepo.listBreakdowns(db, org, measureId) : [],
      ]);
      const figureAt = (key: string) => figures.find((row) => row.periodKey === key) ?? null;
      const value = figureAt(periodKey);
      const category = categories.find((row) => row.id === breakdownId);
      if (breakdownId && !category) return notFound('breakdownCategory');
      // The duties the person took on this value, from the slot's events just read (newest first by id).
      const ofValue = events
        .map((row) => row.event)
        .filter((event) => event.valueId === value?.id)
        .sort((a, b) => b.id - a.id);
      const actor = value ? dutiesTaken(caller, rights, valuesRepo.signOffPeopleIn(ofValue)) : rights;
      const applied = targetVersionForPeriod(versions, period, { breakdownId });
      const [lock, closures] = await Promise.all([
        valuesRepo.openLock(db, org, measureId, periodKey),
        loadClosedPeriods(db, org),
      ]);
      const closed = closures.refusalFor(periodKey);
      return ok({
        measure,
        period,
        periodKey,
        periodLabel: periodLabel(period),
        dueDate: dueDate(period, ruleFor(rule, measure)),
        value,
        actor,
        // A closed period offers no action: the page says why instead of refusing on save.
        actions: closed ? [] : availableValueActions(value?.status ?? null, actor, chain),
        chain,
        locked: Boolean(lock) || isLocked(value?.status ?? null),
        closed,
        events: events.map((row) => ({ ...row.event, actorName: row.actorName })),
        target: applied ? { target: applied.target, basis: applied.basis } : null,
        previous: figureAt(previousKey),
        previousLabel: periodLabel(previousPeriod(period)),
        lastYear: figureAt(lastYearKey),
        lastYearLabel: periodLabel(samePeriodLastYear(period)),
        category: category ? `${category.dimension}: ${category.label}` : null,
        earlier: value
          ? earlierPeriods.map((each) => ({
              periodKey: keyOf(each),
              periodLabel: periodLabel(each),
              value: figureAt(keyOf(each)),
            }))
          : [],
      });
    },

    /**
     * The id of the value stored in one measure and period (or breakdown category), for a sign-off
     * form: not found whenever the entry page would be (another council's measure, a period not of
     * its frequency, a category not its own) or when nothing is stored there yet.
     */
    async valueIdAt(
      caller: Caller,
      measureId: string,
      periodKey: string,
      breakdownId: string | null = null,
    ): Promise<Result<string>> {
      const parsed = parsePeriodKey(periodKey);
      if (!parsed.ok) return notFound('period');
      const slot = { measureId, periodKey, frequency: parsed.value.frequency, breakdownId };
      const id = await collectionRepo.valueIdInSlot(db, caller.organisationId, slot);
      return id ? ok(id) : notFound('value');
    },
  };
}
