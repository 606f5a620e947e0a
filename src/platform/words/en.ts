/**
 * Every word the product shows a person, in English: one catalogue, so the words are written once
 * and a Welsh catalogue (cy.ts, the same shape) can be added beside it. The domain returns codes
 * and parameters; presenters and templates turn them into these words. Placeholders are {name}.
 */
export const en = {
  rag: {
    red: 'Red',
    amber: 'Amber',
    green: 'Green',
    'no-data': 'No data',
    overdue: 'Overdue',
    'no-target': 'No target',
  },
  /** A plan version's place in its lifecycle. */
  planStatus: {
    draft: 'Draft',
    submitted: 'Submitted',
    'in-approval': 'In approval',
    approved: 'Approved',
    superseded: 'Superseded',
    archived: 'Archived',
  },
  /** A collected value's place in the entry → publication workflow. */
  valueStatus: {
    'not-entered': 'Not entered',
    draft: 'Draft',
    submitted: 'Submitted',
    returned: 'Returned',
    verified: 'Verified',
    approved: 'Approved',
    published: 'Published',
  },
  /** Where a risk or measure sits against the council's appetite. */
  appetitePosition: {
    within: 'Within appetite',
    outside: 'Outside appetite',
    'no-data': 'None due',
    'no-appetite': 'No appetite set',
  },
  /** Whether a person still works for the council. */
  personStatus: {
    active: 'Active',
    left: 'Left',
    leftOn: 'Left {date}',
  },
  /** Single-word labels shown as tags (their colours are in status-tags.ts). */
  labelTag: {
    'key-measure': 'Key',
    retired: 'Retired',
    'token-active': 'Active',
    'role-in-force': 'In force',
    'settings-default': 'Defaults',
    'settings-council': 'Set by the council',
  },
} as const;
