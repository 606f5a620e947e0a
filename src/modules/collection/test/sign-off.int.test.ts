import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measureValueEvents, measureValues } from '../../../schema.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { readStoredPhrase } from '../../../kernel/phrase.ts';
import { sayStored } from '../../../platform/words/index.ts';
import {
  createTestApp,
  DATABASES,
  PAGE_DATABASES,
  type Agent,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';

// "Today" is 20 November 2025: 2025/26 Q2 has ended, Q3 (October to December) has not.
const today = new Date('2025-11-20T10:00:00Z');
const HISTORY = ['2023-24-Q4', '2024-25-Q1', '2024-25-Q2', '2024-25-Q3', '2024-25-Q4', '2025-26-Q1'];
const USUAL = [34, 38, 35, 37, 36, 36];

async function setUp(kind: (typeof DATABASES)[number]) {
  const t = await createTestApp(kind, { clock: () => today });
  const officer = await t.as('performance-officer');
  const director = await t.as('director');
  const admin = await t.as('administrator');
  let counter = 0;
  /** A count measure with six quarters of history around 36, approved by someone else. */
  async function newMeasure(): Promise<string> {
    counter += 1;
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({
        code: `SO-${counter}`,
        unit: 'number',
        decimalPlaces: 0,
        polarity: 'none',
        frequency: 'quarterly',
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const [i, period] of HISTORY.entries()) {
      const put = await officer.api('PUT', `/api/v1/measures/${id}/values/${period}`, {
        value: USUAL[i],
        action: 'submit',
      });
      expect(put.statusCode, put.body).toBe(200);
    }
    return id;
  }
  return { t, officer, director, admin, newMeasure };
}

const counts = async (t: TestApp) => {
  const db = t.deps.database.db;
  const n = async (table: typeof measureValues | typeof measureValueEvents | typeof auditEvents) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  return { values: await n(measureValues), events: await n(measureValueEvents), audit: await n(auditEvents) };
};

describe.each(DATABASES)('value sign-off and entry checks on %s', (kind) => {
  let s: Awaited<ReturnType<typeof setUp>>;
  const put = (agent: Agent, id: string, period: string, body: Record<string, unknown>) =>
    agent.api('PUT', `/api/v1/measures/${id}/values/${period}`, body);
  const step = (agent: Agent, valueId: string, action: string) =>
    agent.api('POST', `/api/v1/values/${valueId}/transitions`, { action, reason: '' });

  beforeAll(async () => {
    s = await setUp(kind);
  });
  afterAll(async () => s?.t.close());

  it('lets nobody verify or approve their own figure, nor approve what they verified', async () => {
    const id = await s.newMeasure();
    const entered = await put(s.officer, id, '2025-26-Q2', { value: 37, action: 'submit' });
    expect(entered.statusCode, entered.body).toBe(200);
    const valueId = entered.json().id as string;
    const own = await step(s.officer, valueId, 'verify');
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toBe('You entered this value, so someone else must verify it');
    expect((await step(s.director, valueId, 'verify')).json()).toMatchObject({ status: 'verified' });
    const verifiedIt = await step(s.director, valueId, 'approve');
    expect(verifiedIt.statusCode).toBe(403);
    expect(verifiedIt.json().detail).toBe('You verified this value, so someone else must approve it');
    const enteredIt = await step(s.officer, valueId, 'approve');
    expect(enteredIt.json().detail).toBe('You entered this value, so someone else must approve it');
    const detail = await s.officer.api('GET', `/api/v1/measures/${id}/values/2025-26-Q2`);
    expect(detail.json().actions).toEqual(['return']);
    expect((await step(s.admin, valueId, 'approve')).json()).toMatchObject({ status: 'approved' });
  });

  it('follows the chain the administrator chose, audited, and still needs a second person', async () => {
    expect((await s.officer.api('PUT', '/api/v1/sign-off-chain', { chain: 'approve-directly' })).statusCode).toBe(403);
    const before = await counts(s.t);
    const changed = await s.admin.api('PUT', '/api/v1/sign-off-chain', { chain: 'approve-directly' });
    expect(changed.json()).toMatchObject({ chain: 'approve-directly' });
    expect((await counts(s.t)).audit).toBe(before.audit + 1);
    const [audit] = await s.t.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'sign-off-chain'));
    expect(audit).toMatchObject({
      oldValue: { chain: 'verify-then-approve' },
      newValue: { chain: 'approve-directly' },
    });

    const id = await s.newMeasure();
    const valueId = (await put(s.officer, id, '2025-26-Q2', { value: 35, action: 'submit' })).json().id as string;
    expect((await step(s.officer, valueId, 'approve')).statusCode).toBe(403);
    expect((await step(s.director, valueId, 'verify')).statusCode).toBe(409);
    expect((await step(s.director, valueId, 'approve')).json()).toMatchObject({ status: 'approved' });
    await s.admin.api('PUT', '/api/v1/sign-off-chain', { chain: 'verify-then-approve' });
  });

  it('refuses a value for a period that has not ended, writing nothing', async () => {
    const id = await s.newMeasure();
    const before = await counts(s.t);
    const future = await put(s.officer, id, '2025-26-Q3', { value: 36, action: 'submit' });
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toMatch(/^2025\/26 Q3 has not ended yet/);
    expect(future.json().errors[0].field).toBe('value');
    expect(await counts(s.t)).toEqual(before);
  });

  it('asks for confirmation and commentary for an implausible figure (422), then takes it', async () => {
    const id = await s.newMeasure();
    const before = await counts(s.t);
    const refused = await put(s.officer, id, '2025-26-Q2', { value: 999_999, action: 'submit' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'implausible', errors: [{ field: 'confirmImplausible' }] });
    expect(refused.json().detail).toContain('27,000 times the usual figure of 36 — check the units');
    expect(refused.json().detail).toContain('confirmImplausible: true');
    const noCommentary = await put(s.officer, id, '2025-26-Q2', { value: 999_999, confirmImplausible: true });
    expect(noCommentary.statusCode).toBe(422);
    expect(noCommentary.json().errors[0].field).toBe('commentary');
    expect(await counts(s.t)).toEqual(before);
    const taken = await put(s.officer, id, '2025-26-Q2', {
      value: 999_999,
      confirmImplausible: true,
      commentary: 'A new service counted every contact: confirmed with the service',
    });
    expect(taken.statusCode, taken.body).toBe(200);
    const [event] = await s.t.deps.database.db
      .select()
      .from(measureValueEvents)
      .where(eq(measureValueEvents.valueId, taken.json().id as string));
    // The note is kept as a stored phrase, said in the same English wherever it is read.
    expect(readStoredPhrase(event!.reason)?.code).toBe('entryChecks.checkedNote');
    expect(sayStored(event!.reason)).toMatch(/^I have checked this figure: 999,999 is 27,000 times/);
    const history = await s.officer.api('GET', `/api/v1/measures/${id}/value-events`);
    expect(history.json()[0].reason).toMatch(/^I have checked this figure: 999,999 is 27,000 times/);
  });
});

describe.each(PAGE_DATABASES)('value entry page checks on %s', (kind) => {
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    s = await setUp(kind);
  });
  afterAll(async () => s?.t.close());

  it('shows the rules in the error summary and takes a checked, explained figure', async () => {
    const id = await s.newMeasure();
    const before = await counts(s.t);
    const future = await s.officer.post(`/measures/${id}/values/2025-26-Q3`, { value: '36', action: 'submit' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('govuk-error-summary');
    expect(future.body).toContain('2025/26 Q3 has not ended yet');

    const implausible = await s.officer.post(`/measures/${id}/values/2025-26-Q2`, {
      value: '999999',
      action: 'submit',
    });
    expect(implausible.statusCode).toBe(400);
    expect(implausible.body).toContain('govuk-error-summary');
    expect(implausible.body).toContain('href="#confirmImplausible"');
    expect(implausible.body).toContain('I have checked this figure');
    expect(implausible.body).toContain('27,000 times the usual figure of 36');
    expect(await counts(s.t)).toEqual(before);

    const taken = await s.officer.post(`/measures/${id}/values/2025-26-Q2`, {
      value: '999999',
      action: 'submit',
      confirmImplausible: 'true',
      commentary: 'Counted every contact this quarter',
    });
    expect(taken.statusCode, taken.body.slice(0, 500)).toBe(302);
  });

  it('refuses an own approval on the page, and lets the administrator choose the chain', async () => {
    const id = await s.newMeasure();
    const entered = await s.officer.api('PUT', `/api/v1/measures/${id}/values/2025-26-Q2`, {
      value: 36,
      action: 'submit',
    });
    expect(entered.statusCode).toBe(200);
    const own = await s.officer.post(`/measures/${id}/values/2025-26-Q2/actions`, { action: 'verify' });
    expect(own.statusCode).toBe(403);
    expect(own.body).toContain('govuk-error-summary');
    expect(own.body).toContain('You entered this value, so someone else must verify it');

    expect((await s.officer.get('/framework/sign-off')).statusCode).toBe(403);
    const page = await s.admin.get('/framework/sign-off');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Submit, verify, then approve');
    const none = await s.admin.post('/framework/sign-off', {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select how values are signed off');
    const saved = await s.admin.post('/framework/sign-off', { chain: 'approve-directly' });
    expect(saved.statusCode).toBe(302);
    expect((await s.admin.api('GET', '/api/v1/sign-off-chain')).json()).toMatchObject({ chain: 'approve-directly' });
  });
});
