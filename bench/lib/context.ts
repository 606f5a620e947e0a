import { createDatabase, startThrowawayCluster, type ThrowawayCluster } from '../../test/helpers/postgres-cluster.ts';
import { openDatabase, type Database } from '../../src/platform/db/db.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** What every scenario gets: fresh migrated databases of either kind, cleaned up after the run. */
export interface BenchContext {
  /** The kinds to run on (all, unless `--db` narrowed them). */
  kinds: DatabaseKind[];
  /** Options given as `--name value` after the scenario names (e.g. `--seconds 30`). */
  options: Record<string, string>;
  /** A fresh, migrated, empty database: PGlite in memory, or a new database on a throwaway cluster. */
  openDatabase(kind: DatabaseKind): Promise<Database>;
  /** A fresh, migrated, empty PostgreSQL database and its URL, for app processes the bench starts. */
  openPostgres(): Promise<{ database: Database; url: string }>;
  log(message: string): void;
  /** Adds a paragraph or table (markdown) to the scenario's report, after its figures. */
  note(markdown: string): void;
}

export function createContext(
  kinds: DatabaseKind[],
  options: Record<string, string> = {},
): BenchContext & { dispose(): Promise<void>; takeNotes(): string[] } {
  let cluster: Promise<ThrowawayCluster> | undefined;
  const open: Database[] = [];
  const notes: string[] = [];
  return {
    kinds,
    options,
    async openDatabase(kind) {
      let database: Database;
      if (kind === 'postgres') {
        cluster ??= startThrowawayCluster();
        const url = await createDatabase((await cluster).url);
        database = await openDatabase({ url });
      } else {
        database = await openDatabase({});
      }
      open.push(database);
      return database;
    },
    async openPostgres() {
      cluster ??= startThrowawayCluster();
      const url = await createDatabase((await cluster).url);
      const database = await openDatabase({ url });
      open.push(database);
      return { database, url };
    },
    log(message) {
      process.stderr.write(`  ${message}\n`);
    },
    note(markdown) {
      notes.push(markdown);
    },
    /** The notes added since the last call (one scenario's). */
    takeNotes() {
      return notes.splice(0);
    },
    async dispose() {
      for (const database of open.splice(0)) await database.close().catch(() => {});
      if (cluster) await (await cluster).stop();
    },
  };
}
