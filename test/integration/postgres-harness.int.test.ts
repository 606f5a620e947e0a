import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../helpers/postgres-cluster.ts';

describe('throwaway PostgreSQL cluster', () => {
  let client: pg.Client;
  let dbUrl: string;

  beforeAll(async () => {
    const adminUrl = inject('postgresUrl');
    expect(adminUrl, 'globalSetup should provide postgresUrl').toMatch(/^postgres:\/\//);
    dbUrl = await createDatabase(adminUrl, 'postgres_harness_test');
    client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
  });

  it('gives the test file its own database', async () => {
    expect(new URL(dbUrl).pathname).toBe('/postgres_harness_test');
    const { rows } = await client.query<{ db: string; encoding: string }>(
      `select current_database() as db, pg_encoding_to_char(encoding) as encoding
         from pg_database where datname = current_database()`,
    );
    expect(rows).toEqual([{ db: 'postgres_harness_test', encoding: 'UTF8' }]);
  });

  it('creates a table, inserts and selects', async () => {
    await client.query(`
      create table measures (
        id serial primary key,
        name text not null,
        value numeric(10, 2) not null,
        recorded_at timestamptz not null default now()
      )`);
    await client.query('insert into measures (name, value) values ($1, $2), ($3, $4)', [
      'Missed bin collections',
      12.5,
      'Council tax collected (%)',
      97.25,
    ]);
    const { rows } = await client.query<{ name: string; value: string }>(
      'select name, value from measures order by id',
    );
    expect(rows).toEqual([
      { name: 'Missed bin collections', value: '12.50' },
      { name: 'Council tax collected (%)', value: '97.25' },
    ]);
  });

  it('refuses to create the same database twice', async () => {
    await expect(createDatabase(inject('postgresUrl'), 'postgres_harness_test')).rejects.toThrow(/already exists/);
  });

  it('generates a unique database name when none is given', async () => {
    const a = await createDatabase(inject('postgresUrl'));
    const b = await createDatabase(inject('postgresUrl'));
    expect(a).not.toBe(b);
  });
});
