/**
 * The real server, as `npm start` runs it (the bundle scripts/build.mjs makes), as a child process,
 * for tests that must do to it what happens to a process in production: kill it outright, start it
 * again on the same data. Also a small
 * cookie-keeping HTTP client that signs in through the sign-in form, as a browser does (no
 * in-process shortcut: the server is another process).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A built server: its folder (the caller removes it) and the bundle's entry. */
export interface ServerBundle {
  folder: string;
  serverJs: string;
}

/**
 * Builds the server as `npm start` does (scripts/build.mjs) into a new temporary folder, with
 * node_modules linked beside it as in the checkout. Not the sources through the TypeScript loader
 * (`npm run dev`): that compiles every module again on each start, twice the CPU of a start from
 * the bundle (measured 10.1 against 5.6 core-s; the build 1.2).
 */
export async function buildServer(): Promise<ServerBundle> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'gt-server-bundle-'));
  const outdir = path.join(folder, 'dist');
  await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'build.mjs'), outdir], { cwd: root });
  symlinkSync(path.join(root, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  return { folder, serverJs: path.join(outdir, 'server.js') };
}

/** A loopback port free just now (the server checks again, and says so in one line if it was taken). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** What it printed so far (for failure messages). */
  output(): string;
  /** SIGKILL: no shutdown hook runs, as when the machine or the container is stopped hard. */
  kill(): Promise<void>;
}

/** Starts the server with these settings and resolves once it says it is running. */
export async function startServer(
  bundle: ServerBundle,
  env: Record<string, string>,
  timeoutMs = 240_000,
): Promise<ServerProcess> {
  const port = await freePort();
  // Started from its own folder: the bundle must find its templates, assets and migrations from
  // where it is, not from the checkout.
  const child = spawn(process.execPath, [bundle.serverJs], {
    cwd: bundle.folder,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'Europe/London',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SESSION_SECRET: 'x'.repeat(40),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never left running, holding the data folder
      reject(new Error(`The server did not start in time:\n${output}`));
    }, timeoutMs);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Golden Thread is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server stopped (code ${code}) before it was running:\n${output}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A person's browser, in short: keeps cookies, follows no redirects, and knows its CSRF token. */
export interface HttpAgent {
  csrf: string;
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** A JSON (or other body) API call riding on the session, with the CSRF header. */
  api(method: string, url: string, body?: unknown, contentType?: string): Promise<Response>;
}

const hiddenCsrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

/** Signs in through the sign-in form (GET for its CSRF cookie, POST), then reads the session's token. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<HttpAgent> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  const fetchKeeping = async (url: string, init: RequestInit = {}) => {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    return keep(await fetch(`${baseUrl}${url}`, { ...init, headers, redirect: 'manual' }));
  };
  const form = await fetchKeeping('/sign-in');
  const formCsrf = hiddenCsrf(await form.text());
  if (!formCsrf) throw new Error('The sign-in page has no CSRF field');
  const signedIn = await fetchKeeping('/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: formCsrf, email, password }).toString(),
  });
  if (signedIn.status !== 302 || !cookies.has('gt_session')) {
    throw new Error(`Sign-in refused (${signedIn.status}): ${await signedIn.text()}`);
  }
  const csrf = hiddenCsrf(await (await fetchKeeping('/imports')).text());
  if (!csrf) throw new Error('No CSRF token on a signed-in page');
  return {
    csrf,
    fetch: fetchKeeping,
    api: (method, url, body, contentType = 'application/json') =>
      fetchKeeping(url, {
        method,
        headers: { 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': contentType }) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  };
}
