import { and, asc, eq, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, plans, planTypes, units } from '../../../schema.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// Archiving from the plan page: one click used to end an approved plan's life, after which its
// approval steps read "not yet". It now asks for a deliberate tick, and the steps keep their history.
describe('archiving a plan from its page', () => {
  let t: TestApp;
  let officer: Agent;
  let planId: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: true });
    const db = t.deps.database.db;
    const [demo] = await db.select().from(organisations).where(eq(organisations.name, 'Ashdown Vale Borough Council'));
    const [root] = await db
      .select()
      .from(units)
      .where(and(eq(units.organisationId, demo!.id), eq(units.kind, 'council')));
    officer = await t.as('performance-officer', { organisation: { id: demo!.id, rootUnitId: root!.id } });
    // A council plan above the individual level: an individual plan (an appraisal) is private, and
    // an unordered select once picked one, which the performance officer may not see.
    const [approved] = await db
      .select({ id: plans.id })
      .from(plans)
      .innerJoin(planTypes, eq(planTypes.id, plans.planTypeId))
      .where(and(eq(plans.organisationId, demo!.id), eq(plans.status, 'approved'), lt(planTypes.level, 6)))
      .orderBy(asc(planTypes.level), asc(plans.title));
    planId = approved!.id;
  });
  afterAll(async () => t?.close());

  const statusOf = async () =>
    (await t.deps.database.db.select({ status: plans.status }).from(plans).where(eq(plans.id, planId)))[0]!.status;

  it('asks for a tick before archiving, and archives nothing without it', async () => {
    const page = await officer.get(`/plans/${planId}`);
    expect(page.body).toContain('Yes, archive this plan');
    const rowVersion = /name="rowVersion" value="(\d+)"/.exec(page.body)![1]!;
    const refused = await officer.post(`/plans/${planId}/archive`, { comment: 'Replaced', rowVersion });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('href="#archive-confirm"');
    expect(refused.body).toContain('Tick to confirm that this plan should be archived');
    expect(await statusOf()).toBe('approved');

    const archived = await officer.post(`/plans/${planId}/archive`, {
      comment: 'Replaced',
      rowVersion,
      confirm: 'yes',
    });
    expect(archived.statusCode).toBe(302);
    expect(await statusOf()).toBe('archived');
  });

  it('shows an archived plan that had been approved with its approval steps done, not "not yet"', async () => {
    const page = await officer.get(`/plans/${planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<strong>done<\/strong>/);
    expect(page.body).not.toMatch(/<strong>not yet<\/strong>/);
  });
});
