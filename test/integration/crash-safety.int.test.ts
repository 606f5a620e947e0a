/**
 * Crash safety (issue 21): the real server, on a PGlite data folder, killed with SIGKILL in the
 * middle of a large import and in the middle of a run of single saves. No shutdown hook runs, as
 * when a machine loses power or a container is stopped hard. Started again on the same folder:
 * nothing is partial and every save that was acknowledged is there, with its audit row.
 *
 * Above all on PGlite: it is the embedded engine, whose own files must survive the kill. Two server
 * starts there (the second, after the first kill, serves the saves too); after each kill the folder
 * is looked at in this process, with the server stopped. On PostgreSQL the saves are killed too
 * (one more server start, on a database of the suite's cluster): the server dies with transactions
 * open on its connections, which PostgreSQL must roll back (its own restart is tested in
 * postgres-restart.int.test.ts). Every start runs the bundle `npm start` runs, built once here.
 *
 * What a kill leaves on PGlite: its lock file (`pglite.lock`) names a process that has gone, so the
 * next start takes it over (data-dir-lock.ts); the folder opens and PostgreSQL's recovery replays
 * its WAL; an import's job left "running" is taken up again at once and run from the start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { runCli } from '../../src/cli/commands.ts';
import { openDatabase, type Database } from '../../src/platform/db/db.ts';
import { rowsOf } from '../../src/platform/db/rows.ts';
import { createDatabase } from '../helpers/postgres-cluster.ts';
import {
  buildServer,
  signInOverHttp,
  startServer,
  type HttpAgent,
  type ServerBundle,
  type ServerProcess,
} from '../helpers/server-process.ts';

/** The server `npm start` runs, built once for every start in this file (cheaper than the loader). */
let bundle: ServerBundle;
beforeAll(async () => {
  bundle = await buildServer();
}, 300_000);

const ADMIN = { email: 'crash.admin@crash.example', password: 'a long pass phrase for crash tests' };
const MEASURES = 100;
/** Twelve financial years of months, 2013-14 to 2024-25: 144 periods a measure. */
const PERIODS = Array.from({ length: 12 }, (_, year) =>
  Array.from({ length: 12 }, (_, month) => {
    const start = 2013 + year;
    return `${start}-${String((start + 1) % 100).padStart(2, '0')}-M${String(month + 1).padStart(2, '0')}`;
  }),
).flat();
const ROWS = MEASURES * PERIODS.length;
const VALUES_OF_IMPORT = `SELECT count(*)::int AS n FROM measure_values v
  JOIN measures m ON m.id = v.measure_id WHERE m.code LIKE 'CR-%'`;
const DISTINCT_VALUES_OF_IMPORT = `SELECT count(DISTINCT (v.measure_id, v.period_key))::int AS n FROM measure_values v
  JOIN measures m ON m.id = v.measure_id WHERE m.code LIKE 'CR-%'`;
const code = (m: number) => `CR-${String(m).padStart(3, '0')}`;
/** The measure the single saves go to (not in the import). */
const SAVES_MEASURE = 'SAVES';

/** A job's progress as /api/v1/jobs/:id answers it (the fields these tests read). */
interface JobView {
  state: string;
  phase: string;
  done: number;
  total: number | null;
  summary?: string;
  problemCount?: number;
  error: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What the CLI is run with besides the database's own settings. */
const CLI_ENV = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };

/** The council and its administrator, made with the CLI as a council would on a fresh install. */
async function createCouncil(env: Record<string, string>) {
  const quiet = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const created = await runCli(
      [
        'create-organisation',
        ...['--name', 'Crash Test Council', '--slug', 'crash-test'],
        ...['--admin-name', 'Crash Admin', '--admin-email', ADMIN.email],
      ],
      { ...env, ...CLI_ENV, ADMIN_PASSWORD: ADMIN.password },
    );
    expect(created).toBe(0);
  } finally {
    quiet.mockRestore();
  }
}

describe('a server killed mid-work, on PGlite', () => {
  let root: string;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;

  /** Looks into the folder with the server stopped (the folder is one process's at a time). */
  async function inspect<T>(look: (database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase({ dataDir: path.join(root, 'pglite') });
    try {
      return await look(database);
    } finally {
      await database.close();
    }
  }
  const count = async (database: Database, query: string) =>
    Number(rowsOf<{ n: number }>(await database.db.execute(query))[0]!.n);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'gt-crash-'));
    env = { DATA_DIR: root, JOB_IMPORT_ROWS: '1000' };
    await createCouncil(env);
  }, 300_000);
  afterAll(async () => {
    await server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('leaves nothing of an import killed part way, then runs it again whole', async () => {
    server = await startServer(bundle, env);
    let admin = await signInOverHttp(server.baseUrl, ADMIN.email, ADMIN.password);
    const definitions = [
      'code,title,unit,polarity,frequency,aggregation',
      `${SAVES_MEASURE},Saved one by one,number,none,monthly,sum`,
      ...Array.from({ length: MEASURES }, (_, m) => `${code(m)},Crash measure ${m},number,none,monthly,sum`),
    ].join('\n');
    const created = await admin.api('POST', '/api/v1/imports/measures', definitions, 'text/csv');
    expect(await created.json()).toMatchObject({ written: true, created: MEASURES + 1 });

    const values = [
      'measureCode,periodKey,value',
      ...Array.from({ length: MEASURES }, (_, m) =>
        PERIODS.map((period, p) => `${code(m)},${period},${10 + ((m + p) % 5)}`),
      ),
    ]
      .flat()
      .join('\n');
    const queued = await admin.api('POST', '/api/v1/imports/values', values, 'text/csv');
    expect(queued.status, await queued.clone().text()).toBe(202);
    const jobId = String(((await queued.json()) as { job: string }).job);
    const killedIn = await killWhileWriting(server, admin, jobId);

    // Before any restart: none of the import's rows, or (had it finished) all of them, once.
    const afterKill = await inspect(async (database) => ({
      stored: await count(database, VALUES_OF_IMPORT),
      distinct: await count(database, DISTINCT_VALUES_OF_IMPORT),
      job: rowsOf<{ state: string; attempts: number }>(
        await database.db.execute(`SELECT state, attempts FROM background_jobs WHERE id = '${jobId}'`),
      )[0],
    }));
    expect([0, ROWS], `killed while ${killedIn}`).toContain(afterKill.stored);
    expect(afterKill.distinct).toBe(afterKill.stored);

    // Started again, the server takes up the job the dead process left (PGlite: no other process
    // can be running it) and runs it from the start, all or nothing.
    server = await startServer(bundle, env);
    admin = await signInOverHttp(server.baseUrl, ADMIN.email, ADMIN.password);
    const job = await jobWhenFinished(admin, jobId);
    expect(job, JSON.stringify(job)).toMatchObject({ state: 'succeeded', problemCount: 0, error: null });
    if (afterKill.stored === 0)
      expect(job.summary).toBe(`Imported values: ${ROWS.toLocaleString('en-GB')} new, 0 changed, 0 unchanged`);
    console.info(
      `crash safety: import killed while ${killedIn}; ${afterKill.stored} of ${ROWS} rows after the kill ` +
        `(job ${afterKill.job?.state}, attempt ${afterKill.job?.attempts}); after restart: ${job.summary}`,
    );
  }, 900_000);

  it('keeps every acknowledged save, with its audit row, and nothing partial of the one in flight', async () => {
    // The server the last test restarted, or a new one if that test failed before it.
    server ??= await startServer(bundle, env);
    const saves = await savesKilledPartWay(server);
    server = undefined;
    expectSavesKept(await inspect((database) => savesFound(database, saves)), saves);
    // The audit trail's hash chain is whole after both kills.
    await expectAuditChainWhole(env);
  }, 600_000);
});

/** Asks for the job's progress until it has finished (the restarted server runs it again). */
async function jobWhenFinished(admin: HttpAgent, jobId: string) {
  const giveUpAt = Date.now() + 180_000;
  for (;;) {
    const job = (await (await admin.fetch(`/api/v1/jobs/${jobId}`)).json()) as JobView;
    if (job.state === 'succeeded' || job.state === 'failed') return job;
    if (Date.now() > giveUpAt) throw new Error(`The job did not finish: ${JSON.stringify(job)}`);
    await sleep(250);
  }
}

/**
 * Waits until the import's job is writing, then kills the server. Returns what the job was doing
 * when killed, as far as could be seen.
 */
async function killWhileWriting(server: ServerProcess, admin: HttpAgent, jobId: string): Promise<string> {
  const giveUpAt = Date.now() + 120_000;
  let last = 'queued';
  while (Date.now() < giveUpAt) {
    const asked = admin.fetch(`/api/v1/jobs/${jobId}`).then((response) => response.json() as Promise<JobView>);
    // A progress request held two seconds: the write transaction has PGlite's only connection
    // (or the machine is very busy: the message says what was last seen).
    const answer = await Promise.race([asked, sleep(2_000).then(() => 'held' as const)]);
    if (answer === 'held') {
      await server.kill();
      asked.catch(() => undefined);
      return `a progress request was held (last seen ${last})`;
    }
    last = `${answer.state}/${answer.phase} ${answer.done}/${answer.total}`;
    if (answer.state === 'succeeded' || answer.state === 'failed') {
      await server.kill();
      return `finished (${last})`;
    }
    if (answer.phase === 'writing' || answer.phase === 'recomputing') {
      await server.kill();
      return last;
    }
    await sleep(100);
  }
  throw new Error(`The import did not start writing: ${last}`);
}

describe('a server killed mid-saves, on PostgreSQL', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill();
  });

  it('keeps every acknowledged save, with its audit row, and nothing partial of the one in flight', async () => {
    const url = await createDatabase(inject('postgresUrl'));
    const env = { DATABASE_URL: url };
    await createCouncil(env);
    server = await startServer(bundle, env);
    const admin = await signInOverHttp(server.baseUrl, ADMIN.email, ADMIN.password);
    const created = await admin.api(
      'POST',
      '/api/v1/imports/measures',
      `code,title,unit,polarity,frequency,aggregation\n${SAVES_MEASURE},Saved one by one,number,none,monthly,sum`,
      'text/csv',
    );
    expect(await created.json()).toMatchObject({ written: true, created: 1 });

    const saves = await savesKilledPartWay(server, admin);
    server = undefined;
    // Read as the next process would: the dead server's connections, and their open transactions, gone.
    const database = await openDatabase({ url, migrate: false });
    try {
      expectSavesKept(await savesFound(database, saves), saves);
    } finally {
      await database.close();
    }
    await expectAuditChainWhole(env);
  }, 600_000);
});

/** What a run of saves left to check: the measure, the saves acknowledged, the one in flight at the kill. */
interface SavesRun {
  measureId: string;
  acknowledged: { periodKey: string; value: number }[];
  inFlight: string;
}

/**
 * Twelve saves of the SAVES measure one after another, each acknowledged, then one more in flight
 * when the server is killed.
 */
async function savesKilledPartWay(server: ServerProcess, signedIn?: HttpAgent): Promise<SavesRun> {
  const admin = signedIn ?? (await signInOverHttp(server.baseUrl, ADMIN.email, ADMIN.password));
  const measures = (await (await admin.fetch(`/api/v1/measures?q=${SAVES_MEASURE}`)).json()) as {
    id: string;
    code: string;
  }[];
  const measureId = measures.find((measure) => measure.code === SAVES_MEASURE)!.id;
  // Each save a figure the plausibility checks may question: confirmed, as a person would.
  const save = (periodKey: string, value: number) =>
    admin.api('PUT', `/api/v1/measures/${measureId}/values/${periodKey}`, {
      value,
      confirmImplausible: true,
      commentary: 'Entered in the crash test',
    });
  const acknowledged: { periodKey: string; value: number }[] = [];
  const SAVES = 12;
  for (const [index, periodKey] of PERIODS.slice(0, SAVES).entries()) {
    const saved = await save(periodKey, index + 1);
    expect(saved.status, await saved.clone().text()).toBe(200);
    acknowledged.push({ periodKey, value: index + 1 });
  }
  // One more, in flight when the process dies: kept whole or not at all.
  const inFlight = PERIODS[SAVES]!;
  void save(inFlight, 999).catch(() => undefined);
  await sleep(15);
  await server.kill();
  return { measureId, acknowledged, inFlight };
}

/** The measure's stored values, each with its count of audit rows, and the audit rows of the one in flight. */
async function savesFound(database: Database, { measureId, inFlight }: SavesRun) {
  const stored = rowsOf<{ period_key: string; value: string; audited: number }>(
    await database.db.execute(`
      SELECT v.period_key, v.value::text AS value,
             (SELECT count(*)::int FROM audit_events a
              WHERE a.entity_type = 'measure-value' AND a.entity_id = v.id::text) AS audited
      FROM measure_values v WHERE v.measure_id = '${measureId}'`),
  );
  const [auditedInFlight] = rowsOf<{ n: number }>(
    await database.db.execute(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'measure-value'
         AND new_value->>'measureId' = '${measureId}' AND new_value->>'periodKey' = '${inFlight}'`,
    ),
  );
  return { stored, auditedInFlight: Number(auditedInFlight!.n) };
}

/** Every acknowledged save there with its one audit row; the one in flight whole (value and audit row) or absent. */
function expectSavesKept(found: Awaited<ReturnType<typeof savesFound>>, { acknowledged, inFlight }: SavesRun) {
  const byPeriod = new Map(found.stored.map((row) => [row.period_key, row]));
  for (const { periodKey, value } of acknowledged) {
    const row = byPeriod.get(periodKey);
    expect(row, `acknowledged save of ${periodKey}`).toBeDefined();
    expect(Number(row!.value)).toBe(value);
    expect(row!.audited, `audit row of ${periodKey}`).toBe(1);
  }
  const inFlightRow = byPeriod.get(inFlight);
  expect(found.auditedInFlight).toBe(inFlightRow ? 1 : 0);
  if (inFlightRow) expect(Number(inFlightRow.value)).toBe(999);
  expect(found.stored.length).toBe(acknowledged.length + (inFlightRow ? 1 : 0));
}

/** `verify-audit` passes: the audit trail's hash chain is whole. */
async function expectAuditChainWhole(env: Record<string, string>) {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const said = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const verified = await runCli(['verify-audit'], { ...env, ...CLI_ENV });
    expect(verified, String(errors.mock.calls[0]?.[0])).toBe(0);
  } finally {
    errors.mockRestore();
    said.mockRestore();
  }
}
