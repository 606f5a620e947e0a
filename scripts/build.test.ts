import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// Run with the unit tests (the checks' phase of `npm test`): most of its time is esbuild and the built
// server in their own processes, which the integration step's single worker would wait on.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<Response> {
  // A fresh data folder is migrated before the server listens: on a busy machine (load average 20,
  // other suites beside it) that took more than 90 s, so the deadline leaves room within the test's.
  const deadline = Date.now() + 200_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the built server exited (${child.exitCode}):\n${output()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`the built server did not answer in time:\n${output()}`);
}

describe('npm run build', () => {
  const temporary = mkdtempSync(path.join(os.tmpdir(), 'golden-thread-build-'));
  let server: ChildProcess | undefined;
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(temporary, { recursive: true, force: true });
  });

  it('bundles a server that starts on its own and answers /health', { timeout: 300_000 }, async () => {
    const outdir = path.join(temporary, 'dist');
    await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'build.mjs'), outdir], { cwd: root });
    expect(existsSync(path.join(outdir, 'server.js'))).toBe(true);
    expect(existsSync(path.join(outdir, 'cli.js'))).toBe(true);

    // Packages are not bundled: like dist/ in the checkout, the bundle finds them in node_modules
    // above it.
    symlinkSync(path.join(root, 'node_modules'), path.join(temporary, 'node_modules'), 'dir');
    const port = await freePort();
    let output = '';
    // Started from the temporary folder, not the checkout: templates, assets and migrations must
    // be found from the bundle, not from the working directory.
    server = spawn(process.execPath, [path.join(outdir, 'server.js')], {
      cwd: temporary,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(temporary, 'data'),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const health = await waitForHealth(`http://127.0.0.1:${port}/health`, server, () => output);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    // A page (templates) and a stylesheet (assets) prove the files beside the sources were found.
    const signIn = await fetch(`http://127.0.0.1:${port}/sign-in`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('Sign in');
    expect((await fetch(`http://127.0.0.1:${port}/assets/app.css`)).status).toBe(200);

    // A bad setting stops the built server with one line naming it, and status 1.
    const refused = spawnSync(process.execPath, [path.join(outdir, 'server.js')], {
      cwd: temporary,
      env: { PATH: process.env.PATH, PORT: 'abc' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid setting PORT: /)]);

    // A port in use (the first server's) stops a second one with one line, before any migration.
    const secondData = path.join(temporary, 'second-data');
    const clash = spawnSync(process.execPath, [path.join(outdir, 'server.js')], {
      cwd: temporary,
      env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: secondData, SEED_DEMO: 'false' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(clash.status).toBe(1);
    expect(clash.stdout).toBe('');
    expect(clash.stderr.trim().split('\n')).toEqual([
      `Port ${port} on 127.0.0.1 is already in use or not allowed: stop the program using it, or set PORT to another port.`,
    ]);
    expect(existsSync(secondData)).toBe(false);
  });
});
