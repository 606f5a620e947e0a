/**
 * A port already in use stops the server with one clear line naming it: the real server entry
 * (src/server.ts, as `npm run dev` starts it) on a port another program holds, checked before any
 * database is opened. No HTTP or SQL of the app: it runs once, on no database.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portIsFree } from './port-check.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Another program holding a loopback port. */
async function holdPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

/** Runs the server entry to its end (or kills it after the timeout): exit code and what it printed. */
function runServer(env: Record<string, string>, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', './scripts/ts-loader/register.mjs', 'src/server.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A server that did start would run for ever: stopped, and the test then fails on its code.
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('a port already in use', () => {
  let held: { server: Server; port: number };
  let dataDir: string;

  beforeAll(async () => {
    held = await holdPort();
    dataDir = mkdtempSync(path.join(tmpdir(), 'gt-port-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => held.server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is told apart from a free one', async () => {
    expect(await portIsFree('127.0.0.1', held.port)).toBe(false);
    const free = await holdPort();
    await new Promise((resolve) => free.server.close(resolve));
    expect(await portIsFree('127.0.0.1', free.port)).toBe(true);
  });

  it('stops the server with one line naming the port, before the database is opened', async () => {
    const run = await runServer(
      {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(held.port),
        SESSION_SECRET: 'x'.repeat(40),
        DATA_DIR: dataDir,
        SEED_DEMO: 'false',
      },
      50_000,
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe(
      `Port ${held.port} on 127.0.0.1 is already in use or not allowed: stop the program using it, or set PORT to another port.\n`,
    );
    expect(run.stdout).toBe('');
    // Nothing was opened or made in the data folder.
    expect(readdirSync(dataDir)).toEqual([]);
  }, 60_000);
});
