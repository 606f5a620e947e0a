import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../test/helpers/postgres-cluster.ts';
import { drizzleReleasingConnections } from './pooled-transactions.ts';
import { rowsOf } from './rows.ts';

describe('transactions on a PostgreSQL pool', () => {
  let pool: pg.Pool | undefined;
  afterEach(async () => {
    await pool?.end();
    pool = undefined;
  });

  const openPool = async () => {
    pool = new pg.Pool({ connectionString: await createDatabase(inject('postgresUrl')), max: 2 });
    // As openDatabase does: a lost connection must not end the test process.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    return pool;
  };
  const checkedOut = (pool: pg.Pool) => pool.totalCount - pool.idleCount;

  it('gives the connection back when BEGIN fails on a connection that died while idle', async () => {
    const pool = await openPool();
    const db = drizzleReleasingConnections(pool);
    await db.execute(sql`SELECT 1`);
    // The next connection handed out has lost its server, as when PostgreSQL stops hard between
    // the pool's last look at it and the transaction's BEGIN.
    pool.once('acquire', (client) =>
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy(),
    );

    await expect(db.transaction((tx) => tx.execute(sql`SELECT 1`))).rejects.toThrow();

    expect(checkedOut(pool)).toBe(0);
    // The broken connection is dropped, and the pool serves transactions again.
    await expect(db.transaction(async (tx) => rowsOf(await tx.execute(sql`SELECT 2 AS n`))[0])).resolves.toEqual({
      n: 2,
    });
    expect(checkedOut(pool)).toBe(0);
  });

  it('commits, and gives the connection back after a transaction that fails part way', async () => {
    const pool = await openPool();
    const db = drizzleReleasingConnections(pool);
    await db.execute(sql`CREATE TABLE notes (body text)`);
    await db.transaction((tx) => tx.execute(sql`INSERT INTO notes VALUES ('kept')`));
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO notes VALUES ('undone')`);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');

    expect(checkedOut(pool)).toBe(0);
    expect(rowsOf(await db.execute(sql`SELECT body FROM notes`))).toEqual([{ body: 'kept' }]);
  });
});
