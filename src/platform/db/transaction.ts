import type { Db } from './db.ts';
import { Rollback } from '../services/errors.ts';
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
