/**
 * Migrations run forward from the first released schema: a database made at migration 0000, with
 * a council, its people and an audit trail in it, migrates to the latest schema with its rows kept,
 * and its audit trail chained (0020). On both databases: the migrations hold PL/pgSQL.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../test/helpers/postgres-cluster.ts';
import { recordAudit } from '../audit/audit.ts';
import { verifyAuditChains } from '../audit/chain.ts';
import type { Db } from './db.ts';
import { rowsOf } from './rows.ts';

const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const journal = JSON.parse(readFileSync(path.join(migrations, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

/** A migrations folder holding only the first migration, as the first release shipped it. */
function firstReleaseFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'gt-first-schema-'));
  mkdirSync(path.join(folder, 'meta'));
  const first = journal.entries[0]!;
  cpSync(path.join(migrations, `${first.tag}.sql`), path.join(folder, `${first.tag}.sql`));
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
  return folder;
}

interface Opened {
  db: Db;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function open(kind: 'pglite' | 'postgres'): Promise<Opened> {
  if (kind === 'pglite') {
    const client = new PGlite();
    const db = drizzlePglite(client);
    return {
      db: db as unknown as Db,
      migrate: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: await createDatabase(inject('postgresUrl')) });
  const db = drizzlePg(pool);
  return {
    db: db as unknown as Db,
    migrate: (migrationsFolder) => migratePg(db, { migrationsFolder }),
    close: () => pool.end(),
  };
}

/**
 * A row in each of the join tables that had no organisation_id until 0035, and their parents: the
 * migration fills organisation_id from the parent row.
 */
const FIRST = '00000000-0000-4000-8000-000000000001';
const JOIN_ROWS = `
  INSERT INTO governance_bodies (id, organisation_id, name, kind, framework_roles) VALUES
    ('00000000-0000-4000-8000-0000000000c1', '${FIRST}', 'Cabinet', 'cabinet', '{approves}');
  INSERT INTO governance_body_members (body_id, person_id) VALUES
    ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000b1');
  INSERT INTO portfolios (id, organisation_id, name) VALUES ('00000000-0000-4000-8000-0000000000d1', '${FIRST}', 'Communities');
  INSERT INTO portfolio_units (portfolio_id, unit_id) VALUES
    ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000a1');
  INSERT INTO plan_types (id, organisation_id, key, name, level, template_sections) VALUES
    ('00000000-0000-4000-8000-0000000000e1', '${FIRST}', 'corporate', 'Corporate plan', 0, '[]'),
    ('00000000-0000-4000-8000-0000000000e2', '${FIRST}', 'service', 'Service plan', 1, '[]');
  INSERT INTO item_types (id, organisation_id, key, name) VALUES
    ('00000000-0000-4000-8000-0000000000f1', '${FIRST}', 'objective', 'Objective');
  INSERT INTO plan_type_parents (plan_type_id, parent_plan_type_id) VALUES
    ('00000000-0000-4000-8000-0000000000e2', '00000000-0000-4000-8000-0000000000e1');
  INSERT INTO plan_type_item_types (plan_type_id, item_type_id) VALUES
    ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000f1');
  INSERT INTO partners (id, organisation_id, name, kind) VALUES
    ('00000000-0000-4000-8000-0000000000a2', '${FIRST}', 'Health Trust', 'nhs');
  INSERT INTO plans (id, organisation_id, lineage_id, plan_type_id, title, period_start, period_end, owning_unit_id) VALUES
    ('00000000-0000-4000-8000-0000000000a3', '${FIRST}', '00000000-0000-4000-8000-0000000000a4',
     '00000000-0000-4000-8000-0000000000e1', 'Council plan', '2024-04-01', '2025-03-31', '00000000-0000-4000-8000-0000000000a1');
  INSERT INTO plan_items (id, organisation_id, plan_id, item_type_id, code, title) VALUES
    ('00000000-0000-4000-8000-0000000000a5', '${FIRST}', '00000000-0000-4000-8000-0000000000a3',
     '00000000-0000-4000-8000-0000000000f1', 'O1', 'Thriving places');
  INSERT INTO plan_item_partners (item_id, partner_id) VALUES
    ('00000000-0000-4000-8000-0000000000a5', '00000000-0000-4000-8000-0000000000a2');`;
const JOIN_TABLES = [
  'governance_body_members',
  'portfolio_units',
  'plan_type_parents',
  'plan_type_item_types',
  'plan_item_partners',
];

const count = async (db: Db, table: string) =>
  rowsOf<{ n: number }>(await db.execute(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

describe.each(['pglite', 'postgres'] as const)('migrating forward from the first schema on %s', (kind) => {
  let database: Opened;
  let folder: string;

  beforeAll(async () => {
    folder = firstReleaseFolder();
    database = await open(kind);
    await database.migrate(folder);
    // Rows as the first release wrote them, two councils' audit events interleaved.
    const firstRelease = `
      INSERT INTO organisations (id, slug, name, type) VALUES
        ('00000000-0000-4000-8000-000000000001', 'first', 'First Council', 'District council'),
        ('00000000-0000-4000-8000-000000000002', 'second', 'Second Council', 'County council');
      INSERT INTO units (id, organisation_id, code, name, kind) VALUES
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'COUNCIL', 'First Council', 'council');
      INSERT INTO people (id, organisation_id, name, email) VALUES
        ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001', 'Sam Jones', 'sam@first.example');
      ${JOIN_ROWS}
      INSERT INTO audit_events (organisation_id, at, actor_label, entity_type, entity_id, action, new_value, reason) VALUES
        ('00000000-0000-4000-8000-000000000001', '2024-04-01T09:00:00Z', 'Sam', 'unit', 'u1', 'create', '{"name": "First"}', ''),
        ('00000000-0000-4000-8000-000000000002', '2024-04-01T09:30:00Z', 'Ann', 'unit', 'u2', 'create', null, ''),
        ('00000000-0000-4000-8000-000000000001', '2024-04-02T10:00:00Z', 'Sam', 'unit', 'u1', 'update', '{"name": "Café ✓"}', 'renamed'),
        ('00000000-0000-4000-8000-000000000001', '2024-04-03T11:00:00Z', 'Sam', 'person', 'p1', 'create', '[1, 2.50]', '')`;
    for (const statement of firstRelease.split(';')) await database.db.execute(statement);
    await database.migrate(migrations);
  }, 300_000);
  afterAll(async () => {
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('applies every later migration and keeps the rows', async () => {
    expect(await count(database.db, 'drizzle.__drizzle_migrations')).toBe(journal.entries.length);
    expect(await count(database.db, 'organisations')).toBe(2);
    expect(await count(database.db, 'units')).toBe(1);
    expect(await count(database.db, 'people')).toBe(1);
    expect(await count(database.db, 'audit_events')).toBe(4);
  });

  it("fills the join tables' new organisation_id from their parent rows (0035)", async () => {
    for (const table of JOIN_TABLES) {
      const rows = rowsOf<{ organisation_id: string }>(
        await database.db.execute(`SELECT organisation_id FROM ${table}`),
      );
      expect({ table, organisations: rows.map((row) => row.organisation_id) }).toEqual({
        table,
        organisations: [FIRST],
      });
    }
  });

  it("refuses a row that points at another council's row (composite keys, 0035)", async () => {
    const second = '00000000-0000-4000-8000-000000000002';
    // The first council's unit, named by the second council's person: the ids exist, the pair does not.
    await expect(
      database.db.execute(
        `INSERT INTO people (organisation_id, name, email, unit_id)
         VALUES ('${second}', 'Ann Other', 'ann@second.example', '00000000-0000-4000-8000-0000000000a1')`,
      ),
    ).rejects.toThrow();
    await expect(
      database.db.execute(
        `INSERT INTO governance_body_members (organisation_id, body_id, person_id)
         VALUES ('${second}', '00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000b1')`,
      ),
    ).rejects.toThrow();
    expect(await count(database.db, 'people')).toBe(1);
  });

  it('chains the existing audit trail in the order it was written, and new rows after it', async () => {
    const first = '00000000-0000-4000-8000-000000000001';
    const order = rowsOf<{ entity_id: string; chain_seq: number }>(
      await database.db.execute(
        `SELECT entity_id, chain_seq::int AS chain_seq FROM audit_events WHERE organisation_id = '${first}' ORDER BY id`,
      ),
    );
    expect(order.map((row) => row.chain_seq)).toEqual([1, 2, 3]);
    await database.db.transaction((tx) =>
      recordAudit(tx, {
        organisationId: first,
        actor: { personId: null, label: 'After the upgrade' },
        entityType: 'unit',
        entityId: 'u1',
        action: 'update',
      }),
    );
    const reports = await verifyAuditChains(database.db);
    expect(reports!.map(({ slug, rows, firstBreak }) => ({ slug, rows, firstBreak }))).toEqual([
      { slug: 'first', rows: 4, firstBreak: null },
      { slug: 'second', rows: 1, firstBreak: null },
    ]);
  });
});
