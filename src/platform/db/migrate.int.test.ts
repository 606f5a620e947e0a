import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../test/helpers/postgres-cluster.ts';
import { migratePostgres, openDatabase } from './db.ts';

const journal = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations', 'meta', '_journal.json'), 'utf8'),
) as { entries: unknown[] };

describe('migrations as a step on PostgreSQL', () => {
  it('lets two processes migrate a fresh database at once: both succeed, each migration applied once', async () => {
    const url = await createDatabase(inject('postgresUrl'));
    // Two pools stand for two processes starting together.
    const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
    try {
      const results = await Promise.allSettled(pools.map((pool) => migratePostgres(pool)));
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
      const applied = await pools[0]!.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      expect(applied.rows[0].n).toBe(journal.entries.length);
      const tables = await pools[0]!.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'organisations'`,
      );
      expect(tables.rows[0].n).toBe(1);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('leaves the schema alone when asked not to migrate on open (MIGRATE_ON_START=false)', async () => {
    const url = await createDatabase(inject('postgresUrl'));
    const database = await openDatabase({ url, migrate: false });
    try {
      const result = await database.db.execute(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      expect((result as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    } finally {
      await database.close();
    }
  });
});
