import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './commands.ts';
import { DataDirInUseError, lockDataDir, lockFileOf } from '../platform/db/data-dir-lock.ts';

describe('the PGlite data folder lock', () => {
  let root: string;
  let folder: string;
  /** A process that is running for the length of the tests, standing for a server. */
  let server: ReturnType<typeof spawn>;

  const lockHeldBy = (pid: number) =>
    JSON.stringify({ pid, host: hostname(), command: 'src/server.ts', since: '2026-01-01T09:00:00.000Z' });

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gt-lock-'));
    server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  });
  afterEach(() => rmSync(lockFileOf(folder), { force: true }));
  afterAll(() => {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('lets one holder in at a time, and is free again once released', () => {
    folder = path.join(root, 'a', 'pglite');
    const lock = lockDataDir(folder, 'first');
    expect(() => lockDataDir(folder, 'second')).toThrow(DataDirInUseError);
    expect(() => lockDataDir(folder, 'second')).toThrow(`is in use by process ${process.pid} (first, since`);
    lock.release();
    expect(existsSync(lockFileOf(folder))).toBe(false);
    lockDataDir(folder).release();
  });

  it('refuses while a running process holds it, and leaves that lock alone', () => {
    folder = path.join(root, 'b', 'pglite');
    lockDataDir(folder).release(); // makes the parent folder
    writeFileSync(lockFileOf(folder), lockHeldBy(server.pid!));
    expect(() => lockDataDir(folder)).toThrow(`is in use by process ${server.pid} (src/server.ts`);
    expect(readFileSync(lockFileOf(folder), 'utf8')).toBe(lockHeldBy(server.pid!));
  });

  it('takes over a stale lock whose process has gone', async () => {
    folder = path.join(root, 'c', 'pglite');
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.on('exit', resolve));
    lockDataDir(folder).release();
    writeFileSync(lockFileOf(folder), lockHeldBy(gone.pid!));
    const lock = lockDataDir(folder, 'after a crash');
    expect(JSON.parse(readFileSync(lockFileOf(folder), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('makes a CLI command refuse with one clear line, without touching the server’s lock', async () => {
    folder = path.join(root, 'd', 'pglite');
    lockDataDir(folder).release();
    writeFileSync(lockFileOf(folder), lockHeldBy(server.pid!));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const code = await runCli(['verify-audit'], {
        NODE_ENV: 'production',
        DATA_DIR: path.dirname(folder),
        SESSION_SECRET: 'x'.repeat(40),
      });
      expect(code).toBe(1);
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0]![0])).toMatch(
        /^The database folder .* is in use by process \d+ \(src\/server\.ts, since 2026-01-01T09:00:00\.000Z\): stop the server/,
      );
    } finally {
      errors.mockRestore();
    }
    expect(readFileSync(lockFileOf(folder), 'utf8')).toBe(lockHeldBy(server.pid!));
    expect(existsSync(folder)).toBe(false);
  });
});
