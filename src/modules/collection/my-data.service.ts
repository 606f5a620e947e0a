import { collectionState, dueDate, type CollectionRule, type CollectionState } from './domain/due-dates.ts';
import type { Frequency } from '../../kernel/measurement/vocabulary.ts';
import {
  parsePeriodKey,
  periodKey as keyOf,
  periodLabel,
  previousPeriod,
  type Period,
} from '../../kernel/measurement/index.ts';
import { currentReportingPeriod } from '../../kernel/measurement/periods.ts';
import * as collectionRepo from './data/collection.repository.ts';
import type { measuresRepository as measuresRepo } from '../measures/index.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { Caller } from '../../platform/services/caller.ts';

type MeasureRow = NonNullable<Awaited<ReturnType<typeof measuresRepo.findMeasure>>>;

const RECENT_PERIODS = 3;

/** The latest `count` periods of the frequency that have ended by today, newest first. */
export function recentPeriods(frequency: Frequency, todayIso: string, count: number): Period[] {
  const periods: Period[] = [];
  let period = currentReportingPeriod(frequency, todayIso);
  for (let i = 0; i < count; i++) {
    periods.push(period);
    period = previousPeriod(period);
  }
  return periods;
}

/** The organisation's rule with the measure's own due-days override. */
export function ruleFor(rule: CollectionRule, measure: { dueWorkingDays: number | null }): CollectionRule {
  return measure.dueWorkingDays === null ? rule : { ...rule, workingDaysAfterPeriodEnd: measure.dueWorkingDays };
}

export interface MyDataRow {
  measureId: string;
  code: string;
  title: string;
  unit: string;
  decimalPlaces: number;
  periodKey: string;
  periodLabel: string;
  dueDate: string;
  state: CollectionState | 'returned';
  value: collectionRepo.ValueRow | null;
}

export interface MyData {
  today: string;
  measureCount: number;
  overdue: MyDataRow[];
  due: MyDataRow[];
  returned: (MyDataRow & { reason: string; returnedAt: Date })[];
  submitted: MyDataRow[];
}

function rowOf(
  measure: MeasureRow,
  period: Period,
  value: collectionRepo.ValueRow | null,
  state: MyDataRow['state'],
  due: string,
): MyDataRow {
  return {
    measureId: measure.id,
    code: measure.code,
    title: measure.title,
    unit: measure.unit,
    decimalPlaces: measure.decimalPlaces,
    periodKey: keyOf(period),
    periodLabel: periodLabel(period),
    dueDate: due,
    state,
    value,
  };
}

/** "My data": what a person has to enter, what was returned to them and what they sent. */
export function createMyDataService({ db, clock }: Pick<ServiceDeps, 'db' | 'clock'>) {
  return {
    /**
     * "My data": the measures the person owns or enters data for, with the recent periods that
     * are due or overdue, values returned to them (with the reason) and what they recently submitted.
     */
    async myData(caller: Caller): Promise<MyData> {
      const org = caller.organisationId;
      const today = clock.today();
      const measures = await collectionRepo.measuresForPerson(db, org, caller.personId);
      const rule = await collectionRepo.collectionRuleFor(db, org);
      const slots = measures.flatMap((measure) =>
        recentPeriods(measure.frequency, today, RECENT_PERIODS).map((period) => ({
          measure,
          period,
          key: keyOf(period),
        })),
      );
      const ids = measures.map((measure) => measure.id);
      const stored = await collectionRepo.valuesFor(db, org, ids, [...new Set(slots.map((slot) => slot.key))]);
      const byKey = new Map(stored.map((row) => [`${row.measureId}|${row.periodKey}`, row]));
      const toDo: MyDataRow[] = [];
      for (const slot of slots) {
        const value = byKey.get(`${slot.measure.id}|${slot.key}`) ?? null;
        const entered = value !== null && value.status !== 'draft' && value.status !== 'returned';
        if (value?.status === 'returned') continue; // listed with its reason below
        const measureRule = ruleFor(rule, slot.measure);
        const state = collectionState(slot.period, today, entered, measureRule);
        if (state !== 'due' && state !== 'overdue') continue;
        toDo.push(rowOf(slot.measure, slot.period, value, state, dueDate(slot.period, measureRule)));
      }
      const returnedValues = await collectionRepo.valuesInStatus(db, org, ids, ['returned']);
      const reasons = await collectionRepo.latestEvents(
        db,
        org,
        returnedValues.map((value) => value.id),
        'return',
      );
      const measureById = new Map(measures.map((measure) => [measure.id, measure]));
      const returned = returnedValues.flatMap((value) => {
        const measure = measureById.get(value.measureId);
        const period = parsePeriodKey(value.periodKey);
        if (!measure || !period.ok || value.breakdownId !== null) return [];
        const reason = reasons.find((event) => event.valueId === value.id);
        return [
          {
            ...rowOf(measure, period.value, value, 'returned', dueDate(period.value, ruleFor(rule, measure))),
            reason: reason?.reason ?? '',
            returnedAt: reason?.at ?? value.updatedAt,
          },
        ];
      });
      const submittedValues = await collectionRepo.valuesInStatus(
        db,
        org,
        ids,
        ['submitted', 'verified', 'approved', 'published'],
        10,
      );
      const submitted = submittedValues.flatMap((value) => {
        const measure = measureById.get(value.measureId);
        const period = parsePeriodKey(value.periodKey);
        if (!measure || !period.ok || value.breakdownId !== null) return [];
        return [rowOf(measure, period.value, value, 'entered', dueDate(period.value, ruleFor(rule, measure)))];
      });
      toDo.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.code.localeCompare(b.code));
      return {
        today,
        measureCount: measures.length,
        overdue: toDo.filter((row) => row.state === 'overdue'),
        due: toDo.filter((row) => row.state === 'due'),
        returned,
        submitted,
      };
    },
  };
}
