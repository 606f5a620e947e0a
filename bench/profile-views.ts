/**
 * Where the CPU of each page of the load test goes (issue 21): the views bench's council (the demo
 * scaled to 300 measures, the app in-process), then for each page the SQL statements one request
 * sends, the app process's CPU milliseconds per request over `--runs` requests, and a CPU profile
 * of those requests summed by function and by file (self time). Then the load test's data-entry round
 * (bench/lib/load-users.ts, the same requests): the administrator opens a copied measure's entry form
 * and submits the figure, the performance officer opens the sign-off queue and returns the value;
 * each of its four steps measured the same way, round after round (`round_*`; `--pages round`).
 *
 *   npm run bench:profile -- [--db=postgres] [--runs 30]
 *        [--pages council,mine] [--out /tmp/profiles] [--top 25] [--sql] [--dump DIR]
 *
 * With PostgreSQL the database's own CPU is in another process, so the figures are the app's share;
 * with PGlite the database runs in this process and is in them. Writes one .cpuprofile per page.
 * PostgreSQL's CPU per request is read from /proc (its backends' utime and stime), so Linux only.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { currentReportingPeriod, periodKey, type Frequency } from '../src/kernel/measurement/index.ts';
import type { Db } from '../src/platform/db/db.ts';
import { rowsOf } from '../src/platform/db/rows.ts';
import { createContext, type DatabaseKind } from './lib/context.ts';
import { entryRound, type Send, type Session as User } from './lib/load-users.ts';
import { outcomeOf } from './lib/outcomes.ts';
import { setUpViews } from './scenarios/views.ts';
import { entryWorkOn } from './scenarios/load.ts';

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
}

const kind = option('db', 'postgres') as DatabaseKind;
const runs = Number(option('runs', '30'));
const outDir = option('out', '/tmp/profiles');
const top = Number(option('top', '25'));
const wanted = option('pages', '');
const showSql = process.argv.includes('--sql');
/** Where to write each page's HTML, ids and tokens masked, to compare before and after a change. */
const dumpDir = option('dump', '');

/** Every statement sent while `counting` is on, by its text (parameters aside). */
let counting = false;
const statements: string[] = [];
function countFrom(proto: { query: (...args: never[]) => unknown }) {
  const original = proto.query;
  proto.query = function (this: unknown, ...args: never[]) {
    if (counting) {
      const first = args[0] as unknown;
      const text = typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '?');
      statements.push(text);
    }
    return original.apply(this, args);
  };
}
countFrom(pg.Client.prototype);
countFrom(PGlite.prototype);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) by function and by file, from the profiles' samples. */
function selfTimes(profiles: Profile[]) {
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  for (const profile of profiles) addSelfTimes(profile, fn, file);
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { functions: sorted(fn), files: sorted(file) };
}

function addSelfTimes(profile: Profile, fn: Map<string, number>, file: Map<string, number>) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const url = node.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|src)\//, '$1/');
    const where = url || '(native)';
    const name = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
    const fileKey = where.startsWith('node_modules/') ? where.split('/').slice(0, 2).join('/') : where;
    file.set(fileKey, (file.get(fileKey) ?? 0) + ms);
  });
}

/** CPU milliseconds used so far by PostgreSQL's backends (this cluster's, from /proc); 0 on PGlite. */
async function databaseCpuMs(admin: pg.Client | undefined): Promise<Map<number, number>> {
  const used = new Map<number, number>();
  if (!admin) return used;
  counting = false;
  const { rows } = await admin.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE backend_type = $1 AND pid <> pg_backend_pid()',
    ['client backend'],
  );
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // a backend that ended meanwhile
    }
  }
  return used;
}

function spent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}

async function main() {
  const ctx = createContext([kind]);
  let admin: pg.Client | undefined;
  let database;
  if (kind === 'postgres') {
    const opened = await ctx.openPostgres();
    database = opened.database;
    admin = new pg.Client({ connectionString: opened.url });
    await admin.connect();
  } else database = await ctx.openDatabase(kind);
  const setup = await setUpViews(kind, database, ctx.log);
  const { app, headers, views, org } = setup;
  // The load test's other pages: a data-entry form of a copied measure and the sign-off queue.
  const m = rowsOf<{ id: string; frequency: Frequency }>(
    await database.db.execute(sql`
      SELECT id, frequency FROM measures WHERE organisation_id = ${org} AND code LIKE '%-C%'
        AND aggregation <> 'ratio' ORDER BY code LIMIT 1`),
  )[0]!;
  const key = periodKey(currentReportingPeriod(m.frequency, setup.today));
  const every: [string, string][] = [
    ...views,
    ['entry_form', `/measures/${m.id}/values/${key}`],
    ['signoff_queue', '/sign-off'],
  ];
  const pages = every.filter(([name]) => !wanted || wanted.split(',').includes(name));
  mkdirSync(outDir, { recursive: true });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  const summary: string[] = [
    '| Page | Status | Queries | App CPU ms/request | Database CPU ms/request | Wall ms/request |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  /** Prints one page's or step's figures and profile, and adds its row to the summary. */
  const report = (name: string, what: string, status: number, queries: string[], figures: StepFigures) => {
    const { functions, files } = selfTimes(figures.profiles);
    const perRun = (ms: number) => (ms / runs).toFixed(2);
    const cpuMs = figures.cpuMs / runs;
    const dbMs = figures.dbMs / runs;
    const wall = figures.wallMs / runs;
    console.log(
      `\n## ${name} ${what}: ${status}, ${queries.length} queries, ${cpuMs.toFixed(1)} ms CPU, ${dbMs.toFixed(1)} ms database CPU, ${wall.toFixed(1)} ms wall`,
    );
    console.log('\nFiles (self ms per request):');
    for (const [f, ms] of files) console.log(`  ${perRun(ms).padStart(7)}  ${f}`);
    console.log('\nFunctions (self ms per request):');
    for (const [f, ms] of functions) console.log(`  ${perRun(ms).padStart(7)}  ${f}`);
    if (showSql) {
      console.log('\nStatements:');
      for (const q of queries) console.log(`  - ${q.replace(/\s+/g, ' ').slice(0, 220)}`);
    }
    summary.push(
      `| ${name} | ${status} | ${queries.length} | ${cpuMs.toFixed(1)} | ${dbMs.toFixed(1)} | ${wall.toFixed(1)} |`,
    );
  };
  for (const [name, url] of pages) {
    const get = () => app.inject({ method: 'GET', url, headers });
    for (let i = 0; i < 3; i++) await get();
    statements.length = 0;
    counting = true;
    const response = await get();
    counting = false;
    const queries = [...statements];
    if (dumpDir) {
      mkdirSync(dumpDir, { recursive: true });
      const masked = response.body
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
        .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value="<token>"');
      writeFileSync(path.join(dumpDir, `${kind}-${name}.html`), masked);
    }
    const dbBefore = await databaseCpuMs(admin);
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < runs; i++) await get();
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const dbMs = spent(dbBefore, await databaseCpuMs(admin));
    await session.post('Profiler.start');
    for (let i = 0; i < runs; i++) await get();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    writeFileSync(path.join(outDir, `${kind}-${name}.cpuprofile`), JSON.stringify(profile));
    report(name, url, response.statusCode, queries, {
      cpuMs: (used.user + used.system) / 1000,
      dbMs,
      wallMs,
      profiles: [profile],
    });
  }
  if (!wanted || wanted.split(',').includes('round')) {
    const round = await prepareRound(setup, database);
    const steps = await profileRound(app, round, session, admin);
    for (const [step, figures] of steps) {
      report(`round_${step}`, figures.what, figures.status, figures.queries, figures);
    }
  }
  console.log(`\n${summary.join('\n')}`);
  session.disconnect();
  await admin?.end();
  await app.close();
  await ctx.dispose();
}

/** A page's or a step's totals over the measured runs, and its CPU profiles. */
interface StepFigures {
  cpuMs: number;
  dbMs: number;
  wallMs: number;
  profiles: Profile[];
}

/**
 * The load test's round as bench/scenarios/load.ts prepares it: the demo's administrator enters a
 * copied measure's figure (one the plausibility check takes), the performance officer returns it.
 */
async function prepareRound(setup: Awaited<ReturnType<typeof setUpViews>>, database: { db: Db }) {
  const { services, demo, org } = setup;
  const userOf = async (pattern: RegExp): Promise<User> => {
    const account = demo.accounts.find((a) => pattern.test(a.description))!;
    const signedIn = (await services.auth.signIn(account.email, demo.password))!;
    return { cookie: `gt_session=${signedIn.token}`, csrf: signedIn.session.csrfToken };
  };
  const measures = rowsOf<{ id: string; frequency: Frequency; min: number | null; max: number | null }>(
    await database.db.execute(sql`
      SELECT id, frequency, min_value AS min, max_value AS max FROM measures
      WHERE organisation_id = ${org} AND status = 'active' AND code LIKE '%-C%'
        AND aggregation <> 'ratio' AND NOT allows_in_period_estimate ORDER BY code`),
  );
  for (const m of measures) {
    const work = await entryWorkOn(database, m, periodKey(currentReportingPeriod(m.frequency, setup.today)));
    if (work) return { work, enterer: await userOf(/admin/i), officer: await userOf(/performance/i) };
  }
  throw new Error('no copied measure takes a plausible figure');
}

/**
 * Each step of the round measured as the pages are: three rounds to warm, one counting statements,
 * `runs` rounds for CPU (each step's own share), `runs` more under the profiler. A step that does
 * not answer as the load test expects (a page's 200, a form's redirect) stops the bench.
 */
async function profileRound(
  app: Awaited<ReturnType<typeof setUpViews>>['app'],
  round: Awaited<ReturnType<typeof prepareRound>>,
  inspector: Session,
  admin: pg.Client | undefined,
) {
  type Phase = 'warm' | 'count' | 'measure' | 'profile';
  let phase: Phase = 'warm';
  const steps = new Map<string, StepFigures & { what: string; status: number; queries: string[] }>();
  const send: Send = async (step, user, target, form) => {
    const figures = steps.get(step) ?? { cpuMs: 0, dbMs: 0, wallMs: 0, profiles: [], what: '', status: 0, queries: [] };
    steps.set(step, figures);
    const inject = () =>
      app.inject({
        method: form ? 'POST' : 'GET',
        url: target,
        headers: {
          cookie: user.cookie,
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { payload: new URLSearchParams({ _csrf: user.csrf, ...form }).toString() } : {}),
      });
    let answer: Awaited<ReturnType<typeof inject>>;
    if (phase === 'count') {
      statements.length = 0;
      counting = true;
      answer = await inject();
      counting = false;
      Object.assign(figures, {
        queries: [...statements],
        status: answer.statusCode,
        what: `${form ? 'POST' : 'GET'} ${target}`,
      });
    } else if (phase === 'measure') {
      const dbBefore = await databaseCpuMs(admin);
      const cpu = process.cpuUsage();
      const started = performance.now();
      answer = await inject();
      figures.wallMs += performance.now() - started;
      const used = process.cpuUsage(cpu);
      figures.cpuMs += (used.user + used.system) / 1000;
      figures.dbMs += spent(dbBefore, await databaseCpuMs(admin));
    } else if (phase === 'profile') {
      await inspector.post('Profiler.start');
      answer = await inject();
      const { profile } = (await inspector.post('Profiler.stop')) as unknown as { profile: Profile };
      figures.profiles.push(profile);
    } else answer = await inject();
    const outcome = outcomeOf(form ? 'form' : 'page', {
      status: answer.statusCode,
      contentType: String(answer.headers['content-type'] ?? ''),
      body: answer.body,
      location: answer.headers.location === undefined ? undefined : String(answer.headers.location),
    });
    if (outcome.kind !== 'ok') throw new Error(`${step} answered ${answer.statusCode}: ${outcome.cause}`);
    return { ok: true, body: answer.body };
  };
  const people = { enterer: round.enterer, officer: round.officer };
  for (const [each, times] of [
    ['warm', 3],
    ['count', 1],
    ['measure', runs],
    ['profile', runs],
  ] as const) {
    phase = each;
    for (let i = 0; i < times; i++) await entryRound(send, people, round.work);
  }
  return steps;
}

await main();
