/**
 * Rolling a three-year plan forward: the annual refresh moves it on by one year (2025–2028 →
 * 2026–2029); starting a new plan period, a separate choice, moves it on by its whole length
 * (2025–2028 → 2028–2031). Page and API behaviour over ordinary reads and writes: PGlite only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans, planTypes } from '../../../schema.ts';
import { type Agent, createTestApp, PAGE_DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

describe.each(PAGE_DATABASES)('rolling a plan forward on %s', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let planTypeId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.as('administrator');
    const [type] = await t.deps.database.db
      .insert(planTypes)
      .values({
        organisationId: t.org.id,
        key: 'corporate-plan',
        name: 'Corporate plan',
        level: 2,
        templateSections: [],
      })
      .returning();
    planTypeId = type!.id;
  });
  afterAll(async () => t?.close());

  async function threeYearPlan(title = 'Council Plan 2025-2028'): Promise<string> {
    const [row] = await t.deps.database.db
      .insert(plans)
      .values({
        organisationId: t.org.id,
        lineageId: crypto.randomUUID(),
        planTypeId,
        title,
        periodStart: '2025-04-01',
        periodEnd: '2028-03-31',
        owningUnitId: t.org.rootUnitId,
        status: 'approved',
      })
      .returning();
    return row!.id;
  }

  it('refreshes a three-year plan by one year unless told otherwise', async () => {
    const id = await threeYearPlan();
    const response = await admin.api('POST', `/api/v1/plans/${id}/roll-forward`, { reason: 'Annual refresh' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      versionKind: 'refresh',
      title: 'Council Plan 2026-2029',
      periodStart: '2026-04-01',
      periodEnd: '2029-03-31',
    });
  });

  it('starts a new plan period, on by the whole three years, when that is chosen', async () => {
    const id = await threeYearPlan();
    const response = await admin.api('POST', `/api/v1/plans/${id}/roll-forward`, { reason: '', move: 'new-period' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      title: 'Council Plan 2028-2031',
      periodStart: '2028-04-01',
      periodEnd: '2031-03-31',
    });
  });

  it('refuses a move it does not know, naming the problem', async () => {
    const id = await threeYearPlan();
    const response = await admin.api('POST', `/api/v1/plans/${id}/roll-forward`, { reason: '', move: 'sideways' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Choose whether to refresh the plan for the next year or start a new plan period');
  });

  it('offers both moves on the page and takes the one chosen', async () => {
    const id = await threeYearPlan('Housing strategy 2025 to 2028');
    const page = await admin.get(`/plans/${id}`);
    expect(page.body).toContain('Annual refresh: 2026/27 to 2028/29');
    expect(page.body).toContain('Start a new plan period: 2028/29 to 2030/31');

    const wrong = await admin.post(`/plans/${id}/roll-forward`, { move: 'sideways', reason: '' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('href="#roll-forward-move"');

    const done = await admin.post(`/plans/${id}/roll-forward`, { move: 'new-period', reason: 'Next strategy' });
    expect(done.statusCode).toBe(302);
    const next = await admin.get(String(done.headers.location));
    expect(next.body).toContain('Housing strategy 2028 to 2031');
  });
});
