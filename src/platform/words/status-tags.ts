/** A status is never shown by colour alone: each tag is its word and its GOV.UK tag colour. */
import type { RagStatus } from '../../kernel/measurement/types.ts';
import { words } from './index.ts';

/** The one place RAG colours are chosen (templates take them from here, never write their own). */
export const RAG_TAG_CLASSES: Record<RagStatus, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
  'no-data': 'govuk-tag--grey',
  overdue: 'govuk-tag--purple',
  'no-target': 'govuk-tag--blue',
};

export function ragWord(status: RagStatus): string {
  return words.rag[status] ?? status;
}

export function ragTag(status: RagStatus): { text: string; classes: string } {
  return { text: ragWord(status), classes: RAG_TAG_CLASSES[status] ?? 'govuk-tag--grey' };
}
