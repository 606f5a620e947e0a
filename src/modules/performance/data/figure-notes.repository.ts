import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { measureValues } from '../../measures/index.ts';

/** A whole-measure figure as the measure page's period table shows it: with its state and commentary. */
export interface FigureRow {
  periodKey: string;
  value: number | null;
  status: string;
  quality: string;
  commentary: string;
}

/** Every whole-measure figure of a measure, official or not (the page marks which). */
export async function loadFigures(db: Db, organisationId: string, measureId: string): Promise<FigureRow[]> {
  return db
    .select({
      periodKey: measureValues.periodKey,
      value: measureValues.value,
      status: measureValues.status,
      quality: measureValues.quality,
      commentary: measureValues.commentary,
    })
    .from(measureValues)
    .where(
      and(
        eq(measureValues.organisationId, organisationId),
        eq(measureValues.measureId, measureId),
        isNull(measureValues.breakdownId),
      ),
    );
}

/** The commentary of given measures' whole-measure figures for given periods, keyed "measureId|periodKey". */
export async function loadCommentary(
  db: Db,
  organisationId: string,
  wanted: readonly { measureId: string; periodKey: string }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (wanted.length === 0) return found;
  const keys = new Set(wanted.map((w) => `${w.measureId}|${w.periodKey}`));
  const rows = await db
    .select({
      measureId: measureValues.measureId,
      periodKey: measureValues.periodKey,
      commentary: measureValues.commentary,
    })
    .from(measureValues)
    .where(
      and(
        eq(measureValues.organisationId, organisationId),
        inArray(measureValues.measureId, [...new Set(wanted.map((w) => w.measureId))]),
        inArray(measureValues.periodKey, [...new Set(wanted.map((w) => w.periodKey))]),
        isNull(measureValues.breakdownId),
      ),
    );
  for (const row of rows) {
    const key = `${row.measureId}|${row.periodKey}`;
    if (keys.has(key) && row.commentary.trim() !== '') found.set(key, row.commentary);
  }
  return found;
}
