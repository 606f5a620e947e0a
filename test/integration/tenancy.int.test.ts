/**
 * Tenants never see each other's rows. Two councils are seeded alike; then, as an administrator
 * of council B (who may see everything in B), every GET list endpoint of the API and every GET
 * page without parameters is read and searched for any id or name of council A; and every
 * GET-by-id route is asked for council A's rows. The routes come from the app's own declared
 * list, so endpoints added later are covered without editing this file.
 *
 * On PGlite only: whether a row crosses over is decided by each query's organisation condition,
 * the same SQL text on both engines (PGlite is PostgreSQL compiled to WebAssembly), so a second
 * run on PostgreSQL proved nothing more and took half a minute of every suite. The queries whose
 * behaviour can differ (locking, concurrency, COPY, triggers) keep their own tests on both.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/db.ts';
import { rowsOf } from '../../src/platform/db/rows.ts';
import {
  contributionLinks,
  governanceBodies,
  itemTypes,
  partners,
  people,
  planItems,
  plans,
  planTypes,
  portfolios,
} from '../../src/schema.ts';
import { createTestApp, PAGE_DATABASES, type Agent, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** One of each kind of row the council owns, named with a marker that must never cross over. */
async function seedCouncil(t: TestApp, organisation: TestOrganisation, admin: Agent, marker: string) {
  const db = t.deps.database.db;
  // Through the API where it exists (so the service path is exercised and audited) ...
  const unitResponse = await admin.api('POST', '/api/v1/units', {
    code: `${marker}UNIT`,
    name: `${marker} Housing`,
    kind: 'service',
    parentId: organisation.rootUnitId,
    headPersonId: null,
  });
  expect(unitResponse.statusCode).toBe(201);
  const unitId = unitResponse.json().id as string;
  // ... and straight into the tables for the rest, so the test does not wait on every form.
  const organisationId = organisation.id;
  const [person] = await db
    .insert(people)
    .values({ organisationId, name: `${marker} Person`, email: `${marker.toLowerCase()}@test.example`, unitId })
    .returning();
  const [partner] = await db
    .insert(partners)
    .values({ organisationId, name: `${marker} Partnership`, kind: 'nhs' })
    .returning();
  const [body] = await db
    .insert(governanceBodies)
    .values({ organisationId, name: `${marker} Scrutiny Panel`, kind: 'scrutiny', frameworkRoles: ['scrutinises'] })
    .returning();
  const [portfolio] = await db
    .insert(portfolios)
    .values({ organisationId, name: `${marker} Portfolio`, holderPersonId: person!.id })
    .returning();
  const [itemType] = await db
    .insert(itemTypes)
    .values({ organisationId, key: `${marker.toLowerCase()}-priority`, name: `${marker} Priority` })
    .returning();
  const [planType] = await db
    .insert(planTypes)
    .values({
      organisationId,
      key: `${marker.toLowerCase()}-plan`,
      name: `${marker} Service plan`,
      level: 4,
      templateSections: [],
    })
    .returning();
  const [plan] = await db
    .insert(plans)
    .values({
      organisationId,
      lineageId: randomUUID(),
      planTypeId: planType!.id,
      title: `${marker} Plan`,
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: unitId,
    })
    .returning();
  const items = await db
    .insert(planItems)
    .values(
      ['1', '2'].map((code) => ({
        organisationId,
        planId: plan!.id,
        itemTypeId: itemType!.id,
        code: `${marker}-${code}`,
        title: `${marker} Item ${code}`,
      })),
    )
    .returning();
  await db
    .insert(contributionLinks)
    .values({ organisationId, fromItemId: items[1]!.id, toItemId: items[0]!.id, kind: 'direct' });
  return {
    unitId,
    personId: person!.id,
    partnerId: partner!.id,
    bodyId: body!.id,
    portfolioId: portfolio!.id,
    planId: plan!.id,
  };
}

/**
 * Every uuid id of every table that carries organisation_id, for one organisation; and one of each
 * table's (`probes`) to ask the routes with: a route that refuses one unit of another council
 * refuses them all, so asking with every row (the audit trail's hundreds among them) proved
 * nothing more.
 */
async function idsOwnedBy(
  db: Db,
  organisationId: string,
): Promise<{ all: Set<string>; probes: Set<string>; probeOf: Map<string, string>; tables: Set<string> }> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`
      SELECT c.table_name FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name = 'organisation_id'
        AND EXISTS (SELECT 1 FROM information_schema.columns i
                    WHERE i.table_schema = 'public' AND i.table_name = c.table_name
                      AND i.column_name = 'id' AND i.data_type = 'uuid')
      ORDER BY c.table_name`),
  );
  const all = new Set<string>([organisationId]);
  const probes = new Set<string>([organisationId]);
  const probeOf = new Map<string, string>([['organisations', organisationId]]);
  for (const { table_name: table } of tables) {
    const rows = rowsOf<{ id: string }>(
      await db.execute(
        sql`SELECT id::text AS id FROM ${sql.identifier(table)} WHERE organisation_id = ${organisationId}`,
      ),
    );
    for (const row of rows) all.add(row.id.toLowerCase());
    if (rows[0]) {
      probes.add(rows[0].id.toLowerCase());
      probeOf.set(table, rows[0].id.toLowerCase());
    }
  }
  return { all, probes, probeOf, tables: new Set(['organisations', ...tables.map((row) => row.table_name)]) };
}

/** Route segments that name a table by another word (the last two segments first, then the last). */
const TABLE_ALIASES: Readonly<Record<string, string>> = {
  items: 'plan_items',
  bodies: 'governance_bodies',
  jobs: 'background_jobs',
  agenda_papers: 'agenda_item_papers',
  single_sign_on: 'single_sign_on_providers',
  reports: 'report_definitions',
  'recommendations/reports': 'recommendation_reports',
  'capital/schemes': 'money_capital_schemes',
  cost_centres: 'money_cost_centres',
  reserves: 'money_reserves',
  savings: 'money_savings',
  mtfs: 'money_mtfs_versions',
};

const uuidsIn = (text: string) => new Set([...text.matchAll(UUID)].map((m) => m[0].toLowerCase()));

describe.each(PAGE_DATABASES)('tenancy on %s', (kind) => {
  let t: TestApp;
  let outsider: Agent;
  let idsOfA: Set<string>;
  let probesOfA: Set<string>;
  let probeOfA: Map<string, string>;
  let tenantTables: Set<string>;
  let idsOfB: Set<string>;
  const MARKER_A = 'ZQA';

  beforeAll(async () => {
    t = await createTestApp(kind);
    const orgB = await t.createOrganisation('Council B');
    const adminA = await t.as('administrator');
    outsider = await t.as('administrator', { organisation: orgB });
    await seedCouncil(t, t.org, adminA, MARKER_A);
    await seedCouncil(t, orgB, outsider, 'ZQB');
    ({
      all: idsOfA,
      probes: probesOfA,
      probeOf: probeOfA,
      tables: tenantTables,
    } = await idsOwnedBy(t.deps.database.db, t.org.id));
    idsOfB = (await idsOwnedBy(t.deps.database.db, orgB.id)).all;
  });
  afterAll(async () => t?.close());

  const listRoutes = () =>
    t.declaredRoutes.filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.url.includes('*'));

  /**
   * The ids a route is asked with. Its parameter takes the rows of one table: the one named by
   * the static segment before the first parameter (`/money/reserves/:id` → money_reserves,
   * `/items/:id` → plan_items). Where council A has rows of that table, the route is asked with
   * one of them. Where it has none (this test seeds only some tables), any id of council A is as
   * unknown to the route as a random one, so one suffices. Only a route whose segment names no
   * table is asked with one row of every table.
   */
  const probesFor = (url: string): Iterable<string> => {
    const segments =
      /^([^:]*)\/:/
        .exec(url.replace(/^\/api\/v1/, ''))?.[1]
        ?.replaceAll('-', '_')
        .split('/') ?? [];
    const [before, last] = segments.slice(-2);
    const table = last && (TABLE_ALIASES[`${before}/${last}`] ?? TABLE_ALIASES[last] ?? last);
    if (table && probeOfA.has(table)) return [probeOfA.get(table)!];
    if (table && tenantTables.has(table)) return [t.org.id];
    return probesOfA;
  };

  it('seeded both councils with rows in many tables', () => {
    expect(idsOfA.size).toBeGreaterThanOrEqual(10);
    expect(idsOfB.size).toBeGreaterThanOrEqual(10);
    expect([...idsOfA].filter((id) => idsOfB.has(id))).toEqual([]);
  });

  it('never shows council B any id or name of council A in an API list', async () => {
    const apiLists = listRoutes().filter((r) => r.url.startsWith('/api/v1/'));
    expect(apiLists.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/v1/units']));
    const leaks: string[] = [];
    const seenOfB = new Set<string>();
    for (const route of apiLists) {
      const response = await outsider.api('GET', route.url);
      const found = uuidsIn(response.body);
      for (const id of found) if (idsOfB.has(id)) seenOfB.add(id);
      const leaked = [...found].filter((id) => idsOfA.has(id));
      if (leaked.length || response.body.includes(MARKER_A))
        leaks.push(`${route.url}: ${leaked.join(', ') || MARKER_A}`);
    }
    expect(leaks).toEqual([]);
    // The search is live: council B's own rows do come back.
    expect(seenOfB.size).toBeGreaterThanOrEqual(2);
  });

  it('never shows council B any id or name of council A on a page', async () => {
    const leaks: string[] = [];
    for (const route of listRoutes().filter((r) => !r.url.startsWith('/api/'))) {
      const response = await outsider.get(route.url);
      const leaked = [...uuidsIn(response.body)].filter((id) => idsOfA.has(id));
      if (leaked.length || response.body.includes(MARKER_A))
        leaks.push(`${route.url}: ${leaked.join(', ') || MARKER_A}`);
    }
    expect(leaks).toEqual([]);
  });

  it('answers 404 when council B asks the API for any row of council A by id', async () => {
    const byId = t.declaredRoutes.filter((r) => r.method === 'GET' && /^\/api\/v1\/[\w-]+\/:id$/.test(r.url));
    expect(byId.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/v1/units/:id']));
    const wrong: string[] = [];
    for (const route of byId) {
      for (const id of probesFor(route.url)) {
        const response = await outsider.api('GET', route.url.replace(/:\w+$/, id));
        if (response.statusCode !== 404) wrong.push(`${route.url} with ${id}: ${response.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leaks nothing of council A from any other GET route given council A ids', async () => {
    const nested = t.declaredRoutes.filter(
      (r) => r.method === 'GET' && r.url.includes(':') && !/^\/api\/v1\/[\w-]+\/:id$/.test(r.url),
    );
    const leaks: string[] = [];
    for (const route of nested) {
      for (const id of probesFor(route.url)) {
        const url = route.url.replace(/:\w+(\([^)]*\))?/g, id);
        const response = route.url.startsWith('/api/') ? await outsider.api('GET', url) : await outsider.get(url);
        const leaked = [...uuidsIn(response.body)].filter((other) => idsOfA.has(other) && other !== id);
        if (response.statusCode < 300 || leaked.length || response.body.includes(MARKER_A)) {
          leaks.push(`${url}: ${response.statusCode} ${leaked.join(', ')}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  }, 600_000); // every nested GET route × its table's probe id: some 160 requests

  /**
   * Within one council too, an individual plan (an appraisal) is private: staff outside the
   * person's management chain, performance officers and councillors find no trace of it on any
   * list page or API list, and get 404 when they ask for it or its objective by id.
   */
  it('never shows an individual plan to anyone outside the person, their managers, HR and administrators', async () => {
    const db = t.deps.database.db;
    const organisationId = t.org.id;
    const marker = 'ZQPRIVATE';
    const appraisee = await t.as('data-entry');
    const [type] = await db
      .insert(planTypes)
      .values({ organisationId, key: 'individual-plan', name: 'Individual plan', level: 6, templateSections: [] })
      .returning();
    const [itemType] = await db
      .insert(itemTypes)
      .values({ organisationId, key: 'individual-objective', name: 'Individual objective' })
      .returning();
    const [plan] = await db
      .insert(plans)
      .values({
        organisationId,
        lineageId: randomUUID(),
        planTypeId: type!.id,
        title: `${marker} appraisal`,
        periodStart: '2025-04-01',
        periodEnd: '2026-03-31',
        owningUnitId: t.org.rootUnitId,
        ownerPersonId: appraisee.personId,
        status: 'approved',
      })
      .returning();
    const [item] = await db
      .insert(planItems)
      .values({
        organisationId,
        planId: plan!.id,
        itemTypeId: itemType!.id,
        code: 'IO-1',
        title: `${marker} objective`,
      })
      .returning();
    const secrets = [plan!.id, item!.id, plan!.lineageId];
    const leaks: string[] = [];
    for (const role of [
      'performance-officer',
      'cabinet-member',
      'scrutiny-member',
      'audit-member',
      'viewer',
    ] as const) {
      const agent = await t.as(role);
      for (const route of listRoutes()) {
        const response = route.url.startsWith('/api/') ? await agent.api('GET', route.url) : await agent.get(route.url);
        if (response.body.includes(marker) || secrets.some((id) => response.body.includes(id))) {
          leaks.push(`${role} ${route.url}`);
        }
      }
      const byId = t.declaredRoutes.filter(
        (r) => r.method === 'GET' && /^(\/api\/v1)?\/(plans|items)\/:id/.test(r.url),
      );
      for (const route of byId) {
        const url = route.url.replace(/:\w+/, route.url.includes('/items/') ? item!.id : plan!.id);
        const response = route.url.startsWith('/api/') ? await agent.api('GET', url) : await agent.get(url);
        if (response.statusCode !== 404 && response.statusCode !== 403)
          leaks.push(`${role} ${url}: ${response.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
    // The search is live: the person themselves sees it in the list and by id.
    expect((await appraisee.api('GET', '/api/v1/plans')).body).toContain(marker);
    expect((await appraisee.get(`/plans/${plan!.id}`)).statusCode).toBe(200);
  }, 300_000); // five roles × every list route: some 700 requests
});
