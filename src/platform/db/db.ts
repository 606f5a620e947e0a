import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { drizzleReleasingConnections } from './pooled-transactions.ts';

/** A database or a transaction: repositories accept either, so services decide the boundary. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  /**
   * Where read-only reporting reads go (dashboards, report drafts): a streaming replica when
   * READ_DATABASE_URL is set (docs/scaling.md), else the same database as `db`. Never written to,
   * and a moment behind the primary, so nothing that reads its own write uses it.
   */
  readDb: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a raw SQL string (used by benchmarks and maintenance commands). */
  exec(sql: string): Promise<void>;
  /** PGlite only: the whole database as a tarball (gzipped if asked), to start other instances from. */
  dump?: (compression?: 'none' | 'gzip') => Promise<Blob | File>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenDatabaseOptions {
  /** postgres://… for a real server; otherwise PGlite. */
  url?: string | undefined;
  /** PostgreSQL only: a read replica for reporting reads (READ_DATABASE_URL); `readDb` is `db` without it. */
  readUrl?: string | undefined;
  /** PGlite data directory; omitted means in memory (tests). */
  dataDir?: string | undefined;
  /** In-memory PGlite started from a dump (tests start from an already migrated database). */
  loadDataDir?: Blob | undefined;
  /**
   * PostgreSQL only: apply pending migrations on open (default). False when migrations are run as
   * their own step (`npm run migrate`, MIGRATE_ON_START=false). PGlite always migrates: it is
   * embedded, so no other process shares it.
   */
  migrate?: boolean | undefined;
}

/**
 * Any constant works as long as every process uses the same one: it names the lock that
 * serialises migrations across processes starting at once.
 */
const MIGRATION_LOCK_KEY = 'golden-thread:migrations';

/**
 * Applies pending migrations holding a session-level advisory lock, so that two processes starting
 * together do not both try to create the same tables: the second waits, then finds nothing to do.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/**
 * A connection checked out of the pool (a transaction holds one) has no 'error' listener while it
 * is out: the pool listens only to idle ones. Lost mid-transaction (PostgreSQL stopped, a
 * failover), it emitted 'error' to no one, which ended the whole process: found by the restart
 * test (test/integration/postgres-restart.int.test.ts). The event is safe to ignore: the query in
 * flight fails with the same error (answered 503), and the broken connection is dropped from the
 * pool when released.
 */
function keepConnectionLossFromEndingProcess(pool: pg.Pool): void {
  pool.on('connect', (client) => client.on('error', () => {}));
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server drops (PostgreSQL restarting, a failover) is reported here and
    // taken out of the pool, which connects afresh on the next query. Without a listener the error
    // would end the process; requests made meanwhile fail and are answered 503 (error-pages.ts).
    pool.on('error', () => {});
    keepConnectionLossFromEndingProcess(pool);
    const db = drizzleReleasingConnections(pool);
    const readPool = options.readUrl ? new pg.Pool({ connectionString: options.readUrl, max: 10 }) : undefined;
    if (readPool) {
      readPool.on('error', () => {});
      keepConnectionLossFromEndingProcess(readPool);
    }
    const readDb = readPool ? drizzleReleasingConnections(readPool) : db;
    if (options.migrate ?? true) await migratePostgres(pool);
    return {
      db,
      readDb,
      kind: 'postgres',
      exec: async (sql) => {
        await pool.query(sql);
      },
      close: async () => {
        await Promise.all([pool.end(), readPool?.end()]);
      },
    };
  }
  if (options.readUrl) throw new Error('A read replica (READ_DATABASE_URL) needs PostgreSQL (DATABASE_URL)');
  // A folder is opened by one process at a time (data-dir-lock.ts): refused before PGlite touches it.
  const lock = options.dataDir ? lockDataDir(options.dataDir) : undefined;
  try {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const client = options.dataDir
      ? new PGlite(options.dataDir)
      : options.loadDataDir
        ? await PGlite.create({ loadDataDir: options.loadDataDir })
        : new PGlite();
    const pglite = drizzlePglite(client);
    await migratePglite(pglite, { migrationsFolder });
    return {
      db: pglite as unknown as Db,
      readDb: pglite as unknown as Db,
      kind: 'pglite',
      exec: async (sql) => {
        await client.exec(sql);
      },
      dump: (compression = 'none') => client.dumpDataDir(compression),
      close: async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
