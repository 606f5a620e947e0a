import type { z } from 'zod';
import type { DomainError } from '../../kernel/result.ts';
import { sayStored } from '../words/index.ts';

export interface FormErrors {
  /** For govukErrorSummary: each links to its field. */
  summary: { text: string; href: string }[];
  /** For each field's errorMessage. */
  fields: Record<string, { text: string }>;
}

export type FormParse<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/** Parse a submitted form with the same schema the API uses, mapping problems to GOV.UK errors (said in words). */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormParse<z.infer<S>> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FormErrors = { summary: [], fields: {} };
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (errors.fields[field]) continue;
    const text = sayStored(issue.message);
    errors.fields[field] = { text };
    errors.summary.push({ text, href: `#${field}` });
  }
  return { ok: false, errors };
}

/** A service's refusal shown against the field it names (or at the top of the form). */
export function formErrorsFrom(error: DomainError): FormErrors {
  const field = error.field ?? 'form';
  const text = sayStored(error.message);
  return {
    summary: [{ text, href: `#${field}` }],
    fields: error.field ? { [error.field]: { text } } : {},
  };
}
