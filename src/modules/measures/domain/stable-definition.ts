import { listPhrase, phrase, phraseText, type PhraseParam } from '../../../kernel/phrase.ts';
import type { MeasureDefinition } from './measure.ts';

/**
 * A clear, stable definition (the Audit Commission's test of a good target): once a measure has
 * values, a change to what it counts or how it is judged would silently re-rate its history, so it
 * is refused with advice to retire the measure and start a new one. Wording (title, description,
 * purpose, data source, notes) can still change, and is audited like any change.
 */
export const DEFINING_FIELDS = [
  'frequency',
  'polarity',
  'unit',
  'aggregation',
  'numeratorLabel',
  'denominatorLabel',
  'calculation',
  'definition',
] as const satisfies readonly (keyof MeasureDefinition)[];
export type DefiningField = (typeof DEFINING_FIELDS)[number];

const normalised = (value: string) => value.trim().replace(/\s+/g, ' ');

/** The defining fields the change would alter (white space alone is not a change), in form order. */
export function definingChanges(
  before: Pick<MeasureDefinition, DefiningField>,
  after: Pick<MeasureDefinition, DefiningField>,
): DefiningField[] {
  return DEFINING_FIELDS.filter((field) => normalised(String(before[field])) !== normalised(String(after[field])));
}

/** "unit", "polarity and unit", "polarity, unit and definition", as a phrase. */
function definingFieldsPhrase(fields: readonly DefiningField[]): PhraseParam {
  const names = fields.map((field) => phrase(`stableDefinition.fields.${field}`));
  if (names.length <= 1) return names[0] ?? '';
  return phrase('lists.andLast', { first: listPhrase(names.slice(0, -1)), last: names.at(-1)! });
}

/** The refusal of a change to these defining fields of the measure with this code (a stored phrase). */
export function unstableDefinitionRefusal(fields: readonly DefiningField[], code: string): string {
  return phraseText('stableDefinition.refused', { fields: definingFieldsPhrase(fields), code });
}
