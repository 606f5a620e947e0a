/**
 * One process at a time per PGlite data folder. PGlite is an embedded database: two processes
 * opening the same folder corrupt it, and a CLI command run against the folder a server has open
 * once crashed and removed the server's own lock. So whoever opens the folder first writes a lock
 * file beside it (`<folder>.lock`, holding its pid); anyone else is refused with one clear message.
 * A lock whose process has gone (a crash, a kill) is stale and is taken over.
 */
import { hostname } from 'node:os';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {}

interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export function lockFileOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function readHolder(file: string): { raw: string; holder: Holder | null } | null {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<Holder>;
    if (typeof parsed.pid !== 'number') return { raw, holder: null };
    return {
      raw,
      holder: {
        pid: parsed.pid,
        host: String(parsed.host),
        command: String(parsed.command),
        since: String(parsed.since),
      },
    };
  } catch {
    return { raw, holder: null };
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Another machine's process cannot be checked, so its lock counts as held. */
const holds = (holder: Holder) => holder.host !== hostname() || isRunning(holder.pid);

function refusal(dataDir: string, holder: Holder): DataDirInUseError {
  const where = holder.host === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
  return new DataDirInUseError(
    `The database folder ${dataDir} is in use by ${where} (${holder.command}, since ${holder.since}): ` +
      'stop the server before running this command against its folder, or run it through the server. ' +
      `If no such process is running, delete ${lockFileOf(dataDir)}.`,
  );
}

/**
 * Takes the folder's lock or throws DataDirInUseError. The lock file is written whole under a
 * temporary name and then linked into place, which fails if it exists: two processes starting
 * together cannot both win, and no one ever reads a half-written lock.
 */
export function lockDataDir(dataDir: string, command = process.argv.slice(1).join(' ')): { release(): void } {
  const file = lockFileOf(dataDir);
  const mine: Holder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  const temporary = `${file}.${process.pid}.tmp`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(temporary, JSON.stringify(mine));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(temporary, file);
        return { release: () => releaseIfMine(file) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const found = readHolder(file);
      if (found?.holder && holds(found.holder)) throw refusal(dataDir, found.holder);
      // Stale (its process has gone) or unreadable: take it over, unless it changed meanwhile.
      if (found && readHolder(file)?.raw === found.raw) unlinkQuietly(file);
    }
    const found = readHolder(file);
    throw found?.holder ? refusal(dataDir, found.holder) : new DataDirInUseError(`Could not lock ${dataDir}`);
  } finally {
    unlinkQuietly(temporary);
  }
}

/** Removes the lock only if this process holds it: never another process's lock. */
function releaseIfMine(file: string): void {
  if (readHolder(file)?.holder?.pid === process.pid) unlinkQuietly(file);
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
