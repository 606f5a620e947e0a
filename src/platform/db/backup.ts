/**
 * Backup and restore of the whole database (docs/backup-and-restore.md):
 * - PostgreSQL: `pg_dump --format=custom` and `pg_restore --single-transaction` into an empty
 *   database, so a restore that fails leaves nothing half-written. Owners and grants are left out
 *   (the restoring role owns what it restores; grant the app role again afterwards).
 * - PGlite: its own dump of the data folder (a gzipped tarball), loaded into an empty folder. The
 *   folder lock (data-dir-lock.ts) keeps a running server's folder out of both.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase } from './db.ts';

export class BackupError extends Error {}

/** Where pg_dump and pg_restore are: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin, else PATH. */
export function postgresTool(name: 'pg_dump' | 'pg_restore', env: Record<string, string | undefined>): string {
  if (env.PG_BIN) return path.join(env.PG_BIN, name);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((version) => /^\d+$/.test(version) && existsSync(path.join(root, version, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin', name);
  }
  return name;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(
        new BackupError(
          missing
            ? `${command} was not found: install the PostgreSQL client tools or set PG_BIN to their folder`
            : `${path.basename(command)} failed: ${stderr.trim() || error.message}`,
        ),
      );
    });
  });
}

async function publicTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'drizzle')`,
    );
    return result.rows[0]!.n;
  } finally {
    await client.end();
  }
}

export async function backupPostgres(url: string, file: string, env: Record<string, string | undefined>) {
  await run(postgresTool('pg_dump', env), ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url]);
}

export async function restorePostgres(url: string, file: string, env: Record<string, string | undefined>) {
  if (!existsSync(file)) throw new BackupError(`Cannot read ${file}: no such file`);
  if ((await publicTableCount(url)) > 0)
    throw new BackupError(
      'The database already has tables: restore into a new, empty database (createdb) and point DATABASE_URL at it',
    );
  await run(postgresTool('pg_restore', env), [
    '--single-transaction',
    '--exit-on-error',
    '--no-owner',
    '--no-privileges',
    `--dbname=${url}`,
    file,
  ]);
}

export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0)
    throw new BackupError(`There is no database in ${dataDir} to back up`);
  // Opening takes the folder's lock: a running server's folder is refused, not copied mid-write.
  const database = await openDatabase({ dataDir });
  try {
    const dump = await database.dump!('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

export async function restorePglite(dataDir: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`Cannot read ${file}: no such file`);
  const lock = lockDataDir(dataDir);
  try {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
      throw new BackupError(
        `${dataDir} already holds a database: move it aside (or set DATA_DIR to a new folder) and restore again`,
      );
    const client = await PGlite.create(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
    await client.close();
  } finally {
    lock.release();
  }
}
