import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, people, roleAssignments } from '../../../schema.ts';
import { createTestApp, PAGE_DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

const NIL = '00000000-0000-4000-8000-000000000000';

// Pages and forms over ordinary reads and writes: run once, on PGlite (the rule is in test-app.ts).
describe.each(PAGE_DATABASES)('people on %s', (kind) => {
  let t: TestApp;
  const auditCount = async () => (await t.deps.database.db.select().from(auditEvents)).length;
  const peopleCount = async () => (await t.deps.database.db.select().from(people)).length;
  let n = 0;
  const person = (extra: Record<string, unknown> = {}) => {
    n += 1;
    return {
      name: `Person ${n}`,
      email: `person${n}@council.example`,
      jobTitle: 'Officer',
      unitId: null,
      lineManagerId: null,
      ...extra,
    };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('HR adds a person through the API, audited, with no password (nobody sets another person’s)', async () => {
    const hr = await t.as('hr');
    const body = person({ unitId: t.org.rootUnitId });
    const created = await hr.api('POST', '/api/v1/people', body);
    expect(created.statusCode).toBe(201);
    const json = created.json();
    expect(json).toMatchObject({ name: body.name, email: body.email, status: 'active', hasPassword: false });
    expect(json).not.toHaveProperty('passwordHash');
    const [event] = await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, json.id));
    expect(event).toMatchObject({ entityType: 'person', action: 'create' });
    const [audits, rows] = [await auditCount(), await peopleCount()];
    const withPassword = await hr.api('POST', '/api/v1/people', person({ password: 'a long enough password' }));
    expect(withPassword.statusCode).toBe(400);
    expect(withPassword.json().errors[0]).toMatchObject({ field: 'password' });
    expect(withPassword.json().detail).toContain('password reset link');
    expect([await auditCount(), await peopleCount()]).toEqual([audits, rows]);
  });

  it('refuses a duplicate email whatever its case with 409 on email, writing nothing', async () => {
    const admin = await t.as('administrator');
    const first = person();
    expect((await admin.api('POST', '/api/v1/people', first)).statusCode).toBe(201);
    const [audits, rows] = [await auditCount(), await peopleCount()];
    const response = await admin.api('POST', '/api/v1/people', person({ email: first.email.toUpperCase() }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'duplicate', errors: [{ field: 'email' }] });
    expect([await auditCount(), await peopleCount()]).toEqual([audits, rows]);
    // and on update, to someone else's address
    const second = (await admin.api('POST', '/api/v1/people', person())).json();
    const update = await admin.api('PUT', `/api/v1/people/${second.id}`, { ...person(), email: first.email });
    expect(update.statusCode).toBe(409);
    expect(update.json().errors[0].field).toBe('email');
  });

  it.each([
    ['an unknown unit', { unitId: NIL }, 'unitId'],
    ['an unknown line manager', { lineManagerId: NIL }, 'lineManagerId'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['a missing name', { name: '' }, 'name'],
    ['a short password', { password: 'short' }, 'password'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_label, extra, field) => {
    const admin = await t.as('administrator');
    const [audits, rows] = [await auditCount(), await peopleCount()];
    const response = await admin.api('POST', '/api/v1/people', person(extra));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors[0].field).toBe(field);
    expect([await auditCount(), await peopleCount()]).toEqual([audits, rows]);
  });

  it('refuses a person managed by themselves and a management loop with 409 cycle', async () => {
    const admin = await t.as('administrator');
    const a = (await admin.api('POST', '/api/v1/people', person())).json();
    const b = (await admin.api('POST', '/api/v1/people', person({ lineManagerId: a.id }))).json();
    const c = (await admin.api('POST', '/api/v1/people', person({ lineManagerId: b.id }))).json();
    const audits = await auditCount();
    const self = await admin.api('PUT', `/api/v1/people/${a.id}`, { ...pick(a), lineManagerId: a.id });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ code: 'cycle', errors: [{ field: 'lineManagerId' }] });
    const direct = await admin.api('PUT', `/api/v1/people/${a.id}`, { ...pick(a), lineManagerId: b.id });
    expect(direct.statusCode).toBe(409);
    const chain = await admin.api('PUT', `/api/v1/people/${a.id}`, { ...pick(a), lineManagerId: c.id });
    expect(chain.statusCode).toBe(409);
    expect(chain.json().code).toBe('cycle');
    expect(await auditCount()).toBe(audits);
    const [row] = await t.deps.database.db.select().from(people).where(eq(people.id, a.id));
    expect(row!.lineManagerId).toBeNull();
  });

  it('records a leaver: status left, left_on set, roles ended, record kept, sign-in refused', async () => {
    const admin = await t.as('administrator');
    const leaver = await t.as('manager');
    const response = await admin.api('POST', `/api/v1/people/${leaver.personId}/leave`, { leftOn: '2025-01-31' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'left', leftOn: '2025-01-31' });
    const assignments = await t.deps.database.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.personId, leaver.personId));
    expect(assignments.length).toBe(1);
    expect(assignments[0]!.endedAt).not.toBeNull();
    expect((await leaver.get('/people')).statusCode).toBe(302); // their session no longer works
    const again = await admin.api('POST', `/api/v1/people/${leaver.personId}/leave`, { leftOn: '2025-02-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_state');
    const all = (await admin.api('GET', '/api/v1/people?includeLeft=true')).json();
    expect(all.map((p: { id: string }) => p.id)).toContain(leaver.personId);
    const current = (await admin.api('GET', '/api/v1/people')).json();
    expect(current.map((p: { id: string }) => p.id)).not.toContain(leaver.personId);
    const historyResponse = await admin.api('GET', `/api/v1/people/${leaver.personId}/role-assignments`);
    expect(historyResponse.statusCode, historyResponse.body).toBe(200);
    const history = historyResponse.json();
    expect(history[0].endedAt).not.toBeNull();
  });

  it('refuses a leaving date in the future or not a real date, and a left line manager', async () => {
    const admin = await t.as('administrator');
    const someone = (await admin.api('POST', '/api/v1/people', person())).json();
    const future = await admin.api('POST', `/api/v1/people/${someone.id}/leave`, { leftOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('leftOn');
    const unreal = await admin.api('POST', `/api/v1/people/${someone.id}/leave`, { leftOn: '2025-02-30' });
    expect(unreal.statusCode).toBe(400);
    await admin.api('POST', `/api/v1/people/${someone.id}/leave`, { leftOn: '2025-01-01' });
    const managed = await admin.api('POST', '/api/v1/people', person({ lineManagerId: someone.id }));
    expect(managed.statusCode).toBe(400);
    expect(managed.json().errors[0].field).toBe('lineManagerId');
  });

  it('lets only HR and administrators manage people (403), while viewers may look', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.api('POST', '/api/v1/people', person())).statusCode).toBe(403);
    expect((await viewer.get('/people/new')).statusCode).toBe(403);
    expect((await viewer.api('GET', '/api/v1/people')).statusCode).toBe(200);
    expect((await viewer.get('/people')).statusCode).toBe(200);
    const partner = await t.as('partner');
    expect((await partner.get('/people')).statusCode).toBe(403);
  });

  it('keeps HR scoped to a unit inside it', async () => {
    const admin = await t.as('administrator');
    const unit = (
      await admin.api('POST', '/api/v1/units', {
        code: `HRU${kind}`,
        name: 'Adults',
        kind: 'directorate',
        parentId: t.org.rootUnitId,
        headPersonId: null,
      })
    ).json();
    const hr = await t.as('hr', { unitId: unit.id });
    expect((await hr.api('POST', '/api/v1/people', person({ unitId: unit.id }))).statusCode).toBe(201);
    const outside = await hr.api('POST', '/api/v1/people', person({ unitId: t.org.rootUnitId }));
    expect(outside.statusCode).toBe(403);
  });

  it('shows the GOV.UK error summary on a bad form, keeping what was typed, and adds through the form', async () => {
    const admin = await t.as('administrator');
    const audits = await auditCount();
    const bad = await admin.post('/people/new', {
      name: 'Kept Name',
      email: 'nope',
      jobTitle: '',
      unitId: '',
      lineManagerId: '',
      password: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#email"');
    expect(bad.body).toContain('value="Kept Name"');
    expect(await auditCount()).toBe(audits);
    const good = await admin.post('/people/new', {
      name: 'Form Person',
      email: `form-${kind}@council.example`,
      jobTitle: 'Clerk',
      unitId: t.org.rootUnitId,
      lineManagerId: admin.personId,
      password: '',
    });
    // The confirmation page shows, once, the link for the new person to set their own password.
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('Form Person added');
    expect(good.body).toMatch(/id="password-link">http[^<]*\/set-password\?token=/);
    const personPath = /href="(\/people\/[0-9a-f-]{36})"/.exec(good.body)?.[1];
    const page = await admin.get(personPath ?? '/people/missing');
    expect(page.body).toContain('Form Person');
    const manager = await admin.get(`/people/${admin.personId}`);
    expect(manager.body).toContain('Form Person'); // in "people they manage"
  });

  it('shows the leave form error state and records a leaver through the form', async () => {
    const admin = await t.as('administrator');
    const leaver = (await admin.api('POST', '/api/v1/people', person())).json();
    const page = await admin.get(`/people/${leaver.id}/leave`);
    expect(page.statusCode).toBe(200);
    const bad = await admin.post(`/people/${leaver.id}/leave`, {
      'leftOn-day': '31',
      'leftOn-month': '2',
      'leftOn-year': '2025',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#leftOn-day"');
    const good = await admin.post(`/people/${leaver.id}/leave`, {
      'leftOn-day': '3',
      'leftOn-month': '3',
      'leftOn-year': '2025',
    });
    expect(good.statusCode).toBe(302);
    const show = await admin.get(`/people/${leaver.id}`);
    expect(show.body).toContain('Left 3 March 2025');
  });

  it('keeps tenants apart', async () => {
    const admin = await t.as('administrator');
    const mine = (await admin.api('POST', '/api/v1/people', person())).json();
    const other = await t.createOrganisation('Other Council');
    const outsider = await t.as('administrator', { organisation: other });
    expect((await outsider.api('GET', `/api/v1/people/${mine.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/people/${mine.id}`)).statusCode).toBe(404);
    expect((await outsider.api('PUT', `/api/v1/people/${mine.id}`, person())).statusCode).toBe(404);
    const list = (await outsider.api('GET', '/api/v1/people?includeLeft=true')).json();
    expect(list.map((p: { id: string }) => p.id)).toEqual([outsider.personId]);
    // a line manager or unit from another council is unknown here
    const cross = await outsider.api(
      'POST',
      '/api/v1/people',
      person({ lineManagerId: mine.id, unitId: t.org.rootUnitId }),
    );
    expect(cross.statusCode).toBe(400);
    // the same email may exist in two councils
    expect((await outsider.api('POST', '/api/v1/people', { ...person(), email: mine.email })).statusCode).toBe(201);
  });
});

function pick(p: {
  name: string;
  email: string;
  jobTitle: string;
  unitId: string | null;
  lineManagerId: string | null;
}) {
  return { name: p.name, email: p.email, jobTitle: p.jobTitle, unitId: p.unitId, lineManagerId: p.lineManagerId };
}
