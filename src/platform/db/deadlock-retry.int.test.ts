import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../test/helpers/postgres-cluster.ts';
import { ok } from '../../kernel/result.ts';
import { drizzleReleasingConnections } from './pooled-transactions.ts';
import { rowsOf } from './rows.ts';
import { inTransactionRetryingDeadlocks } from './transaction.ts';

/**
 * Data entry takes a row lock and then the council's audit-chain lock, where other use cases take
 * the chain lock first (decision 0014, amended): a real deadlock on PostgreSQL, as drizzle reports
 * it through the app's pool, must be recognised and the use case run again. PostgreSQL only: PGlite
 * has one connection, so two transactions never wait on each other there.
 */
describe('a use case ended by a deadlock runs again (PostgreSQL)', () => {
  let pool: pg.Pool | undefined;
  afterEach(async () => {
    await pool?.end();
    pool = undefined;
  });

  it('runs again after PostgreSQL ends it as one side of a deadlock, and both writes stand', async () => {
    pool = new pg.Pool({ connectionString: await createDatabase(inject('postgresUrl')), max: 4 });
    pool.on('error', () => {});
    const db = drizzleReleasingConnections(pool);
    await db.execute(sql`CREATE TABLE probe (id int PRIMARY KEY, n int NOT NULL)`);
    await db.execute(sql`INSERT INTO probe VALUES (1, 1)`);

    let rowLocked!: () => void;
    const rowLockedOnce = new Promise<void>((resolve) => (rowLocked = resolve));
    let otherHasChainLock!: () => void;
    const chainLockTaken = new Promise<void>((resolve) => (otherHasChainLock = resolve));
    let runs = 0;

    // Data entry's order: the row first, then the chain lock.
    const dataEntry = inTransactionRetryingDeadlocks(db, async (tx) => {
      runs++;
      await tx.execute(sql`SELECT n FROM probe WHERE id = 1 FOR UPDATE`);
      if (runs === 1) {
        rowLocked();
        await chainLockTaken;
      }
      await tx.execute(sql`SELECT pg_advisory_xact_lock(7, 1)`);
      await tx.execute(sql`UPDATE probe SET n = n + 1 WHERE id = 1`);
      return ok(runs);
    });

    // Another use case's order: the chain lock first, then the row. PostgreSQL looks for a deadlock
    // once a wait has lasted deadlock_timeout and ends the transaction that looked: this one waits
    // far longer before it looks (30 s against data entry's 1 s), so on a slow machine too it is
    // data entry's transaction that is ended, and run again.
    const other = db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL deadlock_timeout = '30s'`);
      await rowLockedOnce;
      await tx.execute(sql`SELECT pg_advisory_xact_lock(7, 1)`);
      otherHasChainLock();
      await tx.execute(sql`UPDATE probe SET n = n + 10 WHERE id = 1`);
    });

    const [entered] = await Promise.all([dataEntry, other]);
    expect(entered).toEqual(ok(2));
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT n FROM probe WHERE id = 1`));
    expect(row!.n).toBe(12);
  });
});
