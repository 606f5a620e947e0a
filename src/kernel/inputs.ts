import { z } from 'zod';

const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

/** A reference that may be left empty: blank form fields and JSON null both mean "none". */
export const optionalId = (message: string) => z.preprocess(blankToNull, z.uuid({ message }).nullable());

export const requiredId = (message: string) => z.uuid({ message });

export const requiredText = (label: string, max = 200) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);

export const optionalText = (label: string, max = 5000) =>
  z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z
      .string()
      .trim()
      .max(max, `${capitalise(label)} must be ${max} characters or fewer`),
  );

/** ISO calendar date (YYYY-MM-DD) that really exists. */
export const isoDate = (label: string) =>
  z
    .string({ message: `Enter ${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${capitalise(label)} must be a real date, like 2025-04-01`)
    .refine(
      (value) => {
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
      },
      `${capitalise(label)} must be a real date`,
    );

/** Form checkboxes arrive as a string, an array of strings, or nothing at all. */
export const stringList = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (value): unknown[] =>
      value === undefined || value === '' ? [] : Array.isArray(value) ? (value as unknown[]) : [value],
    z.array(item),
  );

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
