/**
 * Dashboards and the measure list are kept in each app process per council data version
 * (dashboard.service, measure-views.service, platform/data-version): a write shows on the next
 * view of every dashboard it touches, in this process and in another on the same database; a
 * write to another council keeps this council's dashboards; and a dashboard built for one person is never shown to someone whose access differs.
 * PGlite only, as the other page-level views tests: the version is one trigger and one row, the
 * same on both engines (the migration runs on PostgreSQL in the migration tests).
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../app.ts';
import { assembleDeps } from '../../../container.ts';
import { loadConfig } from '../../../platform/config.ts';
import { measures, portfolios, portfolioUnits } from '../../../schema.ts';
import {
  buildFixture,
  cabinetApprovingCorporatePlan,
  type Fixture,
  today,
} from '../../../../test/helpers/performance-fixtures.ts';
import { enteredMeasure, measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, PAGE_DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

const CODE = 'KEPT-1';
const PERIOD = '2025-26-Q2';

interface Listed {
  code: string;
  title: string;
  status: string;
  value: string | null;
}

describe.each(PAGE_DATABASES)('dashboards kept between requests on %s', (kind) => {
  let t: TestApp;
  let second: FastifyInstance;
  let f: Fixture;
  let officer: Agent;
  let enterer: Agent;
  let verifier: Agent;
  let measureId: string;
  let dashboards: { kind: string; url: string; as: () => Agent }[];

  /** The kept measure as a dashboard lists it (a key measure, so always listed), through one app process. */
  async function listedOn(app: FastifyInstance, agent: Agent, url: string): Promise<Listed | undefined> {
    const answer = await app.inject({ method: 'GET', url, headers: { cookie: agent.cookie } });
    expect(answer.statusCode, `${url}: ${answer.body}`).toBe(200);
    return (answer.json().keyMeasures as Listed[]).find((entry) => entry.code === CODE);
  }

  /** What every dashboard shows of the measure, through both app processes. */
  async function everywhere(): Promise<Record<string, Listed | undefined>> {
    const seen: Record<string, Listed | undefined> = {};
    for (const [name, app] of [
      ['first', t.app],
      ['second', second],
    ] as const) {
      for (const dashboard of dashboards) {
        seen[`${dashboard.kind} (${name})`] = await listedOn(app, dashboard.as(), dashboard.url);
      }
    }
    return seen;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    f = await buildFixture(t);
    const db = t.deps.database.db;
    // A second app process on the same database, with its own services and kept dashboards.
    const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
    second = await buildApp(assembleDeps(config, t.deps.database, t.deps.clock));
    await second.ready();
    officer = await t.as('performance-officer');
    enterer = await t.as('data-entry');
    verifier = await t.as('viewer');
    // Directorate A's portfolio, and a cabinet approving the corporate plan (whose items are its remit).
    const [portfolio] = await db
      .insert(portfolios)
      .values({ organisationId: t.org.id, name: 'Places', holderPersonId: officer.personId })
      .returning();
    await db.insert(portfolioUnits).values({ organisationId: t.org.id, portfolioId: portfolio!.id, unitId: f.unitA });
    const bodyId = await cabinetApprovingCorporatePlan(t, f);
    await t.deps.services.performance.recompute(db, t.org.id, 'all');

    // The kept measure: key, in directorate A, under an objective of the corporate plan, entered
    // by the enterer (so it is theirs), verified by the verifier, with a target of 70%.
    measureId = (
      await enteredMeasure(
        officer,
        {
          code: CODE,
          title: 'Homes brought back into use',
          isKey: true,
          ownerUnitId: f.unitA,
          verifierPersonId: verifier.personId,
        },
        enterer.personId,
      )
    ).id;
    expect((await officer.api('POST', `/api/v1/measures/${measureId}/items`, { itemId: f.items.o1 })).statusCode).toBe(
      201,
    );

    dashboards = [
      { kind: 'council', url: '/api/v1/performance/dashboard', as: () => officer },
      { kind: 'directorate', url: `/api/v1/performance/units/${f.unitA}/dashboard`, as: () => officer },
      { kind: 'portfolio', url: `/api/v1/performance/portfolios/${portfolio!.id}/dashboard`, as: () => officer },
      { kind: 'body', url: `/api/v1/performance/bodies/${bodyId}/dashboard`, as: () => officer },
      { kind: 'mine', url: '/api/v1/performance/mine/dashboard', as: () => enterer },
    ];
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('shows a figure saved and signed off, then returned, on the next view of every dashboard in both processes', async () => {
    const before = await everywhere();
    for (const [where, listed] of Object.entries(before)) {
      expect(listed, where).toBeDefined();
      expect(listed!.value, where).toBeNull();
    }

    // Entered and verified through the first process: 50% against 70% is red.
    const saved = await enterer.api('PUT', `/api/v1/measures/${measureId}/values/${PERIOD}`, {
      value: 50,
      commentary: 'Fewer empty homes came back than planned',
      action: 'submit',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const verified = await verifier.api('POST', `/api/v1/values/${saved.json().id}/transitions`, {
      action: 'verify',
      reason: '',
    });
    expect(verified.statusCode, verified.body).toBe(200);
    for (const [where, listed] of Object.entries(await everywhere())) {
      expect(listed, where).toMatchObject({ status: 'red', value: '50.0%' });
    }

    // Returned for correction through the second process: no longer the official figure, so the
    // dashboards show the quarter without it (overdue: its due date has passed).
    const returned = await second.inject({
      method: 'POST',
      url: `/api/v1/values/${saved.json().id}/transitions`,
      headers: { cookie: verifier.cookie, 'x-csrf-token': verifier.csrf },
      payload: { action: 'return', reason: 'The figure leaves out September' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    for (const [where, listed] of Object.entries(await everywhere())) {
      expect(listed, where).toMatchObject({ status: 'overdue', value: null });
    }
  });

  it("keeps a council's dashboards while another council writes, and rebuilds them on its own council's next write", async () => {
    const council = dashboards[0]!;
    const titleNow = async () => (await listedOn(t.app, officer, council.url))?.title;
    // The measure list is kept the same way: its page names the measure.
    const listShows = async (title: string) => {
      const list = await t.app.inject({
        method: 'GET',
        url: '/performance/measures',
        headers: { cookie: officer.cookie },
      });
      expect(list.statusCode).toBe(200);
      return list.body.includes(title);
    };
    expect(await titleNow()).toBe('Homes brought back into use');
    expect(await listShows('Homes brought back into use')).toBe(true);
    // Changed behind the app's back (no audit row, so no new version): the kept views are served.
    await t.deps.database.db.update(measures).set({ title: 'Renamed directly' }).where(eq(measures.id, measureId));
    expect(await titleNow()).toBe('Homes brought back into use');
    expect(await listShows('Homes brought back into use')).toBe(true);

    const other = await t.createOrganisation('Neighbouring Council');
    const theirOfficer = await t.as('performance-officer', { organisation: other });
    const theirs = await theirOfficer.api('POST', '/api/v1/measures', measureBody({ code: 'THEIRS-1' }));
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(await titleNow()).toBe('Homes brought back into use');

    const ours = await officer.api('POST', '/api/v1/measures', measureBody({ code: 'KEPT-2' }));
    expect(ours.statusCode, ours.body).toBe(201);
    expect(await titleNow()).toBe('Renamed directly');
    expect(await listShows('Renamed directly')).toBe(true);
  });

  it('never shows a dashboard built for one person to someone whose access differs', async () => {
    const directorate = dashboards[1]!;
    // Built for the officer (the whole council) first; a director of directorate B may not see A's.
    expect(
      (await t.app.inject({ method: 'GET', url: directorate.url, headers: { cookie: officer.cookie } })).statusCode,
    ).toBe(200);
    const directorOfB = await t.as('director', { unitId: f.unitB });
    const refused = await t.app.inject({
      method: 'GET',
      url: directorate.url,
      headers: { cookie: directorOfB.cookie },
    });
    expect(refused.statusCode).toBe(403);

    // "Mine" is each person's own, even for two people with the same grants.
    const mine = dashboards[4]!;
    expect(await listedOn(t.app, enterer, mine.url)).toBeDefined();
    const anotherEnterer = await t.as('data-entry');
    expect(await listedOn(t.app, anotherEnterer, mine.url)).toBeUndefined();
  });

  it('reads the data version once for a page, though its navigation and its dashboard are both kept', async () => {
    const db = t.deps.database.db;
    const reads = vi.spyOn(db, 'execute');
    const versionReads = () =>
      reads.mock.calls.filter(([query]) => {
        const chunks = (query as { queryChunks?: unknown[] }).queryChunks ?? [];
        return chunks.some((chunk) => JSON.stringify(chunk).includes('FROM organisation_data_versions'));
      }).length;
    try {
      for (const url of ['/performance', `/performance/units/${f.unitA}`]) {
        reads.mockClear();
        const page = await t.app.inject({ method: 'GET', url, headers: { cookie: officer.cookie } });
        expect(page.statusCode, url).toBe(200);
        expect(versionReads(), url).toBe(1);
      }
    } finally {
      reads.mockRestore();
    }
  });
});
