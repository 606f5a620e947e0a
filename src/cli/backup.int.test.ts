/**
 * Backup and restore round trips: every table of the restored database holds the same rows as the
 * original (row counts and a checksum per table), and the audit chain is whole. On both databases:
 * the tools differ (pg_dump and pg_restore, PGlite's own dump).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { runCli } from './commands.ts';
import { createDatabase } from '../../test/helpers/postgres-cluster.ts';
import { pgliteSnapshot, postgresSnapshot } from '../../test/helpers/database-snapshots.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { verifyAuditChains } from '../platform/audit/chain.ts';
import { openDatabase, type Database } from '../platform/db/db.ts';
import { rowsOf } from '../platform/db/rows.ts';

/** Each table's row count and a checksum of its rows in a fixed order, by name. */
async function tableChecksums(database: Database): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await database.db.execute(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname IN ('public', 'drizzle') ORDER BY 1`,
    ),
  );
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: number; sum: string | null }>(
      await database.db.execute(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum FROM ${name} t`,
      ),
    );
    sums[name] = `${row!.n} ${row!.sum}`;
  }
  return sums;
}

/** Some of everything a council has: an organisation, a unit, a person, audit rows. */
async function addRows(database: Database): Promise<void> {
  const [org] = rowsOf<{ id: string }>(
    await database.db.execute(
      `INSERT INTO organisations (slug, name, type) VALUES ('backup', 'Backup Council', 'District council') RETURNING id`,
    ),
  );
  await database.db.execute(
    `INSERT INTO units (organisation_id, code, name, kind) VALUES ('${org!.id}', 'COUNCIL', 'Backup Council', 'council')`,
  );
  await database.db.execute(
    `INSERT INTO people (organisation_id, name, email) VALUES ('${org!.id}', 'Zoë O''Neill', 'zoe@backup.example')`,
  );
  for (let i = 0; i < 3; i++) {
    await database.db.transaction((tx) =>
      recordAudit(tx, {
        organisationId: org!.id,
        actor: { personId: null, label: 'Backup test' },
        entityType: 'unit',
        entityId: `u${i}`,
        action: 'update',
        newValue: { name: `Name ${i}`, amount: 2.5 },
      }),
    );
  }
}

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; said: string }> {
  const said: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void said.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void said.push(line));
  try {
    return { code: await runCli(args, { NODE_ENV: 'test', ...env }), said: said.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe.each(['pglite', 'postgres'] as const)('backup and restore on %s', (kind) => {
  let folder: string;
  let source: Record<string, string>;
  let target: Record<string, string>;
  let original: Record<string, string>;

  const open = (env: Record<string, string>) =>
    openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(env.DATA_DIR!, 'pglite') });

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'gt-backup-'));
    if (kind === 'postgres') {
      source = { DATABASE_URL: (await postgresSnapshot(inject('postgresUrl'), { demo: false })).url };
      target = { DATABASE_URL: await createDatabase(inject('postgresUrl')) };
    } else {
      // The source folder starts as a restore of the migrated snapshot: quicker than migrating.
      const snapshot = path.join(folder, 'snapshot.tar');
      writeFileSync(snapshot, Buffer.from(await (await pgliteSnapshot({ demo: false })).dataDir.arrayBuffer()));
      source = { DATA_DIR: path.join(folder, 'source') };
      target = { DATA_DIR: path.join(folder, 'target') };
      expect((await cli(['restore', snapshot], source)).code).toBe(0);
    }
    const database = await open(source);
    await addRows(database);
    original = await tableChecksums(database);
    await database.close();
  }, 300_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('restores every table as it was backed up', async () => {
    const file = path.join(folder, 'backup.dump');
    const backup = await cli(['backup', file], source);
    expect(backup, backup.said).toMatchObject({ code: 0 });
    const restore = await cli(['restore', file], target);
    expect(restore, restore.said).toMatchObject({ code: 0 });
    const restored = await open(target);
    try {
      expect(original['public.audit_events']).toMatch(/^3 /);
      expect(await tableChecksums(restored)).toEqual(original);
      expect((await verifyAuditChains(restored.db, 'backup'))![0]).toMatchObject({ rows: 3, firstBreak: null });
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore over a database that has tables, changing nothing', async () => {
    const file = path.join(folder, 'backup.dump');
    const again = await cli(['restore', file], source);
    expect(again.code).toBe(1);
    expect(again.said).toMatch(kind === 'postgres' ? /already has tables/ : /already holds a database/);
    const database = await open(source);
    try {
      expect(await tableChecksums(database)).toEqual(original);
    } finally {
      await database.close();
    }
  });
});
