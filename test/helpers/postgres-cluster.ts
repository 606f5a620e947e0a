/**
 * Throwaway PostgreSQL clusters for integration tests.
 *
 *   const cluster = await startThrowawayCluster();
 *   const url = await createDatabase(cluster.url, 'my_feature_test');
 *   ...
 *   await cluster.stop();
 *
 * The cluster lives in a fresh temp directory, listens only on 127.0.0.1 on a
 * free port, trusts every local connection (user `postgres`, no password) and
 * runs with durability switched off (fsync, synchronous_commit,
 * full_page_writes) because nothing in it needs to survive. `stop()` kills it
 * (`pg_ctl stop -m immediate`) and deletes the directory.
 *
 * Binaries: `$PG_BIN`, else the highest `/usr/lib/postgresql/<version>/bin`,
 * else `initdb`/`pg_ctl` on PATH. initdb refuses to run as root, so when we are
 * root the binaries run as the `postgres` OS user (or, if that doesn't exist,
 * a dedicated system user `gtpg` that we create) via `runuser -u USER --`.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export interface ThrowawayCluster {
  /** Admin connection URL: `postgres://postgres@127.0.0.1:PORT/postgres`. */
  url: string;
  /** Immediate shutdown and removal of the data directory. Safe to call twice. */
  stop(): Promise<void>;
}

/** A cluster of our own (not a replica), which a test may also stop hard and start again. */
export interface RestartableCluster extends ThrowawayCluster {
  /** Immediate shutdown (`pg_ctl stop -m immediate`, as a crash), keeping the data: see `resume`. */
  pause(): Promise<void>;
  /** Starts a paused cluster again on the same port and data (crash recovery runs first). */
  resume(): Promise<void>;
}

export interface ClusterOptions {
  /**
   * Keep synchronous_commit on, so that a commit is acknowledged only once its WAL is written:
   * for tests that stop the cluster hard and check no acknowledged write was lost. (fsync stays
   * off: an immediate shutdown kills processes, not the machine, so the OS keeps what was written.)
   */
  durable?: boolean;
}

const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl) were not found. ' +
  'Install them with `apt-get install -y postgresql` (Debian/Ubuntu, as root), ' +
  'or point PG_BIN at the directory containing initdb and pg_ctl, ' +
  'or set GT_SKIP_POSTGRES=1 to run without a PostgreSQL cluster.';

/** Fallback unprivileged user created when running as root without a `postgres` user. */
const FALLBACK_OS_USER = 'gtpg';

export class PostgresBinariesMissingError extends Error {
  constructor(detail?: string) {
    super(detail ? `${INSTALL_HINT} (${detail})` : INSTALL_HINT);
    this.name = 'PostgresBinariesMissingError';
  }
}

/** Directory holding `initdb` and `pg_ctl`; throws PostgresBinariesMissingError if none. */
export function findPostgresBinDir(): string {
  const hasBoth = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));

  const fromEnv = process.env.PG_BIN;
  if (fromEnv) {
    if (hasBoth(fromEnv)) return fromEnv;
    throw new PostgresBinariesMissingError(`PG_BIN=${fromEnv} does not contain initdb and pg_ctl`);
  }

  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v) && hasBoth(join(root, v, 'bin')))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    const best = versions[0];
    if (best !== undefined) return join(root, best, 'bin');
  }

  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && hasBoth(dir)) return dir;
  }
  throw new PostgresBinariesMissingError();
}

function run(cmd: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const output = `${stdout}${stderr}`.trim();
        reject(new Error(`${[cmd, ...args].join(' ')} failed: ${error.message}${output ? `\n${output}` : ''}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

function osUserExists(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let cachedRunAs: { user: string; uid: number; gid: number } | null | undefined;

/** When root: the unprivileged OS user to run PostgreSQL as (created if needed). Otherwise null. */
function unprivilegedUser(): { user: string; uid: number; gid: number } | null {
  if (cachedRunAs !== undefined) return cachedRunAs;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    cachedRunAs = null;
    return null;
  }
  let user = 'postgres';
  if (!osUserExists(user)) {
    user = FALLBACK_OS_USER;
    if (!osUserExists(user)) {
      try {
        execFileSync('useradd', ['-r', '-M', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', user], {
          stdio: 'pipe',
        });
      } catch (error) {
        // Another process may have created it concurrently.
        if (!osUserExists(user)) {
          throw new Error(
            `Running as root, and could not create the unprivileged OS user "${user}" for PostgreSQL: ${String(error)}`,
          );
        }
      }
    }
  }
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  cachedRunAs = { user, uid, gid };
  return cachedRunAs;
}

/** Command + args, prefixed with `runuser -u USER --` when we are root. */
function asDbUser(binary: string, args: string[]): [string, string[]] {
  const runAs = unprivilegedUser();
  return runAs ? ['runuser', ['-u', runAs.user, '--', binary, ...args]] : [binary, args];
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not allocate a free port'))));
    });
  });
}

async function waitUntilAcceptingConnections(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`PostgreSQL at ${url} did not accept connections within ${timeoutMs} ms: ${String(lastError)}`);
}

function readLogTail(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no server log)';
  }
}

/** Start a private PostgreSQL cluster on a free loopback port. */
export async function startThrowawayCluster(options: ClusterOptions = {}): Promise<RestartableCluster> {
  const binDir = findPostgresBinDir();
  const initdb = join(binDir, 'initdb');
  const pgCtl = join(binDir, 'pg_ctl');

  const dir = await mkdtemp(join(tmpdir(), 'gt-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  let running = false;
  let stopped = false;

  const stopSync = () => {
    // Last-resort cleanup if the process exits without calling stop().
    if (stopped) return;
    stopped = true;
    try {
      if (running) {
        const [cmd, args] = asDbUser(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
        execFileSync(cmd, args, { cwd: dir, stdio: 'ignore' });
      }
    } catch {
      // best effort
    }
    try {
      execFileSync('rm', ['-rf', dir], { stdio: 'ignore' });
    } catch {
      // best effort
    }
  };
  process.once('exit', stopSync);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stopSync);
    try {
      if (running) {
        const [cmd, args] = asDbUser(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
        await run(cmd, args, dir).catch(() => {});
        running = false;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  try {
    const runAs = unprivilegedUser();
    if (runAs) {
      await chown(dir, runAs.uid, runAs.gid);
    }
    await chmod(dir, 0o700);

    {
      const [cmd, args] = asDbUser(initdb, [
        '-D',
        dataDir,
        '--auth=trust',
        '-U',
        'postgres',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ]);
      await run(cmd, args, dir);
    }

    // The port is picked before postgres binds it, so retry if someone else grabs it first.
    let lastError: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const port = await freeLoopbackPort();
      const serverOptions = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        ...(options.durable ? [] : ['-c synchronous_commit=off']),
        '-c full_page_writes=off',
      ].join(' ');
      const startCommand = asDbUser(pgCtl, [
        'start',
        '-D',
        dataDir,
        '-l',
        logFile,
        '-w',
        '-t',
        '60',
        '-o',
        serverOptions,
      ]);
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      const pause = async () => {
        const [stopCmd, stopArgs] = asDbUser(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
        await run(stopCmd, stopArgs, dir);
        running = false;
      };
      const resume = async () => {
        running = true;
        await run(startCommand[0], startCommand[1], dir);
        await waitUntilAcceptingConnections(url, 30_000);
      };
      try {
        running = true;
        await run(startCommand[0], startCommand[1], dir);
        await waitUntilAcceptingConnections(url, 30_000);
        return { url, stop, pause, resume };
      } catch (error) {
        lastError = error;
        // Make sure a half-started server is gone before retrying.
        const [stopCmd, stopArgs] = asDbUser(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
        await run(stopCmd, stopArgs, dir).catch(() => {});
        running = false;
      }
    }
    throw new Error(`Could not start PostgreSQL: ${String(lastError)}\n--- server log ---\n${readLogTail(logFile)}`);
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Create a fresh database on the cluster at `adminUrl` and return its URL: empty, or a copy of
 * the `template` database (no one may be connected to it). `name` must be a plain identifier
 * (letters, digits, underscores); it must not already exist. Omit it to get a unique generated name.
 */
export async function createDatabase(adminUrl: string, name?: string, template = 'template0'): Promise<string> {
  if (!adminUrl) {
    throw new Error(
      'No PostgreSQL admin URL: the integration globalSetup did not start a cluster ' +
        '(GT_SKIP_POSTGRES=1 without GT_POSTGRES_URL?).',
    );
  }
  const dbName = name ?? `gt_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(dbName)) {
    throw new Error(`Invalid database name "${dbName}": use letters, digits and underscores (max 63 chars).`);
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${dbName}" TEMPLATE "${template}" ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

/**
 * A hot-standby streaming replica of the cluster at `primaryUrl` (a throwaway cluster: trust on
 * loopback, replication allowed by initdb's defaults), on its own free loopback port: copied with
 * `pg_basebackup -R` and started read-only. Its `url` names the `postgres` database; every
 * database of the primary, and every later write, streams to it.
 */
export async function startStreamingReplica(primaryUrl: string): Promise<ThrowawayCluster> {
  const binDir = findPostgresBinDir();
  const pgCtl = join(binDir, 'pg_ctl');
  const primary = new URL(primaryUrl);
  const dir = await mkdtemp(join(tmpdir(), 'gt-pg-replica-'));
  const dataDir = join(dir, 'data');
  let running = false;
  const stop = async () => {
    if (running) {
      const [cmd, args] = asDbUser(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      await run(cmd, args, dir).catch(() => {});
      running = false;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const runAs = unprivilegedUser();
    if (runAs) await chown(dir, runAs.uid, runAs.gid);
    await chmod(dir, 0o700);
    {
      const [cmd, args] = asDbUser(join(binDir, 'pg_basebackup'), [
        ...['-h', primary.hostname, '-p', primary.port, '-U', 'postgres', '-D', dataDir],
        ...['-R', '-X', 'stream', '--no-sync', '-c', 'fast'],
      ]);
      await run(cmd, args, dir);
    }
    const port = await freeLoopbackPort();
    const serverOptions = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c hot_standby=on'].join(' ');
    const [cmd, args] = asDbUser(pgCtl, ['start', '-D', dataDir, '-l', join(dir, 'server.log'), '-w', '-t', '60']);
    running = true;
    await run(cmd, [...args, '-o', serverOptions], dir);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await waitUntilAcceptingConnections(url, 30_000);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
