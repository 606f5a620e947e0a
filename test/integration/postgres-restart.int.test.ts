/**
 * Fault (issue 21): PostgreSQL restarts while people are saving figures. The app, on its own small
 * cluster stopped hard (`pg_ctl stop -m immediate`, as a crash) and started again, answers 503
 * with a problem page or problem JSON (no stack trace) while it cannot reach the database, serves
 * again without being restarted itself, and has lost no save it acknowledged. PostgreSQL only:
 * PGlite is inside the process (its crash is crash-safety.int.test.ts).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { assembleDeps } from '../../src/container.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase, type Database } from '../../src/platform/db/db.ts';
import { hashPassword } from '../../src/modules/organisation/auth.service.ts';
import { organisations, people, roleAssignments, units } from '../../src/schema.ts';
import { createDatabase, startThrowawayCluster, type RestartableCluster } from '../helpers/postgres-cluster.ts';
import { formBody } from '../helpers/test-app.ts';

const PASSWORD = 'a long pass phrase for the restart test';
/** Monthly periods, 2000-01 onwards: each save goes to a period of its own (300 of them, all past). */
const PERIODS = 300;
const period = (n: number) => {
  const year = 2000 + Math.floor(n / 12);
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}-M${String((n % 12) + 1).padStart(2, '0')}`;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What a stack trace looks like in a body: "    at fn (file.ts:12:3)". */
const STACK_LINE = /\n\s+at .+:\d+:\d+/;

describe('PostgreSQL restarting under saves', () => {
  let cluster: RestartableCluster;
  let url: string;
  let database: Database;
  let app: FastifyInstance;
  let cookie: string;
  let csrf: string;
  let measureId: string;

  beforeAll(async () => {
    cluster = await startThrowawayCluster({ durable: true });
    url = await createDatabase(cluster.url);
    database = await openDatabase({ url });
    const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
    const deps = assembleDeps(config, database, () => new Date());
    app = await buildApp(deps);
    await app.ready();
    const db = database.db;
    const [org] = await db
      .insert(organisations)
      .values({ slug: 'restart', name: 'Restart Council', type: 'District council' })
      .returning();
    const [root] = await db
      .insert(units)
      .values({ organisationId: org!.id, code: 'COUNCIL', name: 'Restart Council', kind: 'council' })
      .returning();
    const email = 'officer@restart.example';
    const [person] = await db
      .insert(people)
      .values({
        organisationId: org!.id,
        name: 'Restart Officer',
        email,
        passwordHash: await hashPassword(PASSWORD),
        unitId: root!.id,
      })
      .returning();
    await db
      .insert(roleAssignments)
      .values({ organisationId: org!.id, personId: person!.id, role: 'performance-officer', unitId: null });
    const signedIn = await deps.services.auth.signIn(email, PASSWORD);
    cookie = `gt_session=${signedIn!.token}`;
    csrf = signedIn!.session.csrfToken;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/imports/measures',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/csv' },
      payload: 'code,title,unit,polarity,frequency,aggregation\nRS-1,Saved through a restart,number,none,monthly,sum',
    });
    expect(created.json()).toMatchObject({ written: true, created: 1 });
    const listed = await app.inject({ method: 'GET', url: '/api/v1/measures?q=RS-1', headers: { cookie } });
    measureId = listed.json<{ id: string; code: string }[]>().find((measure) => measure.code === 'RS-1')!.id;
  }, 300_000);
  /**
   * In one full-suite run (both cores busy) closing took past the hook's 120 s after the restart,
   * and which step waited was not recorded. Each step is now given 20 s and the one that does not
   * finish is named, so the cluster is always stopped and a hang leaves evidence (issue #21). The
   * cause found since: a save whose BEGIN went out on a connection that had died idle in the pool
   * kept that connection checked out for ever, and the pool's end() waited for it; transactions now
   * always give their connection back (src/platform/db/pooled-transactions.ts and its test).
   */
  const closeWithin = async (step: string, closing: () => Promise<unknown> | undefined) => {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 20_000)));
    const outcome = await Promise.race([Promise.resolve(closing()).then(() => 'closed' as const), waited]);
    clearTimeout(timer);
    if (outcome === 'late') console.warn(`postgres restart: closing ${step} took over 20 s after the restart`);
  };
  afterAll(async () => {
    await closeWithin('the app', () => app?.close());
    await closeWithin('the database pool', () => database?.close());
    await cluster?.stop();
  });

  const save = (n: number) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/measures/${measureId}/values/${period(n)}`,
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({ value: 10 + n, confirmImplausible: true, commentary: 'Saved in the restart test' }),
    });

  it('answers 503 without internals while PostgreSQL is down, recovers by itself, and loses no acknowledged save', async () => {
    const acknowledged = new Set<number>();
    const statuses = new Map<number, number>();
    let next = 0;
    let stopping = false;
    /**
     * Three people saving one figure after another, until told to stop. A figure answered 503 is
     * sent again, as a person would, until it is acknowledged.
     */
    const saver = async () => {
      while (!stopping && next < PERIODS) {
        const n = next++;
        for (;;) {
          const answer = await save(n);
          statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
          if (answer.statusCode === 200) {
            acknowledged.add(n);
            break;
          }
          expect(answer.statusCode, answer.body).toBe(503);
          expect(answer.body).not.toMatch(STACK_LINE);
          if (stopping) break;
          await sleep(100);
        }
      }
    };
    const savers = [saver(), saver(), saver()];
    // Some saves acknowledged before the stop (a busy machine takes a while for the first ones).
    await expect.poll(() => acknowledged.size, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(3);
    await cluster.pause();

    // Down: the API says 503 in problem JSON, a page says it in the GOV.UK problem page.
    const api = await save(PERIODS);
    expect(api.statusCode).toBe(503);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.headers['retry-after']).toBe('5');
    expect(api.json()).toMatchObject({ status: 503, detail: expect.stringContaining('cannot reach its database') });
    expect(api.body).not.toMatch(STACK_LINE);
    const page = await app.inject({ method: 'GET', url: '/measures', headers: { cookie } });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('cannot reach its database');
    expect(page.body).not.toMatch(STACK_LINE);
    expect(page.body).not.toMatch(/ECONNREFUSED|node_modules|pg-pool/);
    const form = await app.inject({
      method: 'POST',
      url: `/measures/${measureId}/values/${period(PERIODS + 1)}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ _csrf: csrf, value: '1' }),
    });
    expect(form.statusCode).toBe(503);
    expect(form.body).not.toMatch(STACK_LINE);
    await sleep(500);

    // Up again: the app answers without being restarted (its pool connects afresh).
    await cluster.resume();
    const giveUpAt = Date.now() + 60_000;
    for (;;) {
      const answer = await app.inject({ method: 'GET', url: `/api/v1/measures/${measureId}`, headers: { cookie } });
      if (answer.statusCode === 200) break;
      expect(answer.statusCode).toBe(503);
      if (Date.now() > giveUpAt) throw new Error('The app did not recover after PostgreSQL started again');
      await sleep(200);
    }
    // And the saves still going on are acknowledged again.
    const afterResume = acknowledged.size;
    await expect
      .poll(() => acknowledged.size, { timeout: 60_000, interval: 100 })
      .toBeGreaterThanOrEqual(afterResume + 3);
    stopping = true;
    await Promise.all(savers);
    expect(statuses.get(500)).toBeUndefined();

    // Every acknowledged save is there, with its audit row, read by a connection of its own.
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const { rows } = await check.query<{ period_key: string; value: string; audited: number }>(
        `SELECT v.period_key, v.value::text AS value,
                (SELECT count(*)::int FROM audit_events a
                 WHERE a.entity_type = 'measure-value' AND a.entity_id = v.id::text) AS audited
         FROM measure_values v WHERE v.measure_id = $1`,
        [measureId],
      );
      const stored = new Map(rows.map((row) => [row.period_key, row]));
      for (const n of acknowledged) {
        const row = stored.get(period(n));
        expect(row, `acknowledged save ${n} (${period(n)})`).toBeDefined();
        expect(Number(row!.value)).toBe(10 + n);
        expect(row!.audited).toBeGreaterThanOrEqual(1);
      }
      // Nothing half-written: every stored value has its audit row.
      for (const row of rows) expect(row.audited, row.period_key).toBeGreaterThanOrEqual(1);
    } finally {
      await check.end();
    }
    console.info(
      `postgres restart: ${JSON.stringify(Object.fromEntries(statuses))}; ${acknowledged.size} acknowledged`,
    );
  }, 300_000);
});
