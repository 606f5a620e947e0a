import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/db.ts';
import { createDatabase } from './postgres-cluster.ts';

/**
 * Two connections to one new database, standing for two app processes: on PostgreSQL two pools on
 * a fresh database of the run's cluster; on PGlite, which has one connection, the same one twice.
 */
export interface TwoConnections {
  first: Database;
  second: Database;
  close(): Promise<void>;
}

export async function openTwoConnections(kind: 'pglite' | 'postgres'): Promise<TwoConnections> {
  let first: Database;
  let second: Database;
  if (kind === 'postgres') {
    const url = await createDatabase(inject('postgresUrl'));
    first = await openDatabase({ url });
    second = await openDatabase({ url });
  } else {
    first = await openDatabase({});
    second = first;
  }
  return {
    first,
    second,
    async close() {
      await first.close();
      if (second !== first) await second.close();
    },
  };
}
