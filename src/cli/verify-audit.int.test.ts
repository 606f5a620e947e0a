import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../schema.ts';
import { verifyAuditCommand } from './audit-command.ts';
import { createTestApp, type TestApp, type TestOrganisation } from '../../test/helpers/test-app.ts';
import { rowsOf } from '../platform/db/rows.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { phraseText } from '../kernel/phrase.ts';
import { GENESIS_HASH, sha256Hex, verifyAuditChains } from '../platform/audit/chain.ts';

// The chain is written by a trigger and read back by SQL, the same on both engines; concurrency,
// where they differ, is tested on PostgreSQL in app-role.int.test.ts. PGlite only here.
describe('the audit hash chain', () => {
  let t: TestApp;
  let other: TestOrganisation;
  const actor = { personId: null, label: 'Chain test' };
  const slugOf = async (id: string) =>
    rowsOf<{ slug: string }>(await t.deps.database.db.execute(`SELECT slug FROM organisations WHERE id = '${id}'`))[0]!;

  async function write(organisationId: string, count: number) {
    for (let i = 0; i < count; i++) {
      await t.deps.database.db.transaction(async (tx) => {
        await recordAudit(tx, {
          organisationId,
          actor,
          entityType: 'unit',
          entityId: `u${i}`,
          action: 'update',
          oldValue: { name: 'Old', amount: 1.5 },
          newValue: { name: `New ${i}`, amount: -2 },
          reason: i === 0 ? 'unicode: café ✓' : '',
        });
      });
    }
  }

  const chainOf = (organisationId: string) =>
    t.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, organisationId))
      .orderBy(asc(auditEvents.chainSeq));

  /** Stands for someone with the table owner's rights editing the trail behind the app's back. */
  async function asOwner(statement: string) {
    await t.deps.database.exec(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
      ${statement};
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;`);
  }

  beforeAll(async () => {
    t = await createTestApp('pglite');
    other = await t.createOrganisation('Other Council');
    await write(t.org.id, 5);
    await write(other.id, 2);
  });
  afterAll(async () => t?.close());

  it("numbers each organisation's rows and links each to the one before it, whatever the app sent", async () => {
    await t.deps.database.db.insert(auditEvents).values({
      organisationId: other.id,
      actorLabel: 'Forger',
      entityType: 'unit',
      entityId: 'x',
      action: 'update',
      chainSeq: 99,
      prevHash: 'f'.repeat(64),
      hash: 'f'.repeat(64),
    });
    for (const organisationId of [t.org.id, other.id]) {
      const rows = await chainOf(organisationId);
      expect(rows.map((row) => row.chainSeq)).toEqual(rows.map((_, index) => index + 1));
      expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
      expect(new Set(rows.map((row) => row.hash)).size).toBe(rows.length);
    }
  });

  it('chains writes that arrive at once (PGlite runs their transactions one after another)', async () => {
    const busy = await t.createOrganisation('Busy Council');
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.deps.database.db.transaction((tx) =>
          recordAudit(tx, { organisationId: busy.id, actor, entityType: 'unit', entityId: `b${i}`, action: 'create' }),
        ),
      ),
    );
    const reports = await verifyAuditChains(t.deps.database.db);
    expect(reports!.find((report) => report.organisationId === busy.id)).toMatchObject({ rows: 10, firstBreak: null });
  });

  it('reports a whole chain, with its last hash, per organisation', async () => {
    const reports = await verifyAuditChains(t.deps.database.db);
    const mine = reports!.find((report) => report.organisationId === t.org.id)!;
    const rows = await chainOf(t.org.id);
    expect(mine).toMatchObject({ rows: 5, firstBreak: null, headHash: rows.at(-1)!.hash });
    // The hash is SHA-256 of the documented canonical form (docs/decisions/0014-audit-hash-chain.md).
    const [first] = rowsOf<{ c: string }>(
      await t.deps.database.db.execute(
        `SELECT audit_event_canonical(e) AS c FROM audit_events e WHERE id = ${rows[0]!.id}`,
      ),
    );
    const canonical = JSON.parse(first!.c) as unknown[];
    // The time in UTC to the microsecond; JavaScript's Date keeps the milliseconds.
    expect(canonical[4]).toMatch(new RegExp(`^${rows[0]!.at.toISOString().slice(0, -1)}\\d{3}Z$`));
    expect(canonical).toEqual([
      'golden-thread-audit-v1',
      rows[0]!.id,
      t.org.id,
      1,
      canonical[4],
      null,
      'Chain test',
      'unit',
      'u0',
      'update',
      { name: 'Old', amount: 1.5 },
      { name: 'New 0', amount: -2 },
      'unicode: café ✓',
      GENESIS_HASH,
    ]);
    expect(sha256Hex(first!.c)).toBe(rows[0]!.hash);
    const { slug } = await slugOf(t.org.id);
    const command = await verifyAuditCommand(['--organisation', slug], t.deps);
    expect(command).toEqual({
      code: 0,
      output: `${slug}: the chain is whole (5 rows, last hash ${rows.at(-1)!.hash}).`,
    });
    expect((await verifyAuditCommand(['--organisation', 'no-such-council'], t.deps)).code).toBe(1);
  });

  it('hashes an actor kept as a stored phrase as it is stored, beside older rows holding English', async () => {
    const jobs = await t.createOrganisation('Council With Jobs');
    const stored = phraseText('auditActors.escalationJob');
    for (const label of ['Escalation job', stored]) {
      await t.deps.database.db.transaction((tx) =>
        recordAudit(tx, {
          organisationId: jobs.id,
          actor: { personId: null, label },
          entityType: 'action',
          entityId: 'a1',
          action: 'escalate',
        }),
      );
    }
    const rows = await chainOf(jobs.id);
    expect(rows.map((row) => row.actorLabel)).toEqual(['Escalation job', stored]);
    const [canonical] = rowsOf<{ c: string }>(
      await t.deps.database.db.execute(
        `SELECT audit_event_canonical(e) AS c FROM audit_events e WHERE id = ${rows[1]!.id}`,
      ),
    );
    expect((JSON.parse(canonical!.c) as unknown[])[6]).toBe(stored);
    expect(sha256Hex(canonical!.c)).toBe(rows[1]!.hash);
    const { slug } = await slugOf(jobs.id);
    expect((await verifyAuditCommand(['--organisation', slug], t.deps)).code).toBe(0);
    // Rewriting an older row's English as a phrase would be an edit the chain finds.
    await asOwner(`UPDATE audit_events SET actor_label = '${stored}' WHERE id = ${rows[0]!.id}`);
    const [report] = (await verifyAuditChains(t.deps.database.db, slug))!;
    expect(report!.firstBreak).toMatchObject({ id: rows[0]!.id, problem: 'hash-mismatch' });
  });

  it('names the first edited row, then a removed row, and leaves other organisations whole', async () => {
    const rows = await chainOf(t.org.id);
    const { slug } = await slugOf(t.org.id);
    await asOwner(`UPDATE audit_events SET reason = 'nothing to see' WHERE id = ${rows[3]!.id}`);
    let command = await verifyAuditCommand(['--organisation', slug], t.deps);
    expect(command.code).toBe(1);
    expect(command.output).toBe(
      `${slug}: the chain is broken at audit row ${rows[3]!.id} (written ${rows[3]!.at.toISOString()}, position 4): the row no longer matches its hash (it was changed after it was written).`,
    );

    await asOwner(`DELETE FROM audit_events WHERE id = ${rows[1]!.id}`);
    const reports = await verifyAuditChains(t.deps.database.db);
    expect(reports!.find((report) => report.organisationId === t.org.id)!.firstBreak).toMatchObject({
      id: rows[2]!.id,
      chainSeq: 3,
      problem: 'missing-rows',
    });
    // Renumbering around the gap does not hide it: the link to the row before is wrong.
    await asOwner(
      `UPDATE audit_events SET chain_seq = chain_seq - 1 WHERE organisation_id = '${t.org.id}' AND chain_seq > 2`,
    );
    const renumbered = await verifyAuditChains(t.deps.database.db, slug);
    expect(renumbered![0]!.firstBreak).toMatchObject({ id: rows[2]!.id, chainSeq: 2, problem: 'broken-link' });
    expect(reports!.find((report) => report.organisationId === other.id)!.firstBreak).toBeNull();
    command = await verifyAuditCommand([], t.deps);
    expect(command.code).toBe(1);
  });
});
