/**
 * Actions: 5,000 actions with 10 progress updates each (50,000 updates), 500 of them in one plan
 * linked to its 100 items. Measures the "my actions" page of a person who owns, is assigned to or
 * is the escalation owner of about 300 of them, and the roll-up of the plan with 500 actions
 * (through performance's RollupContributions port), both through the whole app.
 */
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/db.ts';
import { hashPassword } from '../../src/modules/organisation/auth.service.ts';
import { assembleDeps, createServices } from '../../src/container.ts';
import type { DatabaseKind } from '../lib/context.ts';
import type { Scenario } from '../lib/scenario.ts';
import { round, summarise, timeRuns } from '../lib/stats.ts';

const PASSWORD = 'bench password, not secret';
const ACTIONS = 5_000;
const PEOPLE = 50;

function seedScript(org: string, me: string, planId: string, passwordHash: string): string {
  const o = `'${org}'`;
  return `
    INSERT INTO organisations (id, slug, name, type) VALUES (${o}, 'bench-actions-${org.slice(0, 8)}', 'Bench Actions Council', 'District');
    CREATE TEMP TABLE b_unit AS SELECT gen_random_uuid() AS id;
    INSERT INTO units (id, organisation_id, code, name, kind) SELECT id, ${o}, 'COUNCIL', 'Bench Actions Council', 'council' FROM b_unit;
    CREATE TEMP TABLE b_type AS SELECT gen_random_uuid() AS item_type, gen_random_uuid() AS plan_type;
    INSERT INTO item_types (id, organisation_id, key, name) SELECT item_type, ${o}, 'objective', 'Objective' FROM b_type;
    INSERT INTO plan_types (id, organisation_id, key, name, level, template_sections) SELECT plan_type, ${o}, 'service', 'Service plan', 4, '[]'::jsonb FROM b_type;
    CREATE TEMP TABLE b_plans AS SELECT n, CASE WHEN n = 0 THEN '${planId}'::uuid ELSE gen_random_uuid() END AS id FROM generate_series(0, 9) AS n;
    INSERT INTO plans (id, organisation_id, lineage_id, plan_type_id, title, period_start, period_end, owning_unit_id, status, effective_from)
      SELECT id, ${o}, gen_random_uuid(), (SELECT plan_type FROM b_type), 'Plan ' || n, '2025-04-01', '2026-03-31', (SELECT id FROM b_unit), 'approved', '2025-04-01' FROM b_plans;
    CREATE TEMP TABLE b_items AS SELECT n, gen_random_uuid() AS id, n % 10 AS plan_n FROM generate_series(0, 999) AS n;
    INSERT INTO plan_items (id, organisation_id, plan_id, item_type_id, code, title, position)
      SELECT i.id, ${o}, p.id, (SELECT item_type FROM b_type), 'I' || i.n, 'Item ' || i.n, i.n FROM b_items i JOIN b_plans p ON p.n = i.plan_n;
    CREATE TEMP TABLE b_people AS SELECT n, CASE WHEN n = 0 THEN '${me}'::uuid ELSE gen_random_uuid() END AS id FROM generate_series(0, ${PEOPLE - 1}) AS n;
    INSERT INTO people (id, organisation_id, name, email, password_hash, unit_id)
      SELECT id, ${o}, 'Person ' || n, 'person' || n || '@bench.example', CASE WHEN n = 0 THEN '${passwordHash}' END, (SELECT id FROM b_unit) FROM b_people;
    INSERT INTO role_assignments (organisation_id, person_id, role) VALUES (${o}, '${me}', 'manager');
    CREATE TEMP TABLE b_actions AS SELECT n, gen_random_uuid() AS id, n % 10 AS plan_n FROM generate_series(0, ${ACTIONS - 1}) AS n;
    INSERT INTO actions (id, organisation_id, plan_id, code, title, owner_person_id, escalation_owner_person_id, start_date, original_due_date, percent_complete, is_key)
      SELECT a.id, ${o}, p.id, 'A' || a.n, 'Action ' || a.n,
             (SELECT id FROM b_people WHERE n = a.n % ${PEOPLE}), (SELECT id FROM b_people WHERE n = (a.n / 7) % ${PEOPLE}),
             '2025-04-01', (DATE '2025-09-01' + (a.n % 400)), (a.n * 7) % 101, a.n % 50 = 0
      FROM b_actions a JOIN b_plans p ON p.n = a.plan_n;
    INSERT INTO action_item_links (organisation_id, action_id, item_id)
      SELECT ${o}, a.id, i.id FROM b_actions a JOIN b_items i ON i.n = (a.n % 1000) - (a.n % 1000) % 10 + a.plan_n;
    INSERT INTO action_assignees (organisation_id, action_id, person_id)
      SELECT ${o}, a.id, (SELECT id FROM b_people WHERE n = (a.n * 3) % ${PEOPLE}) FROM b_actions a WHERE a.n % 3 = 0;
    INSERT INTO action_updates (organisation_id, action_id, as_of, percent_complete, status, derived_status, commentary, by_label, at)
      SELECT ${o}, a.id, DATE '2025-04-30' + k * 30, LEAST(100, k * 10), CASE WHEN k % 3 = 0 THEN 'off-track' ELSE 'on-track' END,
             'on-track', 'Update ' || k, 'Bench', TIMESTAMPTZ '2025-04-30 10:00+00' + k * INTERVAL '30 days'
      FROM b_actions a CROSS JOIN generate_series(1, 10) AS k;
    INSERT INTO action_escalations (organisation_id, action_id, escalation_owner_person_id, trigger, raised_on)
      SELECT ${o}, a.id, (SELECT id FROM b_people WHERE n = (a.n / 7) % ${PEOPLE}), '{"code":"overdue-days","days":14}'::jsonb, '2025-11-01'
      FROM b_actions a WHERE a.n % 20 = 0;
    DROP TABLE b_unit, b_type, b_plans, b_items, b_people, b_actions;
    ANALYZE;
  `;
}

async function runOn(kind: DatabaseKind, database: Database, log: (m: string) => void) {
  const org = randomUUID();
  const me = randomUUID();
  const planId = randomUUID();
  const started = performance.now();
  await database.exec(seedScript(org, me, planId, await hashPassword(PASSWORD)));
  const seedMs = performance.now() - started;
  log(`${kind}: seeded ${ACTIONS} actions with 10 updates each in ${Math.round(seedMs)} ms`);

  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'b'.repeat(40) });
  const clock = () => new Date('2025-11-20T10:00:00Z');
  const services = createServices({ db: database.db, clock });
  const app = await buildApp(assembleDeps(config, database, clock));
  await app.ready();
  const session = await services.auth.signIn('person0@bench.example', PASSWORD);
  if (!session) throw new Error('the bench person could not sign in');
  const headers = { cookie: `gt_session=${session.token}` };
  const statuses = new Set<number>();
  let mineCount = 0;
  let rollupCount = 0;
  const mine = await timeRuns(20, async () => {
    const response = await app.inject({ method: 'GET', url: '/actions/mine', headers });
    statuses.add(response.statusCode);
    mineCount = (response.body.match(/href="\/actions\/[0-9a-f-]{36}"/g) ?? []).length;
  });
  const rollup = await timeRuns(20, async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/rollup`, headers });
    statuses.add(response.statusCode);
    const body = response.json<{ children: { contributors: { kind: string }[] }[] }>();
    rollupCount = body.children.reduce((n, c) => n + c.contributors.filter((x) => x.kind === 'action').length, 0);
  });
  await app.close();
  if ([...statuses].some((status) => status !== 200)) log(`${kind}: app answered ${[...statuses].join(', ')}`);
  const m = summarise(mine);
  const r = summarise(rollup);
  return {
    [`${kind}.seed_ms`]: round(seedMs),
    [`${kind}.my_actions_rows`]: mineCount,
    [`${kind}.my_actions_page_p50_ms`]: round(m.p50),
    [`${kind}.my_actions_page_p95_ms`]: round(m.p95),
    [`${kind}.plan_rollup_actions`]: rollupCount,
    [`${kind}.plan_rollup_p50_ms`]: round(r.p50),
    [`${kind}.plan_rollup_p95_ms`]: round(r.p95),
  };
}

export const actionsScenario: Scenario = {
  name: 'actions',
  description: '5,000 actions with 10 updates each: the "my actions" page and the roll-up of a plan with 500 actions',
  async run(ctx) {
    const results: Record<string, number> = {};
    for (const kind of ctx.kinds) {
      const database = await ctx.openDatabase(kind);
      Object.assign(results, await runOn(kind, database, ctx.log));
    }
    return results;
  },
};
