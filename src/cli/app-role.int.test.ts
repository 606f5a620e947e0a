/**
 * PostgreSQL only (roles and privileges are the server's): as the app's own role, the audit trail
 * can be read and added to, and nothing else (docs/database-roles.md); and concurrent writers
 * chain their audit rows without a slip.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createDatabase } from '../../test/helpers/postgres-cluster.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { verifyAuditChains } from '../platform/audit/chain.ts';
import { runCli } from './commands.ts';
import { openDatabase, type Database } from '../platform/db/db.ts';

const asUser = (url: string, user: string) => {
  const next = new URL(url);
  next.username = user;
  return next.toString();
};

describe('the app role on PostgreSQL', () => {
  const suffix = randomBytes(4).toString('hex');
  const owner = `gt_owner_${suffix}`;
  const appRole = `gt_app_${suffix}`;
  let app: Database;
  let appPool: pg.Pool;
  let organisationId: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    await admin.query(`CREATE ROLE ${owner} LOGIN; CREATE ROLE ${appRole} LOGIN`);
    const url = await createDatabase(inject('postgresUrl'));
    const name = new URL(url).pathname.slice(1);
    await admin.query(`ALTER DATABASE "${name}" OWNER TO ${owner}`);
    await admin.end();
    // The owner migrates and grants; the app connects as its own role and does not migrate.
    const asOwner = await openDatabase({ url: asUser(url, owner) });
    await asOwner.close();
    const said = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await runCli(['grant-app-role', appRole], { NODE_ENV: 'test', DATABASE_URL: asUser(url, owner) })).toBe(0);
    } finally {
      said.mockRestore();
    }
    app = await openDatabase({ url: asUser(url, appRole), migrate: false });
    appPool = new pg.Pool({ connectionString: asUser(url, appRole) });
    const created = await appPool.query<{ id: string }>(
      `INSERT INTO organisations (slug, name, type) VALUES ('roles', 'Roles Council', 'District council') RETURNING id`,
    );
    organisationId = created.rows[0]!.id;
  }, 300_000);
  afterAll(async () => {
    await appPool?.end();
    await app?.close();
  });

  it('chains audit rows written by many transactions at once', async () => {
    // More writers than connections, each holding its transaction open a little after writing.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        app.db.transaction(async (tx) => {
          await recordAudit(tx, {
            organisationId,
            actor: { personId: null, label: `Writer ${i}` },
            entityType: 'unit',
            entityId: `u${i}`,
            action: 'update',
          });
          await tx.execute(`SELECT pg_sleep(0.01)`);
        }),
      ),
    );
    const [report] = (await verifyAuditChains(app.db, 'roles'))!;
    expect(report).toMatchObject({ rows: 30, firstBreak: null });
  });

  it.each([
    ['TRUNCATE', 'TRUNCATE audit_events'],
    ['UPDATE', `UPDATE audit_events SET reason = 'rewritten'`],
    ['DELETE', 'DELETE FROM audit_events'],
    ['disabling the append-only trigger', 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only'],
    ['disabling every trigger', 'ALTER TABLE audit_events DISABLE TRIGGER ALL'],
    ['dropping the chain trigger', 'DROP TRIGGER audit_events_hash_chain ON audit_events'],
    [
      'replacing the canonical form',
      `CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_events) RETURNS text LANGUAGE sql AS $$ SELECT '' $$`,
    ],
    ['switching triggers off for the session', 'SET session_replication_role = replica'],
    ['dropping the table', 'DROP TABLE audit_events'],
  ])('refuses %s as the app role', async (_what, statement) => {
    await expect(appPool.query(statement)).rejects.toThrow(/permission denied|must be owner|must be superuser/);
    const [report] = (await verifyAuditChains(app.db, 'roles'))!;
    expect(report).toMatchObject({ rows: 30, firstBreak: null });
  });

  it('still reads and writes the other tables', async () => {
    await appPool.query(`UPDATE organisations SET name = 'Renamed Council' WHERE id = $1`, [organisationId]);
    await appPool.query(`CREATE TEMP TABLE scratch (n int)`);
    expect((await appPool.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n).toBe(30);
  });
});
