/**
 * The forecast read beside the RAG: one phrase saying where the measure stands this period and
 * how likely the year-end target is, so "likely to meet the target" never sits unexplained beside
 * a red status (issue 16). Where they pull apart the phrase says so ("red now, but…").
 */
import type { RagStatus } from '../../../kernel/measurement/types.ts';

export type PeriodStanding = 'on-target' | 'near-target' | 'off-target';
export type YearEndOutlook = 'likely' | 'even' | 'unlikely';
export type ForecastAgainstRag = `${PeriodStanding}.${YearEndOutlook}`;

/**
 * Two in three or better is "likely", one in three or worse "unlikely", between them "about even":
 * the bands the probability's own calibration can honestly carry.
 */
export function yearEndOutlook(probability: number): YearEndOutlook {
  if (probability >= 2 / 3) return 'likely';
  if (probability <= 1 / 3) return 'unlikely';
  return 'even';
}

const STANDING: Partial<Record<RagStatus, PeriodStanding>> = {
  green: 'on-target',
  amber: 'near-target',
  red: 'off-target',
};

/** Null when there is nothing to set side by side: no RAG this period, or no chance against a target. */
export function forecastAgainstRag(rag: RagStatus, probability: number | null): ForecastAgainstRag | null {
  const standing = STANDING[rag];
  if (!standing || probability === null || !Number.isFinite(probability)) return null;
  return `${standing}.${yearEndOutlook(probability)}`;
}
