import { and, eq } from 'drizzle-orm';
import {
  comparePeriods,
  type Frequency,
  parsePeriodKey,
  type Period,
  periodContaining,
  periodEnd,
  periodKey,
  periodStart,
  periodsBetween,
  previousPeriod,
  summariseMeasureStatus,
  type MeasureStatus,
} from '../domain/performance/index.ts';
import { dueDate, DEFAULT_COLLECTION_RULE } from '../domain/collection/due-dates.ts';
import { buildMeasureDefinition, buildTargetPlan, type StoredMeasure } from '../domain/measures/engine-input.ts';
import type { Db } from '../data/db.ts';
import { loadMeasureHistory, saveStatuses, type MeasureHistory, type StatusInsert } from '../data/repositories/measure-status.repository.ts';
import { collectionRules, measureStatuses } from '../data/schema/index.ts';
import type { ServiceDeps } from './index.ts';

export interface RecomputeOptions {
  /** Recompute from this period to the current one; omitted: the current period only. */
  fromPeriodKey?: string;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The latest period of the frequency that has ended by `today`: the one being reported on. */
export function currentReportingPeriod(frequency: Frequency, todayIso: string): Period {
  const containing = periodContaining(todayIso, frequency);
  return periodEnd(containing) <= todayIso ? containing : previousPeriod(containing);
}

function storedMeasure(row: MeasureHistory['measures'][number]): StoredMeasure {
  return {
    frequency: row.frequency as Frequency,
    polarity: row.polarity as StoredMeasure['polarity'],
    aggregation: row.aggregation as StoredMeasure['aggregation'],
    unit: row.unit,
    decimalPlaces: row.decimalPlaces,
    ragThresholds: row.ragThresholds,
    spcSettings: row.spcSettings,
  };
}

function toStatusRow(organisationId: string, measureId: string, status: MeasureStatus, computedAt: Date): StatusInsert {
  const target = status.target;
  return {
    organisationId,
    measureId,
    periodKey: status.periodKey,
    breakdownId: null,
    value: status.value,
    targetValue: target?.kind === 'value' ? target.value : null,
    targetLower: target?.kind === 'range' ? target.lower : null,
    targetUpper: target?.kind === 'range' ? target.upper : null,
    rag: status.rag.status,
    ragReason: status.rag.reason,
    directionPrevious: status.direction.previous.direction,
    directionLastYear: status.direction.samePeriodLastYear.direction,
    ytdValue: status.yearToDate.value,
    ytdRag: status.yearToDate.rag.status,
    spcLatestType: status.spc.latestPointType,
    spcVariationIcon: status.spc.variationIcon,
    spcAssurance: status.spc.assuranceIcon,
    forecastOutturn: status.forecast?.outturn ?? null,
    forecastLow: status.forecast?.interval?.lower ?? null,
    forecastHigh: status.forecast?.interval?.upper ?? null,
    forecastProbability: status.forecast?.probabilityOfMeetingTarget ?? null,
    forecastMethod: status.forecast?.method ?? null,
    forecastMape: status.forecast?.backTest.meanAbsolutePercentageError ?? null,
    computedAt,
  };
}

/**
 * Computes engine statuses for the given measures and periods (pure work on loaded history).
 * Exported for the benchmark, which times the computation apart from the database.
 */
export function computeStatuses(
  organisationId: string,
  history: MeasureHistory,
  today: Date,
  workingDays: number,
  options: RecomputeOptions = {},
): StatusInsert[] {
  const todayIso = iso(today);
  const valuesByMeasure = new Map<string, MeasureHistory['values']>();
  for (const value of history.values) {
    const list = valuesByMeasure.get(value.measureId) ?? [];
    list.push(value);
    valuesByMeasure.set(value.measureId, list);
  }
  const targetsByMeasure = new Map<string, MeasureHistory['targets']>();
  for (const target of history.targets) {
    const list = targetsByMeasure.get(target.measureId) ?? [];
    list.push(target);
    targetsByMeasure.set(target.measureId, list);
  }
  const rows: StatusInsert[] = [];
  for (const measure of history.measures) {
    const stored = storedMeasure(measure);
    const points = (valuesByMeasure.get(measure.id) ?? []).flatMap((value) => {
      const parsed = parsePeriodKey(value.periodKey);
      return parsed.ok && parsed.value.frequency === stored.frequency
        ? [{ period: parsed.value, value: value.value, numerator: value.numerator, denominator: value.denominator }]
        : [];
    });
    const current = currentReportingPeriod(stored.frequency, todayIso);
    const from = options.fromPeriodKey ? parsePeriodKey(options.fromPeriodKey) : null;
    const periods =
      from?.ok && from.value.frequency === stored.frequency && comparePeriods(from.value, current) <= 0
        ? periodsBetween(from.value, current)
        : [current];
    const years = [...new Set([...points.map((p) => p.period.fyStartYear), current.fyStartYear])];
    const targetPlan = buildTargetPlan(
      (targetsByMeasure.get(measure.id) ?? []).map((t) => ({ ...t, setAt: t.setAt })),
      years,
      stored,
    );
    const rebases = history.rebases
      .filter((rebase) => rebase.measureId === measure.id)
      .flatMap((rebase) => {
        const parsed = parsePeriodKey(rebase.periodKey);
        return parsed.ok ? [{ date: periodStart(parsed.value), reason: rebase.reason }] : [];
      });
    const definition = buildMeasureDefinition(stored, targetPlan, rebases);
    const due = measure.dueWorkingDays ?? workingDays;
    for (const period of periods) {
      const status = summariseMeasureStatus({
        measure: definition,
        points,
        period,
        asOf: todayIso,
        dueDate: dueDate(period, { ...DEFAULT_COLLECTION_RULE, workingDaysAfterPeriodEnd: due }),
      });
      rows.push(toStatusRow(organisationId, measure.id, status, today));
    }
  }
  return rows;
}

/**
 * Stored statuses: computed when a value, target or setting changes (incrementally, for the
 * measures and periods affected) and read by dashboards and reports, which never recompute.
 */
export function createPerformanceStatusService({ db, clock }: ServiceDeps) {
  async function workingDaysFor(tx: Db, organisationId: string): Promise<number> {
    const [rule] = await tx.select().from(collectionRules).where(eq(collectionRules.organisationId, organisationId));
    return rule?.workingDaysAfterPeriodEnd ?? DEFAULT_COLLECTION_RULE.workingDaysAfterPeriodEnd;
  }

  return {
    /** Call inside the transaction that changed the data, so value and status agree. */
    async recompute(tx: Db, organisationId: string, measureIds: readonly string[] | 'all', options: RecomputeOptions = {}): Promise<number> {
      const history = await loadMeasureHistory(tx, organisationId, measureIds);
      const rows = computeStatuses(organisationId, history, clock(), await workingDaysFor(tx, organisationId), options);
      await saveStatuses(tx, rows);
      return rows.length;
    },

    async statusesForPeriod(organisationId: string, key: string) {
      return db
        .select()
        .from(measureStatuses)
        .where(and(eq(measureStatuses.organisationId, organisationId), eq(measureStatuses.periodKey, key)));
    },

    periodKeyOf: periodKey,
  };
}

export type PerformanceStatusService = ReturnType<typeof createPerformanceStatusService>;
