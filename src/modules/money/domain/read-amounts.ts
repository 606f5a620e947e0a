/** Text cells (a form, an import row, the API) read into named amounts, naming every bad one. */
import type { Money } from '../../../kernel/money.ts';
import type { Phrase } from '../../../kernel/phrase.ts';
import type { DomainError } from '../../../kernel/result.ts';
import { parseAmount } from './amounts.ts';

export function readAmounts<F extends string>(
  fields: readonly F[],
  labels: Record<F, Phrase>,
  cells: Partial<Record<string, string>>,
): { ok: true; figures: Record<F, Money> } | { ok: false; errors: DomainError[] } {
  const errors: DomainError[] = [];
  const figures = {} as Record<F, Money>;
  for (const field of fields) {
    const result = parseAmount(cells[field] ?? '', labels[field], field);
    if (result.ok) figures[field] = result.value;
    else errors.push(result.error);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, figures };
}
