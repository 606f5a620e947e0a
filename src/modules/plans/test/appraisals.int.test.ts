/**
 * Appraisals are private: an individual plan (plan type `individual-plan`) is read only by the
 * person, their line-management chain, HR and administrators, on pages and the API, in lists and
 * single reads, in line of sight and in an item's links. Everyone else is told how many people
 * have one. SQL-dependent (the count and the gate's reads), so on both databases.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../kernel/access/index.ts';
import { contributionLinks, itemTypes, people, planItems, plans, planTypes } from '../../../schema.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

const SECRET = 'Pat Appraisee objectives';
const SECRET_ITEM = 'Improve my report writing';

describe.each(DATABASES)('individual plans are private on %s', (kind) => {
  let t: TestApp;
  let planId: string;
  let itemId: string;
  let teamItemId: string;
  const agents = {} as Record<string, Agent>;

  async function insertType(organisationId: string, key: string, level: number) {
    const [row] = await t.deps.database.db
      .insert(planTypes)
      .values({ organisationId, key, name: `${key} type`, level, templateSections: [] })
      .returning();
    return row!.id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.deps.database.db;
    const org = t.org.id;
    const roles: [string, Role][] = [
      ['appraisee', 'data-entry'],
      ['manager', 'manager'],
      ['director', 'director'],
      ['hr', 'hr'],
      ['administrator', 'administrator'],
      ['otherManager', 'manager'],
      ['performanceOfficer', 'performance-officer'],
      ['cabinet', 'cabinet-member'],
      ['scrutiny', 'scrutiny-member'],
      ['audit', 'audit-member'],
      ['viewer', 'viewer'],
    ];
    for (const [name, role] of roles) agents[name] = await t.as(role);
    // Pat's line manager is the manager, whose line manager is the director.
    await db
      .update(people)
      .set({ lineManagerId: agents.director!.personId })
      .where(eq(people.id, agents.manager!.personId));
    await db
      .update(people)
      .set({ lineManagerId: agents.manager!.personId })
      .where(eq(people.id, agents.appraisee!.personId));

    const [itemType] = await db
      .insert(itemTypes)
      .values({ organisationId: org, key: 'objective', name: 'Objective' })
      .returning();
    const teamType = await insertType(org, 'team-plan', 5);
    const individualType = await insertType(org, 'individual-plan', 6);
    const plan = async (type: string, title: string, ownerPersonId: string | null) => {
      const [row] = await db
        .insert(plans)
        .values({
          organisationId: org,
          lineageId: crypto.randomUUID(),
          planTypeId: type,
          title,
          periodStart: '2025-04-01',
          periodEnd: '2026-03-31',
          owningUnitId: t.org.rootUnitId,
          ownerPersonId,
          status: 'approved',
        })
        .returning();
      return row!.id;
    };
    const teamPlanId = await plan(teamType, 'Collections team plan', null);
    planId = await plan(individualType, SECRET, agents.appraisee!.personId);
    const item = async (onPlan: string, code: string, title: string) => {
      const [row] = await db
        .insert(planItems)
        .values({ organisationId: org, planId: onPlan, itemTypeId: itemType!.id, code, title })
        .returning();
      return row!.id;
    };
    teamItemId = await item(teamPlanId, 'T1', 'Collect every bin on time');
    itemId = await item(planId, 'P1', SECRET_ITEM);
    await db
      .insert(contributionLinks)
      .values({ organisationId: org, fromItemId: itemId, toItemId: teamItemId, kind: 'direct' });
  });
  afterAll(async () => t?.close());

  const allowed = ['appraisee', 'manager', 'director', 'hr', 'administrator'];
  const refused = ['otherManager', 'performanceOfficer', 'cabinet', 'scrutiny', 'audit', 'viewer'];

  it.each(allowed)('lets the %s read it on pages and the API', async (name) => {
    const agent = agents[name]!;
    expect((await agent.get(`/plans/${planId}`)).statusCode).toBe(200);
    expect((await agent.get(`/items/${itemId}`)).statusCode).toBe(200);
    expect((await agent.api('GET', `/api/v1/plans/${planId}`)).statusCode).toBe(200);
    expect((await agent.api('GET', `/api/v1/items/${itemId}`)).statusCode).toBe(200);
    expect((await agent.get('/plans')).body).toContain(SECRET);
    expect((await agent.api('GET', '/api/v1/plans')).body).toContain(SECRET);
    const sight = await agent.api('GET', `/api/v1/items/${teamItemId}/line-of-sight`);
    expect(sight.body).toContain(SECRET_ITEM);
  });

  it.each(refused)('hides it from the %s everywhere but the count', async (name) => {
    const agent = agents[name]!;
    expect((await agent.get(`/plans/${planId}`)).statusCode).toBe(404);
    expect((await agent.get(`/plans/${planId}/history`)).statusCode).toBe(404);
    expect((await agent.get(`/items/${itemId}`)).statusCode).toBe(404);
    expect((await agent.api('GET', `/api/v1/plans/${planId}`)).statusCode).toBe(404);
    expect((await agent.api('GET', `/api/v1/items/${itemId}`)).statusCode).toBe(404);
    expect((await agent.api('GET', `/api/v1/items?planId=${planId}`)).statusCode).toBe(404);
    expect((await agent.api('GET', `/api/v1/items/${itemId}/line-of-sight`)).statusCode).toBe(404);

    const list = await agent.get('/plans');
    expect(list.body).not.toContain(SECRET);
    expect(list.body).toContain('1 person has an approved individual plan.');
    expect((await agent.api('GET', '/api/v1/plans')).body).not.toContain(SECRET);

    // The team objective it contributes to still shows, without it.
    const teamItem = await agent.api('GET', `/api/v1/items/${teamItemId}`);
    expect(teamItem.statusCode).toBe(200);
    expect(teamItem.body).not.toContain(SECRET_ITEM);
    const sight = await agent.api('GET', `/api/v1/items/${teamItemId}/line-of-sight`);
    expect(sight.statusCode).toBe(200);
    expect(sight.body).not.toContain(SECRET_ITEM);
    expect((await agent.get(`/items/${teamItemId}`)).body).not.toContain(SECRET_ITEM);
  });

  it('refuses changes to it by someone who may not read it', async () => {
    const response = await agents.otherManager!.api('POST', `/api/v1/plans/${planId}/amend`, { reason: 'Nosy' });
    expect(response.statusCode).toBe(404);
  });
});
