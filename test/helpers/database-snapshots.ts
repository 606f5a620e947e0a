/**
 * Ready-made databases for tests, so that each test file gets its own database (files stay
 * independent) without paying for the migrations, or the demo council, again:
 *
 * - PGlite: a dump taken once after the migrations (and, for `demo`, after loading the demo
 *   council), kept in the OS temp folder under a hash of everything that shapes it; each test file
 *   starts an in-memory PGlite from it.
 * - PostgreSQL: a template database made once per cluster under the same hash; each test file gets
 *   `CREATE DATABASE … TEMPLATE` of it, a file copy inside the server.
 *
 * The hash covers the migrations and, for the demo, every non-test source file under src/ (the
 * loader calls the framework, plans and performance code, whose results it stores), the real data
 * folder's file names, sizes and times, and the instant the demo was loaded at: a test's fixed clock,
 * or today's date when the test runs on the real clock (the demo's timestamps are then from earlier
 * today, its "today" is today).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/db.ts';
import { demoCouncil } from '../../src/demo/demo-council.data.ts';
import { type DemoCredentials, loadDemoCouncil } from '../../src/demo/demo-council.loader.ts';
import { DEFAULT_REAL_DATA_DIR } from '../../src/demo/real-data-reader.ts';
import { createDatabase } from './postgres-cluster.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const migrationsFolder = path.join(root, 'src', 'platform', 'db', 'migrations');

export interface SnapshotOptions {
  /** Load the demo council (Ashdown Vale) into the snapshot. */
  demo: boolean;
  /** The test's clock: the demo is loaded at its time (the real clock when absent). */
  clock?: (() => Date) | undefined;
}

/** Files under `folder` (recursively) whose names pass `keep`, sorted, as paths. */
function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, keep));
    else if (keep(entry.name)) found.push(full);
  }
  return found.sort();
}

/** Today in London, for the demo loaded on the real clock. */
function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** A short hash of everything that shapes the snapshot (see the top of this file). */
function snapshotKey(options: SnapshotOptions): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(migrationsFolder, (name) => name.endsWith('.sql'))) {
    hash.update(path.relative(root, file)).update(readFileSync(file));
  }
  if (options.demo) {
    const sources = filesUnder(path.join(root, 'src'), (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    for (const file of sources) hash.update(path.relative(root, file)).update(readFileSync(file));
    for (const file of filesUnder(DEFAULT_REAL_DATA_DIR, () => true)) {
      const stat = statSync(file);
      hash.update(`${path.relative(DEFAULT_REAL_DATA_DIR, file)} ${stat.size} ${stat.mtimeMs}`);
    }
    hash.update(options.clock ? options.clock().toISOString() : `real clock ${londonToday()}`);
  }
  return hash.digest('hex').slice(0, 20);
}

function loadDemo(db: Parameters<typeof loadDemoCouncil>[0], options: SnapshotOptions): Promise<DemoCredentials> {
  return loadDemoCouncil(db, demoCouncil, options.clock ? { clock: options.clock } : {});
}

/** Writes a file whole or not at all (test files in parallel may write the same one). */
function writeAtomically(file: string, bytes: Buffer | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

export interface PgliteSnapshot {
  dataDir: Blob;
  demo: DemoCredentials | null;
}

/** A PGlite dump, migrated (and with the demo council), made once and reused from the temp folder. */
export async function pgliteSnapshot(options: SnapshotOptions): Promise<PgliteSnapshot> {
  const base = path.join(os.tmpdir(), `golden-thread-pglite-${options.demo ? 'demo-' : ''}${snapshotKey(options)}`);
  const dumpFile = `${base}.tar`;
  const demoFile = `${base}.demo.json`;
  if (existsSync(dumpFile) && (!options.demo || existsSync(demoFile))) {
    const demo = options.demo ? (JSON.parse(readFileSync(demoFile, 'utf8')) as DemoCredentials) : null;
    return { dataDir: new Blob([readFileSync(dumpFile)]), demo };
  }
  const database = options.demo
    ? await openDatabase({ loadDataDir: (await pgliteSnapshot({ demo: false })).dataDir })
    : await openDatabase({});
  const demo = options.demo ? await loadDemo(database.db, options) : null;
  const bytes = Buffer.from(await (await database.dump!()).arrayBuffer());
  await database.close();
  // The credentials first: a dump is only taken as cached when its credentials are there.
  if (demo) writeAtomically(demoFile, JSON.stringify(demo));
  writeAtomically(dumpFile, bytes);
  return { dataDir: new Blob([bytes]), demo };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The name of a template database holding the snapshot, made on first use. Test files run in
 * parallel processes, so the first to get here makes it under an advisory lock and the rest wait.
 */
async function templateDatabase(adminUrl: string, options: SnapshotOptions): Promise<string> {
  const name = `gt_template_${options.demo ? 'demo_' : ''}${snapshotKey(options)}`;
  return withAdmin(adminUrl, async (admin) => {
    const lock = Number.parseInt(createHash('sha256').update(name).digest('hex').slice(0, 12), 16);
    await admin.query('SELECT pg_advisory_lock($1)', [lock]);
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return name;
      const source = options.demo ? await templateDatabase(adminUrl, { demo: false }) : undefined;
      const building = `${name}_building_${process.pid}`;
      const url = await createDatabase(adminUrl, building, source);
      const database = await openDatabase({ url }); // runs the migrations
      try {
        if (options.demo) {
          const demo = await loadDemo(database.db, options);
          // Kept with the template, for the tests to sign in as the demo's people.
          await admin.query(`COMMENT ON DATABASE "${building}" IS ${admin.escapeLiteral(JSON.stringify(demo))}`);
        }
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [lock]);
    }
  });
}

export interface PostgresSnapshot {
  url: string;
  demo: DemoCredentials | null;
}

/** A new database on the cluster at `adminUrl`, copied from the snapshot's template. */
export async function postgresSnapshot(adminUrl: string, options: SnapshotOptions): Promise<PostgresSnapshot> {
  if (!adminUrl) return { url: await createDatabase(adminUrl), demo: null }; // throws its clear error
  const template = await templateDatabase(adminUrl, options);
  const url = await createDatabase(adminUrl, undefined, template);
  if (!options.demo) return { url, demo: null };
  const comment = await withAdmin(adminUrl, (admin) =>
    admin.query<{ demo: string }>(
      "SELECT shobj_description(oid, 'pg_database') AS demo FROM pg_database WHERE datname = $1",
      [template],
    ),
  );
  return { url, demo: JSON.parse(comment.rows[0]!.demo) as DemoCredentials };
}
