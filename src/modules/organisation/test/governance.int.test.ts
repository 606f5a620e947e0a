import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, governanceBodies, governanceBodyMembers } from '../../../schema.ts';
import { createTestApp, PAGE_DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

const NIL = '00000000-0000-4000-8000-000000000000';

// Pages and forms over ordinary reads and writes: run once, on PGlite (the rule is in test-app.ts).
describe.each(PAGE_DATABASES)('governance bodies on %s', (kind) => {
  let t: TestApp;
  const counts = async () => [
    (await t.deps.database.db.select().from(auditEvents)).length,
    (await t.deps.database.db.select().from(governanceBodies)).length,
    (await t.deps.database.db.select().from(governanceBodyMembers)).length,
  ];
  let n = 0;
  const body = (extra: Record<string, unknown> = {}) => {
    n += 1;
    return { name: `Body ${n}`, kind: 'scrutiny', frameworkRoles: ['scrutinises'], description: '', ...extra };
  };
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('adds and changes a body through the API, audited', async () => {
    const officer = await t.as('performance-officer');
    const created = await officer.api(
      'POST',
      '/api/v1/governance-bodies',
      body({ name: 'Cabinet', kind: 'executive', frameworkRoles: ['receives', 'approves'] }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Cabinet', frameworkRoles: ['approves', 'receives'] });
    const id = created.json().id;
    const changed = await officer.api(
      'PUT',
      `/api/v1/governance-bodies/${id}`,
      body({ name: 'The Cabinet', kind: 'executive', frameworkRoles: ['approves'] }),
    );
    expect(changed.statusCode).toBe(200);
    const events = (await t.deps.database.db.select().from(auditEvents)).filter((event) => event.entityId === id);
    expect(events.map((event) => event.action)).toEqual(['create', 'update']);
  });

  it.each([
    ['no framework role', { frameworkRoles: [] }, 'frameworkRoles'],
    ['an unknown framework role', { frameworkRoles: ['rules'] }, 'frameworkRoles'],
    ['an unknown kind', { kind: 'cabal' }, 'kind'],
    ['a missing name', { name: '' }, 'name'],
  ])('refuses %s with 400, writing nothing', async (_label, extra, field) => {
    const admin = await t.as('administrator');
    const before = await counts();
    const response = await admin.api('POST', '/api/v1/governance-bodies', body(extra));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toMatch(new RegExp(`^${field}`));
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate name with 409', async () => {
    const admin = await t.as('administrator');
    await admin.api('POST', '/api/v1/governance-bodies', body({ name: 'Audit Committee' }));
    const before = await counts();
    const response = await admin.api('POST', '/api/v1/governance-bodies', body({ name: 'audit committee' }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'duplicate', errors: [{ field: 'name' }] });
    expect(await counts()).toEqual(before);
  });

  it('adds and removes members, one chair only, refusing duplicates, unknown and left people', async () => {
    const admin = await t.as('administrator');
    const id = (await admin.api('POST', '/api/v1/governance-bodies', body())).json().id;
    const chair = await t.as(null);
    const member = await t.as(null);
    const added = await admin.api('POST', `/api/v1/governance-bodies/${id}/members`, {
      personId: chair.personId,
      role: 'chair',
    });
    expect(added.statusCode).toBe(201);
    const before = await counts();
    const secondChair = await admin.api('POST', `/api/v1/governance-bodies/${id}/members`, {
      personId: member.personId,
      role: 'chair',
    });
    expect(secondChair.statusCode).toBe(409);
    expect(secondChair.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'role' }] });
    const duplicate = await admin.api('POST', `/api/v1/governance-bodies/${id}/members`, {
      personId: chair.personId,
      role: 'member',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].field).toBe('personId');
    const unknown = await admin.api('POST', `/api/v1/governance-bodies/${id}/members`, {
      personId: NIL,
      role: 'member',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('personId');
    const badRole = await admin.api('POST', `/api/v1/governance-bodies/${id}/members`, {
      personId: member.personId,
      role: 'king',
    });
    expect(badRole.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    const leaver = await t.as(null);
    await admin.api('POST', `/api/v1/people/${leaver.personId}/leave`, { leftOn: '2025-01-01' });
    expect(
      (
        await admin.api('POST', `/api/v1/governance-bodies/${id}/members`, {
          personId: leaver.personId,
          role: 'member',
        })
      ).statusCode,
    ).toBe(400);
    await admin.api('POST', `/api/v1/governance-bodies/${id}/members`, {
      personId: member.personId,
      role: 'vice-chair',
    });
    const members = (await admin.api('GET', `/api/v1/governance-bodies/${id}/members`)).json();
    expect(members.map((m: { role: string }) => m.role)).toEqual(['chair', 'vice-chair']);
    const personPage = await admin.get(`/people/${chair.personId}`);
    expect(personPage.body).toContain(`/governance-bodies/${id}`);
    const removed = await admin.api('DELETE', `/api/v1/governance-bodies/${id}/members/${chair.personId}`);
    expect(removed.statusCode).toBe(204);
    expect((await admin.api('DELETE', `/api/v1/governance-bodies/${id}/members/${chair.personId}`)).statusCode).toBe(
      404,
    );
    const events = (await t.deps.database.db.select().from(auditEvents)).filter((event) => event.entityId === id);
    expect(events.map((event) => event.action)).toEqual(['create', 'add-member', 'add-member', 'remove-member']);
  });

  it('manages members and bodies through the pages, with the error summary on bad input', async () => {
    const admin = await t.as('administrator');
    const before = await counts();
    const bad = await admin.post('/governance-bodies/new', { name: 'Kept body', kind: 'scrutiny', description: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#frameworkRoles"');
    expect(bad.body).toContain('value="Kept body"');
    expect(await counts()).toEqual(before);
    const good = await admin.post('/governance-bodies/new', {
      name: 'Performance Panel',
      kind: 'performance-panel',
      frameworkRoles: ['scrutinises', 'receives'],
      description: '',
    });
    expect(good.statusCode).toBe(302);
    const url = good.headers.location as string;
    const noPerson = await admin.post(`${url}/members`, { personId: '', role: 'member' });
    expect(noPerson.statusCode).toBe(400);
    expect(noPerson.body).toContain('href="#personId"');
    const person = await t.as(null);
    expect((await admin.post(`${url}/members`, { personId: person.personId, role: 'member' })).statusCode).toBe(302);
    expect((await admin.get(url)).body).toContain(person.email.split('@')[0]!.replace('nobody-', 'Nobody '));
    expect((await admin.post(`${url}/members/${person.personId}/remove`)).statusCode).toBe(302);
  });

  it('needs manage:governance to change and view:organisation to look', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.api('POST', '/api/v1/governance-bodies', body())).statusCode).toBe(403);
    expect((await viewer.get('/governance-bodies/new')).statusCode).toBe(403);
    expect((await viewer.get('/governance-bodies')).statusCode).toBe(200);
    expect((await (await t.as('partner')).get('/governance-bodies')).statusCode).toBe(403);
  });

  it('keeps tenants apart', async () => {
    const admin = await t.as('administrator');
    const id = (await admin.api('POST', '/api/v1/governance-bodies', body())).json().id;
    const other = await t.createOrganisation('Other');
    const outsider = await t.as('administrator', { organisation: other });
    expect((await outsider.api('GET', '/api/v1/governance-bodies')).json()).toEqual([]);
    expect((await outsider.api('GET', `/api/v1/governance-bodies/${id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/governance-bodies/${id}`)).statusCode).toBe(404);
    expect(
      (
        await outsider.api('POST', `/api/v1/governance-bodies/${id}/members`, {
          personId: outsider.personId,
          role: 'member',
        })
      ).statusCode,
    ).toBe(404);
    const own = (await outsider.api('POST', '/api/v1/governance-bodies', body())).json().id;
    const foreignPerson = await outsider.api('POST', `/api/v1/governance-bodies/${own}/members`, {
      personId: admin.personId,
      role: 'member',
    });
    expect(foreignPerson.statusCode).toBe(400);
  });
});

describe('OpenAPI for people and governance', () => {
  it('documents the endpoints under their tags', async () => {
    const t = await createTestApp('pglite');
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(response.statusCode).toBe(200);
      const document = response.json();
      for (const path of [
        '/api/v1/people',
        '/api/v1/people/{id}/role-assignments',
        '/api/v1/portfolios',
        '/api/v1/partners',
        '/api/v1/governance-bodies/{id}/members',
      ]) {
        expect(document.paths[path], path).toBeDefined();
      }
      expect(document.paths['/api/v1/governance-bodies'].post.tags).toEqual(['Governance bodies']);
    } finally {
      await t.close();
    }
  });
});
