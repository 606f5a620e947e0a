import { z } from 'zod';
import { phraseText, type Phrase } from './phrase.ts';

/**
 * A field's name in a message: a phrase naming it from the catalogue (`phrase('fieldNames.aTitle')`),
 * or, in code not yet moved to the catalogue, its English words.
 */
export type Label = string | Phrase;

/**
 * A message about a field. Named by a phrase, it is a stored phrase (`phraseText`) said at the edges;
 * named in English (measures and performance, until the lead moves them to the catalogue), it is the
 * English sentence as before, so their checks and tests keep reading the same words. The English
 * here repeats the catalogue's `inputs` words and goes when the last English label does.
 */
export function fieldMessage(
  label: Label,
  code: string,
  english: (label: string) => string,
  params: Record<string, string | number> = {},
): string {
  return typeof label === 'string' ? english(label) : phraseText(`inputs.${code}`, { label, ...params });
}

const enter = (label: Label) => fieldMessage(label, 'enter', (words) => `Enter ${words}`);
const tooLong = (label: Label, max: number) =>
  fieldMessage(label, 'tooLong', (words) => `${capitalise(words)} must be ${max} characters or fewer`, { max });

const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

/** A reference that may be left empty: blank form fields and JSON null both mean "none". */
export const optionalId = (message: string) => z.preprocess(blankToNull, z.uuid({ message }).nullable());

export const requiredId = (message: string) => z.uuid({ message });

export const requiredText = (label: Label, max = 200) =>
  z
    .string({ message: enter(label) })
    .trim()
    .min(1, enter(label))
    .max(max, tooLong(label, max));

export const optionalText = (label: Label, max = 5000) =>
  z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z.string().trim().max(max, tooLong(label, max)),
  );

/** ISO calendar date (YYYY-MM-DD) that really exists. */
export const isoDate = (label: Label) =>
  z
    .string({ message: enter(label) })
    .regex(
      /^\d{4}-\d{2}-\d{2}$/,
      fieldMessage(label, 'dateLike', (words) => `${capitalise(words)} must be a real date, like 2025-04-01`),
    )
    .refine(
      (value) => {
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
      },
      fieldMessage(label, 'realDate', (words) => `${capitalise(words)} must be a real date`),
    );

/** Form checkboxes arrive as a string, an array of strings, or nothing at all. */
export const stringList = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (value): unknown[] =>
      value === undefined || value === '' ? [] : Array.isArray(value) ? (value as unknown[]) : [value],
    z.array(item),
  );

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
