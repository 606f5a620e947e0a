/**
 * Bulk import: 1,000,000 monthly values (2,500 measures × 400 months) from one CSV file through
 * the real import (parse, domain checks of every row, duplicate and lock checks, COPY of the
 * values and of an 'import' event per value, one audit row, stored statuses recomputed once per
 * measure), in one transaction, compared in the same run with the database's own COPY of the
 * same rows:
 * - into a table shaped like measure_values (same columns, defaults and indexes, no foreign
 *   keys), five columns given: the comparison the 3× goal was first measured against;
 * - into the same shape WITH measure_values' foreign keys (organisation, measure and the two
 *   people columns the import fills in, given too): what COPY itself costs on the real table.
 * The time of each step of the import is reported too. Then the p95 of saving one value through
 * the API (PUT /api/v1/measures/:id/values/:period via app.inject).
 *
 * PostgreSQL takes the million rows; PGlite (in-process WebAssembly, one core) the first
 * PGLITE_MEASURES measures' rows, so that `npm run bench -- import` finishes in minutes.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/db.ts';
import { copyInto } from '../../src/modules/imports/data/import-writes.repository.ts';
import { rowsOf } from '../../src/platform/db/rows.ts';
import { hashPassword } from '../../src/modules/organisation/auth.service.ts';
import { CLI_LIMITS, type ImportOptions } from '../../src/modules/imports/import-export.service.ts';
import { assembleDeps, createServices } from '../../src/container.ts';
import type { DatabaseKind } from '../lib/context.ts';
import type { Scenario } from '../lib/scenario.ts';
import { round, summarise, timeRuns } from '../lib/stats.ts';

const MEASURES = 2_500;
const PGLITE_MEASURES = 250;
const MONTHS = 400; // April 1992 to July 2025
const PASSWORD = 'bench password, not secret';

const monthKey = (i: number) => {
  const fy = 1992 + Math.floor(i / 12);
  return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}-M${String((i % 12) + 1).padStart(2, '0')}`;
};
/** A deterministic value with one decimal place, 0.0 to 99.9. */
const valueOf = (m: number, i: number) => ((m * 7919 + i * 104_729) % 1000) / 10;

type Step = Parameters<NonNullable<ImportOptions['onTiming']>>[0];
const STEP_METRIC: Record<Step, string> = {
  'read and check': 'readAndCheckMs',
  compare: 'compareMs',
  write: 'writeValuesAndEventsMs',
  recompute: 'recomputeStatusesMs',
};

/** COPY of `lines` (CSV) into `table`: a server-side file on PostgreSQL, a blob on PGlite. */
async function timedCopy(database: Database, table: string, columns: string, lines: string[]): Promise<number> {
  if (database.kind === 'postgres') {
    const dir = mkdtempSync(path.join(tmpdir(), 'gt-bench-copy-'));
    chmodSync(dir, 0o755);
    const file = path.join(dir, 'values.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    chmodSync(file, 0o644);
    try {
      const started = performance.now();
      await database.exec(`COPY ${table} (${columns}) FROM '${file}' WITH (FORMAT csv)`);
      return performance.now() - started;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // The same text-format COPY the import uses on PGlite (commas are safe: no field has one).
  const text = lines.map((line) => line.replaceAll(',', '\t'));
  const started = performance.now();
  await database.db.transaction(async (tx) => {
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 10_000) chunks.push(`${text.slice(i, i + 10_000).join('\n')}\n`);
    await copyInto(tx, table, columns.split(', '), chunks);
  });
  return performance.now() - started;
}

async function runOn(kind: DatabaseKind, ctx: Parameters<Scenario['run']>[0]): Promise<Record<string, number>> {
  const measureCount = kind === 'postgres' ? MEASURES : PGLITE_MEASURES;
  const rows = measureCount * MONTHS;
  const database = await ctx.openDatabase(kind);
  const db = database.db;
  const organisationId = randomUUID();
  const personId = randomUUID();
  const email = `bench-${organisationId.slice(0, 8)}@bench.example`;
  const passwordHash = await hashPassword(PASSWORD);
  await database.exec(`
    INSERT INTO organisations (id, slug, name, type) VALUES ('${organisationId}', 'bench-import-${organisationId.slice(0, 8)}', 'Bench Import Council', 'Unitary');
    INSERT INTO people (id, organisation_id, name, email, password_hash) VALUES ('${personId}', '${organisationId}', 'Bench Officer', '${email}', '${passwordHash}');
    INSERT INTO role_assignments (organisation_id, person_id, role, unit_id) VALUES ('${organisationId}', '${personId}', 'performance-officer', NULL);
    INSERT INTO measures (organisation_id, code, title, unit, decimal_places, polarity, frequency, aggregation, min_value, max_value, owner_person_id)
      SELECT '${organisationId}', 'M' || lpad(n::text, 5, '0'), 'Bench measure ' || n, '%', 1, 'higher-is-better', 'monthly', 'mean', 0, 100, '${personId}'
      FROM generate_series(1, ${measureCount}) AS n;
  `);
  const services = createServices({ db, clock: () => new Date('2025-08-20T10:00:00Z') });
  const caller = (await services.auth.principalFor(personId)) as Parameters<typeof services.importExport.importFile>[0];

  ctx.log(`import (${kind}): writing ${rows.toLocaleString('en-GB')} rows of CSV`);
  const lines = ['measureCode,periodKey,value,status'];
  for (let m = 1; m <= measureCount; m++) {
    const code = `M${String(m).padStart(5, '0')}`;
    for (let i = 0; i < MONTHS; i++) lines.push(`${code},${monthKey(i)},${valueOf(m, i).toFixed(1)},approved`);
  }
  const csv = Buffer.from(`${lines.join('\n')}\n`);
  lines.length = 0;

  ctx.log(`import (${kind}): importing through the service (checks, one transaction, events, audit, statuses)`);
  const steps: Record<string, number> = {};
  const started = performance.now();
  const result = await services.importExport.importFile(caller, 'values', csv, {
    format: 'csv',
    dryRun: false,
    limits: CLI_LIMITS,
    fileName: 'bench.csv',
    // The file is approved history, and its synthetic series are not judged for plausibility.
    approveHistory: true,
    acknowledgeWarnings: true,
    onTiming: (step, ms) => (steps[STEP_METRIC[step]] = round(ms)),
  });
  const importMs = performance.now() - started;
  if (!result.ok) throw new Error(`bench import refused: ${result.error.message}`);
  if (result.value.errorCount > 0 || result.value.created !== rows) {
    throw new Error(
      `bench import did not create every row: ${JSON.stringify({ ...result.value, errors: result.value.errors.slice(0, 3) })}`,
    );
  }
  const counted = rowsOf<{ values: number; events: number }>(
    await db.execute(sql`
      SELECT (SELECT count(*)::int FROM measure_values WHERE organisation_id = ${organisationId}) AS values,
             (SELECT count(*)::int FROM measure_value_events WHERE organisation_id = ${organisationId}) AS events`),
  )[0]!;
  if (counted.values !== rows || counted.events !== rows)
    throw new Error(`bench import wrote ${JSON.stringify(counted)}`);

  // COPY of the same rows (with measure ids, as COPY cannot look codes up).
  ctx.log(`import (${kind}): the database's own COPY of the same rows`);
  const ids = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM measures WHERE organisation_id = ${organisationId} ORDER BY code`),
  );
  const copyLines = (people: boolean) => {
    const out: string[] = [];
    const who = people ? `,${personId},${personId}` : '';
    ids.forEach((row, index) => {
      for (let i = 0; i < MONTHS; i++)
        out.push(`${organisationId},${row.id},${monthKey(i)},${valueOf(index + 1, i).toFixed(1)},approved${who}`);
    });
    return out;
  };
  // As the goal was first measured: the five columns given, no foreign keys.
  await database.exec(`CREATE TABLE bench_copy (LIKE measure_values INCLUDING DEFAULTS INCLUDING INDEXES)`);
  const copyMs = await timedCopy(
    database,
    'bench_copy',
    'organisation_id, measure_id, period_key, value, status',
    copyLines(false),
  );
  await database.exec('DROP TABLE bench_copy');
  await database.exec(`
    CREATE TABLE bench_copy_fk (LIKE measure_values INCLUDING DEFAULTS INCLUDING INDEXES);
    ALTER TABLE bench_copy_fk
      ADD FOREIGN KEY (organisation_id) REFERENCES organisations (id),
      ADD FOREIGN KEY (measure_id) REFERENCES measures (id),
      ADD FOREIGN KEY (entered_by) REFERENCES people (id),
      ADD FOREIGN KEY (updated_by) REFERENCES people (id);`);
  const copyWithKeysMs = await timedCopy(
    database,
    'bench_copy_fk',
    'organisation_id, measure_id, period_key, value, status, entered_by, updated_by',
    copyLines(true),
  );
  await database.exec('DROP TABLE bench_copy_fk');

  // Saving one value through the whole app (session, CSRF, validation, locks, events, audit, status).
  ctx.log(`import (${kind}): p95 of saving one value through the API`);
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
  const app = await buildApp(assembleDeps(config, database, () => new Date('2025-08-20T10:00:00Z')));
  await app.ready();
  const signedIn = await services.auth.signIn(email, PASSWORD);
  if (!signedIn) throw new Error('bench sign-in failed');
  const headers = {
    cookie: `gt_session=${signedIn.token}`,
    'x-csrf-token': signedIn.session.csrfToken,
    'content-type': 'application/json',
  };
  const measure = ids[0]!.id;
  const versions = new Map<string, number>();
  const sample = await timeRuns(200, async (i) => {
    // Months after the imported ones: 2025-26 M05 and later years.
    const key = monthKey(MONTHS + 1 + (i % 300));
    const rowVersion = versions.get(key) ?? 0;
    const response = await app.inject({
      method: 'PUT',
      url: `/api/v1/measures/${measure}/values/${key}`,
      headers,
      payload: JSON.stringify({ value: 50 + (i % 40), commentary: 'Bench', rowVersion }),
    });
    if (response.statusCode !== 200) throw new Error(`save failed: ${response.statusCode} ${response.body}`);
    versions.set(key, response.json<{ rowVersion: number }>().rowVersion);
  });
  await app.close();
  const save = summarise(sample);
  return {
    rows,
    importMs: round(importMs),
    importRowsPerSecond: Math.round(rows / (importMs / 1000)),
    ...steps,
    copyMs: round(copyMs),
    copyRowsPerSecond: Math.round(rows / (copyMs / 1000)),
    ratioToCopy: round(importMs / copyMs),
    copyWithForeignKeysMs: round(copyWithKeysMs),
    ratioToCopyWithForeignKeys: round(importMs / copyWithKeysMs),
    saveOneValueP50Ms: round(save.p50),
    saveOneValueP95Ms: round(save.p95),
    saveOneValueP99Ms: round(save.p99),
  };
}

export const importScenario: Scenario = {
  name: 'import',
  description: `Import ${(MEASURES * MONTHS).toLocaleString('en-GB')} values (PGlite: ${(PGLITE_MEASURES * MONTHS).toLocaleString('en-GB')}) from CSV vs the database's own COPY; p95 of saving one value through the API`,
  async run(ctx): Promise<Record<string, number>> {
    const results: Record<string, number> = {};
    // PostgreSQL first: it is the comparison the goal is about.
    for (const kind of (['postgres', 'pglite'] as const).filter((k) => ctx.kinds.includes(k))) {
      for (const [metric, value] of Object.entries(await runOn(kind, ctx))) results[`${kind}.${metric}`] = value;
    }
    return results;
  },
};
