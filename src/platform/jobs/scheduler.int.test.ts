import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTwoConnections, type TwoConnections } from '../../../test/helpers/two-connections.ts';
import { clockFrom } from '../clock.ts';
import type { Database } from '../db/db.ts';
import { createJobScheduler } from './scheduler.ts';

const DATABASES = ['pglite', 'postgres'] as const;
const START = Date.parse('2026-03-02T09:00:00Z');
const MINUTE = 60_000;

describe.each(DATABASES)('the job scheduler on %s', (kind) => {
  /** Two connections to one database stand for two processes (PGlite has one, shared). */
  let first: Database;
  let second: Database;
  let connections: TwoConnections | undefined;
  let now = START;
  const clock = clockFrom(() => new Date(now));
  const silent = () => {};

  beforeAll(async () => {
    connections = await openTwoConnections(kind);
    ({ first, second } = connections);
  });
  afterAll(async () => connections?.close());

  it('runs a due job exactly once when two processes look at the same moment', async () => {
    now = START;
    let runs = 0;
    const slowJob = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    const one = createJobScheduler({ db: first.db, clock, log: silent });
    const two = createJobScheduler({ db: second.db, clock, log: silent });
    await one.schedule('once-only', { everyMs: 60 * MINUTE }, slowJob);
    await two.schedule('once-only', { everyMs: 60 * MINUTE }, slowJob);

    const [ranByOne, ranByTwo] = await Promise.all([one.runDue(), two.runDue()]);
    expect(runs).toBe(1);
    expect([...ranByOne, ...ranByTwo]).toEqual(['once-only']);

    // Not due again until the interval has passed, then once more in all.
    now = START + 30 * MINUTE;
    await Promise.all([one.runDue(), two.runDue()]);
    expect(runs).toBe(1);
    now = START + 61 * MINUTE;
    await Promise.all([one.runDue(), two.runDue()]);
    expect(runs).toBe(2);
  });

  it("lets the next process take a crashed run once the crashed run's lease has expired", async () => {
    now = START;
    let runs = 0;
    const crashed = createJobScheduler({ db: first.db, clock, log: silent, leaseMs: 10 * MINUTE });
    const survivor = createJobScheduler({ db: second.db, clock, log: silent, leaseMs: 10 * MINUTE });
    // The first process claims the run and never finishes it, as if it had died mid-run.
    await crashed.schedule('lease', { dailyAt: '07:00' }, () => new Promise(() => {}));
    await survivor.schedule('lease', { dailyAt: '07:00' }, async () => {
      runs += 1;
    });
    void crashed.runDue();
    await new Promise((resolve) => setTimeout(resolve, 100));

    now = START + 5 * MINUTE;
    expect(await survivor.runDue()).toEqual([]);
    now = START + 11 * MINUTE;
    expect(await survivor.runDue()).toEqual(['lease']);
    expect(runs).toBe(1);
    // The survivor set the next run: 07:00 London the next morning (winter, so 07:00 UTC).
    const row = await first.db.execute(`SELECT next_run_at, last_error FROM scheduled_jobs WHERE name = 'lease'`);
    const [next] = (row as { rows: { next_run_at: Date | string; last_error: string | null }[] }).rows;
    expect(new Date(next!.next_run_at).toISOString()).toBe('2026-03-03T07:00:00.000Z');
  });

  it('records a failure and still schedules the next run', async () => {
    now = START;
    const lines: string[] = [];
    const scheduler = createJobScheduler({ db: first.db, clock, log: (line) => lines.push(line) });
    await scheduler.schedule('failing', { everyMs: MINUTE }, async () => {
      throw new Error('the mail server is down');
    });
    expect(await scheduler.runDue()).toEqual(['failing']);
    expect(lines).toEqual(['jobs: failing failed: the mail server is down']);
    expect(await scheduler.runDue()).toEqual([]);
    now = START + 2 * MINUTE;
    expect(await scheduler.runDue()).toEqual(['failing']);
  });
});
