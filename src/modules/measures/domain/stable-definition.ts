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

/** "unit", "unit and polarity", "unit, polarity and definition". */
export function listOfFields(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}
