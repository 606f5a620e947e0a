import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';

/** db.ts's `Db`, spelt out here: db.ts uses this file, and imports go one way. */
type Db = PgDatabase<PgQueryResultHKT>;

/**
 * Drizzle on a pg pool whose transactions always give their connection back.
 *
 * Drizzle's own transaction (drizzle-orm 0.45, node-postgres session) checks a connection out and
 * sends BEGIN before its try/finally: when BEGIN fails, the connection is never released. That
 * happens when the pool hands out an idle connection whose server has just gone (PostgreSQL
 * stopped hard, a failover) before the pool has heard of it, which a busy event loop makes likely.
 * Each such connection is held for ever: the pool has one fewer to give, and `pool.end()` waits
 * for it without end, which is how the PostgreSQL restart test's teardown once hung (issue #21).
 *
 * Here the connection is checked out first and released in a finally around the whole
 * transaction; drizzle, given that one connection rather than the pool, runs BEGIN, the work,
 * COMMIT or ROLLBACK on it and leaves releasing to us. A connection that broke is not queryable
 * any more, so the pool drops it on release instead of handing it out again.
 */
export function drizzleReleasingConnections(pool: pg.Pool): Db {
  const db = drizzle(pool) as unknown as Db;
  const transaction: Db['transaction'] = async (work, config) => {
    const connection = await pool.connect();
    try {
      return await (drizzle(connection) as unknown as Db).transaction(work, config);
    } finally {
      connection.release();
    }
  };
  return Object.assign(db, { transaction });
}
