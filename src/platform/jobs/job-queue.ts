/**
 * Background jobs: long work a person asked for (a large import, a large report) is stored as a
 * row of `background_jobs` and the request answers at once with the job's address. A worker in
 * any process claims a job with `FOR UPDATE SKIP LOCKED` and a lease (as the scheduler does), so
 * one process runs each job; a process that dies leaves its lease to run out and the job is
 * claimed again, up to MAX_ATTEMPTS (the work itself is all-or-nothing, so a rerun is safe). On
 * PGlite, where one process has the database, its leases end as soon as the server starts again.
 *
 * Progress is kept in memory and written at most every PROGRESS_EVERY_MS without being awaited by
 * the work: on PGlite a write made while the job's own transaction holds the one connection waits
 * for it, and awaiting it there would deadlock. See docs/decisions/0016-background-jobs.md.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Caller } from '../services/caller.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { parsedRows, rowsOf } from '../db/rows.ts';
import { JOB_STATES, MAX_ATTEMPTS, type JobState } from './job-rules.ts';
import { describeFailure } from './describe-failure.ts';

const DEFAULT_LEASE_MS = 15 * 60 * 1000;
const DEFAULT_POLL_MS = 5 * 1000;
const PROGRESS_EVERY_MS = 250;

/** A job as its page and JSON show it. */
export interface JobRecord {
  id: string;
  organisationId: string;
  kind: string;
  requestedBy: string;
  /** What was asked for (as the module that queued it stored it): its page links back from it. */
  input: unknown;
  state: JobState;
  phase: string;
  done: number;
  total: number | null;
  result: JobResult | null;
  resultPath: string | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const when = z.preprocess((value) => (typeof value === 'string' ? new Date(value) : value), z.date());
const jobRow = z
  .object({
    id: z.string(),
    organisation_id: z.string(),
    kind: z.string(),
    requested_by: z.string(),
    input: z.unknown(),
    state: z.enum(JOB_STATES),
    phase: z.string(),
    done: z.coerce.number(),
    total: z.coerce.number().nullable(),
    result: z
      .object({
        summary: z.string(),
        problems: z.array(z.object({ line: z.number(), column: z.string(), message: z.string() })).optional(),
        problemCount: z.number().optional(),
      })
      .nullable(),
    result_path: z.string().nullable(),
    error: z.string().nullable(),
    created_at: when,
    started_at: when.nullable(),
    finished_at: when.nullable(),
  })
  .transform((row): JobRecord => ({
    id: row.id,
    organisationId: row.organisation_id,
    kind: row.kind,
    requestedBy: row.requested_by,
    input: row.input ?? null,
    state: row.state,
    phase: row.phase,
    done: row.done,
    total: row.total,
    result: row.result ?? null,
    resultPath: row.result_path,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  }));

/** What a handler is handed: who asked, what they asked for, and where to say how far it is. */
export interface JobWork {
  id: string;
  caller: Caller;
  input: unknown;
  file: Buffer | undefined;
  progress(phase: string, done: number, total?: number): void;
}

/**
 * What a finished job shows, in words already said by the module that did the work (the jobs page
 * knows no module): a one-line summary and, for an import with bad rows, the rows and their problems.
 */
export interface JobResult {
  summary: string;
  problems?: { line: number; column: string; message: string }[];
  problemCount?: number;
}

/** A handler's outcome: succeeded with a result (and where to see it), or failed with the reason. */
export type JobOutcome = { ok: true; result: JobResult; resultPath?: string } | { ok: false; error: string };

export type JobHandler = (work: JobWork) => Promise<JobOutcome>;

export interface JobQueueOptions {
  db: Db;
  clock: Clock;
  /** The person a job runs as, read again when it starts (a person since deactivated: refused). */
  callerOf: (personId: string) => Promise<Caller | undefined>;
  log?: (line: string) => void;
  leaseMs?: number;
  pollMs?: number;
  /** Start a queued job in this process at once (default); tests of claiming turn it off. */
  wakeOnEnqueue?: boolean;
  /**
   * No other process can use this database (PGlite: its folder is locked to one process, see
   * data-dir-lock.ts). A job found running at start was then left by a process that died (a crash,
   * a SIGKILL): it is taken again at once instead of showing "running" until its lease runs out.
   */
  soleProcess?: boolean;
}

export interface JobQueue {
  /** Stores a job; the worker in this process is woken to start it. Returns its id. */
  enqueue(caller: Caller, kind: string, input: unknown, file?: Buffer): Promise<string>;
  /** The council's job by id (another council's, or a malformed id, is not found). */
  find(organisationId: string, id: string): Promise<JobRecord | undefined>;
  /** Says which handler runs jobs of a kind (each module registers its own). */
  register(kind: string, handler: JobHandler): void;
  /** Claims and runs one waiting job; false when there was none. */
  runNext(): Promise<boolean>;
  /** Runs waiting jobs soon, without waiting for the next poll. */
  wake(): void;
  /** Resolves once the jobs this process is running, and those waiting, are done (tests, shutdown). */
  idle(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createJobQueue(options: JobQueueOptions): JobQueue {
  const { db, clock } = options;
  const log = options.log ?? (() => {});
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const handlers = new Map<string, JobHandler>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

  /**
   * Takes the oldest waiting job of a kind this process can run: queued, or running with its lease
   * run out and attempts left (job-rules.ts `claimable`). Jobs out of attempts are failed first.
   */
  async function claim(): Promise<{ id: string; token: string } | undefined> {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return undefined;
    const now = clock();
    await db.execute(sql`
      UPDATE background_jobs
      SET state = 'failed', phase = 'failed', finished_at = ${at(now)}, locked_until = NULL, locked_by = NULL,
          input_file = NULL, error = 'The job stopped part way too many times: nothing was changed. Try again.'
      WHERE state = 'running' AND attempts >= ${MAX_ATTEMPTS} AND locked_until <= ${at(now)}`);
    const token = randomUUID();
    const claimed = rowsOf<{ id: string }>(
      await db.execute(sql`
        UPDATE background_jobs
        SET state = 'running', phase = 'starting', attempts = attempts + 1,
            locked_until = ${at(new Date(now.getTime() + leaseMs))}, locked_by = ${token},
            started_at = ${at(now)}
        WHERE id = (
          SELECT id FROM background_jobs
          WHERE kind IN (${sql.join(
            kinds.map((kind) => sql`${kind}`),
            sql`, `,
          )})
            AND attempts < ${MAX_ATTEMPTS}
            AND (state = 'queued' OR (state = 'running' AND locked_until <= ${at(now)}))
          ORDER BY created_at
          LIMIT 1
          FOR UPDATE SKIP LOCKED
        )
        RETURNING id`),
    );
    const id = claimed[0]?.id;
    return id === undefined ? undefined : { id, token };
  }

  async function run(claimed: { id: string; token: string }): Promise<void> {
    const [row] = rowsOf<{ kind: string; requested_by: string; input: unknown; input_file: string | null }>(
      await db.execute(sql`SELECT kind, requested_by, input, input_file FROM background_jobs WHERE id = ${claimed.id}`),
    );
    if (!row) return;
    // Progress: the latest figures in memory, written one at a time and never awaited by the work.
    let latest: { phase: string; done: number; total: number | null } | undefined;
    let lastWrite = 0;
    let writing: Promise<unknown> = Promise.resolve();
    const writeProgress = () => {
      const figures = latest;
      if (!figures) return;
      latest = undefined;
      writing = writing
        .then(() =>
          db.execute(sql`
            UPDATE background_jobs SET phase = ${figures.phase}, done = ${figures.done}, total = ${figures.total}
            WHERE id = ${claimed.id} AND locked_by = ${claimed.token} AND state = 'running'`),
        )
        .catch((error: unknown) => log(`jobs: progress of ${claimed.id} not saved: ${describeFailure(error)}`));
    };
    const progress = (phase: string, done: number, total?: number) => {
      latest = { phase, done, total: total ?? null };
      const now = Date.now();
      if (now - lastWrite >= PROGRESS_EVERY_MS) {
        lastWrite = now;
        writeProgress();
      }
    };

    let outcome: JobOutcome;
    try {
      const handler = handlers.get(row.kind);
      const caller = await options.callerOf(row.requested_by);
      if (!handler) outcome = { ok: false, error: `No worker runs ${row.kind} jobs` };
      else if (!caller) outcome = { ok: false, error: 'The person who asked for this can no longer sign in' };
      else {
        outcome = await handler({
          id: claimed.id,
          caller,
          input: row.input,
          file: row.input_file === null ? undefined : Buffer.from(row.input_file, 'base64'),
          progress,
        });
      }
    } catch (error) {
      log(`jobs: ${row.kind} job ${claimed.id} failed: ${describeFailure(error)}`);
      outcome = { ok: false, error: 'Something went wrong while doing this: nothing was changed. Try again.' };
    }
    latest = undefined;
    await writing;
    const now = clock();
    await db.execute(sql`
      UPDATE background_jobs
      SET state = ${outcome.ok ? 'succeeded' : 'failed'}, phase = ${outcome.ok ? 'done' : 'failed'},
          done = ${outcome.ok ? sql`COALESCE(total, done)` : sql`done`},
          result = ${outcome.ok ? JSON.stringify(outcome.result ?? null) : null}::jsonb,
          result_path = ${outcome.ok ? (outcome.resultPath ?? null) : null},
          error = ${outcome.ok ? null : outcome.error},
          finished_at = ${at(now)}, locked_until = NULL, locked_by = NULL, input_file = NULL
      WHERE id = ${claimed.id} AND locked_by = ${claimed.token}`);
  }

  /** Ends the leases of jobs left running by a process that died (soleProcess only: see above). */
  async function releaseOrphans(): Promise<void> {
    const released = rowsOf<{ id: string }>(
      await db.execute(sql`
        UPDATE background_jobs SET locked_until = ${at(clock())}, locked_by = NULL
        WHERE state = 'running' RETURNING id`),
    );
    for (const { id } of released) log(`jobs: job ${id} was left running by a stopped process: running it again`);
  }

  async function runNext(): Promise<boolean> {
    const claimed = await claim();
    if (!claimed) return false;
    await run(claimed);
    return true;
  }

  async function drain(): Promise<void> {
    while (await runNext());
  }

  function wake(): void {
    running = running
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(drain)
      .catch((error: unknown) => log(`jobs: looking for waiting jobs failed: ${describeFailure(error)}`));
  }

  return {
    async enqueue(caller, kind, input, file) {
      const [row] = rowsOf<{ id: string }>(
        await db.execute(sql`
          INSERT INTO background_jobs (organisation_id, kind, requested_by, input, input_file, created_at)
          VALUES (${caller.organisationId}, ${kind}, ${caller.personId}, ${JSON.stringify(input)}::jsonb,
                  ${file ? file.toString('base64') : null}, ${at(clock())})
          RETURNING id`),
      );
      if (options.wakeOnEnqueue ?? true) wake();
      return row!.id;
    },
    async find(organisationId, id) {
      if (!UUID.test(id)) return undefined;
      const rows = parsedRows(
        jobRow,
        await db.execute(sql`
          SELECT id, organisation_id, kind, requested_by, input, state, phase, done, total, result, result_path, error,
                 created_at, started_at, finished_at
          FROM background_jobs WHERE id = ${id} AND organisation_id = ${organisationId}`),
      );
      return rows[0];
    },
    register(kind, handler) {
      if (handlers.has(kind)) throw new Error(`A worker for ${kind} jobs is already registered`);
      handlers.set(kind, handler);
    },
    runNext,
    wake,
    async idle() {
      let seen: Promise<unknown>;
      do {
        seen = running;
        await seen;
      } while (seen !== running);
    },
    start() {
      if (timer) return;
      if (options.soleProcess) {
        running = running
          .then(releaseOrphans)
          .catch((error: unknown) => log(`jobs: releasing jobs left running failed: ${describeFailure(error)}`));
      }
      wake();
      timer = setInterval(wake, pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
