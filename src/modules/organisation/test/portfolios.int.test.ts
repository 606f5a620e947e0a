import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, portfolios, portfolioUnits } from '../../../schema.ts';
import { createTestApp, PAGE_DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

const NIL = '00000000-0000-4000-8000-000000000000';

// Pages and forms over ordinary reads and writes: run once, on PGlite (the rule is in test-app.ts).
describe.each(PAGE_DATABASES)('cabinet portfolios on %s', (kind) => {
  let t: TestApp;
  const counts = async () => [
    (await t.deps.database.db.select().from(auditEvents)).length,
    (await t.deps.database.db.select().from(portfolios)).length,
    (await t.deps.database.db.select().from(portfolioUnits)).length,
  ];
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('adds a portfolio covering units, changes its units, audited', async () => {
    const admin = await t.as('administrator');
    const holder = await t.as('cabinet-member');
    const unit = (
      await admin.api('POST', '/api/v1/units', {
        code: 'ASC',
        name: 'Adult Social Care',
        kind: 'service',
        parentId: t.org.rootUnitId,
        headPersonId: null,
      })
    ).json();
    const created = await admin.api('POST', '/api/v1/portfolios', {
      name: 'Health',
      holderPersonId: holder.personId,
      unitIds: [unit.id, t.org.rootUnitId],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().unitIds.sort()).toEqual([unit.id, t.org.rootUnitId].sort());
    const id = created.json().id;
    const changed = await admin.api('PUT', `/api/v1/portfolios/${id}`, {
      name: 'Health and Care',
      holderPersonId: null,
      unitIds: [unit.id],
    });
    expect(changed.json()).toMatchObject({ name: 'Health and Care', holderPersonId: null, unitIds: [unit.id] });
    const events = (await t.deps.database.db.select().from(auditEvents)).filter((event) => event.entityId === id);
    expect(events.map((event) => event.action)).toEqual(['create', 'update']);
    const page = await admin.get(`/portfolios/${id}`);
    expect(page.body).toContain('Adult Social Care');
    expect((await admin.get('/portfolios')).body).toContain('Health and Care');
  });

  it.each([
    ['an unknown unit', { unitIds: [NIL] }, 400, 'unitIds'],
    ['a unit that is not a UUID', { unitIds: ['nope'] }, 400, 'unitIds'],
    ['an unknown holder', { holderPersonId: NIL }, 400, 'holderPersonId'],
    ['a missing name', { name: '' }, 400, 'name'],
  ])('refuses %s, writing nothing', async (_label, extra, status, field) => {
    const admin = await t.as('administrator');
    const before = await counts();
    const response = await admin.api('POST', '/api/v1/portfolios', {
      name: `P ${Math.random()}`,
      holderPersonId: null,
      unitIds: [],
      ...extra,
    });
    expect(response.statusCode).toBe(status);
    expect(response.json().errors[0].field).toMatch(new RegExp(`^${field}`));
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate name (409) and a partial write when one unit is unknown', async () => {
    const admin = await t.as('administrator');
    const first = (
      await admin.api('POST', '/api/v1/portfolios', {
        name: 'Environment',
        holderPersonId: null,
        unitIds: [t.org.rootUnitId],
      })
    ).json();
    const before = await counts();
    const dup = await admin.api('POST', '/api/v1/portfolios', {
      name: 'ENVIRONMENT',
      holderPersonId: null,
      unitIds: [],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('name');
    const partial = await admin.api('PUT', `/api/v1/portfolios/${first.id}`, {
      name: 'Environment',
      holderPersonId: null,
      unitIds: [t.org.rootUnitId, NIL],
    });
    expect(partial.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('shows the error summary on a bad form and saves ticked units through the form', async () => {
    const admin = await t.as('administrator');
    const before = await counts();
    const bad = await admin.post('/portfolios/new', { name: '', holderPersonId: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#name"');
    expect(await counts()).toEqual(before);
    const good = await admin.post('/portfolios/new', {
      name: 'Housing',
      holderPersonId: admin.personId,
      unitIds: [t.org.rootUnitId],
    });
    expect(good.statusCode).toBe(302);
    const edit = await admin.get(`${good.headers.location as string}/edit`);
    expect(edit.body).toMatch(new RegExp(`value="${t.org.rootUnitId}" checked`));
  });

  it('needs manage:structure to change and view:organisation to look', async () => {
    const hr = await t.as('hr');
    expect(
      (await hr.api('POST', '/api/v1/portfolios', { name: 'X', holderPersonId: null, unitIds: [] })).statusCode,
    ).toBe(403);
    expect((await hr.get('/portfolios/new')).statusCode).toBe(403);
    expect((await hr.get('/portfolios')).statusCode).toBe(200);
  });

  it('keeps tenants apart', async () => {
    const admin = await t.as('administrator');
    const mine = (
      await admin.api('POST', '/api/v1/portfolios', { name: 'Mine', holderPersonId: null, unitIds: [] })
    ).json();
    const other = await t.createOrganisation('Other');
    const outsider = await t.as('administrator', { organisation: other });
    expect((await outsider.api('GET', '/api/v1/portfolios')).json()).toEqual([]);
    expect((await outsider.api('GET', `/api/v1/portfolios/${mine.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/portfolios/${mine.id}`)).statusCode).toBe(404);
    const foreignUnit = await outsider.api('POST', '/api/v1/portfolios', {
      name: 'Grab',
      holderPersonId: admin.personId,
      unitIds: [t.org.rootUnitId],
    });
    expect(foreignUnit.statusCode).toBe(400);
  });
});
