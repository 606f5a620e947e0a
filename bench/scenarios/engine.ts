/**
 * The performance engine at council scale (issue 4's benchmark): 5,000 monthly measures with ten
 * years of values each (600,000 values) and a target per year, 25 units, a corporate plan and five
 * directorate plans whose objectives every measure is linked to; all inserted with set-based SQL.
 *
 * Measures, on each database:
 * - whole-council status from scratch: performance.recompute(db, org, 'all') (load the history,
 *   RAG, direction, year to date, SPC, forecast with back-test, upsert) plus the roll-up of every
 *   plan from the stored statuses; loading the history in one piece and the engine's pure work are
 *   also timed apart (the recompute overlaps them, chunk by chunk);
 * - the corporate dashboard API, warm, 200 requests through app.inject;
 * - an incremental update: one value changes and its measure is recomputed from that period, in
 *   one transaction (what collection.enter does after writing the value).
 *
 * Goals (issue 4): whole council ≤ 2,000 ms; dashboard p95 ≤ 150 ms; incremental ≤ 50 ms.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/db.ts';
import { loadStatusHistory, statusMeasures } from '../../src/modules/performance/data/status-history.repository.ts';
import { rowsOf } from '../../src/platform/db/rows.ts';
import type { SignedIn } from '../../src/kernel/access/index.ts';
import { hashPassword } from '../../src/modules/organisation/auth.service.ts';
import { assembleDeps, createServices } from '../../src/container.ts';
import { computeStatuses } from '../../src/modules/performance/performance-status.service.ts';
import { emptyChoiceStore } from '../../src/modules/performance/forecast-choices.ts';
import type { DatabaseKind } from '../lib/context.ts';
import type { Scenario } from '../lib/scenario.ts';
import { round, summarise, timeRuns } from '../lib/stats.ts';

const MEASURES = 5_000;
const MONTHS = 120;
const PASSWORD = 'bench password, not secret';
/** "Today": the period being reported on is October 2025 (2025/26 month 7), the last with data. */
const TODAY = new Date('2025-11-20T10:00:00Z');
const CURRENT_KEY = '2025-26-M07';

/** Month key of the k-th month, counting from November 2015 (2015/16 M08). */
const monthKeySql = (k: string) => `
  ((2015 * 12 + 7 + ${k}) / 12)::text || '-' || lpad((((2015 * 12 + 7 + ${k}) / 12 + 1) % 100)::text, 2, '0')
  || '-M' || lpad((((2015 * 12 + 7 + ${k}) % 12) + 1)::text, 2, '0')`;

export function seedScript(org: string, viewerId: string, passwordHash: string): string {
  const o = `'${org}'::uuid`;
  return `
    INSERT INTO organisations (id, slug, name, type) VALUES (${o}, 'engine-${org.slice(0, 8)}', 'Bench Engine Council', 'Unitary authority');
    CREATE TEMP TABLE b_root AS SELECT gen_random_uuid() AS id;
    INSERT INTO units (id, organisation_id, code, name, kind) SELECT id, ${o}, 'COUNCIL', 'Bench Engine Council', 'council' FROM b_root;
    CREATE TEMP TABLE b_dir AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, 4) AS n;
    INSERT INTO units (id, organisation_id, parent_id, code, name, kind)
      SELECT id, ${o}, (SELECT id FROM b_root), 'DIR' || n, 'Directorate ' || n, 'directorate' FROM b_dir;
    CREATE TEMP TABLE b_svc AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, 19) AS n;
    INSERT INTO units (id, organisation_id, parent_id, code, name, kind)
      SELECT s.id, ${o}, d.id, 'SVC' || s.n, 'Service ' || s.n, 'service' FROM b_svc s JOIN b_dir d ON d.n = s.n % 5;

    CREATE TEMP TABLE b_m AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, ${MEASURES - 1}) AS n;
    INSERT INTO measures (id, organisation_id, code, title, unit, decimal_places, polarity, frequency, aggregation, is_key, owner_unit_id, status)
      SELECT m.id, ${o}, 'M' || lpad(m.n::text, 5, '0'), 'Bench measure ' || m.n, '%', 1,
             CASE WHEN m.n % 3 = 0 THEN 'lower-is-better' ELSE 'higher-is-better' END,
             'monthly', 'mean', m.n % 50 = 0, s.id, 'active'
      FROM b_m m JOIN b_svc s ON s.n = m.n % 20;
    INSERT INTO measure_values (organisation_id, measure_id, period_key, value, status)
      SELECT ${o}, m.id, ${monthKeySql('k')},
             round(greatest(0, least(100,
               40 + (m.n % 50) + 5 * sin(2 * pi() * ((k + 7) % 12) / 12.0) + 0.02 * k * ((m.n % 5) - 2) + (random() * 6 - 3)
             ))::numeric, 1)::float8,
             'approved'
      FROM b_m m CROSS JOIN generate_series(0, ${MONTHS - 1}) AS k;
    INSERT INTO measure_targets (organisation_id, measure_id, kind, financial_year, value, effective_from)
      SELECT ${o}, m.id, 'annual', y::text || '-' || lpad(((y + 1) % 100)::text, 2, '0'),
             CASE WHEN m.n % 3 = 0 THEN 40 + (m.n % 50) - 1 ELSE 40 + (m.n % 50) + 1 END,
             make_date(y, 4, 1)
      FROM b_m m CROSS JOIN generate_series(2015, 2025) AS y;

    CREATE TEMP TABLE b_types AS SELECT gen_random_uuid() AS corporate, gen_random_uuid() AS directorate,
      gen_random_uuid() AS priority, gen_random_uuid() AS objective;
    INSERT INTO plan_types (id, organisation_id, key, name, level, template_sections)
      SELECT corporate, ${o}, 'corporate-plan', 'Corporate plan', 2, '[]'::jsonb FROM b_types
      UNION ALL SELECT directorate, ${o}, 'directorate-plan', 'Directorate plan', 3, '[]'::jsonb FROM b_types;
    INSERT INTO item_types (id, organisation_id, key, name)
      SELECT priority, ${o}, 'priority', 'Priority' FROM b_types
      UNION ALL SELECT objective, ${o}, 'objective', 'Objective' FROM b_types;
    CREATE TEMP TABLE b_plans AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, 5) AS n;
    INSERT INTO plans (id, organisation_id, lineage_id, plan_type_id, title, period_start, period_end, owning_unit_id, status, effective_from)
      SELECT p.id, ${o}, gen_random_uuid(),
             CASE WHEN p.n = 0 THEN t.corporate ELSE t.directorate END,
             CASE WHEN p.n = 0 THEN 'Corporate plan 2025/26' ELSE 'Directorate plan ' || (p.n - 1) END,
             '2025-04-01', '2026-03-31',
             CASE WHEN p.n = 0 THEN (SELECT id FROM b_root) ELSE (SELECT id FROM b_dir WHERE n = p.n - 1) END,
             'approved', '2025-04-01'
      FROM b_plans p CROSS JOIN b_types t;
    CREATE TEMP TABLE b_pri AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, 7) AS n;
    INSERT INTO plan_items (id, organisation_id, plan_id, item_type_id, code, title, position)
      SELECT id, ${o}, (SELECT id FROM b_plans WHERE n = 0), (SELECT priority FROM b_types), 'P' || n, 'Priority ' || n, n FROM b_pri;
    CREATE TEMP TABLE b_obj AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, 139) AS n;
    INSERT INTO plan_items (id, organisation_id, plan_id, parent_item_id, item_type_id, code, title, position)
      SELECT o.id, ${o},
             CASE WHEN o.n < 40 THEN (SELECT id FROM b_plans WHERE n = 0) ELSE (SELECT id FROM b_plans WHERE n = 1 + (o.n - 40) / 20) END,
             CASE WHEN o.n < 40 THEN (SELECT id FROM b_pri WHERE n = o.n / 5) END,
             (SELECT objective FROM b_types), 'O' || o.n, 'Objective ' || o.n, o.n
      FROM b_obj o;
    INSERT INTO measure_item_links (organisation_id, measure_id, item_id)
      SELECT ${o}, m.id, o.id FROM b_m m JOIN b_obj o ON o.n = CASE WHEN m.n < 2000 THEN m.n % 40 ELSE 40 + m.n % 100 END;

    INSERT INTO people (id, organisation_id, name, email, password_hash, unit_id)
      VALUES ('${viewerId}', ${o}, 'Bench Viewer', 'viewer@engine.bench.example', '${passwordHash}', (SELECT id FROM b_root));
    INSERT INTO role_assignments (organisation_id, person_id, role) VALUES (${o}, '${viewerId}', 'viewer');
    DROP TABLE b_root, b_dir, b_svc, b_m, b_types, b_plans, b_pri, b_obj;
    ANALYZE;
  `;
}

async function scalar(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  const rows = rowsOf<{ n: number | string }>(await database.db.execute(query));
  return Number(rows[0]?.n ?? 0);
}

async function runOn(kind: DatabaseKind, database: Database, log: (m: string) => void) {
  const organisationId = randomUUID();
  const viewerId = randomUUID();
  let started = performance.now();
  await database.exec(seedScript(organisationId, viewerId, await hashPassword(PASSWORD)));
  const seedMs = performance.now() - started;
  // A settled database, as autovacuum leaves it: otherwise its first pass over the 600,000 fresh
  // rows lands in the middle of the measurements and competes for one of the two cores.
  await database.exec('VACUUM ANALYZE');
  const values = await scalar(
    database,
    sql`SELECT count(*) AS n FROM measure_values WHERE organisation_id = ${organisationId}`,
  );
  log(`${kind}: seeded ${values} values in ${Math.round(seedMs)} ms`);

  const clock = () => TODAY;
  const services = createServices({ db: database.db, clock });
  const caller: SignedIn = {
    kind: 'person',
    personId: viewerId,
    organisationId,
    name: 'Bench Viewer',
    partnerId: null,
    grants: [{ role: 'viewer', unitId: null }],
  };

  // The engine's pure work, apart from the database.
  started = performance.now();
  const history = await loadStatusHistory(
    database.db,
    organisationId,
    await statusMeasures(database.db, organisationId, 'all'),
    ['2024-25', '2025-26'],
  );
  const loadMs = performance.now() - started;
  started = performance.now();
  const computed = computeStatuses(organisationId, history, TODAY, 15);
  const computeMs = performance.now() - started;
  log(`${kind}: load ${Math.round(loadMs)} ms, compute ${computed.length} statuses ${Math.round(computeMs)} ms`);
  // The same work with every measure's forecast choice remembered from a run before (unchanged figures).
  const choices = emptyChoiceStore();
  computeStatuses(organisationId, history, TODAY, 15, {}, undefined, choices);
  started = performance.now();
  computeStatuses(organisationId, history, TODAY, 15, {}, undefined, emptyChoiceStore(choices.fresh));
  const rememberedMs = performance.now() - started;
  log(`${kind}: compute with remembered forecast choices ${Math.round(rememberedMs)} ms`);

  // Whole council from scratch: statuses (none stored yet), then the roll-up of every plan.
  const planIds = rowsOf<{ id: string }>(
    await database.db.execute(sql`SELECT id FROM plans WHERE organisation_id = ${organisationId} ORDER BY title`),
  ).map((row) => row.id);
  started = performance.now();
  const stored = await services.performance.recompute(database.db, organisationId, 'all');
  const recomputeMs = performance.now() - started;
  started = performance.now();
  let rolledItems = 0;
  for (const planId of planIds) {
    const rollup = await services.performanceViews.planRollup(caller, planId);
    if (!rollup.ok) throw new Error(rollup.error.message);
    rolledItems += rollup.value.counts.total;
  }
  const rollupMs = performance.now() - started;
  const wholeMs = recomputeMs + rollupMs;
  log(
    `${kind}: whole council ${Math.round(wholeMs)} ms (recompute ${stored} rows ${Math.round(recomputeMs)} ms, roll-up ${Math.round(rollupMs)} ms)`,
  );
  // Again, now updating stored rows in place.
  started = performance.now();
  await services.performance.recompute(database.db, organisationId, 'all');
  const recomputeAgainMs = performance.now() - started;

  // The dashboard API through the whole app, warm, on settled statuses (see VACUUM above).
  await database.exec('VACUUM ANALYZE measure_statuses');
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'e'.repeat(40) });
  const app = await buildApp(assembleDeps(config, database, clock));
  await app.ready();
  const session = await services.auth.signIn('viewer@engine.bench.example', PASSWORD);
  if (!session) throw new Error('the bench viewer could not sign in');
  const headers = { cookie: `gt_session=${session.token}` };
  const statuses = new Set<number>();
  let dashboardBytes = 0;
  const dashboard = await timeRuns(
    200,
    async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/performance/dashboard', headers });
      statuses.add(response.statusCode);
      dashboardBytes = response.body.length;
    },
    10,
  );
  const dashboardPage = await timeRuns(20, async () => {
    const response = await app.inject({ method: 'GET', url: '/performance', headers });
    statuses.add(response.statusCode);
  });
  await app.close();
  if ([...statuses].some((status) => status !== 200)) log(`${kind}: app answered ${[...statuses].join(', ')}`);

  // One value changes; its measure is recomputed from that period, in one transaction.
  const ids = rowsOf<{ id: string }>(
    await database.db.execute(
      sql`SELECT id FROM measures WHERE organisation_id = ${organisationId} ORDER BY code LIMIT 20`,
    ),
  ).map((row) => row.id);
  const incremental = await timeRuns(20, async (i) => {
    const measureId = ids[i % ids.length]!;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`
        UPDATE measure_values SET value = value + 0.1, row_version = row_version + 1, updated_at = now()
        WHERE organisation_id = ${organisationId} AND measure_id = ${measureId} AND period_key = ${CURRENT_KEY} AND breakdown_id IS NULL`);
      await services.performance.recompute(tx, organisationId, [measureId], { fromPeriodKey: CURRENT_KEY });
    });
  });

  const d = summarise(dashboard);
  const page = summarise(dashboardPage);
  const inc = summarise(incremental);
  return {
    [`${kind}.values`]: values,
    [`${kind}.seed_ms`]: round(seedMs),
    [`${kind}.history_load_ms`]: round(loadMs),
    [`${kind}.engine_compute_ms`]: round(computeMs),
    [`${kind}.engine_compute_remembered_choices_ms`]: round(rememberedMs),
    [`${kind}.whole_council_ms`]: round(wholeMs),
    [`${kind}.recompute_all_ms`]: round(recomputeMs),
    [`${kind}.recompute_all_again_ms`]: round(recomputeAgainMs),
    [`${kind}.rollup_all_plans_ms`]: round(rollupMs),
    [`${kind}.rollup_counted_items`]: rolledItems,
    [`${kind}.dashboard_api_p50_ms`]: round(d.p50),
    [`${kind}.dashboard_api_p95_ms`]: round(d.p95),
    [`${kind}.dashboard_api_bytes`]: dashboardBytes,
    [`${kind}.dashboard_page_p95_ms`]: round(page.p95),
    [`${kind}.incremental_p50_ms`]: round(inc.p50),
    [`${kind}.incremental_p95_ms`]: round(inc.p95),
    [`${kind}.app_non_200_responses`]: [...statuses].filter((status) => status !== 200).length,
  };
}

export const engine: Scenario = {
  name: 'engine',
  description:
    '5,000 monthly measures × 120 months (600,000 values): whole-council status from scratch, dashboard API p95, incremental update',
  async run(ctx) {
    const results: Record<string, number> = {};
    for (const kind of ctx.kinds) {
      const database = await ctx.openDatabase(kind);
      Object.assign(results, await runOn(kind, database, ctx.log));
    }
    return results;
  },
};
