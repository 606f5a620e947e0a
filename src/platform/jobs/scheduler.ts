/**
 * Scheduled work that runs once across processes. Every process registers the same jobs and polls;
 * a due job is claimed with `FOR UPDATE SKIP LOCKED` and a lease (`locked_until`), so exactly one
 * process runs each due run. A process that dies mid-run leaves its lease to expire, and the next
 * poll after that, in any process, takes the run. Works on PGlite and PostgreSQL alike (see
 * docs/decisions/0013-job-scheduler.md for why this is a table of our own).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { rowsOf } from '../db/rows.ts';
import { nextLondonTime } from './london-time.ts';
import { describeFailure } from './describe-failure.ts';

/** Every so many milliseconds, or once a day at a wall-clock time in London ("07:00"). */
export type Schedule = { everyMs: number } | { dailyAt: string };

export interface SchedulerOptions {
  db: Db;
  clock: Clock;
  log: (line: string) => void;
  /** How long a claim lasts: a run still going after this is taken to have crashed. */
  leaseMs?: number;
  /** How often this process looks for due jobs. */
  pollMs?: number;
}

export interface JobScheduler {
  /** Registers a job; its first run is due at once (the row is kept if another process made it). */
  schedule(name: string, when: Schedule, handler: () => Promise<unknown>): Promise<void>;
  /** Claims and runs every job due now, one after another; returns the names it ran. */
  runDue(): Promise<string[]>;
  /** Polls every `pollMs` until stopped. */
  start(): void;
  /** Stops polling and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

const DEFAULT_LEASE_MS = 30 * 60 * 1000;
const DEFAULT_POLL_MS = 60 * 1000;

/** When a run that started at `from` should next run. */
function nextRunAfter(when: Schedule, from: Date): Date {
  if ('everyMs' in when) return new Date(from.getTime() + when.everyMs);
  return nextLondonTime(when.dailyAt, from);
}

export function createJobScheduler(options: SchedulerOptions): JobScheduler {
  const { db, clock, log } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const jobs = new Map<string, { when: Schedule; handler: () => Promise<unknown> }>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  /** Takes one due, unclaimed job of ours, or none. The lease token tells our claim from a later one. */
  async function claim(): Promise<{ name: string; token: string; startedAt: Date } | undefined> {
    const names = [...jobs.keys()];
    if (names.length === 0) return undefined;
    const now = clock();
    const token = randomUUID();
    const claimed = rowsOf<{ name: string }>(
      await db.execute(sql`
        UPDATE scheduled_jobs
        SET locked_until = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz,
            locked_by = ${token}, last_started_at = ${now.toISOString()}::timestamptz
        WHERE name = (
          SELECT name FROM scheduled_jobs
          WHERE name IN (${sql.join(
            names.map((name) => sql`${name}`),
            sql`, `,
          )})
            AND next_run_at <= ${now.toISOString()}::timestamptz
            AND (locked_until IS NULL OR locked_until <= ${now.toISOString()}::timestamptz)
          ORDER BY next_run_at
          LIMIT 1
          FOR UPDATE SKIP LOCKED
        )
        RETURNING name`),
    );
    const name = claimed[0]?.name;
    return name === undefined ? undefined : { name, token, startedAt: now };
  }

  /** Records the outcome and the next due time, unless our lease was lost to another process. */
  async function finish(run: { name: string; token: string; startedAt: Date }, error: string | null): Promise<void> {
    const job = jobs.get(run.name)!;
    const next = nextRunAfter(job.when, run.startedAt);
    await db.execute(sql`
      UPDATE scheduled_jobs
      SET next_run_at = ${next.toISOString()}::timestamptz, locked_until = NULL, locked_by = NULL,
          last_finished_at = ${clock().toISOString()}::timestamptz, last_error = ${error}
      WHERE name = ${run.name} AND locked_by = ${run.token}`);
  }

  async function runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (let run = await claim(); run; run = await claim()) {
      let error: string | null = null;
      try {
        await jobs.get(run.name)!.handler();
      } catch (failure) {
        error = describeFailure(failure);
        log(`jobs: ${run.name} failed: ${error}`);
      }
      await finish(run, error);
      ran.push(run.name);
    }
    return ran;
  }

  function poll(): void {
    running = running
      .then(runDue)
      .catch((error: unknown) => log(`jobs: looking for due jobs failed: ${describeFailure(error)}`));
  }

  return {
    async schedule(name, when, handler) {
      if (jobs.has(name)) throw new Error(`The job ${name} is already scheduled`);
      if ('dailyAt' in when) nextLondonTime(when.dailyAt, clock()); // refuses a malformed time now
      jobs.set(name, { when, handler });
      await db.execute(sql`
        INSERT INTO scheduled_jobs (name, next_run_at)
        VALUES (${name}, ${clock().toISOString()}::timestamptz)
        ON CONFLICT (name) DO NOTHING`);
    },
    runDue,
    start() {
      if (timer) return;
      poll();
      timer = setInterval(poll, pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
