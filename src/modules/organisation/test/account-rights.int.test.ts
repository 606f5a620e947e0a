import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, people, roleAssignments } from '../../../schema.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { sayStored } from '../../../platform/words/index.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

// Accounts and rights (issue 15): nobody sets another person's password; nobody changes a person
// holding rights beyond their own; the council always keeps an administrator. Security, and the
// last-administrator check locks rows: both databases.
describe.each(DATABASES)('account rights on %s', (kind) => {
  let t: TestApp;
  let hr: Agent;
  let admin: Agent;
  const db = () => t.deps.database.db;
  const rowOf = async (id: string) => (await db().select().from(people).where(eq(people.id, id)))[0]!;
  const eventsOf = async (id: string) =>
    (await db().select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => [e.action, e.reason]);
  const assignmentsOf = (personId: string) =>
    db().select().from(roleAssignments).where(eq(roleAssignments.personId, personId));
  const detailsOf = (agent: Agent, extra: Record<string, unknown> = {}) => ({
    name: 'New Name',
    email: agent.email,
    jobTitle: '',
    unitId: null,
    lineManagerId: null,
    ...extra,
  });
  const form = (agent: Agent, extra: Record<string, string> = {}) => ({
    name: 'New Name',
    email: agent.email,
    jobTitle: '',
    unitId: '',
    lineManagerId: '',
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    hr = await t.as('hr');
    admin = await t.as('administrator');
  });
  afterAll(async () => t?.close());

  it('refuses to set anyone’s password through the API or the page, changing and recording nothing', async () => {
    const target = await t.as('administrator');
    const before = await rowOf(target.personId);
    for (const caller of [hr, admin]) {
      const response = await caller.api(
        'PUT',
        `/api/v1/people/${target.personId}`,
        detailsOf(target, { password: 'attacker chosen password' }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toEqual([{ field: 'password', message: expect.stringContaining('reset link') }]);
    }
    const page = await admin.post(`/people/${target.personId}/edit`, form(target, { password: 'attacker chosen pw' }));
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain('password reset link');
    expect(await rowOf(target.personId)).toEqual(before);
    expect(await eventsOf(target.personId)).toEqual([]);
    expect(await t.deps.services.auth.signIn(target.email, 'attacker chosen password')).toBeNull();
  });

  it('refuses HR changing an administrator (API and page), writing nothing but the refusal', async () => {
    const target = await t.as('administrator');
    const before = await rowOf(target.personId);
    const put = await hr.api('PUT', `/api/v1/people/${target.personId}`, detailsOf(target));
    expect(put.statusCode).toBe(403);
    expect(put.headers['content-type']).toContain('application/problem+json');
    expect(put.json().detail).toContain('holds rights that you do not (Administrator)');
    const leave = await hr.api('POST', `/api/v1/people/${target.personId}/leave`, { leftOn: '2025-01-31' });
    expect(leave.statusCode).toBe(403);
    const edit = await hr.post(`/people/${target.personId}/edit`, form(target));
    expect(edit.statusCode).toBe(403);
    expect(edit.body).toContain('govuk-error-summary');
    expect(edit.body).toContain('holds rights that you do not');
    const leavePage = await hr.post(`/people/${target.personId}/leave`, {
      'leftOn-day': '31',
      'leftOn-month': '1',
      'leftOn-year': '2025',
    });
    expect(leavePage.statusCode).toBe(403);
    expect(leavePage.body).toContain('govuk-error-summary');
    expect(await rowOf(target.personId)).toEqual(before);
    expect((await assignmentsOf(target.personId)).every((a) => a.endedAt === null)).toBe(true);
    const events = await eventsOf(target.personId);
    expect(events.map(([action]) => action)).toEqual(['refuse', 'refuse', 'refuse', 'refuse']);
    expect(String(events[0]![1])).toContain('holds rights that you do not');
  });

  it('refuses HR changing someone with rights HR lacks (a manager), and lets HR change someone without', async () => {
    const manager = await t.as('manager');
    expect((await hr.api('PUT', `/api/v1/people/${manager.personId}`, detailsOf(manager))).statusCode).toBe(403);
    const viewer = await t.as('viewer');
    const changed = await hr.api('PUT', `/api/v1/people/${viewer.personId}`, detailsOf(viewer));
    expect(changed.statusCode).toBe(200);
    expect(changed.json().name).toBe('New Name');
    const noRole = await t.as(null);
    const left = await hr.api('POST', `/api/v1/people/${noRole.personId}/leave`, { leftOn: '2025-01-31' });
    expect(left.statusCode).toBe(200);
  });

  it('scopes a unit administrator to people whose rights lie within their unit', async () => {
    const unit = (
      await admin.api('POST', '/api/v1/units', {
        code: `AR${kind}`,
        name: 'Adults',
        kind: 'directorate',
        parentId: t.org.rootUnitId,
        headPersonId: null,
      })
    ).json();
    const unitAdmin = await t.as('administrator', { unitId: unit.id });
    const wholeCouncilDirector = await t.as('director');
    const grant = { role: 'viewer', unitId: unit.id, partnerId: null };
    const refused = await unitAdmin.api(
      'POST',
      `/api/v1/people/${wholeCouncilDirector.personId}/role-assignments`,
      grant,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('(Director)');
    const page = await unitAdmin.post(`/people/${wholeCouncilDirector.personId}/roles`, {
      role: 'viewer',
      unitId: unit.id,
      partnerId: '',
    });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('govuk-error-summary');
    expect(await assignmentsOf(wholeCouncilDirector.personId)).toHaveLength(1);
    const newcomer = await t.as(null);
    const granted = await unitAdmin.api('POST', `/api/v1/people/${newcomer.personId}/role-assignments`, grant);
    expect(granted.statusCode).toBe(201);
    // Ending a role of someone who also holds rights beyond the unit administrator's is refused too.
    const both = await t.as('director');
    const held = (await admin.api('POST', `/api/v1/people/${both.personId}/role-assignments`, grant)).json();
    const end = await unitAdmin.api('POST', `/api/v1/people/${both.personId}/role-assignments/${held.id}/end`);
    expect(end.statusCode).toBe(403);
    expect((await assignmentsOf(both.personId)).every((a) => a.endedAt === null)).toBe(true);
  });

  it('keeps the council’s only administrator: recording them as left is refused, and recorded', async () => {
    const council = await t.createOrganisation('Single Admin Council');
    const only = await t.as('administrator', { organisation: council });
    const localHr = await t.as('hr', { organisation: council });
    const response = await localHr.api('POST', `/api/v1/people/${only.personId}/leave`, { leftOn: '2025-01-31' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'invalid_state', errors: [{ field: 'leftOn' }] });
    expect(response.json().detail).toContain('only administrator');
    expect((await rowOf(only.personId)).status).toBe('active');
    expect((await assignmentsOf(only.personId))[0]!.endedAt).toBeNull();
    expect((await eventsOf(only.personId)).map(([action]) => action)).toEqual(['refuse']);
  });

  it('keeps the last administrator role: ending it is refused whoever asks', async () => {
    const council = await t.createOrganisation('Last Role Council');
    const only = await t.as('administrator', { organisation: council });
    const [assignment] = await assignmentsOf(only.personId);
    // Only the service can be asked this: anyone allowed to end it over HTTP is an administrator too.
    const someoneElse = await t.as(null, { organisation: council });
    const caller: Caller = {
      kind: 'person',
      personId: someoneElse.personId,
      organisationId: council.id,
      name: 'Someone else',
      partnerId: null,
      grants: [{ role: 'administrator', unitId: null }],
    };
    const result = await t.deps.services.roles.end(caller, only.personId, assignment!.id);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(result.ok ? '' : sayStored(result.error.message)).toContain('last administrator');
    const [still] = await db()
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.id, assignment!.id), eq(roleAssignments.personId, only.personId)));
    expect(still!.endedAt).toBeNull();
  });
});
