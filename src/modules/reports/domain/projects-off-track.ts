/**
 * When a project counts as off track in the report, judged at the report period's end: a milestone
 * due by then and not completed by then, the latest highlight report by then rating it red
 * overall, or its end date in force passed while it is still open. Plain data: no words, no I/O.
 */
import { milestoneDue } from '../../projects/domain/index.ts';

export interface ProjectOnDate {
  /** The end date in force (the original, or its latest revision). */
  endDate: string;
  /** The overall RAG of the latest highlight report on or before the date (null: none yet). */
  latestOverallRag: string | null;
  milestones: readonly { dueDate: string; revisedDueDate: string | null; completedOn: string | null }[];
}

/** Why a project is off track; empty when it is not. */
export interface OffTrackReasons {
  /** Milestones past their due date and not completed, with the earliest of those dates. */
  lateMilestones: { count: number; firstDue: string } | null;
  red: boolean;
  pastEnd: boolean;
}

export function offTrackReasons(project: ProjectOnDate, on: string): OffTrackReasons {
  const late = project.milestones
    .filter((m) => milestoneDue(m) < on && (m.completedOn === null || m.completedOn > on))
    .map(milestoneDue)
    .sort();
  return {
    lateMilestones: late.length > 0 ? { count: late.length, firstDue: late[0]! } : null,
    red: project.latestOverallRag === 'red',
    pastEnd: project.endDate < on,
  };
}

export const isOffTrack = (reasons: OffTrackReasons) =>
  reasons.lateMilestones !== null || reasons.red || reasons.pastEnd;
