import { eq } from 'drizzle-orm';
import { bumpDataVersion } from '../../platform/data-version/data-version.ts';
import {
  comparePeriods,
  parsePeriodKey,
  type Period,
  periodKey,
  periodStart,
  periodsBetween,
  summariseMeasureStatus,
  type MeasureDefinition,
  type MeasurePoint,
  type MeasureStatus,
  type ChangeTolerance,
} from './domain/index.ts';
import { dueDate, DEFAULT_COLLECTION_RULE } from '../collection/domain/index.ts';
import { buildMeasureDefinition, buildTargetPlan, type StoredMeasure } from './domain/engine-input.ts';
import type { TargetVersion } from '../../kernel/measurement/target-history.ts';
import type { Db } from '../../platform/db/db.ts';
import type { StatusInsert } from './data/measure-status.repository.ts';
import { storePhrase } from '../../kernel/phrase.ts';
import {
  loadStatusHistory,
  statusMeasures,
  statusUpsert,
  upsertStatuses,
  type RebaseRow,
  type StatusHistory,
  type StatusMeasureRow,
  type ValueRow,
} from './data/status-history.repository.ts';
import { collectionRules } from '../measures/index.ts';
import { loadForecastChoices, saveForecastChoices } from './data/forecast-choices.repository.ts';
import { emptyChoiceStore, memoryFor, type ChoiceStore } from './forecast-choices.ts';
import { loadRatingSettings } from './data/settings.repository.ts';
import { currentReportingPeriod } from '../../kernel/measurement/periods.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { londonDateOf } from '../../platform/clock.ts';

export interface RecomputeOptions {
  /** Recompute from this period to the current one; omitted: the current period only. */
  fromPeriodKey?: string;
  /** Measures per round trip (default RECOMPUTE_CHUNK); the result does not depend on it. */
  chunkSize?: number;
}

/** Measures per chunk of a recompute: small enough to overlap reading and computing, large enough to keep round trips few. */
const RECOMPUTE_CHUNK = 500;

/** Period keys repeat across thousands of measures: parse each once (periods are never mutated). */
const PARSED = new Map<string, Period | null>();
function parsedKey(key: string): Period | null {
  let period = PARSED.get(key);
  if (period === undefined) {
    const parsed = parsePeriodKey(key);
    period = parsed.ok ? parsed.value : null;
    if (PARSED.size > 50_000) PARSED.clear();
    PARSED.set(key, period);
  }
  return period;
}

function storedMeasure(row: StatusMeasureRow): StoredMeasure {
  return {
    frequency: row.frequency,
    polarity: row.polarity,
    aggregation: row.aggregation,
    unit: row.unit,
    decimalPlaces: row.decimalPlaces,
    ragThresholds: row.ragThresholds,
    spcSettings: row.spcSettings,
    minValue: row.minValue,
    maxValue: row.maxValue,
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
    // The reason as a phrase (JSON); pages and the API say it with the catalogue (sayStored).
    ragReason: storePhrase(status.rag.reason),
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
 * One measure's stored rows as the engine's input: its definition (with the targets of every year
 * it has data for, and of the current one) and its points. Shared by the stored statuses and the
 * measure's performance page, so both read the same figures.
 */
export function engineInputFor(
  measure: StatusMeasureRow,
  values: readonly ValueRow[],
  targets: readonly TargetVersion[],
  rebases: readonly RebaseRow[],
  current: Period,
  options: { years?: readonly number[] } = {},
): { stored: StoredMeasure; points: MeasurePoint[]; definition: MeasureDefinition } {
  const stored = storedMeasure(measure);
  const points: MeasurePoint[] = [];
  for (const value of values) {
    const parsed = parsedKey(value.periodKey);
    if (parsed && parsed.frequency === stored.frequency) {
      points.push({ period: parsed, value: value.value, numerator: value.numerator, denominator: value.denominator });
    }
  }
  // The engine reads targets only for the years of the periods it rates (RAG, year to date, year
  // end, assurance); the page's data table wants every year with data.
  const years = options.years ?? [...new Set([...points.map((p) => p.period.fyStartYear), current.fyStartYear])];
  const yearKeys = new Set(years.map((year) => periodKey({ frequency: 'annual', fyStartYear: year, index: 1 })));
  const targetPlan = buildTargetPlan(
    targets.filter((t) => (t.kind !== 'annual' && t.kind !== 'profile' ? true : yearKeys.has(t.financialYear))),
    years,
    stored,
  );
  const spcRebases = rebases.flatMap((rebase) => {
    const parsed = parsePeriodKey(rebase.periodKey);
    return parsed.ok ? [{ date: periodStart(parsed.value), reason: rebase.reason }] : [];
  });
  return { stored, points, definition: buildMeasureDefinition(stored, targetPlan, spcRebases) };
}

/**
 * Computes engine statuses for the given measures and periods (pure work on loaded history).
 * Exported for the benchmark, which times the computation apart from the database.
 */
export function computeStatuses(
  organisationId: string,
  history: StatusHistory,
  /** The instant rated at: its London date decides the current period and what is overdue. */
  now: Date,
  workingDays: number,
  options: RecomputeOptions = {},
  /** The council's direction-of-travel tolerance (none when absent). */
  directionTolerance?: ChangeTolerance,
  /** Remembered forecast choices (read, and added to); without one every forecast chooses afresh. */
  choices?: ChoiceStore,
): StatusInsert[] {
  // The London date: between midnight and 1 am in summer the UTC date is still yesterday.
  const todayIso = londonDateOf(now);
  const currentByFrequency = new Map<string, Period>();
  const dueDates = new Map<string, string>();
  const from = options.fromPeriodKey ? parsedKey(options.fromPeriodKey) : null;
  const rows: StatusInsert[] = [];
  for (const measure of history.measures) {
    let current = currentByFrequency.get(measure.frequency);
    if (!current) {
      current = currentReportingPeriod(measure.frequency, todayIso);
      currentByFrequency.set(measure.frequency, current);
    }
    const periods =
      from && from.frequency === measure.frequency && comparePeriods(from, current) <= 0
        ? periodsBetween(from, current)
        : [current];
    const { points, definition } = engineInputFor(
      measure,
      history.values.get(measure.id) ?? [],
      history.targets.get(measure.id) ?? [],
      history.rebases.get(measure.id) ?? [],
      current,
      { years: [...new Set(periods.map((period) => period.fyStartYear))] },
    );
    const rated = directionTolerance ? { ...definition, directionTolerance } : definition;
    const due = measure.dueWorkingDays ?? workingDays;
    for (const period of periods) {
      const dueKey = `${periodKey(period)}|${due}`;
      let dueOn = dueDates.get(dueKey);
      if (dueOn === undefined) {
        dueOn = dueDate(period, { ...DEFAULT_COLLECTION_RULE, workingDaysAfterPeriodEnd: due });
        dueDates.set(dueKey, dueOn);
      }
      const status = summariseMeasureStatus({
        measure: rated,
        points,
        period,
        asOf: todayIso,
        dueDate: dueOn,
        forecastChoices: choices ? memoryFor(choices, measure.id, periodKey(period)) : undefined,
      });
      rows.push(toStatusRow(organisationId, measure.id, status, now));
    }
  }
  return rows;
}

/**
 * The financial years (keys) whose targets a recompute needs: those of every frequency's current
 * reporting period and, from `fromPeriodKey`, every year since. The engine reads no older target.
 */
function yearsRated(todayIso: string, options: RecomputeOptions): string[] {
  const starts = (['monthly', 'quarterly', 'half-yearly', 'annual'] as const).map(
    (frequency) => currentReportingPeriod(frequency, todayIso).fyStartYear,
  );
  const from = options.fromPeriodKey ? parsedKey(options.fromPeriodKey) : null;
  const last = Math.max(...starts);
  const first = Math.min(...starts, from ? from.fyStartYear : last);
  const years: string[] = [];
  for (let year = first; year <= last; year++)
    years.push(periodKey({ frequency: 'annual', fyStartYear: year, index: 1 }));
  return years;
}

/**
 * Stored statuses: computed when a value, target or setting changes (incrementally, for the
 * measures and periods affected) and read by dashboards and reports, which never recompute.
 */
export function createPerformanceStatusService({ clock }: ServiceDeps) {
  async function workingDaysFor(tx: Db, organisationId: string): Promise<number> {
    const [rule] = await tx.select().from(collectionRules).where(eq(collectionRules.organisationId, organisationId));
    return rule?.workingDaysAfterPeriodEnd ?? DEFAULT_COLLECTION_RULE.workingDaysAfterPeriodEnd;
  }

  return {
    /**
     * Call inside the transaction that changed the data, so value and status agree. Measures are
     * taken a chunk at a time: while one chunk is computed, the database reads the next, and the
     * computed rows are written while the following chunks are computed.
     */
    async recompute(
      tx: Db,
      organisationId: string,
      measureIds: readonly string[] | 'all',
      options: RecomputeOptions = {},
    ): Promise<number> {
      const now = clock();
      const workingDays = await workingDaysFor(tx, organisationId);
      // Read through tx, so a tolerance saved in the same transaction is the one applied.
      const { tolerance, officialFrom } = await loadRatingSettings(tx, organisationId);
      const measures = await statusMeasures(tx, organisationId, measureIds);
      // The choices the back-test made on earlier runs: reused while their inputs are unchanged.
      const choices = emptyChoiceStore(await loadForecastChoices(tx, organisationId, measureIds));
      const years = yearsRated(londonDateOf(now), options);
      const chunks: StatusMeasureRow[][] = [];
      const size = Math.max(1, options.chunkSize ?? RECOMPUTE_CHUNK);
      for (let start = 0; start < measures.length; start += size) chunks.push(measures.slice(start, start + size));
      // One statement in flight at a time (a transaction has one connection): each round trip
      // writes the chunk computed last and reads the next one, and runs while this one computes.
      const load = (chunk: StatusMeasureRow[] | undefined, write: StatusInsert[] | null) => {
        if (!chunk) return null;
        const loading = loadStatusHistory(
          tx,
          organisationId,
          chunk,
          years,
          write ? { alsoWrite: statusUpsert(write), officialFrom } : { officialFrom },
        );
        loading.catch(() => {}); // awaited below; this only stops a failure counting as unhandled meanwhile
        return loading;
      };
      let next = load(chunks[0], null);
      let unwritten: StatusInsert[] | null = null;
      let count = 0;
      let writtenUncompared = false;
      try {
        for (let i = 0; next; i++) {
          const history = await next;
          next = load(chunks[i + 1], unwritten);
          if (next) {
            // Written beside the next read, where the database cannot say what changed.
            if (unwritten) writtenUncompared = true;
            unwritten = null;
            // Let the round trip reach the database before this chunk occupies the thread.
            await new Promise((resolve) => setImmediate(resolve));
          }
          const rows = computeStatuses(organisationId, history, now, workingDays, options, tolerance, choices);
          count += rows.length;
          unwritten = unwritten ? [...unwritten, ...rows] : rows;
        }
      } finally {
        // Nothing may still be running on the connection when the caller commits or rolls back.
        await next?.catch(() => {});
      }
      const changed = unwritten ? await upsertStatuses(tx, unwritten) : 0;
      await saveForecastChoices(tx, organisationId, choices.fresh, now);
      // Stored statuses are what dashboards show, and a recalculation writes no audit row of its
      // own: it moves the council's data version on itself, whoever called it (the scheduled job,
      // a sign-off, an import, the demo loader), so no kept dashboard outlives the rows it read.
      // Only when a status shows something new, though: a figure saved, submitted or returned
      // that is not official leaves every status as it was, and data entry's audit rows do not
      // move the version either (migration 0039), so kept dashboards survive data entry. A large
      // recalculation, written chunk by chunk uncompared, always moves it.
      if (changed > 0 || writtenUncompared) await bumpDataVersion(tx, organisationId);
      return count;
    },

    periodKeyOf: periodKey,
  };
}

export type PerformanceStatusService = ReturnType<typeof createPerformanceStatusService>;
