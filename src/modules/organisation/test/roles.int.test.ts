import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, people, roleAssignments } from '../../../schema.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

const NIL = '00000000-0000-4000-8000-000000000000';

describe.each(DATABASES)('role assignments on %s', (kind) => {
  let t: TestApp;
  const auditCount = async () => (await t.deps.database.db.select().from(auditEvents)).length;
  const assignmentCount = async () => (await t.deps.database.db.select().from(roleAssignments)).length;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('grants a role over a unit, which then reaches pages, audited; ending keeps it in history', async () => {
    const admin = await t.as('administrator');
    const person = await t.as(null);
    expect((await person.get('/people')).statusCode).toBe(403);
    const granted = await admin.api('POST', `/api/v1/people/${person.personId}/role-assignments`, {
      role: 'viewer',
      unitId: t.org.rootUnitId,
      partnerId: null,
    });
    expect(granted.statusCode).toBe(201);
    const assignment = granted.json();
    expect(assignment).toMatchObject({
      role: 'viewer',
      unitId: t.org.rootUnitId,
      grantedBy: admin.personId,
      endedAt: null,
    });
    expect((await person.get('/people')).statusCode).toBe(200);
    const ended = await admin.api('POST', `/api/v1/people/${person.personId}/role-assignments/${assignment.id}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json().endedAt).not.toBeNull();
    expect((await person.get('/people')).statusCode).toBe(403);
    const history = (await admin.api('GET', `/api/v1/people/${person.personId}/role-assignments`)).json();
    expect(history).toHaveLength(1);
    const events = await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, assignment.id));
    expect(events.map((event) => event.action).sort()).toEqual(['end', 'grant']);
    const again = await admin.api('POST', `/api/v1/people/${person.personId}/role-assignments/${assignment.id}/end`);
    expect(again.statusCode).toBe(409);
  });

  it('makes the partner role name a partner, and sets and clears people.partner_id', async () => {
    const admin = await t.as('administrator');
    const person = await t.as(null);
    const audits = await auditCount();
    const missing = await admin.api('POST', `/api/v1/people/${person.personId}/role-assignments`, {
      role: 'partner',
      unitId: null,
      partnerId: null,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('partnerId');
    const unknown = await admin.api('POST', `/api/v1/people/${person.personId}/role-assignments`, {
      role: 'partner',
      unitId: null,
      partnerId: NIL,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('partnerId');
    expect(await auditCount()).toBe(audits);
    const partner = (
      await admin.api('POST', '/api/v1/partners', { name: `NHS Trust ${kind}`, kind: 'nhs', description: '' })
    ).json();
    const granted = await admin.api('POST', `/api/v1/people/${person.personId}/role-assignments`, {
      role: 'partner',
      unitId: null,
      partnerId: partner.id,
    });
    expect(granted.statusCode).toBe(201);
    const partnerOf = async () =>
      (await t.deps.database.db.select().from(people).where(eq(people.id, person.personId)))[0]!.partnerId;
    expect(await partnerOf()).toBe(partner.id);
    const principal = await t.deps.services.auth.principalFor(person.personId);
    expect(principal).toMatchObject({ partnerId: partner.id });
    await admin.api('POST', `/api/v1/people/${person.personId}/role-assignments/${granted.json().id}/end`);
    expect(await partnerOf()).toBeNull();
  });

  it.each([
    ['an unknown role', { role: 'emperor', unitId: null, partnerId: null }, 400, 'role'],
    ['an unknown unit', { role: 'viewer', unitId: NIL, partnerId: null }, 400, 'unitId'],
    ['a partner on a non-partner role', { role: 'viewer', unitId: null, partnerId: NIL }, 400, 'partnerId'],
  ])('refuses %s, writing nothing', async (_label, body, status, field) => {
    const admin = await t.as('administrator');
    const person = await t.as(null);
    const [audits, rows] = [await auditCount(), await assignmentCount()];
    const response = await admin.api('POST', `/api/v1/people/${person.personId}/role-assignments`, body);
    expect(response.statusCode).toBe(status);
    expect(response.json().errors[0].field).toBe(field);
    expect([await auditCount(), await assignmentCount()]).toEqual([audits, rows]);
  });

  it('refuses a duplicate grant (409) and a grant to someone who has left (409)', async () => {
    const admin = await t.as('administrator');
    const person = await t.as('viewer');
    const dup = await admin.api('POST', `/api/v1/people/${person.personId}/role-assignments`, {
      role: 'viewer',
      unitId: null,
      partnerId: null,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'duplicate', errors: [{ field: 'role' }] });
    await admin.api('POST', `/api/v1/people/${person.personId}/leave`, { leftOn: '2025-01-01' });
    const left = await admin.api('POST', `/api/v1/people/${person.personId}/role-assignments`, {
      role: 'manager',
      unitId: null,
      partnerId: null,
    });
    expect(left.statusCode).toBe(409);
    expect(left.json().code).toBe('invalid_state');
  });

  it('allows only administrators (403 for HR), and scopes a unit administrator to their unit', async () => {
    const hr = await t.as('hr');
    const person = await t.as(null);
    let audits = await auditCount();
    expect(
      (
        await hr.api('POST', `/api/v1/people/${person.personId}/role-assignments`, {
          role: 'viewer',
          unitId: null,
          partnerId: null,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await hr.post(`/people/${person.personId}/roles`, { role: 'viewer', unitId: '', partnerId: '' })).statusCode,
    ).toBe(403);
    const admin = await t.as('administrator');
    const unit = (
      await admin.api('POST', '/api/v1/units', {
        code: `R${kind}`,
        name: 'Place',
        kind: 'directorate',
        parentId: t.org.rootUnitId,
        headPersonId: null,
      })
    ).json();
    expect(await auditCount()).toBe(audits + 1); // the unit only
    audits = await auditCount();
    const unitAdmin = await t.as('administrator', { unitId: unit.id });
    const whole = await unitAdmin.api('POST', `/api/v1/people/${person.personId}/role-assignments`, {
      role: 'administrator',
      unitId: null,
      partnerId: null,
    });
    expect(whole.statusCode).toBe(403);
    expect(await auditCount()).toBe(audits);
    const inside = await unitAdmin.api('POST', `/api/v1/people/${person.personId}/role-assignments`, {
      role: 'manager',
      unitId: unit.id,
      partnerId: null,
    });
    expect(inside.statusCode).toBe(201);
  });

  it('refuses ending your own administrator role', async () => {
    const admin = await t.as('administrator');
    const [own] = (await admin.api('GET', `/api/v1/people/${admin.personId}/role-assignments`)).json();
    const response = await admin.api('POST', `/api/v1/people/${admin.personId}/role-assignments/${own.id}/end`);
    expect(response.statusCode).toBe(409);
  });

  it('grants and ends through the person page, showing the error summary on a bad grant', async () => {
    const admin = await t.as('administrator');
    const person = await t.as(null);
    const bad = await admin.post(`/people/${person.personId}/roles`, { role: 'partner', unitId: '', partnerId: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#partnerId"');
    const good = await admin.post(`/people/${person.personId}/roles`, {
      role: 'director',
      unitId: t.org.rootUnitId,
      partnerId: '',
    });
    expect(good.statusCode).toBe(302);
    const page = await admin.get(`/people/${person.personId}`);
    expect(page.body).toContain('Director');
    const [assignment] = (await admin.api('GET', `/api/v1/people/${person.personId}/role-assignments`)).json();
    const end = await admin.post(`/people/${person.personId}/roles/${assignment.id}/end`);
    expect(end.statusCode).toBe(302);
    expect((await admin.get(`/people/${person.personId}`)).body).toContain('Ended');
  });

  it('keeps tenants apart', async () => {
    const person = await t.as('viewer');
    const other = await t.createOrganisation('Other Council');
    const outsider = await t.as('administrator', { organisation: other });
    expect((await outsider.api('GET', `/api/v1/people/${person.personId}/role-assignments`)).statusCode).toBe(404);
    const grant = await outsider.api('POST', `/api/v1/people/${person.personId}/role-assignments`, {
      role: 'administrator',
      unitId: null,
      partnerId: null,
    });
    expect(grant.statusCode).toBe(404);
    const ownPerson = await t.as(null, { organisation: other });
    const foreignUnit = await outsider.api('POST', `/api/v1/people/${ownPerson.personId}/role-assignments`, {
      role: 'viewer',
      unitId: t.org.rootUnitId,
      partnerId: null,
    });
    expect(foreignUnit.statusCode).toBe(400);
  });
});
