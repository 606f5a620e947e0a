/**
 * The rules of the background job queue, without I/O: which states a job moves through, when a
 * job may be claimed, when a failed run is tried again, how far along it is, and which work is
 * long enough to be queued rather than done in the request.
 */

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job that crashed (its lease ran out) is tried this many times in all, then failed. */
export const MAX_ATTEMPTS = 3;

/** Rows above which an import is queued instead of run in the request (the JOB_IMPORT_ROWS setting). */
export const DEFAULT_BACKGROUND_IMPORT_ROWS = 5_000;

const MOVES: Record<JobState, readonly JobState[]> = {
  queued: ['running'],
  // A run whose process died goes back to be claimed again (see claimable below).
  running: ['succeeded', 'failed', 'running'],
  succeeded: [],
  failed: [],
};

export function canMove(from: JobState, to: JobState): boolean {
  return MOVES[from].includes(to);
}

export const isFinished = (state: JobState) => state === 'succeeded' || state === 'failed';

/** What the claim looks at. */
export interface ClaimView {
  state: JobState;
  lockedUntil: Date | null;
  attempts: number;
}

/**
 * Whether a worker may take the job now: a queued job, or a running one whose lease has run out
 * (its process died) and that has attempts left. The SQL claim in job-queue.ts says the same.
 */
export function claimable(job: ClaimView, now: Date): boolean {
  if (job.attempts >= MAX_ATTEMPTS) return false;
  if (job.state === 'queued') return true;
  return job.state === 'running' && job.lockedUntil !== null && job.lockedUntil.getTime() <= now.getTime();
}

/** A running job whose lease ran out with no attempts left: failed rather than tried again. */
export function abandoned(job: ClaimView, now: Date): boolean {
  return (
    job.state === 'running' &&
    job.attempts >= MAX_ATTEMPTS &&
    job.lockedUntil !== null &&
    job.lockedUntil.getTime() <= now.getTime()
  );
}

/** Whole per cent done, 0–100, or undefined while the total is not known. */
export function percentDone(done: number, total: number | null): number | undefined {
  if (total === null || total <= 0) return undefined;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/** Whether work of this many rows is queued rather than done while the request waits. */
export function runsInBackground(rows: number, threshold: number): boolean {
  return rows > threshold;
}
