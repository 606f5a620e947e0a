/**
 * The measures a council-wide view lists, each with its STORED status for its own current period:
 * loaded once per request (the status index) and shown as list entries or roll-up contributors.
 */
import {
  FREQUENCIES,
  formatValue,
  type Period,
  periodKey,
  periodLabel,
  type RagStatus,
  storedTarget,
  type Target,
  type ValueFormat,
} from './domain/index.ts';
import { currentReportingPeriod } from '../../kernel/measurement/periods.ts';
import type { Db } from '../../platform/db/db.ts';
import { ragWord } from '../../platform/words/status-tags.ts';
import { sayStored } from '../../platform/words/index.ts';
import * as repo from './data/performance.repository.ts';
import type { MeasureListEntry, RollupContributor } from './performance-views.types.ts';
import { assuranceWords, directionWords, noStatusYet, variationWords } from './performance-words.ts';

export interface StatusIndex {
  measures: Map<string, repo.MeasureSummaryRow>;
  current: Map<string, repo.StoredStatusRow>;
  periods: Map<string, Period>;
}

/** A value in the measure's own format; null when there is none. */
export function show(value: number | null, format: ValueFormat): string | null {
  return value === null || !Number.isFinite(value) ? null : formatValue(value, format.unit, format.decimals);
}

export function showTarget(target: Target | null, format: ValueFormat): string | null {
  if (!target) return null;
  return target.kind === 'value'
    ? show(target.value, format)
    : `${show(target.lower, format)} to ${show(target.upper, format)}`;
}

/** The current reporting period of every frequency on the given day. */
export function periodsOn(today: string): Map<string, Period> {
  return new Map(FREQUENCIES.map((frequency) => [frequency, currentReportingPeriod(frequency, today)]));
}

/** Measures (every active one, or the given ones) with their stored status for their own current period. */
export async function loadStatusIndex(
  db: Db,
  organisationId: string,
  periods: Map<string, Period>,
  measureIds?: readonly string[],
  options: { lean?: boolean } = {},
): Promise<StatusIndex> {
  const keys = new Map([...periods].map(([frequency, period]) => [frequency, periodKey(period)]));
  const rows = await repo.measuresWithCurrentStatus(db, organisationId, keys, { measureIds, lean: options.lean });
  rows.sort((a, b) => (a.measure.code < b.measure.code ? -1 : a.measure.code > b.measure.code ? 1 : 0));
  const index: StatusIndex = { measures: new Map(), current: new Map(), periods };
  for (const { measure, status } of rows) {
    index.measures.set(measure.id, measure);
    if (status) index.current.set(measure.id, status);
  }
  return index;
}

/** Every active measure (those shared with the partner, for a partner) with its current stored status. */
export async function loadCurrentStatuses(
  db: Db,
  organisationId: string,
  periods: Map<string, Period>,
  partnerId: string | null = null,
  options: { lean?: boolean } = {},
): Promise<StatusIndex> {
  const index = await loadStatusIndex(db, organisationId, periods, undefined, options);
  if (partnerId) {
    const shared = await repo.measureIdsSharedWithPartner(db, organisationId, partnerId);
    for (const id of [...index.measures.keys()]) {
      if (!shared.has(id)) {
        index.measures.delete(id);
        index.current.delete(id);
      }
    }
  }
  return index;
}

/** A measure as it contributes to a roll-up: its stored status and reason. */
export function contributorOfMeasure(index: StatusIndex, measureId: string): RollupContributor | null {
  const measure = index.measures.get(measureId);
  if (!measure) return null;
  const row = index.current.get(measureId);
  const period = index.periods.get(measure.frequency)!;
  const status = (row?.rag ?? 'no-data') as RagStatus;
  return {
    kind: 'measure',
    id: measure.id,
    code: measure.code,
    title: measure.title,
    status,
    statusText: ragWord(status),
    reason: (row && sayStored(row.ragReason)) || noStatusYet(periodLabel(period)),
    key: measure.isKey,
    periodLabel: periodLabel(period),
  };
}

/** A measure as a dashboard list shows it. */
export function entryOf(
  index: StatusIndex,
  measure: repo.MeasureSummaryRow,
  unitName: string | null,
): MeasureListEntry {
  const row = index.current.get(measure.id);
  const period = index.periods.get(measure.frequency)!;
  const format: ValueFormat = { unit: measure.unit, decimals: measure.decimalPlaces };
  const status = (row?.rag ?? 'no-data') as RagStatus;
  return {
    id: measure.id,
    code: measure.code,
    title: measure.title,
    isKey: measure.isKey,
    unitName,
    periodKey: periodKey(period),
    periodLabel: periodLabel(period),
    status,
    statusText: ragWord(status),
    reason: (row && sayStored(row.ragReason)) || noStatusYet(periodLabel(period)),
    value: row ? show(row.value, format) : null,
    target: row ? showTarget(storedTarget(row), format) : null,
    direction: row?.directionPrevious ?? null,
    directionText: directionWords(row?.directionPrevious ?? null),
    variationIcon: row?.spcVariationIcon ?? null,
    variationText: variationWords(row?.spcVariationIcon ?? null),
    assurance: row?.spcAssurance ?? null,
    assuranceText: assuranceWords(row?.spcAssurance ?? null),
    forecastProbability: row?.forecastProbability ?? null,
    commentary: null,
  };
}
