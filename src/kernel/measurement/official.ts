import type { ValueStatus } from './vocabulary.ts';

/**
 * The official position: which figures count. A council chooses the sign-off status from which a
 * figure is official (default: verified); statuses, dashboards, roll-ups, framework health, SPC,
 * forecasts and exports read official figures only. A figure before that point is still shown
 * where people work on it (entry, sign-off, the measure page), marked as not yet official.
 */
export const OFFICIAL_FROM = ['submitted', 'verified', 'approved'] as const;
export type OfficialFrom = (typeof OFFICIAL_FROM)[number];
export const DEFAULT_OFFICIAL_FROM: OfficialFrom = 'verified';

/** How far along sign-off each status is; draft and returned are not on the way yet. */
const STAGE: Record<ValueStatus, number> = {
  draft: 0,
  returned: 0,
  submitted: 1,
  verified: 2,
  approved: 3,
  published: 4,
};

export function isOfficial(status: string, from: OfficialFrom): boolean {
  const stage = STAGE[status as ValueStatus];
  return stage !== undefined && stage >= STAGE[from];
}

/** The value statuses that count as official from `from` on (for SQL filters). */
export function officialStatuses(from: OfficialFrom): ValueStatus[] {
  return (Object.keys(STAGE) as ValueStatus[]).filter((status) => isOfficial(status, from));
}
