/**
 * Revenue monitoring at the size of a large borough: 6 directorates of 5 services, 300 cost
 * centres, 12 periods (3,600 budget lines). Measured: the revenue summary by directorate for one
 * period as the service builds it (read, access by unit, exact totals), and with the page's
 * presenter (rows and the SVG chart) on top.
 */
import { randomUUID } from 'node:crypto';
import type { Caller } from '../../src/platform/services/caller.ts';
import { createServices } from '../../src/container.ts';
import { presentSummary } from '../../src/modules/money/web/revenue.presenter.ts';
import type { DatabaseKind } from '../lib/context.ts';
import type { Scenario } from '../lib/scenario.ts';
import { round, summarise, timeRuns } from '../lib/stats.ts';

const DIRECTORATES = 6;
const SERVICES_EACH = 5;
const CENTRES_EACH = 10;
const MONTHS = 12;

function seedScript(org: string): string {
  const o = `'${org}'`;
  return `
    INSERT INTO organisations (id, slug, name, type) VALUES (${o}, 'money-${org.slice(0, 8)}', 'Bench Borough Council', 'London borough');
    CREATE TEMP TABLE bench_root AS SELECT gen_random_uuid() AS id;
    INSERT INTO units (id, organisation_id, code, name, kind) SELECT id, ${o}, 'COUNCIL', 'Bench Borough Council', 'council' FROM bench_root;
    CREATE TEMP TABLE bench_dirs AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, ${DIRECTORATES}) AS n;
    INSERT INTO units (id, organisation_id, parent_id, code, name, kind)
      SELECT d.id, ${o}, (SELECT id FROM bench_root), 'D' || d.n, 'Directorate ' || d.n, 'directorate' FROM bench_dirs d;
    CREATE TEMP TABLE bench_services AS
      SELECT d.n AS dn, s AS sn, gen_random_uuid() AS id, d.id AS parent FROM bench_dirs d, generate_series(1, ${SERVICES_EACH}) AS s;
    INSERT INTO units (id, organisation_id, parent_id, code, name, kind)
      SELECT id, ${o}, parent, 'S' || dn || '-' || sn, 'Service ' || dn || '.' || sn, 'service' FROM bench_services;
    CREATE TEMP TABLE bench_centres AS
      SELECT gen_random_uuid() AS id, s.id AS unit_id, 'CC' || s.dn || s.sn || lpad(c::text, 2, '0') AS code, c
      FROM bench_services s, generate_series(1, ${CENTRES_EACH}) AS c;
    INSERT INTO money_cost_centres (id, organisation_id, code, name, unit_id)
      SELECT id, ${o}, code, 'Cost centre ' || code, unit_id FROM bench_centres;
    INSERT INTO money_financial_years (organisation_id, start_year) VALUES (${o}, 2025);
    INSERT INTO money_budget_lines (organisation_id, cost_centre_id, financial_year_id, month, original_budget, virements,
        budget_to_date, actual_to_date, previous_forecast, forecast_before_action, latest_forecast, explanation)
      SELECT ${o}, c.id, (SELECT id FROM money_financial_years WHERE organisation_id = ${o}), m,
             b, 0, b * m / 12, b * m / 12 + (c.c - 5) * 100000, b, b + (c.c - 5) * 2000000, b + (c.c - 5) * 1500000,
             CASE WHEN c.c IN (1, 2, 8, 9, 10) THEN 'Demand above plan' ELSE '' END
      FROM bench_centres c, generate_series(1, ${MONTHS}) AS m, LATERAL (SELECT (50000000 + c.c * 12345601)::bigint AS b) AS budget;
  `;
}

async function runOn(ctx: Parameters<Scenario['run']>[0], kind: DatabaseKind): Promise<Record<string, number>> {
  const database = await ctx.openDatabase(kind);
  const org = randomUUID();
  const started = performance.now();
  await database.exec(seedScript(org));
  const seedMs = performance.now() - started;
  ctx.log(`${kind}: ${DIRECTORATES * SERVICES_EACH * CENTRES_EACH} cost centres × ${MONTHS} periods seeded`);
  const services = createServices({ db: database.db, clock: () => new Date('2025-10-15T12:00:00Z') });
  const caller: Caller = {
    kind: 'person',
    personId: randomUUID(),
    organisationId: org,
    name: 'Bench finance officer',
    partnerId: null,
    grants: [{ role: 'finance-officer', unitId: null }],
  };
  let directorates = 0;
  const serviceRuns = await timeRuns(30, async (i) => {
    const result = await services.revenue.summary(caller, { startYear: 2025, month: (i % MONTHS) + 1 });
    if (!result.ok) throw new Error(result.error.message);
    directorates = result.value.summary.directorates.length;
  });
  const pageRuns = await timeRuns(30, async (i) => {
    const result = await services.revenue.summary(caller, { startYear: 2025, month: (i % MONTHS) + 1 });
    if (!result.ok) throw new Error(result.error.message);
    presentSummary(result.value, { year: '2025', period: String((i % MONTHS) + 1) });
  });
  const s = summarise(serviceRuns);
  const p = summarise(pageRuns);
  return {
    [`${kind}.seed_ms`]: round(seedMs),
    [`${kind}.directorates`]: directorates,
    [`${kind}.revenue_summary_p50_ms`]: round(s.p50),
    [`${kind}.revenue_summary_p95_ms`]: round(s.p95),
    [`${kind}.revenue_summary_with_page_p95_ms`]: round(p.p95),
  };
}

export const moneyScenario: Scenario = {
  name: 'money',
  description: '300 cost centres × 12 periods: the revenue summary by directorate',
  async run(ctx) {
    const results: Record<string, number> = {};
    for (const kind of ctx.kinds) Object.assign(results, await runOn(ctx, kind));
    return results;
  },
};
