import { DrizzleQueryError } from 'drizzle-orm/errors';
import { expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createJobQueue } from './job-queue.ts';

it('says why looking for waiting jobs failed: the pool timing out beneath the failed claim', async () => {
  const lines: string[] = [];
  // Every pool connection busy for longer than the pool waits: each statement fails, as drizzle says it.
  const db = {
    execute: () =>
      Promise.reject(
        new DrizzleQueryError(
          'UPDATE background_jobs SET state = $1',
          ['failed'],
          new Error('timeout exceeded when trying to connect'),
        ),
      ),
  } as unknown as Db;
  const queue = createJobQueue({
    db,
    clock: fixedClock('2026-12-06T07:00:00Z'),
    callerOf: () => Promise.resolve(undefined),
    log: (line) => lines.push(line),
  });
  queue.register('import', () => Promise.resolve({ ok: true, result: { summary: 'done' } }));

  queue.wake();
  await queue.idle();

  expect(lines).toEqual([
    'jobs: looking for waiting jobs failed: timeout exceeded when trying to connect, in UPDATE background_jobs SET state = $1',
  ]);
});
