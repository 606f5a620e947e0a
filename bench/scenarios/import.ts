/**
 * Bulk import: 1,000,000 monthly values (2,500 measures × 400 months) from one CSV file into
 * PostgreSQL through the real import (parse, domain checks of every row, duplicate and lock
 * checks, set-based inserts with an 'import' event per value, one audit row, stored statuses
 * recomputed once per measure), compared with PostgreSQL's own COPY of the same rows into a table
 * shaped like measure_values (same columns, defaults and indexes) in the same run. Then the p95
 * of saving one value through the API (PUT /api/v1/measures/:id/values/:period via app.inject).
 *
 * PostgreSQL only: the 3× goal is about PostgreSQL's COPY; PGlite is skipped.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { hashPassword } from '../../src/services/auth.service.ts';
import { CLI_LIMITS } from '../../src/services/import-export.service.ts';
import { createServices } from '../../src/services/index.ts';
import type { Scenario } from '../lib/scenario.ts';
import { round, summarise, timeRuns } from '../lib/stats.ts';

const MEASURES = 2_500;
const MONTHS = 400; // April 1992 to July 2025
const ROWS = MEASURES * MONTHS;
const PASSWORD = 'bench password, not secret';

const monthKey = (i: number) => {
  const fy = 1992 + Math.floor(i / 12);
  return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}-M${String((i % 12) + 1).padStart(2, '0')}`;
};
/** A deterministic value with one decimal place, 0.0 to 99.9. */
const valueOf = (m: number, i: number) => ((m * 7919 + i * 104_729) % 1000) / 10;

export const importScenario: Scenario = {
  name: 'import',
  description: `Import ${ROWS.toLocaleString('en-GB')} values from CSV into PostgreSQL vs PostgreSQL COPY; p95 of saving one value through the API`,
  async run(ctx): Promise<Record<string, number>> {
    if (!ctx.kinds.includes('postgres')) {
      ctx.log('import: PostgreSQL only (COPY comparison); skipped for --db=pglite');
      return {};
    }
    const database = await ctx.openDatabase('postgres');
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
        FROM generate_series(1, ${MEASURES}) AS n;
    `);
    const services = createServices({ db, clock: () => new Date('2025-08-20T10:00:00Z') });
    const caller = (await services.auth.principalFor(personId)) as Parameters<
      typeof services.importExport.importFile
    >[0];

    ctx.log(`import: writing ${ROWS.toLocaleString('en-GB')} rows of CSV`);
    const lines = ['measureCode,periodKey,value,status'];
    for (let m = 1; m <= MEASURES; m++) {
      const code = `M${String(m).padStart(5, '0')}`;
      for (let i = 0; i < MONTHS; i++) lines.push(`${code},${monthKey(i)},${valueOf(m, i).toFixed(1)},approved`);
    }
    const csv = Buffer.from(`${lines.join('\n')}\n`);
    lines.length = 0;

    ctx.log('import: importing through the service (checks, one transaction, events, audit, statuses)');
    const started = performance.now();
    const result = await services.importExport.importFile(caller, 'values', csv, {
      format: 'csv',
      dryRun: false,
      limits: CLI_LIMITS,
      fileName: 'bench.csv',
    });
    const importMs = performance.now() - started;
    if (!result.ok) throw new Error(`bench import refused: ${result.error.message}`);
    if (result.value.errorCount > 0 || result.value.created !== ROWS) {
      throw new Error(
        `bench import did not create every row: ${JSON.stringify({ ...result.value, errors: result.value.errors.slice(0, 3) })}`,
      );
    }

    // COPY of the same rows (with measure ids, as COPY cannot look codes up) into a table like measure_values.
    ctx.log('import: PostgreSQL COPY of the same rows');
    const ids = (await db.execute(
      sql`SELECT id, code FROM measures WHERE organisation_id = ${organisationId} ORDER BY code`,
    )) as unknown as {
      rows: { id: string; code: string }[];
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'gt-bench-copy-'));
    chmodSync(dir, 0o755);
    const file = path.join(dir, 'values.csv');
    const copyLines: string[] = [];
    ids.rows.forEach((row, index) => {
      for (let i = 0; i < MONTHS; i++)
        copyLines.push(`${organisationId},${row.id},${monthKey(i)},${valueOf(index + 1, i).toFixed(1)},approved`);
    });
    writeFileSync(file, `${copyLines.join('\n')}\n`);
    chmodSync(file, 0o644);
    copyLines.length = 0;
    await database.exec(`CREATE TABLE bench_copy (LIKE measure_values INCLUDING DEFAULTS INCLUDING INDEXES)`);
    const copyStarted = performance.now();
    await database.exec(
      `COPY bench_copy (organisation_id, measure_id, period_key, value, status) FROM '${file}' WITH (FORMAT csv)`,
    );
    const copyMs = performance.now() - copyStarted;
    rmSync(dir, { recursive: true, force: true });
    await database.exec('DROP TABLE bench_copy');

    // Saving one value through the whole app (session, CSRF, validation, locks, events, audit, status).
    ctx.log('import: p95 of saving one value through the API');
    const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
    const app = await buildApp({ config, database, services, clock: () => new Date('2025-08-20T10:00:00Z') });
    await app.ready();
    const signedIn = await services.auth.signIn(email, PASSWORD);
    if (!signedIn) throw new Error('bench sign-in failed');
    const headers = {
      cookie: `gt_session=${signedIn.token}`,
      'x-csrf-token': signedIn.session.csrfToken,
      'content-type': 'application/json',
    };
    const measure = ids.rows[0]!.id;
    const versions = new Map<string, number>();
    const sample = await timeRuns(200, async (i) => {
      // A new quarter-free month key per run beyond the imported ones: 2025-26 M05.. and later years.
      const key = monthKey(MONTHS + 1 + (i % 300));
      const rowVersion = versions.get(key) ?? 0;
      const response = await app.inject({
        method: 'PUT',
        url: `/api/v1/measures/${measure}/values/${key}`,
        headers,
        payload: JSON.stringify({ value: 50 + (i % 40), commentary: 'Bench', rowVersion }),
      });
      if (response.statusCode !== 200) throw new Error(`save failed: ${response.statusCode} ${response.body}`);
      versions.set(key, (response.json() as { rowVersion: number }).rowVersion);
    });
    await app.close();
    const save = summarise(sample);
    return {
      rows: ROWS,
      importMs: round(importMs),
      importRowsPerSecond: Math.round(ROWS / (importMs / 1000)),
      copyMs: round(copyMs),
      copyRowsPerSecond: Math.round(ROWS / (copyMs / 1000)),
      ratioToCopy: round(importMs / copyMs),
      saveOneValueP50Ms: round(save.p50),
      saveOneValueP95Ms: round(save.p95),
      saveOneValueP99Ms: round(save.p99),
    };
  },
};
