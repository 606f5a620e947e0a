/**
 * The register's fixed words, as codes: where a recommendation came from, how urgent it is, what
 * the council answered and where it has got to. The words people read are in the catalogue
 * (src/platform/words/en/recommendations.ts), keyed by these codes.
 */
export const SOURCES = [
  'internal-audit',
  'external-audit',
  'inspection',
  'peer-review',
  'scrutiny-review',
  'residents-survey',
  'complaint',
] as const;
export type Source = (typeof SOURCES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const RESPONSES = ['accepted', 'partly-accepted', 'rejected'] as const;
export type Response = (typeof RESPONSES)[number];

export const STATUSES = ['open', 'in-progress', 'implemented', 'closed', 'superseded'] as const;
export type Status = (typeof STATUSES)[number];

/** Still being worked on: these can fall overdue and age. */
export const LIVE_STATUSES: readonly Status[] = ['open', 'in-progress'];
/** Finished with: nothing about the recommendation may change any more. */
export const FINAL_STATUSES: readonly Status[] = ['closed', 'superseded'];

/** How long a recommendation has been open, in the audit committee's bands. */
export const AGE_BANDS = ['under-3-months', '3-to-6-months', '6-to-12-months', 'over-12-months'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
