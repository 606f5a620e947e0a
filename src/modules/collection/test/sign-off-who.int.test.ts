/**
 * Who may take each sign-off step, configured per council: the settings through the API and the
 * page (administrators only, audited, refused clearly with nothing written), and the rule applied
 * to verifying and approving, with separation of duties still on top.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measureValues } from '../../../schema.ts';
import { DATABASES, PAGE_DATABASES } from '../../../../test/helpers/test-app.ts';
import { resetRules, signOffCouncil, type SignOffCouncil } from '../../../../test/helpers/sign-off-fixtures.ts';

const HEAD_RULE =
  'Only the head of the measure’s unit may verify this value: that is the council’s sign-off rule for who verifies';
const BOARD_RULE =
  'Only a member of Performance Board may approve this value: that is the council’s sign-off rule for who approves';

describe.each(DATABASES)('who may take each sign-off step on %s', (kind) => {
  let s: SignOffCouncil;
  beforeAll(async () => {
    s = await signOffCouncil(kind);
  });
  afterAll(async () => s?.t.close());

  it('starts from today’s rule: the permission at the measure’s unit or above', async () => {
    const got = await s.people.manager.api('GET', '/api/v1/sign-off-chain');
    expect(got.json()).toEqual({
      chain: 'verify-then-approve',
      verify: { who: 'permission', role: null, bodyId: null },
      approve: { who: 'permission', role: null, bodyId: null },
    });
  });

  it('lets only an administrator change it, refusing a rule that cannot stand with nothing written', async () => {
    const { admin, director } = s.people;
    const before = await s.counts();
    expect((await director.api('PUT', '/api/v1/sign-off-chain', { chain: 'verify-then-approve' })).statusCode).toBe(
      403,
    );
    const managersApprove = await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'verify-then-approve',
      approve: { who: 'role', role: 'manager' },
    });
    expect(managersApprove.statusCode).toBe(400);
    expect(managersApprove.headers['content-type']).toContain('application/problem+json');
    expect(managersApprove.json().detail).toBe(
      'The Manager role cannot approve values: choose one of Administrator, Performance officer, Director',
    );
    expect(managersApprove.json().errors[0].field).toBe('approveRole');
    const noBody = await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'verify-then-approve',
      verify: { who: 'body' },
    });
    expect(noBody.json()).toMatchObject({ detail: 'Select the governance body that verifies' });
    expect(noBody.json().errors[0].field).toBe('verifyBodyId');
    const unknownBody = await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'verify-then-approve',
      approve: { who: 'body', bodyId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownBody.json().detail).toBe('Select a governance body that exists');
    const verifierApproves = await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'verify-then-approve',
      approve: { who: 'measure-verifier' },
    });
    expect(verifierApproves.json().errors[0].field).toBe('approveWho');
    expect(await s.counts()).toEqual(before);
  });

  it('applies the head-of-unit and governance-body rules to verifying and approving, naming the rule', async () => {
    const { admin, officer, director, head, boardMember } = s.people;
    const before = await s.counts();
    const set = await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'verify-then-approve',
      verify: { who: 'unit-head' },
      approve: { who: 'body', bodyId: s.board },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ verify: { who: 'unit-head' }, approve: { who: 'body', bodyId: s.board } });
    expect((await s.counts()).audit).toBe(before.audit + 1);
    const [audit] = await s.t.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'sign-off-chain'));
    expect(audit).toMatchObject({
      action: 'update',
      oldValue: { verify: { who: 'permission' } },
      newValue: { verify: { who: 'unit-head' }, approve: { who: 'body', bodyId: s.board } },
    });

    const measure = await s.newMeasure(s.units.service);
    const valueId = await s.submit(officer, measure, '2025-26-Q2');
    const untouched = await s.counts();
    // The director may verify under the default rule, but not under the head-of-unit rule.
    const byDirector = await s.step(director, valueId, 'verify');
    expect(byDirector.statusCode).toBe(403);
    expect(byDirector.json().detail).toBe(HEAD_RULE);
    expect(await s.counts()).toEqual(untouched);
    const detail = await director.api('GET', `/api/v1/measures/${measure}/values/2025-26-Q2`);
    expect(detail.json().actions).toEqual([]);
    expect((await head.api('GET', `/api/v1/measures/${measure}/values/2025-26-Q2`)).json().actions).toEqual([
      'verify',
      'return',
    ]);

    expect((await s.step(head, valueId, 'verify')).json()).toMatchObject({ status: 'verified' });
    const byAdmin = await s.step(admin, valueId, 'approve');
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().detail).toBe(BOARD_RULE);
    expect((await s.step(boardMember, valueId, 'approve')).json()).toMatchObject({ status: 'approved' });
    expect((await resetRules(s)).statusCode).toBe(200);
  });

  it('still applies separation of duties on top of the rule', async () => {
    const { admin, manager, otherManager } = s.people;
    await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'verify-then-approve',
      verify: { who: 'role', role: 'manager' },
    });
    const measure = await s.newMeasure(s.units.service);
    const valueId = await s.submit(manager, measure, '2025-26-Q2');
    const own = await s.step(manager, valueId, 'verify');
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toBe('You entered this value, so someone else must verify it');
    // A manager of another service holds the role, but not over this measure's unit.
    const elsewhere = await s.step(otherManager, valueId, 'verify');
    expect(elsewhere.json().detail).toBe(
      'Only a manager for the measure’s unit or above may verify this value: that is the council’s sign-off rule for who verifies',
    );
    const [stored] = await s.t.deps.database.db.select().from(measureValues).where(eq(measureValues.id, valueId));
    expect(stored!.status).toBe('submitted');
    await resetRules(s);
  });

  it('gives the verify step to the measure’s named verifier', async () => {
    const { admin, officer, manager, otherManager } = s.people;
    await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'verify-then-approve',
      verify: { who: 'measure-verifier' },
    });
    const measure = await s.newMeasure(s.units.service, { verifierPersonId: otherManager.personId });
    const valueId = await s.submit(officer, measure, '2025-26-Q2');
    // The service's own manager holds verify:values there, but the measure names someone else.
    expect((await s.step(manager, valueId, 'verify')).json().detail).toBe(
      'Only the measure’s named verifier may verify this value: that is the council’s sign-off rule for who verifies',
    );
    expect((await s.step(otherManager, valueId, 'verify')).json()).toMatchObject({ status: 'verified' });
    await resetRules(s);
  });
});

describe.each(PAGE_DATABASES)('the sign-off settings page and refusals on pages on %s', (kind) => {
  let s: SignOffCouncil;
  beforeAll(async () => {
    s = await signOffCouncil(kind);
  });
  afterAll(async () => s?.t.close());

  it('shows who takes each step and refuses an incomplete choice with the error summary', async () => {
    const { admin, manager } = s.people;
    expect((await manager.get('/framework/sign-off')).statusCode).toBe(403);
    const page = await admin.get('/framework/sign-off');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Who verifies a value');
    expect(page.body).toContain('Who approves a value');
    expect(page.body).toContain('Performance Board');
    expect(page.body).toContain('Verified by: anyone who may verify values for the measure’s unit or above');

    const before = await s.counts();
    const noRole = await admin.post('/framework/sign-off', {
      chain: 'verify-then-approve',
      verifyWho: 'role',
      verifyRole: '',
      approveWho: 'permission',
    });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.body).toContain('govuk-error-summary');
    expect(noRole.body).toContain('href="#verifyRole"');
    expect(noRole.body).toContain('Select the role that verifies');
    expect(await s.counts()).toEqual(before);

    const saved = await admin.post('/framework/sign-off', {
      chain: 'verify-then-approve',
      verifyWho: 'unit-head',
      approveWho: 'body',
      approveBodyId: s.board,
    });
    expect(saved.statusCode, saved.body.slice(0, 400)).toBe(302);
    const after = await admin.get('/framework/sign-off');
    expect(after.body).toContain('Verified by: the head of the measure’s unit');
    expect(after.body).toContain('Approved by: a member of Performance Board');
  });

  it('refuses a verification on the value’s page by naming the rule in the error summary', async () => {
    const { director, officer } = s.people;
    const measure = await s.newMeasure(s.units.service);
    await s.submit(officer, measure, '2025-26-Q2');
    const before = await s.counts();
    const refused = await director.post(`/measures/${measure}/values/2025-26-Q2/actions`, { action: 'verify' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain(HEAD_RULE);
    expect(await s.counts()).toEqual(before);
  });
});
