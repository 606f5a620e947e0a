/** A status is never shown by colour alone: each tag is its word and its GOV.UK tag colour. */
import type { RagStatus } from '../../kernel/measurement/types.ts';

const RAG_CLASSES: Record<RagStatus, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
  'no-data': 'govuk-tag--grey',
  overdue: 'govuk-tag--purple',
  'no-target': 'govuk-tag--blue',
};

const RAG_TEXT: Record<RagStatus, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  'no-data': 'No data',
  overdue: 'Overdue',
  'no-target': 'No target',
};

export function ragTag(status: RagStatus): { text: string; classes: string } {
  return { text: RAG_TEXT[status] ?? status, classes: RAG_CLASSES[status] ?? 'govuk-tag--grey' };
}

