/**
 * The views for every level (issue 19's benchmark): the demo council (Ashdown Vale, as `npm run
 * demo` loads it) scaled to 300 measures by copying its measures with their values and targets,
 * statuses recomputed, then the dashboard of each level through the whole app (app.inject, warm):
 * the council, a directorate, a portfolio, a governance body's remit and "mine" (the demo's
 * performance officer, who verifies most demo measures and is made the owner of 30 more), plus the
 * measure list behind them and the overdue returns.
 *
 * Goal (issue 19): each dashboard p95 ≤ 200 ms, on PostgreSQL and on PGlite; then the council's
 * quarterly report as HTML ≤ 1 s, Word ≤ 5 s and PDF ≤ 15 s (report-timings.ts).
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { assembleDeps, createServices } from '../../src/container.ts';
import { demoCouncil } from '../../src/demo/demo-council.data.ts';
import { loadDemoCouncil } from '../../src/demo/demo-council.loader.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/db.ts';
import { rowsOf } from '../../src/platform/db/rows.ts';
import type { DatabaseKind } from '../lib/context.ts';
import type { Scenario } from '../lib/scenario.ts';
import { round, summarise, timeRuns } from '../lib/stats.ts';
import { timeReports } from './report-timings.ts';

const MEASURES = 300;
const RUNS = 40;
const MINE = 30;
/** "Today" for the demo's periods and statuses. */
const TODAY = new Date('2026-11-20T10:00:00Z');

async function one<T>(database: Database, query: ReturnType<typeof sql>): Promise<T> {
  const row = rowsOf<T>(await database.db.execute(query))[0];
  if (!row) throw new Error('the bench expected a row');
  return row;
}

async function columnsOf(database: Database, table: string): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await database.db.execute(
      sql`SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${table} AND table_schema = current_schema()`,
    ),
  );
  return rows.map((row) => row.name);
}

/**
 * A copy of each row of `table` belonging to a copied measure: every column as it is, but the
 * row's own id (new) and its measure (the copy); `changed` overrides further columns.
 */
function copyRows(table: string, columns: string[], measureColumn: string, changed: Record<string, string> = {}) {
  const kept = columns.filter((c) => c !== 'id');
  const value = (c: string) => changed[c] ?? (c === measureColumn ? 'c.new_id' : `t.${c}`);
  return `INSERT INTO ${table} (${kept.join(', ')})
    SELECT ${kept.map(value).join(', ')} FROM ${table} t JOIN b_copy c ON c.old_id = t.${measureColumn}`;
}

/** Copies the demo's measures (with values, targets and item links) until there are `MEASURES`. */
export async function scaleMeasures(database: Database, org: string): Promise<number> {
  const count = async () =>
    Number(
      (
        await one<{ n: number | string }>(
          database,
          sql`SELECT count(*) AS n FROM measures WHERE organisation_id = ${org} AND status = 'active'`,
        )
      ).n,
    );
  const have = await count();
  const measureColumns = await columnsOf(database, 'measures');
  const valueColumns = await columnsOf(database, 'measure_values');
  const targetColumns = await columnsOf(database, 'measure_targets');
  const linkColumns = await columnsOf(database, 'measure_item_links');
  for (let copy = 1; have * copy < MEASURES; copy++) {
    const wanted = Math.min(have, MEASURES - have * copy);
    await database.exec(`
      CREATE TEMP TABLE b_copy AS
        SELECT id AS old_id, gen_random_uuid() AS new_id FROM measures
        WHERE organisation_id = '${org}' AND status = 'active' AND code NOT LIKE '%-C%'
        ORDER BY code LIMIT ${wanted};
      ${copyRows('measures', ['id', ...measureColumns.filter((c) => c !== 'id')], 'id', {
        id: 'c.new_id',
        code: `t.code || '-C${copy}'`,
        title: `t.title || ' (copy ${copy})'`,
      })
        .replace('INSERT INTO measures (', 'INSERT INTO measures (id, ')
        .replace('SELECT ', 'SELECT c.new_id, ')};
      ${copyRows('measure_values', valueColumns, 'measure_id')} WHERE t.breakdown_id IS NULL;
      ${copyRows('measure_targets', targetColumns, 'measure_id')} WHERE t.breakdown_id IS NULL;
      ${copyRows('measure_item_links', linkColumns, 'measure_id')};
      DROP TABLE b_copy;
    `);
  }
  await database.exec('ANALYZE');
  return count();
}

/**
 * The demo council scaled to 300 measures on `database`, the app built in-process and the demo's
 * performance officer signed in: what this bench times, and what bench/profile-views.ts profiles.
 */
export async function setUpViews(kind: DatabaseKind, database: Database, log: (m: string) => void) {
  const clock = () => TODAY;
  const started = performance.now();
  const demo = await loadDemoCouncil(database.db, demoCouncil, { clock });
  const org = demo.organisationId;
  const measures = await scaleMeasures(database, org);
  const services = createServices({ db: database.db, clock });
  await services.performance.recompute(database.db, org, 'all');
  const seedMs = performance.now() - started;
  log(`${kind}: demo council scaled to ${measures} measures, statuses recomputed, in ${Math.round(seedMs)} ms`);

  // The performance officer sees every view; made the owner of 30 measures besides those they verify.
  const officer = demo.accounts.find((a) => /performance/i.test(a.description)) ?? demo.accounts[0]!;
  const { id: personId } = await one<{ id: string }>(
    database,
    sql`SELECT id FROM people WHERE organisation_id = ${org} AND lower(email) = lower(${officer.email})`,
  );
  await database.db.execute(sql`
    UPDATE measures SET owner_person_id = ${personId}
    WHERE id IN (SELECT id FROM measures WHERE organisation_id = ${org} ORDER BY code LIMIT ${MINE})`);
  const { id: unitId } = await one<{ id: string }>(
    database,
    sql`SELECT u.id FROM units u JOIN units r ON r.id = u.parent_id AND r.parent_id IS NULL
        WHERE u.organisation_id = ${org}
        ORDER BY (SELECT count(*) FROM measures m WHERE m.owner_unit_id = u.id) DESC, u.code LIMIT 1`,
  );
  const { id: portfolioId } = await one<{ id: string }>(
    database,
    sql`SELECT id FROM portfolios WHERE organisation_id = ${org} ORDER BY name LIMIT 1`,
  );
  // The body taking the most approval steps (Cabinet, in the demo): the largest remit.
  const { id: bodyId } = await one<{ id: string }>(
    database,
    sql`SELECT b.id FROM governance_bodies b LEFT JOIN approval_steps s ON s.body_id = b.id
        WHERE b.organisation_id = ${org} GROUP BY b.id, b.name ORDER BY count(s.id) DESC, b.name LIMIT 1`,
  );

  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'v'.repeat(40) });
  const app = await buildApp(assembleDeps(config, database, clock));
  await app.ready();
  const session = await services.auth.signIn(officer.email, demo.password);
  if (!session) throw new Error('the demo performance officer could not sign in');
  const headers = { cookie: `gt_session=${session.token}` };
  const views: [string, string][] = [
    ['council', '/performance'],
    ['directorate', `/performance/units/${unitId}`],
    ['portfolio', `/performance/portfolios/${portfolioId}`],
    ['body', `/performance/bodies/${bodyId}`],
    ['mine', '/performance/mine'],
    ['measure_list_all', '/performance/measures'],
    ['measure_list_red_in_directorate', `/performance/measures?status=red&status=amber&unitId=${unitId}`],
    ['overdue_returns', '/performance/overdue-returns'],
  ];
  return {
    app,
    headers,
    views,
    services,
    org,
    session,
    seedMs,
    measures,
    demo,
    today: TODAY.toISOString().slice(0, 10),
  };
}

async function runOn(kind: DatabaseKind, database: Database, log: (m: string) => void) {
  const { app, headers, views, services, org, session, seedMs, measures } = await setUpViews(kind, database, log);
  const results: Record<string, number> = {
    [`${kind}.seed_ms`]: round(seedMs),
    [`${kind}.measures`]: measures,
  };
  for (const [name, url] of views) {
    let status = 0;
    let count = '';
    // Warm: the first request of each view compiles its template and fills the caches.
    await app.inject({ method: 'GET', url, headers });
    const times = await timeRuns(RUNS, async () => {
      const response = await app.inject({ method: 'GET', url, headers });
      status = response.statusCode;
      count = /(\d+) measures<\/a>/.exec(response.body)?.[1] ?? /(\d+) of \d+ measures/.exec(response.body)?.[1] ?? '';
    });
    if (status !== 200) throw new Error(`${name} answered ${status}`);
    const s = summarise(times);
    if (count) results[`${kind}.${name}_measures`] = Number(count);
    results[`${kind}.${name}_p50_ms`] = round(s.p50);
    results[`${kind}.${name}_p95_ms`] = round(s.p95);
  }
  // Issue 19's report goals: HTML, Word and PDF of the council's quarterly report.
  const reports = await timeReports({
    database,
    organisationId: org,
    services,
    app,
    sessionToken: session.token,
    today: TODAY.toISOString().slice(0, 10),
  });
  for (const [name, value] of Object.entries(reports)) results[`${kind}.${name}`] = value;
  await app.close();
  return results;
}

export const viewsScenario: Scenario = {
  name: 'views',
  description:
    'The demo council scaled to 300 measures: the dashboard of the council, a directorate, a portfolio, a body and "mine", the measure list, the overdue returns and the quarterly report as HTML, Word and PDF',
  async run(ctx) {
    const results: Record<string, number> = {};
    for (const kind of ctx.kinds) {
      const database = await ctx.openDatabase(kind);
      Object.assign(results, await runOn(kind, database, ctx.log));
    }
    return results;
  },
};
