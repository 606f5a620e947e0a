/**
 * Shared setup of the plans' integration tests: the default framework, a small tree of units
 * (Place › Waste, and Libraries), an administrator and a performance officer, and a community
 * strategy with a corporate plan under it; and the API helpers the tests act with.
 */
import { expect } from 'vitest';
import type { Db } from '../../../platform/db/db.ts';
import { planItems, units } from '../../../schema.ts';
import { installDefaultFramework, type InstalledFramework } from '../../framework/index.ts';
import { type Agent, formBody, TEST_PASSWORD, type TestApp } from '../../../../test/helpers/test-app.ts';

export interface PlanJson {
  id: string;
  lineageId: string;
  version: number;
  versionKind: string;
  title: string;
  status: string;
  nextStep: number | null;
  rowVersion: number;
  periodStart: string;
  periodEnd: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  sections: Record<string, string>;
}

/** Sessions expire by the same clock the plans use: after moving the clock, sign in again. */
export async function reauth(t: TestApp, agent: Agent): Promise<Agent> {
  const result = await t.deps.services.auth.signIn(agent.email, TEST_PASSWORD);
  if (!result) throw new Error(`could not sign ${agent.email} in again`);
  const cookie = `gt_session=${result.token}`;
  const csrf = result.session.csrfToken;
  return {
    ...agent,
    cookie,
    csrf,
    get: (url) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, form = {}) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ _csrf: csrf, ...form }),
      }),
    api: (method, url, body) =>
      t.app.inject({
        method,
        url,
        headers: {
          cookie,
          'x-csrf-token': csrf,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      }),
  };
}

/** Creates a plan over the API (council-wide, 2025/26, no owner or parent unless the body says). */
export async function createPlanAs(t: TestApp, agent: Agent, body: Record<string, unknown>): Promise<PlanJson> {
  const response = await agent.api('POST', '/api/v1/plans', {
    ownerPersonId: null,
    parentPlanId: null,
    periodStart: '2025-04-01',
    periodEnd: '2026-03-31',
    owningUnitId: t.org.rootUnitId,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function act(agent: Agent, planId: string, action: string, body: Record<string, unknown> = {}) {
  return agent.api('POST', `/api/v1/plans/${planId}/${action}`, body);
}

/**
 * Approves each next step in turn, one approver a step; `reader` reads the plan first. A body's
 * step records its decision as taken on the day the plan was submitted (other steps ignore it).
 */
export async function approveAllAs(reader: Agent, planId: string, approvers: Agent[]): Promise<PlanJson> {
  const detail = (await reader.api('GET', `/api/v1/plans/${planId}`)).json<
    PlanJson & { events: { action: string; at: string }[] }
  >();
  let plan: PlanJson = detail;
  const submitted = detail.events.filter((event) => event.action === 'submitted').at(-1);
  const decision = { decisionDate: submitted?.at.slice(0, 10), minuteReference: 'Minute 1' };
  for (const approver of approvers) {
    const response = await act(approver, planId, 'approve', { step: plan.nextStep, comment: 'Agreed', ...decision });
    expect(response.statusCode, response.body).toBe(200);
    plan = response.json();
  }
  return plan;
}

export interface PlansWorld {
  db: Db;
  fw: InstalledFramework;
  placeId: string;
  wasteId: string;
  libraryId: string;
  admin: Agent;
  officer: Agent;
  community: PlanJson;
  corporate: PlanJson;
  corporateItemId: string;
}

/** The framework, units, people and the two top plans every plans test starts from. */
export async function setUpPlansWorld(t: TestApp): Promise<PlansWorld> {
  const db = t.deps.database.db;
  const fw = await db.transaction(async (tx) => installDefaultFramework(tx as unknown as Db, t.org.id));
  const [place] = await db
    .insert(units)
    .values({
      organisationId: t.org.id,
      code: 'PLACE',
      name: 'Place',
      kind: 'directorate',
      parentId: t.org.rootUnitId,
    })
    .returning();
  const [waste] = await db
    .insert(units)
    .values({ organisationId: t.org.id, code: 'WASTE', name: 'Waste', kind: 'service', parentId: place!.id })
    .returning();
  const [library] = await db
    .insert(units)
    .values({ organisationId: t.org.id, code: 'LIB', name: 'Libraries', kind: 'service', parentId: t.org.rootUnitId })
    .returning();
  const admin = await t.as('administrator');
  const officer = await t.as('performance-officer');
  const community = await createPlanAs(t, admin, {
    planTypeId: fw.planTypes['community-strategy'],
    title: 'Borough Vision 2040',
    periodStart: '2024-04-01',
    periodEnd: '2034-03-31',
  });
  const corporate = await createPlanAs(t, admin, {
    planTypeId: fw.planTypes['corporate-plan'],
    title: 'Council Plan 2024-2027',
    parentPlanId: community.id,
    periodStart: '2024-04-01',
    periodEnd: '2027-03-31',
  });
  const [item] = await db
    .insert(planItems)
    .values({
      organisationId: t.org.id,
      planId: corporate.id,
      itemTypeId: fw.itemTypes.priority!,
      code: 'P1',
      title: 'A cleaner borough',
    })
    .returning();
  return {
    db,
    fw,
    placeId: place!.id,
    wasteId: waste!.id,
    libraryId: library!.id,
    admin,
    officer,
    community,
    corporate,
    corporateItemId: item!.id,
  };
}
