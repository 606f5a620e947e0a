/**
 * What a project tells the roll-up of the plan items it contributes to, as an action does: its
 * status is the latest highlight report's overall RAG; a project not started (proposed, or with no
 * report yet) has no data; a closed or cancelled project contributes nothing.
 */
import type { RagStatus } from '../../../kernel/measurement/types.ts';
import type { DeliveryRag, ProjectStatus } from './project.ts';

export interface ContributingProject {
  status: ProjectStatus;
  endDate: string;
}

export interface LatestReport {
  overallRag: DeliveryRag;
  timeRag: DeliveryRag;
}

export interface ProjectContribution {
  status: RagStatus;
  onTargetInTime: boolean | null;
}

/**
 * null when the project does not contribute. On target to be completed in time: not judged without
 * a report; false once the end date in force has passed (the project is still open) or when time
 * is reported red; true otherwise (amber is at risk, not yet off target).
 */
export function projectContribution(
  project: ContributingProject,
  latest: LatestReport | null,
  today: string,
): ProjectContribution | null {
  if (project.status === 'closed' || project.status === 'cancelled') return null;
  if (project.status === 'proposed' || latest === null) return { status: 'no-data', onTargetInTime: null };
  const late = today > project.endDate;
  return { status: latest.overallRag, onTargetInTime: !late && latest.timeRag !== 'red' };
}

/** A highlight report as entered: the date it reports on and the London date it was entered on. */
export interface DatedReport extends LatestReport {
  reportedOn: string;
  recordedOn: string;
}

/**
 * The highlight report that stood at the end of a past date: the latest reporting on or before it
 * among those already entered by then (a report entered later was not known then, whatever date it
 * gives). Null when none had been.
 */
export function reportStandingOn<R extends DatedReport>(reports: readonly R[], date: string): R | null {
  let standing: R | null = null;
  for (const report of reports) {
    if (report.reportedOn > date || report.recordedOn > date) continue;
    if (
      !standing ||
      report.reportedOn > standing.reportedOn ||
      (report.reportedOn === standing.reportedOn && report.recordedOn >= standing.recordedOn)
    )
      standing = report;
  }
  return standing;
}
