import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../schema.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

describe.each(DATABASES)('organisation structure on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('adds a unit through the API, audited, and lists it', async () => {
    const admin = await t.as('administrator');
    const created = await admin.api('POST', '/api/v1/units', {
      code: 'PLACE',
      name: 'Place',
      kind: 'directorate',
      parentId: t.org.rootUnitId,
      headPersonId: null,
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ code: 'PLACE', name: 'Place', parentId: t.org.rootUnitId });
    const list = await admin.api('GET', '/api/v1/units');
    expect(list.json().map((u: { code: string }) => u.code)).toContain('PLACE');
    const audit = await t.deps.database.db.select().from(auditEvents);
    expect(audit.some((event) => event.entityId === unit.id && event.action === 'create')).toBe(true);
  });

  it('refuses a duplicate code with 409 naming the field, and writes nothing', async () => {
    const admin = await t.as('administrator');
    await admin.api('POST', '/api/v1/units', {
      code: 'DUP',
      name: 'First',
      kind: 'service',
      parentId: null,
      headPersonId: null,
    });
    const before = (await t.deps.database.db.select().from(auditEvents)).length;
    const response = await admin.api('POST', '/api/v1/units', {
      code: 'dup',
      name: 'Second',
      kind: 'service',
      parentId: null,
      headPersonId: null,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ status: 409, code: 'duplicate', errors: [{ field: 'code' }] });
    expect((await t.deps.database.db.select().from(auditEvents)).length).toBe(before);
  });

  it('refuses an unknown parent unit and a missing name with 400', async () => {
    const admin = await t.as('administrator');
    const unknownParent = await admin.api('POST', '/api/v1/units', {
      code: 'X1',
      name: 'X',
      kind: 'team',
      parentId: '00000000-0000-4000-8000-000000000000',
      headPersonId: null,
    });
    expect(unknownParent.statusCode).toBe(400);
    expect(unknownParent.json().errors[0].field).toBe('parentId');
    const missing = await admin.api('POST', '/api/v1/units', {
      code: 'X2',
      kind: 'team',
      parentId: null,
      headPersonId: null,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain('name');
  });

  it('refuses to move a unit under its own child', async () => {
    const admin = await t.as('administrator');
    const parent = (
      await admin.api('POST', '/api/v1/units', {
        code: 'P1',
        name: 'P1',
        kind: 'directorate',
        parentId: null,
        headPersonId: null,
      })
    ).json();
    const child = (
      await admin.api('POST', '/api/v1/units', {
        code: 'C1',
        name: 'C1',
        kind: 'service',
        parentId: parent.id,
        headPersonId: null,
      })
    ).json();
    const response = await admin.api('PUT', `/api/v1/units/${parent.id}`, {
      code: 'P1',
      name: 'P1',
      kind: 'directorate',
      parentId: child.id,
      headPersonId: null,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('cycle');
  });

  it('shows the GOV.UK error summary on a bad form and keeps what was typed', async () => {
    const admin = await t.as('administrator');
    const response = await admin.post('/units/new', {
      code: 'bad code!',
      name: 'Kept name',
      kind: 'team',
      parentId: '',
      headPersonId: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#code"');
    expect(response.body).toContain('value="Kept name"');
  });

  it('redirects after a good form post and shows the unit', async () => {
    const admin = await t.as('administrator');
    const response = await admin.post('/units/new', {
      code: 'LIB',
      name: 'Libraries',
      kind: 'service',
      parentId: t.org.rootUnitId,
      headPersonId: '',
    });
    expect(response.statusCode).toBe(302);
    const page = await admin.get(response.headers.location as string);
    expect(page.body).toContain('Libraries');
  });

  it('refuses a form post without the CSRF token', async () => {
    const admin = await t.as('administrator');
    const response = await t.app.inject({
      method: 'POST',
      url: '/units/new',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'code=NOCSRF&name=x&kind=team',
    });
    expect(response.statusCode).toBe(403);
  });

  it('keeps tenants apart', async () => {
    const other = await t.createOrganisation('Other Council');
    const outsider = await t.as('administrator', { organisation: other });
    const units = (await outsider.api('GET', '/api/v1/units')).json();
    expect(units.map((u: { id: string }) => u.id)).toEqual([other.rootUnitId]);
    const response = await outsider.api('GET', `/api/v1/units/${t.org.rootUnitId}`);
    expect(response.statusCode).toBe(404);
  });
});
