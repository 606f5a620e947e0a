import type { Db } from './db.ts';
import { databaseErrorCode, Rollback } from '../services/errors.ts';
import { fail, type Result } from '../../kernel/result.ts';

/**
 * One transaction per use case. Throw `Rollback` (or use `abort`) to undo everything and return
 * the failure as a value; any other error rolls back and propagates.
 */
export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new Rollback(result.error);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return fail(error.error);
    throw error;
  }
}

/** PostgreSQL's deadlock_detected: it ended this transaction, one of two that waited on each other. */
export function isDeadlock(error: unknown): boolean {
  return databaseErrorCode(error) === '40P01';
}

/**
 * inTransaction, run again from the start (up to `attempts` times in all) when PostgreSQL ends it
 * as one side of a deadlock: nothing of it was kept, and a second run reads everything afresh. For
 * use cases that take their locks in an order others do not (say where), so that a rare deadlock
 * costs a retry instead of an error page. `work` must have no effect outside the transaction.
 */
export async function inTransactionRetryingDeadlocks<T>(
  db: Db,
  work: (tx: Db) => Promise<Result<T>>,
  attempts = 3,
): Promise<Result<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, work);
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
    }
  }
}
