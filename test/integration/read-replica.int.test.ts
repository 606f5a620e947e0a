/**
 * Reporting reads from a streaming replica (docs/scaling.md): a primary and a hot standby started
 * on loopback, the app given both (DATABASE_URL and READ_DATABASE_URL). With the standby's replay
 * paused, a measure added on the primary is missing from the dashboard and the report draft, and
 * appears once replay resumes: those reads come from the replica, and writes from the primary.
 * PostgreSQL only (a replica has no PGlite counterpart); it starts its own two servers.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleDeps, createServices, type Services } from '../../src/container.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Database, openDatabase } from '../../src/platform/db/db.ts';
import type { Caller } from '../../src/platform/services/caller.ts';
import { measures, organisations, people, units } from '../../src/schema.ts';
import { bumpDataVersion } from '../../src/platform/data-version/data-version.ts';
import {
  createDatabase,
  startStreamingReplica,
  startThrowawayCluster,
  type ThrowawayCluster,
} from '../helpers/postgres-cluster.ts';

const today = new Date('2025-11-20T10:00:00Z');
const skip = process.env.GT_SKIP_POSTGRES === '1';

describe.skipIf(skip)('dashboards and report drafts read from the replica', () => {
  let primary: ThrowawayCluster;
  let replica: ThrowawayCluster;
  let database: Database;
  let services: Services;
  /** The same services reading the primary only: what the replica should catch up with. */
  let primaryOnly: Services;
  let standby: pg.Client;
  let primaryClient: pg.Client;
  let caller: Caller;
  let unitId: string;
  let count = 0;

  /**
   * Waits until the replica has replayed everything inserted into the primary's WAL so far. The
   * insert position, not pg_current_wal_lsn() (the position written out): the throwaway primary
   * runs with synchronous_commit=off, so a commit record can sit in the WAL buffers, past the write
   * position, until the WAL writer's next round. Waiting for the write position alone let the
   * dashboards read the replica before the last measure's commit had reached it.
   */
  async function replicaCaughtUp(): Promise<void> {
    const { rows: current } = await primaryClient.query<{ lsn: string }>(
      'select pg_current_wal_insert_lsn()::text as lsn',
    );
    const lsn = current[0]!.lsn;
    for (let tries = 0; tries < 200; tries++) {
      const { rows } = await standby.query<{ behind: boolean }>(
        'select pg_last_wal_replay_lsn() < $1::pg_lsn as behind',
        [lsn],
      );
      if (rows[0]?.behind === false) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the replica did not catch up within 10 s');
  }

  async function addMeasure(): Promise<void> {
    count += 1;
    await database.db.insert(measures).values({
      organisationId: caller.organisationId,
      code: `R-${count}`,
      title: `Replicated measure ${count}`,
      unit: '%',
      polarity: 'higher-is-better',
      frequency: 'quarterly',
      aggregation: 'mean',
      isKey: true,
      ownerUnitId: unitId,
    });
    // Written by hand, without the audit row an app write makes: the council's data version is
    // moved on as that row would move it, so the kept dashboards are rebuilt (from the replica).
    await bumpDataVersion(database.db, caller.organisationId);
  }

  beforeAll(async () => {
    primary = await startThrowawayCluster();
    replica = await startStreamingReplica(primary.url);
    // Created after the standby started: the new database streams to it like any other write.
    const primaryUrl = await createDatabase(primary.url, 'gt_replica_test');
    const replicaUrl = new URL(replica.url);
    replicaUrl.pathname = '/gt_replica_test';
    standby = new pg.Client({ connectionString: replica.url });
    await standby.connect();
    primaryClient = new pg.Client({ connectionString: primary.url });
    await primaryClient.connect();
    database = await openDatabase({ url: primaryUrl, readUrl: replicaUrl.toString() });
    const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
    services = assembleDeps(config, database, () => today).services;
    primaryOnly = createServices({ db: database.db, clock: () => today });
    const [org] = await database.db
      .insert(organisations)
      .values({ slug: 'replica-borough', name: 'Replica Borough', type: 'London borough' })
      .returning();
    const [unit] = await database.db
      .insert(units)
      .values({ organisationId: org!.id, code: 'COUNCIL', name: 'Replica Borough', kind: 'council' })
      .returning();
    unitId = unit!.id;
    const [person] = await database.db
      .insert(people)
      .values({ organisationId: org!.id, name: 'Pat Officer', email: 'pat@replica.example', unitId })
      .returning();
    caller = {
      kind: 'person',
      personId: person!.id,
      organisationId: org!.id,
      name: 'Pat Officer',
      partnerId: null,
      grants: [{ role: 'performance-officer', unitId: null }],
    };
    await addMeasure();
    await replicaCaughtUp();
  }, 180_000);

  afterAll(async () => {
    await standby?.query('select pg_wal_replay_resume()').catch(() => {});
    await standby?.end();
    await primaryClient?.end();
    await database?.close();
    await replica?.stop();
    await primary?.stop();
  });

  it('the replica is a read-only standby of the primary', async () => {
    const { rows } = await standby.query<{ recovering: boolean }>('select pg_is_in_recovery() as recovering');
    expect(rows[0]!.recovering).toBe(true);
  });

  it('shows on the dashboards only what has reached the replica', async () => {
    const measuresOn = async (on: Services, scope: { unitId?: string } = {}) => {
      const result = await on.performanceViews.dashboard(caller, undefined, {
        statuses: [],
        unitId: scope.unitId ?? null,
        ownUnitOnly: false,
        portfolioId: null,
        bodyId: null,
        mine: false,
        keyOnly: false,
        overdueOnly: false,
        period: null,
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.overall.counts.total;
    };
    expect(await measuresOn(services)).toBe(1);
    await standby.query('select pg_wal_replay_pause()');
    await addMeasure();
    // Written to the primary; the replica, paused, has not seen it.
    expect(await measuresOn(primaryOnly)).toBe(2);
    expect(await measuresOn(services)).toBe(1);
    expect(await measuresOn(services, { unitId })).toBe(1);
    await standby.query('select pg_wal_replay_resume()');
    await replicaCaughtUp();
    expect(await measuresOn(services)).toBe(2);
    expect(await measuresOn(services, { unitId })).toBe(2);
  });

  it('assembles report drafts from the replica, and saves definitions on the primary', async () => {
    const definitions = await services.reports.definitions(caller);
    if (!definitions.ok) throw new Error(definitions.error.message);
    const definition = definitions.value.find((d) => d.cadence === 'quarterly' && d.scopeKind === 'council')!;
    // The built-in definitions were just written to the primary: the draft still finds its definition.
    // The measures the draft lists (its charts carry renderer ids that differ from one drawing to the next).
    const draftOn = async (on: Services) => {
      const draft = await on.reports.draft(caller, definition.id, '2025-26-Q2');
      if (!draft.ok) throw new Error(draft.error.message);
      return [...JSON.stringify(draft.value.document).matchAll(/"text":"(R-\d+)"/g)].map((match) => match[1]);
    };
    await replicaCaughtUp();
    const before = await draftOn(services);
    expect(before).toEqual(['R-1', 'R-2']);
    await standby.query('select pg_wal_replay_pause()');
    await addMeasure();
    expect(await draftOn(primaryOnly)).toEqual(['R-1', 'R-2', 'R-3']);
    expect(await draftOn(services)).toEqual(before);
    await standby.query('select pg_wal_replay_resume()');
    await replicaCaughtUp();
    expect(await draftOn(services)).toEqual(['R-1', 'R-2', 'R-3']);
  });
});
