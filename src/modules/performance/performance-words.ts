/**
 * The performance views' words, read from the catalogue (src/platform/words/en.ts). A code the
 * catalogue does not know is shown as itself rather than as nothing.
 */
import { forecastAgainstRag, type RagStatus, type SpcRule } from './domain/index.ts';
import { fill, words } from '../../platform/words/index.ts';

const said = words.performance;

function lookUp(table: Readonly<Record<string, string>>, code: string): string | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

export const ruleWords = (rule: SpcRule): string => said.spcRule[rule];
export const variationWords = (icon: string | null): string => lookUp(said.variation, icon ?? 'none') ?? icon ?? '';
export const assuranceWords = (icon: string | null): string =>
  lookUp(said.assurance, icon ?? 'not-applicable') ?? icon ?? '';
export const directionWords = (direction: string | null): string =>
  lookUp(said.direction, direction ?? 'not-comparable') ?? '';
export const pointTypeWords = (type: string): string => lookUp(said.pointType, type) ?? type;
export const forecastMethodWords = (method: string): string => lookUp(words.forecastMethod, method) ?? method;
export const noStatusYet = (periodLabel: string): string => fill(said.noStatusYet, { period: periodLabel });

/** How far to trust a forecast, from its back-test error (null when it could not be tested). */
export function forecastTrustWords(meanAbsolutePercentageError: number | null, yearsTested: number, error: string) {
  const trust = said.forecastTrust;
  if (meanAbsolutePercentageError === null) return trust.untested;
  const mape = meanAbsolutePercentageError;
  return fill(trust.tested, {
    years: yearsTested,
    yearWord: yearsTested === 1 ? trust.year : trust.years,
    error,
    verdict: mape <= 5 ? trust.close : mape <= 15 ? trust.fair : trust.caution,
  });
}

/** The framework health indicators' names and rules, in the order they are shown. */
export const HEALTH_RULES: { id: string; name: string; rule: string }[] = (
  [
    'plans-available',
    'data-available',
    'tracking-on-time',
    'objectives-on-target',
    'targets-projected-achieved',
  ] as const
).map((id) => ({ id, ...said.health[id] }));

/** One sentence for this period's RAG and the year-end chance together, or null (nothing to compare). */
export function forecastAgainstRagWords(rag: RagStatus, probability: number | null, chance: string): string | null {
  const phrase = forecastAgainstRag(rag, probability);
  return phrase === null ? null : fill(said.forecastAgainstRag[phrase], { chance });
}
