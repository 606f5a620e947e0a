/**
 * Risk registers at the size of a large borough: 400 open risks, 100 on the strategic register and
 * 50 on each of six directorate registers, each with four quarterly assessments over the past
 * year. Measured, as the services build them and with the pages' presenters on top: the strategic
 * register page (its risks, and the heat map now and at the end of the previous quarter), the
 * whole-council risk table (all 400) and the quarterly report's strategic register.
 */
import { randomUUID } from 'node:crypto';
import type { Caller } from '../../src/platform/services/caller.ts';
import { createServices } from '../../src/container.ts';
import { strategicRiskReport } from '../../src/modules/risks/index.ts';
import { heatMapView, riskTableRows } from '../../src/modules/risks/web/risk.presenter.ts';
import { DEFAULT_MATRIX } from '../../src/modules/risks/domain/index.ts';
import type { DatabaseKind } from '../lib/context.ts';
import type { Scenario } from '../lib/scenario.ts';
import { round, summarise, timeRuns } from '../lib/stats.ts';

const DIRECTORATES = 6;
const STRATEGIC_RISKS = 100;
const DIRECTORATE_RISKS = 50;
const ASSESSMENTS = 4;

/** A JSON value as an SQL literal (the matrix's words may hold apostrophes). */
const jsonLiteral = (value: unknown) => `'${JSON.stringify(value).replace(/'/g, "''")}'::jsonb`;

function seedScript(org: string, person: string): string {
  const o = `'${org}'`;
  return `
    INSERT INTO organisations (id, slug, name, type) VALUES (${o}, 'risks-${org.slice(0, 8)}', 'Bench Borough Council', 'London borough');
    CREATE TEMP TABLE bench_root AS SELECT gen_random_uuid() AS id;
    INSERT INTO units (id, organisation_id, code, name, kind) SELECT id, ${o}, 'COUNCIL', 'Bench Borough Council', 'council' FROM bench_root;
    INSERT INTO people (id, organisation_id, name, email) VALUES ('${person}', ${o}, 'Bench risk officer', 'risk@bench.example');
    CREATE TEMP TABLE bench_dirs AS SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS register_id FROM generate_series(1, ${DIRECTORATES}) AS n;
    INSERT INTO units (id, organisation_id, parent_id, code, name, kind)
      SELECT d.id, ${o}, (SELECT id FROM bench_root), 'D' || d.n, 'Directorate ' || d.n, 'directorate' FROM bench_dirs d;
    CREATE TEMP TABLE bench_matrix AS SELECT gen_random_uuid() AS id;
    INSERT INTO risk_matrices (id, organisation_id, version, size, likelihood, impact, bands)
      SELECT id, ${o}, 1, 5, ${jsonLiteral(DEFAULT_MATRIX.likelihood)}, ${jsonLiteral(DEFAULT_MATRIX.impact)},
             ${jsonLiteral(DEFAULT_MATRIX.bands)} FROM bench_matrix;
    CREATE TEMP TABLE bench_registers AS
      SELECT gen_random_uuid() AS id, 'strategic' AS level, (SELECT id FROM bench_root) AS unit_id, 'Strategic risk register' AS name, ${STRATEGIC_RISKS} AS risks, 0 AS n
      UNION ALL SELECT register_id, 'directorate', id, 'Directorate ' || n || ' risks', ${DIRECTORATE_RISKS}, n FROM bench_dirs;
    INSERT INTO risk_registers (id, organisation_id, name, level, unit_id, owner_person_id)
      SELECT id, ${o}, name, level, unit_id, '${person}' FROM bench_registers;
    CREATE TEMP TABLE bench_risks AS
      SELECT gen_random_uuid() AS id, g.id AS register_id, 'R' || g.n || '-' || lpad(i::text, 3, '0') AS reference, i
      FROM bench_registers g, LATERAL generate_series(1, g.risks) AS i;
    INSERT INTO risks (id, organisation_id, register_id, reference, title, cause, event, effect, owner_person_id, type,
        category, review_frequency, next_review_on)
      SELECT id, ${o}, register_id, reference, 'Risk ' || reference, 'A cause', 'An event', 'An effect', '${person}',
             'threat', (ARRAY['financial','reputational','legal-regulatory','operational','information'])[1 + i % 5],
             'quarterly', DATE '2026-01-10' + (i % 120)
      FROM bench_risks;
    INSERT INTO risk_assessments (organisation_id, risk_id, matrix_id, inherent_likelihood, inherent_impact,
        current_likelihood, current_impact, target_likelihood, target_impact, assessed_by_name, assessed_on, assessed_at)
      SELECT ${o}, r.id, (SELECT id FROM bench_matrix), 5, 5, 1 + (r.i + q) % 5, 1 + (r.i * 3 + q) % 5, 1, 1,
             'Bench risk officer', DATE '2025-03-15' + q * 91, TIMESTAMPTZ '2025-03-15 10:00:00+00' + q * INTERVAL '91 days'
      FROM bench_risks r, generate_series(0, ${ASSESSMENTS - 1}) AS q;
  `;
}

async function runOn(ctx: Parameters<Scenario['run']>[0], kind: DatabaseKind): Promise<Record<string, number>> {
  const database = await ctx.openDatabase(kind);
  const org = randomUUID();
  const person = randomUUID();
  const started = performance.now();
  await database.exec(seedScript(org, person));
  const seedMs = performance.now() - started;
  ctx.log(`${kind}: ${STRATEGIC_RISKS + DIRECTORATES * DIRECTORATE_RISKS} risks × ${ASSESSMENTS} assessments seeded`);
  const services = createServices({ db: database.db, clock: () => new Date('2026-03-10T12:00:00Z') });
  const caller: Caller = {
    kind: 'person',
    personId: person,
    organisationId: org,
    name: 'Bench risk officer',
    partnerId: null,
    grants: [{ role: 'performance-officer', unitId: null }],
  };
  const registers = await services.riskRegisters.list(caller);
  if (!registers.ok) throw new Error(registers.error.message);
  const strategic = registers.value.find((r) => r.level === 'strategic')!;
  let strategicRisks = 0;
  let allRisks = 0;
  const registerRuns = await timeRuns(30, async () => {
    const result = await services.riskRegisters.get(caller, strategic.id);
    if (!result.ok) throw new Error(result.error.message);
    strategicRisks = result.value.risks.length;
  });
  const registerPageRuns = await timeRuns(30, async () => {
    const result = await services.riskRegisters.get(caller, strategic.id);
    if (!result.ok) throw new Error(result.error.message);
    riskTableRows(result.value.risks);
    heatMapView(result.value.heatMap.now, DEFAULT_MATRIX, 'Now');
    heatMapView(result.value.heatMap.previous, DEFAULT_MATRIX, 'Previous quarter');
  });
  const allRuns = await timeRuns(30, async () => {
    const result = await services.risks.list(caller);
    if (!result.ok) throw new Error(result.error.message);
    allRisks = result.value.risks.length;
    riskTableRows(result.value.risks);
  });
  const reportRuns = await timeRuns(30, async () => {
    const result = await strategicRiskReport(database.db, caller, { start: '2026-01-01', end: '2026-03-31' });
    if (!result.ok) throw new Error(result.error.message);
  });
  const r = summarise(registerRuns);
  const p = summarise(registerPageRuns);
  const a = summarise(allRuns);
  const q = summarise(reportRuns);
  return {
    [`${kind}.seed_ms`]: round(seedMs),
    [`${kind}.strategic_risks`]: strategicRisks,
    [`${kind}.all_risks`]: allRisks,
    [`${kind}.strategic_register_heat_map_p50_ms`]: round(r.p50),
    [`${kind}.strategic_register_heat_map_p95_ms`]: round(r.p95),
    [`${kind}.strategic_register_with_page_p95_ms`]: round(p.p95),
    [`${kind}.all_risks_table_p95_ms`]: round(a.p95),
    [`${kind}.quarterly_report_p95_ms`]: round(q.p95),
  };
}

export const risksScenario: Scenario = {
  name: 'risks',
  description:
    '400 risks (100 strategic, 6 directorate registers of 50) × 4 assessments: the strategic register and its heat maps, all risks, the quarterly report',
  async run(ctx) {
    const results: Record<string, number> = {};
    for (const kind of ctx.kinds) Object.assign(results, await runOn(ctx, kind));
    return results;
  },
};
