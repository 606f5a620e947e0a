/**
 * The load test (issue 21): 200 concurrent simulated users doing quarter-end work for a bounded
 * time against PostgreSQL, with two app processes on loopback taking requests in turn (round-robin,
 * as a load balancer would). Half the users view dashboards; the other half each own one measure of
 * the demo council and go round data entry (open the form, submit the quarter's figure) and sign-off
 * (the performance officer's queue, then the value returned with a reason, so it can be entered
 * again). Each user waits a random think time between requests.
 *
 * Options: `--seconds N` (default 300, the 5 minutes), `--users N` (200), `--think-ms N`
 * (mean think time, 1000). Goal: 0 errors and p95 ≤ 300 ms over all requests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { createServices } from '../../src/container.ts';
import { demoCouncil } from '../../src/demo/demo-council.data.ts';
import { loadDemoCouncil } from '../../src/demo/demo-council.loader.ts';
import { currentReportingPeriod, periodKey, type Frequency } from '../../src/kernel/measurement/index.ts';
import type { Database } from '../../src/platform/db/db.ts';
import { rowsOf } from '../../src/platform/db/rows.ts';
import type { Scenario } from '../lib/scenario.ts';
import { scaleMeasures } from './views.ts';
import { round, summarise } from '../lib/stats.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GOAL_P95_MS = 300;

interface Options {
  seconds: number;
  users: number;
  thinkMs: number;
}

function optionsFrom(raw: Record<string, string>): Options {
  const number = (name: string, fallback: number) => {
    const value = raw[name] === undefined ? fallback : Number(raw[name]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  return { seconds: number('seconds', 300), users: number('users', 200), thinkMs: number('think-ms', 1000) };
}

/** A free loopback port: asked of the operating system, then released for the app process. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One app process (the server through the TypeScript loader), ready once it answers on its port. */
async function startApp(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', './scripts/ts-loader/register.mjs', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: url,
      SEED_DEMO: 'false',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'error',
      SESSION_SECRET: 'load'.repeat(10),
      // The simulated users all come from 127.0.0.1: the per-address limits would refuse them.
      RATE_LIMIT_API_PER_MINUTE: '0',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app process on port ${port} exited (${child.exitCode})`);
    const answered = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' }).catch(() => null);
    if (answered) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`the app process on port ${port} did not answer within 2 minutes`);
}

interface Session {
  cookie: string;
  csrf: string;
}

/** The demo council, and the sessions and measures the simulated users work with. */
async function prepare(database: Database, users: number) {
  const demo = await loadDemoCouncil(database.db, demoCouncil);
  const org = demo.organisationId;
  const services = createServices({ db: database.db, clock: () => new Date() });
  const sessionOf = async (pattern: RegExp): Promise<Session> => {
    const account = demo.accounts.find((a) => pattern.test(a.description));
    if (!account) throw new Error(`the demo has no account described as ${pattern.source}`);
    const signedIn = await services.auth.signIn(account.email, demo.password);
    const info = signedIn && (await services.auth.sessionFor(signedIn.token));
    if (!signedIn || !info) throw new Error(`${account.email} could not sign in`);
    return { cookie: `gt_session=${signedIn.token}`, csrf: info.csrfToken };
  };
  const enterer = await sessionOf(/admin/i);
  const officer = await sessionOf(/performance/i);
  // The demo scaled to 300 measures (as the views bench does), so each user has a measure of its own.
  await scaleMeasures(database, org);
  // The copies made by the scaling (codes ending -C1, -C2), entered as a single figure (no
  // numerator), each with its latest figure to enter again. Their current period's figure is removed
  // (a copy has no history rows), so each user's first submission is new and no two share a measure.
  const candidates = rowsOf<{ id: string; frequency: Frequency; value: string }>(
    await database.db.execute(sql`
      SELECT DISTINCT ON (m.id) m.id, m.frequency, v.value::text AS value
      FROM measures m JOIN measure_values v ON v.measure_id = m.id AND v.breakdown_id IS NULL
      WHERE m.organisation_id = ${org} AND m.status = 'active' AND m.code LIKE '%-C%'
        AND v.value IS NOT NULL AND v.numerator IS NULL
      ORDER BY m.id, v.period_key DESC`),
  );
  const today = new Date().toISOString().slice(0, 10);
  const work = candidates
    .map((m) => ({ ...m, periodKey: periodKey(currentReportingPeriod(m.frequency, today)) }))
    .slice(0, Math.ceil(users / 2));
  for (const m of work) {
    await database.db.execute(
      sql`DELETE FROM measure_values WHERE measure_id = ${m.id} AND period_key = ${m.periodKey}`,
    );
  }
  const { id: unitId } = rowsOf<{ id: string }>(
    await database.db.execute(
      sql`SELECT owner_unit_id AS id FROM measures WHERE organisation_id = ${org} GROUP BY owner_unit_id ORDER BY count(*) DESC LIMIT 1`,
    ),
  )[0]!;
  return {
    enterer,
    officer,
    work,
    dashboards: ['/performance', '/performance/mine', `/performance/units/${unitId}`, '/performance/measures'],
  };
}

type Kind = 'dashboard' | 'entry_form' | 'entry_submit' | 'signoff_queue' | 'signoff_return';

export const loadScenario: Scenario = {
  name: 'load',
  description:
    'Issue 21: 200 simulated users (dashboards, quarter-end data entry and sign-off) against two app processes on PostgreSQL, bounded in time (--seconds, default 300)',
  async run(ctx) {
    const options = optionsFrom(ctx.options);
    const { database, url } = await ctx.openPostgres();
    const setup = await prepare(database, options.users);
    ctx.log(`demo council loaded; ${setup.work.length} measures for data entry and sign-off`);
    const ports = [await freePort(), await freePort()];
    const apps: ChildProcess[] = [];
    const latencies = new Map<Kind, number[]>();
    const errors = new Map<string, number>();
    try {
      for (const port of ports) apps.push(await startApp(url, port));
      ctx.log(`two app processes on ports ${ports.join(' and ')}`);
      let turn = 0;
      const request = async (kind: Kind, session: Session, target: string, form?: Record<string, string>) => {
        const port = ports[turn++ % ports.length]!;
        const started = performance.now();
        let status = 0;
        try {
          const response = await fetch(`http://127.0.0.1:${port}${target}`, {
            method: form ? 'POST' : 'GET',
            redirect: 'manual',
            headers: {
              cookie: session.cookie,
              ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
            },
            ...(form ? { body: new URLSearchParams({ _csrf: session.csrf, ...form }).toString() } : {}),
          });
          await response.arrayBuffer();
          status = response.status;
        } catch {
          status = 0;
        }
        const ms = performance.now() - started;
        if (!latencies.has(kind)) latencies.set(kind, []);
        latencies.get(kind)!.push(ms);
        // A page is 200; a form that worked redirects (303 or 302).
        const ok = form ? status === 302 || status === 303 : status === 200;
        if (!ok) errors.set(`${kind}_${status}`, (errors.get(`${kind}_${status}`) ?? 0) + 1);
      };
      const endsAt = Date.now() + options.seconds * 1000;
      const think = () => new Promise((resolve) => setTimeout(resolve, options.thinkMs * (0.5 + Math.random())));
      const viewer = async (user: number) => {
        for (let i = user; Date.now() < endsAt; i++) {
          await think();
          await request('dashboard', setup.officer, setup.dashboards[i % setup.dashboards.length]!);
        }
      };
      const enterAndSignOff = async (user: number) => {
        const m = setup.work[user % setup.work.length]!;
        const entry = `/measures/${m.id}/values/${m.periodKey}`;
        while (Date.now() < endsAt) {
          await think();
          await request('entry_form', setup.enterer, entry);
          await think();
          await request('entry_submit', setup.enterer, entry, {
            value: m.value,
            action: 'submit',
            commentary: 'Load test',
          });
          await think();
          await request('signoff_queue', setup.officer, '/sign-off');
          await think();
          await request('signoff_return', setup.officer, `${entry}/actions`, { action: 'return', reason: 'Load test' });
        }
      };
      const load = ((): number[] => {
        const l = loadavg();
        return l.map((x) => Math.round(x * 10) / 10);
      })();
      ctx.log(`${options.users} users for ${options.seconds} s (load average at start ${load.join(', ')})`);
      const half = Math.floor(options.users / 2);
      await Promise.all(
        Array.from({ length: options.users }, (_, user) => (user < half ? viewer(user) : enterAndSignOff(user))),
      );
      return report(latencies, errors, options, load);
    } finally {
      for (const app of apps) app.kill('SIGTERM');
    }
  },
};

function report(latencies: Map<Kind, number[]>, errors: Map<string, number>, options: Options, loadAtStart: number[]) {
  const results: Record<string, number> = {
    seconds: options.seconds,
    users: options.users,
    think_ms: options.thinkMs,
    load_average_1m_at_start: loadAtStart[0]!,
    load_average_1m_at_end: Math.round(loadavg()[0]! * 10) / 10,
  };
  const all: number[] = [];
  for (const [kind, sample] of latencies) {
    all.push(...sample);
    const s = summarise(sample);
    Object.assign(results, {
      [`${kind}.requests`]: s.n,
      [`${kind}.p50_ms`]: round(s.p50),
      [`${kind}.p95_ms`]: round(s.p95),
      [`${kind}.p99_ms`]: round(s.p99),
    });
  }
  for (const [kindAndStatus, count] of errors) results[`errors.${kindAndStatus}`] = count;
  const s = summarise(all);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  Object.assign(results, {
    'all.requests': s.n,
    'all.errors': errorCount,
    'all.requests_per_second': round(s.n / options.seconds),
    'all.p50_ms': round(s.p50),
    'all.p95_ms': round(s.p95),
    'all.p99_ms': round(s.p99),
    // 1 when the goal (0 errors, p95 ≤ 300 ms) is met, 0 when it is not.
    goal_met: errorCount === 0 && s.p95 <= GOAL_P95_MS ? 1 : 0,
  });
  process.stderr.write(
    `  goal (0 errors, p95 ≤ ${GOAL_P95_MS} ms): ${results.goal_met ? 'met' : 'NOT met'} — ${errorCount} errors, p95 ${round(s.p95)} ms\n`,
  );
  return results;
}
