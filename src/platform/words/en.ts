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
} as const;
