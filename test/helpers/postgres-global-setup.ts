/**
 * Vitest globalSetup for the `integration` project: starts ONE throwaway
 * PostgreSQL cluster for the whole run and hands its admin URL to test files:
 *
 *   import { inject } from 'vitest';
 *   import { createDatabase } from './postgres-cluster.ts';
 *   const url = await createDatabase(inject('postgresUrl'), 'my_test_db');
 *
 * Each test file should create its own database (files run in parallel).
 *
 * Environment:
 *   GT_SKIP_POSTGRES=1  don't start a cluster. `postgresUrl` is then
 *                       GT_POSTGRES_URL if set (an existing server you provide),
 *                       otherwise '' (createDatabase() throws a clear error).
 *   PG_BIN              directory containing initdb/pg_ctl (see postgres-cluster.ts).
 */
import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL (`postgres://postgres@127.0.0.1:PORT/postgres`) of the run's PostgreSQL cluster. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.GT_SKIP_POSTGRES === '1') {
    project.provide('postgresUrl', process.env.GT_POSTGRES_URL ?? '');
    return async () => {};
  }

  const started = Date.now();
  const cluster = await startThrowawayCluster();
  project.provide('postgresUrl', cluster.url);
  if (process.env.GT_DEBUG_POSTGRES === '1') {
    console.log(`[postgres] throwaway cluster at ${cluster.url} (${Date.now() - started} ms)`);
  }

  return async () => {
    await cluster.stop();
  };
}
