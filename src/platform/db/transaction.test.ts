import { describe, expect, it } from 'vitest';
import { ok } from '../../kernel/result.ts';
import type { Db } from './db.ts';
import { inTransactionRetryingDeadlocks, isDeadlock } from './transaction.ts';

/** A Db whose transaction runs the work, failing the first `failures` runs with `error`. */
function failingDb(failures: number, error: unknown): { db: Db; runs: () => number } {
  let runs = 0;
  const db = {
    async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
      runs++;
      const result = await work(db);
      if (runs <= failures) throw error;
      return result;
    },
  } as unknown as Db;
  return { db, runs: () => runs };
}

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('inTransactionRetryingDeadlocks', () => {
  it('runs the work again when PostgreSQL ended it as one side of a deadlock', async () => {
    const { db, runs } = failingDb(2, deadlock);
    await expect(inTransactionRetryingDeadlocks(db, async () => ok('saved'))).resolves.toEqual(ok('saved'));
    expect(runs()).toBe(3);
  });

  it('gives up after the attempts allowed, with the deadlock error', async () => {
    const { db, runs } = failingDb(5, deadlock);
    await expect(inTransactionRetryingDeadlocks(db, async () => ok('saved'), 3)).rejects.toBe(deadlock);
    expect(runs()).toBe(3);
  });

  it('does not run again for any other error', async () => {
    const other = Object.assign(new Error('duplicate key'), { code: '23505' });
    const { db, runs } = failingDb(1, other);
    await expect(inTransactionRetryingDeadlocks(db, async () => ok('saved'))).rejects.toBe(other);
    expect(runs()).toBe(1);
  });

  it('knows a deadlock by its code, on the error or on its cause (as drizzle wraps it)', () => {
    expect(isDeadlock(deadlock)).toBe(true);
    expect(isDeadlock(new Error('wrapped', { cause: deadlock }))).toBe(true);
    expect(isDeadlock(new Error('other'))).toBe(false);
    expect(isDeadlock(undefined)).toBe(false);
  });
});
