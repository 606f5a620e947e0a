import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { measures, measureStatuses, measureTargets, measureValues, spcRebases } from '../../measures/index.ts';

export type MeasureRow = typeof measures.$inferSelect;
export type TargetRow = typeof measureTargets.$inferSelect;
export type StatusInsert = typeof measureStatuses.$inferInsert;

export interface MeasureHistory {
  measures: MeasureRow[];
  values: {
    measureId: string;
    periodKey: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    /** The value's sign-off status (draft … published). */
    status: string;
  }[];
  targets: TargetRow[];
  rebases: { measureId: string; periodKey: string; reason: string }[];
}

/** Everything the engine needs for a set of measures (or all active ones), in four queries. */
export async function loadMeasureHistory(
  db: Db,
  organisationId: string,
  measureIds: readonly string[] | 'all',
): Promise<MeasureHistory> {
  const measureFilter =
    measureIds === 'all'
      ? and(eq(measures.organisationId, organisationId), eq(measures.status, 'active'))
      : and(eq(measures.organisationId, organisationId), inArray(measures.id, [...measureIds]));
  const measureRows = await db.select().from(measures).where(measureFilter);
  if (measureRows.length === 0) return { measures: [], values: [], targets: [], rebases: [] };
  const ids = measureIds === 'all' ? undefined : [...measureIds];
  const byMeasure = <T extends { organisationId: unknown; measureId: unknown }>(table: T) =>
    ids
      ? and(eq(table.organisationId as never, organisationId), inArray(table.measureId as never, ids))
      : eq(table.organisationId as never, organisationId);
  const [values, targets, rebases] = await Promise.all([
    db
      .select({
        measureId: measureValues.measureId,
        periodKey: measureValues.periodKey,
        value: measureValues.value,
        numerator: measureValues.numerator,
        denominator: measureValues.denominator,
        status: measureValues.status,
      })
      .from(measureValues)
      .where(and(byMeasure(measureValues), isNull(measureValues.breakdownId))),
    db.select().from(measureTargets).where(byMeasure(measureTargets)),
    db
      .select({ measureId: spcRebases.measureId, periodKey: spcRebases.periodKey, reason: spcRebases.reason })
      .from(spcRebases)
      .where(byMeasure(spcRebases)),
  ]);
  return { measures: measureRows, values, targets, rebases };
}
