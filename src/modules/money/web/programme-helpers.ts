/** Shared pieces of the capital, reserves, savings and MTFS pages. */
import type { FastifyReply } from 'fastify';
import { formatMoney, type Money } from '../../../kernel/money.ts';
import type { Phrase } from '../../../kernel/phrase.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';
import type { FormErrors } from '../../../platform/http/form-errors.ts';
import { say, sayStored, words } from '../../../platform/words/index.ts';
import { financialYearLabel } from '../../../kernel/measurement/periods.ts';
import type { FieldsRefusal } from '../org-access.ts';

export type Values = Record<string, string>;

export function stringValues(input: unknown): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries((input ?? {}) as Record<string, unknown>)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[key] = first;
  }
  return values;
}

/** ?year=2025 (the year the financial year starts in); undefined when absent, null when unreadable. */
export function yearOf(query: unknown): number | undefined | null {
  const text = stringValues(query).year;
  if (text === undefined || text === '') return undefined;
  return /^\d{4}$/.test(text) ? Number(text) : null;
}

export function yearItems(years: readonly number[], chosen: number) {
  const all = [...new Set([...years, chosen, chosen + 1])].sort((a, b) => a - b);
  return all.map((year) => ({ value: String(year), text: financialYearLabel(year), selected: year === chosen }));
}

export const forbiddenPage = (reply: FastifyReply) => reply.code(403).render('pages/errors/forbidden.njk', {}, 403);
export const notFoundPage = (reply: FastifyReply) => reply.code(404).render('pages/errors/not-found.njk', {}, 404);

export const linkCell = (href: string, text: string) => ({
  html: `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`,
});
export const moneyCell = (amount: Money | null | undefined) => ({
  text: amount === null || amount === undefined ? '–' : formatMoney(amount),
  format: 'numeric',
});
export const numericHead = (text: string) => ({ text, format: 'numeric' });

/** A band or RAG as a GOV.UK tag cell, in words as well as colour. */
export function ragCell(rag: 'green' | 'amber' | 'red') {
  const colour = { green: 'govuk-tag--green', amber: 'govuk-tag--yellow', red: 'govuk-tag--red' }[rag];
  return { html: `<strong class="govuk-tag ${colour}">${escapeHtml(words.rag[rag])}</strong>` };
}

/** Each field's first problem for the form (said in words), and one summary line per field. */
export function fieldErrors(refusal: FieldsRefusal): FormErrors {
  const errors: FormErrors = { summary: [], fields: {} };
  for (const error of refusal.errors) {
    const field = error.field || 'form';
    if (errors.fields[field]) continue;
    const text = sayStored(error.message);
    errors.fields[field] = { text };
    errors.summary.push({ text, href: `#${field}` });
  }
  if (errors.summary.length === 0) errors.summary.push({ text: sayStored(refusal.message), href: '#form' });
  return errors;
}

/** Amounts as the form shows them: pounds and pence without the sign's £. */
export function amountValues<F extends string>(
  fields: readonly F[],
  figures: Record<F, Money> | null | undefined,
): Values {
  if (!figures) return {};
  return Object.fromEntries(fields.map((field) => [field, formatMoney(figures[field]).replace('£', '')]));
}

/** Words (or a phrase, said) starting with a capital letter: an amount's name as a form's label. */
export function capitalise(text: string | Phrase): string {
  const plain = typeof text === 'string' ? text : say(text);
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}
