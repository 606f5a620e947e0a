/**
 * The foundation: a synthetic golden thread of 5,000 items in 300 plans over five levels, joined by
 * about 10,000 contribution links, inserted in bulk with SQL. Measures the recursive line-of-sight
 * query of src/data/repositories/line-of-sight.repository.ts up (from team-plan actions) and down
 * (from service-plan and directorate-plan items), a plain UNION reachability query for comparison,
 * and two requests through the whole app as a signed-in viewer.
 */
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/db.ts';
import { lineOfSight } from '../../src/modules/plans/data/line-of-sight.repository.ts';
import { rowsOf } from '../../src/platform/db/rows.ts';
import { hashPassword } from '../../src/modules/organisation/auth.service.ts';
import { assembleDeps, createServices } from '../../src/container.ts';
import type { DatabaseKind } from '../lib/context.ts';
import type { Scenario } from '../lib/scenario.ts';
import { round, summarise, timeRuns } from '../lib/stats.ts';

const PLANS = 300;
const ITEMS = 5_000;
const LINK_CANDIDATES = 10_600; // some pairs repeat; about 10,000 distinct links remain
const PASSWORD = 'bench password, not secret';

/** Every row in one multi-statement script, so the temporary tables live on one connection. */
function seedScript(organisationId: string, viewerId: string, passwordHash: string): string {
  const org = `'${organisationId}'`;
  return `
    INSERT INTO organisations (id, slug, name, type) VALUES (${org}, 'bench-${organisationId.slice(0, 8)}', 'Bench Borough Council', 'London borough');
    CREATE TEMP TABLE bench_unit AS SELECT gen_random_uuid() AS id;
    INSERT INTO units (id, organisation_id, code, name, kind) SELECT id, ${org}, 'COUNCIL', 'Bench Borough Council', 'council' FROM bench_unit;
    CREATE TEMP TABLE bench_item_type AS SELECT gen_random_uuid() AS id;
    INSERT INTO item_types (id, organisation_id, key, name) SELECT id, ${org}, 'objective', 'Objective' FROM bench_item_type;
    CREATE TEMP TABLE bench_types AS SELECT level, gen_random_uuid() AS id FROM generate_series(1, 5) AS level;
    INSERT INTO plan_types (id, organisation_id, key, name, level, template_sections)
      SELECT id, ${org}, 'level-' || level, 'Level ' || level || ' plan', level, '[]'::jsonb FROM bench_types;
    CREATE TEMP TABLE bench_plans AS
      SELECT n, gen_random_uuid() AS id,
             CASE WHEN n = 0 THEN 1 WHEN n <= 5 THEN 2 WHEN n <= 35 THEN 3 WHEN n <= 120 THEN 4 ELSE 5 END AS level
      FROM generate_series(0, ${PLANS - 1}) AS n;
    INSERT INTO plans (id, organisation_id, lineage_id, plan_type_id, title, period_start, period_end, owning_unit_id, status)
      SELECT p.id, ${org}, gen_random_uuid(), t.id, 'Plan ' || p.n, '2025-04-01', '2026-03-31', (SELECT id FROM bench_unit),
             CASE WHEN p.n % 3 = 0 THEN 'draft' ELSE 'approved' END
      FROM bench_plans p JOIN bench_types t ON t.level = p.level;
    CREATE TEMP TABLE bench_items AS
      SELECT n, gen_random_uuid() AS id, n % ${PLANS} AS plan_n, n / ${PLANS} AS pos FROM generate_series(0, ${ITEMS - 1}) AS n;
    ALTER TABLE bench_items ADD COLUMN level int;
    UPDATE bench_items i SET level = p.level FROM bench_plans p WHERE p.n = i.plan_n;
    INSERT INTO plan_items (id, organisation_id, plan_id, parent_item_id, item_type_id, code, title, position)
      SELECT i.id, ${org}, p.id, parent.id, (SELECT id FROM bench_item_type), 'I' || i.n, 'Item ' || i.n, i.pos
      FROM bench_items i
      JOIN bench_plans p ON p.n = i.plan_n
      LEFT JOIN bench_items parent ON i.pos > 0 AND parent.plan_n = i.plan_n AND parent.pos = (i.pos - 1) / 3;
    CREATE TEMP TABLE bench_ranked AS
      SELECT id, level, row_number() OVER (PARTITION BY level ORDER BY n) AS rnk,
             row_number() OVER (PARTITION BY level >= 2 ORDER BY n) AS source_rnk
      FROM bench_items;
    CREATE TEMP TABLE bench_counts AS SELECT level, count(*) AS cnt FROM bench_items GROUP BY level;
    INSERT INTO contribution_links (organisation_id, from_item_id, to_item_id, kind)
      SELECT ${org}, f.id, t.id, CASE WHEN k % 5 = 0 THEN 'indirect' ELSE 'direct' END
      FROM generate_series(0, ${LINK_CANDIDATES - 1}) AS k
      JOIN bench_ranked f ON f.level >= 2
        AND f.source_rnk = 1 + mod(abs(hashtext('from' || k)::bigint), (SELECT count(*) FROM bench_items WHERE level >= 2))
      JOIN bench_counts c ON c.level = f.level - 1
      JOIN bench_ranked t ON t.level = f.level - 1 AND t.rnk = 1 + mod(abs(hashtext('to' || k)::bigint), c.cnt)
      ON CONFLICT DO NOTHING;
    INSERT INTO people (id, organisation_id, name, email, password_hash, unit_id)
      VALUES ('${viewerId}', ${org}, 'Bench Viewer', 'viewer@bench.example', '${passwordHash}', (SELECT id FROM bench_unit));
    INSERT INTO role_assignments (organisation_id, person_id, role) VALUES (${org}, '${viewerId}', 'viewer');
    DROP TABLE bench_unit, bench_item_type, bench_types, bench_plans, bench_items, bench_ranked, bench_counts;
    ANALYZE;
  `;
}

async function count(database: Database, table: string, organisationId: string): Promise<number> {
  const { sql } = await import('drizzle-orm');
  const rows = rowsOf<{ n: number | string }>(
    await database.db.execute(
      sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE organisation_id = ${organisationId}`,
    ),
  );
  return Number(rows[0]?.n ?? 0);
}

async function itemsAtLevel(database: Database, organisationId: string, level: number, limit: number) {
  const { sql } = await import('drizzle-orm');
  return rowsOf<{ id: string }>(
    await database.db.execute(sql`
      SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id JOIN plan_types t ON t.id = p.plan_type_id
      WHERE i.organisation_id = ${organisationId} AND t.level = ${level} AND p.status <> 'archived'
      ORDER BY i.code LIMIT ${limit}`),
  ).map((row) => row.id);
}

async function runOn(kind: DatabaseKind, database: Database, log: (m: string) => void) {
  const organisationId = randomUUID();
  const viewerId = randomUUID();
  const started = performance.now();
  await database.exec(seedScript(organisationId, viewerId, await hashPassword(PASSWORD)));
  const seedMs = performance.now() - started;
  const items = await count(database, 'plan_items', organisationId);
  const links = await count(database, 'contribution_links', organisationId);
  log(`${kind}: seeded ${items} items, ${links} links in ${Math.round(seedMs)} ms`);

  const options = { includeFrozen: false, partnerId: null };
  const leaves = await itemsAtLevel(database, organisationId, 5, 15);
  const serviceItems = await itemsAtLevel(database, organisationId, 4, 15);
  const directorateItems = await itemsAtLevel(database, organisationId, 3, 5);
  const [corporateItem] = await itemsAtLevel(database, organisationId, 2, 1);
  const rows = { up: 0, down: 0, deep: 0 };
  // Up from team-plan actions to the top; down from service-plan items; down from directorate items.
  const up = await timeRuns(
    15,
    async (i) => {
      rows.up += (await lineOfSight(database.db, organisationId, leaves[i]!, 'up', options)).length;
    },
    1,
  );
  const down = await timeRuns(
    15,
    async (i) => {
      rows.down += (await lineOfSight(database.db, organisationId, serviceItems[i]!, 'down', options)).length;
    },
    1,
  );
  const deep = await timeRuns(
    5,
    async (i) => {
      rows.deep += (await lineOfSight(database.db, organisationId, directorateItems[i]!, 'down', options)).length;
    },
    0,
  );
  // For comparison: plain reachability from a corporate-plan item, where UNION keeps each item once.
  const { sql } = await import('drizzle-orm');
  const reach = await timeRuns(5, async () =>
    database.db.execute(sql`
      WITH RECURSIVE edges(from_id, to_id) AS (
        SELECT id, parent_item_id FROM plan_items WHERE organisation_id = ${organisationId} AND parent_item_id IS NOT NULL
        UNION ALL
        SELECT from_item_id, to_item_id FROM contribution_links WHERE organisation_id = ${organisationId}
      ),
      reach(id) AS (
        SELECT ${corporateItem!}::uuid
        UNION
        SELECT e.from_id FROM reach r JOIN edges e ON e.to_id = r.id
      )
      SELECT count(*) FROM reach`),
  );
  log(`${kind}: line of sight measured`);

  // The whole app, as a signed-in viewer would meet it.
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'b'.repeat(40) });
  const clock = () => new Date();
  const services = createServices({ db: database.db, clock });
  const app = await buildApp(assembleDeps(config, database, clock));
  await app.ready();
  const session = await services.auth.signIn('viewer@bench.example', PASSWORD);
  if (!session) throw new Error('the bench viewer could not sign in');
  const headers = { cookie: `gt_session=${session.token}` };
  const statuses = new Set<number>();
  const get = (url: string) => async () => {
    const response = await app.inject({ method: 'GET', url, headers });
    statuses.add(response.statusCode);
  };
  const plansPage = await timeRuns(20, get('/plans'));
  const unitsApi = await timeRuns(20, get('/api/v1/units'));
  await app.close();
  if ([...statuses].some((status) => status !== 200)) log(`${kind}: app answered ${[...statuses].join(', ')}`);

  const u = summarise(up);
  const d = summarise(down);
  const dd = summarise(deep);
  const r = summarise(reach);
  const p = summarise(plansPage);
  const a = summarise(unitsApi);
  return {
    [`${kind}.items`]: items,
    [`${kind}.links`]: links,
    [`${kind}.seed_ms`]: round(seedMs),
    [`${kind}.los_up_p50_ms`]: round(u.p50),
    [`${kind}.los_up_p95_ms`]: round(u.p95),
    [`${kind}.los_up_mean_rows`]: Math.round(rows.up / (up.length + 1)),
    [`${kind}.los_down_p50_ms`]: round(d.p50),
    [`${kind}.los_down_p95_ms`]: round(d.p95),
    [`${kind}.los_down_mean_rows`]: Math.round(rows.down / (down.length + 1)),
    [`${kind}.los_down_directorate_p50_ms`]: round(dd.p50),
    [`${kind}.los_down_directorate_p95_ms`]: round(dd.p95),
    [`${kind}.los_down_directorate_mean_rows`]: Math.round(rows.deep / deep.length),
    [`${kind}.reach_union_corporate_p50_ms`]: round(r.p50),
    [`${kind}.plans_page_p95_ms`]: round(p.p95),
    [`${kind}.units_api_p95_ms`]: round(a.p95),
    [`${kind}.app_non_200_responses`]: [...statuses].filter((status) => status !== 200).length,
  };
}

export const foundation: Scenario = {
  name: 'foundation',
  description: '5,000 items in 300 plans with ~10,000 links: line of sight up/down, plans page, units API',
  async run(ctx) {
    const results: Record<string, number> = {};
    for (const kind of ctx.kinds) {
      const database = await ctx.openDatabase(kind);
      Object.assign(results, await runOn(kind, database, ctx.log));
    }
    return results;
  },
};
