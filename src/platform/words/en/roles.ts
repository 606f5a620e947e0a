/** The roles' names, as pages and sentences say them. Part of the English catalogue (../en.ts). */
export const roleWords = {
  roleNames: {
    administrator: 'Administrator',
    'performance-officer': 'Performance officer',
    director: 'Director',
    manager: 'Manager',
    'data-entry': 'Data entry',
    viewer: 'Viewer',
    'cabinet-member': 'Cabinet member (portfolio holder)',
    'scrutiny-member': 'Scrutiny member',
    'audit-member': 'Audit committee member',
    'internal-auditor': 'Internal auditor',
    hr: 'HR',
    partner: 'Partner',
    'finance-officer': 'Finance officer',
  },
  /** A list said with commas: {first}, then the rest (itself a list). */
  lists: {
    commaSeparated: '{first}, {rest}',
    sentences: '{first}. {rest}',
    andLast: '{first} and {last}',
  },
};
