/**
 * The latest process limits of measures' official figures, as each measure's SPC chart draws
 * them (the same points, rebases and screening as the measure page): for the measures module's
 * check of a target as it is set (its ProcessLimitsSource port).
 */
import { analyseSpc, periodKey, periodStart, type MeasurePoint, type Period } from './domain/index.ts';
import { currentReportingPeriod } from '../../kernel/measurement/periods.ts';
import { isOfficial } from '../../kernel/measurement/official.ts';
import type { LatestProcessLimits } from '../../kernel/measurement/target-assurance.ts';
import type { Db } from '../../platform/db/db.ts';
import { loadMeasureHistory } from './data/measure-status.repository.ts';
import { loadRatingSettings } from './data/settings.repository.ts';
import { engineInputFor } from './performance-status.service.ts';

/** The points a measure's SPC chart draws: every period up to the current one with a value, in order. */
export function chartedPoints(points: readonly MeasurePoint[], current: Period): MeasurePoint[] {
  const upTo = periodKey(current);
  return points
    .filter((p) => p.value !== null && Number.isFinite(p.value) && periodKey(p.period) <= upTo)
    .sort((a, b) => (periodStart(a.period) < periodStart(b.period) ? -1 : 1));
}

export async function loadLatestProcessLimits(
  db: Db,
  organisationId: string,
  measureIds: readonly string[],
  today: string,
): Promise<Map<string, LatestProcessLimits>> {
  const found = new Map<string, LatestProcessLimits>();
  if (measureIds.length === 0) return found;
  const [history, { officialFrom }] = await Promise.all([
    loadMeasureHistory(db, organisationId, measureIds),
    loadRatingSettings(db, organisationId),
  ]);
  for (const measure of history.measures) {
    const current = currentReportingPeriod(measure.frequency, today);
    const own = <T extends { measureId: string }>(rows: readonly T[]) => rows.filter((r) => r.measureId === measure.id);
    const official = own(history.values).filter((v) => isOfficial(v.status, officialFrom));
    const input = engineInputFor(measure, official, own(history.targets), own(history.rebases), current);
    const charted = chartedPoints(input.points, current);
    if (charted.length === 0) continue;
    const spc = analyseSpc({
      points: charted.map((p) => ({ key: periodKey(p.period), date: periodStart(p.period), value: p.value as number })),
      polarity: input.definition.polarity,
      ...(input.definition.spc ? { settings: input.definition.spc } : {}),
    });
    const latest = spc.segments.at(-1)?.limits;
    if (latest && latest.lowerLimit !== null && latest.upperLimit !== null) {
      found.set(measure.id, { lower: latest.lowerLimit, upper: latest.upperLimit, trial: latest.trial });
    }
  }
  return found;
}
