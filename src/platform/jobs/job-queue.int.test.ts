/**
 * The background job queue on both databases: claiming is SQL (FOR UPDATE SKIP LOCKED, a lease)
 * whose behaviour under two connections is what matters, so this runs on PGlite and PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTwoConnections, type TwoConnections } from '../../../test/helpers/two-connections.ts';
import type { Caller } from '../services/caller.ts';
import { clockFrom } from '../clock.ts';
import type { Database } from '../db/db.ts';
import { rowsOf } from '../db/rows.ts';
import { organisations } from '../tenancy/organisations.schema.ts';
import { createJobQueue, type JobHandler } from './job-queue.ts';
import { MAX_ATTEMPTS } from './job-rules.ts';

const DATABASES = ['pglite', 'postgres'] as const;
const START = Date.parse('2026-03-02T09:00:00Z');
const MINUTE = 60_000;

describe.each(DATABASES)('the background job queue on %s', (kind) => {
  /** Two connections to one database stand for two processes (PGlite has one, shared). */
  let first: Database;
  let second: Database;
  let connections: TwoConnections | undefined;
  let now = START;
  const clock = clockFrom(() => new Date(now));
  let caller: Caller;
  let otherCouncil: string;
  const queues = (handler: JobHandler, leaseMs = 10 * MINUTE) =>
    [first, second].map((database) => {
      // Not woken by enqueue: each test decides when each process looks for work.
      const queue = createJobQueue({
        db: database.db,
        clock,
        callerOf: async () => caller,
        leaseMs,
        wakeOnEnqueue: false,
      });
      queue.register(`test-${kind}`, handler);
      return queue;
    });

  beforeAll(async () => {
    connections = await openTwoConnections(kind);
    ({ first, second } = connections);
    const [mine, other] = await first.db
      .insert(organisations)
      .values([
        { slug: 'jobs-council', name: 'Jobs council', type: 'London borough' },
        { slug: 'other-council', name: 'Other council', type: 'London borough' },
      ])
      .returning();
    caller = {
      kind: 'person',
      personId: '00000000-0000-4000-8000-00000000000a',
      organisationId: mine!.id,
      name: 'Pat Importer',
      grants: [{ role: 'admin', unitId: null }],
    } as unknown as Caller;
    otherCouncil = other!.id;
  });
  afterAll(async () => connections?.close());

  it('runs a job exactly once when two processes look for work at the same moment', async () => {
    now = START;
    let runs = 0;
    const [one, two] = queues(async (work) => {
      runs += 1;
      work.progress('checking', 1, 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { ok: true, result: { summary: `ran ${JSON.stringify(work.input)}` }, resultPath: '/somewhere' };
    });
    const id = await one!.enqueue(caller, `test-${kind}`, { n: 1 });
    const [ranByOne, ranByTwo] = await Promise.all([one!.runNext(), two!.runNext()]);
    expect(runs).toBe(1);
    expect([ranByOne, ranByTwo].filter(Boolean)).toHaveLength(1);
    const job = await one!.find(caller.organisationId, id);
    expect(job).toMatchObject({
      input: { n: 1 },
      state: 'succeeded',
      phase: 'done',
      done: 2,
      total: 2,
      result: { summary: 'ran {"n":1}' },
      resultPath: '/somewhere',
      error: null,
    });
    expect(await one!.runNext()).toBe(false);
  });

  it("refuses another council's job, and an id that is not one, as not found", async () => {
    const [one] = queues(async () => ({ ok: true, result: { summary: 'done' } }));
    const id = await one!.enqueue(caller, `test-${kind}`, {});
    await one!.runNext();
    expect(await one!.find(otherCouncil, id)).toBeUndefined();
    expect(await one!.find(caller.organisationId, 'not-a-uuid')).toBeUndefined();
    expect((await one!.find(caller.organisationId, id))?.state).toBe('succeeded');
  });

  it('keeps the file with the job until it ends, and records a failure with its reason', async () => {
    const seen: string[] = [];
    const [one] = queues(async (work) => {
      seen.push(work.file?.toString('utf8') ?? 'no file');
      return { ok: false, error: 'Someone changed some of these values meanwhile' };
    });
    const id = await one!.enqueue(caller, `test-${kind}`, {}, Buffer.from('code,period\nA,2025-26 Q1\n'));
    await one!.runNext();
    expect(seen).toEqual(['code,period\nA,2025-26 Q1\n']);
    expect(await one!.find(caller.organisationId, id)).toMatchObject({
      state: 'failed',
      error: 'Someone changed some of these values meanwhile',
    });
    const [row] = rowsOf<{ input_file: string | null }>(
      await first.db.execute(sql`SELECT input_file FROM background_jobs WHERE id = ${id}`),
    );
    expect(row).toEqual({ input_file: null });
  });

  it('claims a job again after its process died (lease run out), then gives up after the last attempt', async () => {
    now = START + 60 * MINUTE;
    let started = 0;
    // A handler that never finishes stands for a process that died mid-run: its lease runs out.
    const [one, two] = queues(async () => {
      started += 1;
      return new Promise(() => {});
    }, MINUTE);
    const id = await one!.enqueue(caller, `test-${kind}`, {});
    void one!.runNext();
    await expect.poll(() => started).toBe(1);
    // Within the lease nobody else takes it.
    expect(await two!.runNext()).toBe(false);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now += 2 * MINUTE;
      void two!.runNext();
      await expect.poll(() => started).toBe(attempt);
    }
    now += 2 * MINUTE;
    expect(await two!.runNext()).toBe(false);
    expect(started).toBe(MAX_ATTEMPTS);
    const job = await two!.find(caller.organisationId, id);
    expect(job?.state).toBe('failed');
    expect(job?.error).toMatch(/stopped part way too many times: nothing was changed/);
  });

  it('takes up at once, when it is the only process (PGlite), a job a dead process left running', async () => {
    now = START + 120 * MINUTE;
    // The process that died: its handler never finishes, and its lease has most of an hour to run.
    const [dead] = queues(async () => new Promise(() => {}), 60 * MINUTE);
    const id = await dead!.enqueue(caller, `test-${kind}`, { n: 'orphan' });
    void dead!.runNext();
    await expect.poll(async () => (await dead!.find(caller.organisationId, id))?.state).toBe('running');
    const restarted = createJobQueue({
      db: first.db,
      clock,
      callerOf: async () => caller,
      soleProcess: true,
      wakeOnEnqueue: false,
    });
    restarted.register(`test-${kind}`, async (work) => ({ ok: true, result: { summary: `again ${work.id}` } }));
    restarted.start();
    await restarted.idle();
    await restarted.stop();
    expect(await restarted.find(caller.organisationId, id)).toMatchObject({
      state: 'succeeded',
      result: { summary: `again ${id}` },
    });
  });
});
