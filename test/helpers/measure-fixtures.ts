import { itemTypes, planItems, plans, planTypes, units } from '../../src/schema.ts';
import type { Agent, TestApp, TestOrganisation } from './test-app.ts';

/** A minimal measure body for the API. */
export function measureBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: 'ASC-01',
    title: 'Adults supported to live at home',
    unit: '%',
    decimalPlaces: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'mean',
    measureType: 'local',
    ...overrides,
  };
}

/**
 * A measure made through the API by an officer, as people make one: `body` (measureBody's
 * overrides), assigned to the person who enters it, with an annual 2025/26 target of 70.
 */
export async function enteredMeasure(
  officer: Agent,
  body: Record<string, unknown>,
  entererPersonId: string,
): Promise<{ id: string; targetId: string }> {
  const created = await officer.api('POST', '/api/v1/measures', measureBody(body));
  if (created.statusCode !== 201) throw new Error(`measure not made: ${created.body}`);
  const id = created.json().id as string;
  const assigned = await officer.api('POST', `/api/v1/measures/${id}/assignees`, { personId: entererPersonId });
  if (assigned.statusCode >= 300) throw new Error(`not assigned: ${assigned.body}`);
  const target = await officer.api('POST', `/api/v1/measures/${id}/targets`, {
    kind: 'annual',
    financialYear: '2025-26',
    value: 70,
  });
  if (target.statusCode !== 201) throw new Error(`target not set: ${target.body}`);
  return { id, targetId: target.json().id as string };
}

/** A plan with two items (direct inserts: the plans engineer owns the plan pages and services). */
export async function planWithItems(
  t: TestApp,
  organisation: TestOrganisation = t.org,
  status: NonNullable<(typeof plans.$inferInsert)['status']> = 'draft',
): Promise<{ planId: string; itemIds: [string, string] }> {
  const db = t.deps.database.db;
  const suffix = Math.random().toString(36).slice(2, 8);
  const [planType] = await db
    .insert(planTypes)
    .values({
      organisationId: organisation.id,
      key: `service-plan-${suffix}`,
      name: 'Service plan',
      level: 4,
      templateSections: [],
    })
    .returning();
  const [itemType] = await db
    .insert(itemTypes)
    .values({ organisationId: organisation.id, key: `objective-${suffix}`, name: 'Objective' })
    .returning();
  const [plan] = await db
    .insert(plans)
    .values({
      organisationId: organisation.id,
      lineageId: crypto.randomUUID(),
      planTypeId: planType!.id,
      title: `Adult social care plan ${suffix}`,
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: organisation.rootUnitId,
      status,
    })
    .returning();
  const items = await db
    .insert(planItems)
    .values([
      {
        organisationId: organisation.id,
        planId: plan!.id,
        itemTypeId: itemType!.id,
        code: 'OBJ-1',
        title: 'People live independently',
      },
      {
        organisationId: organisation.id,
        planId: plan!.id,
        itemTypeId: itemType!.id,
        code: 'OBJ-2',
        title: 'Fewer people in residential care',
      },
    ])
    .returning();
  return { planId: plan!.id, itemIds: [items[0]!.id, items[1]!.id] };
}

export async function childUnit(
  t: TestApp,
  code: string,
  parentId = t.org.rootUnitId,
  organisation = t.org,
): Promise<string> {
  const [unit] = await t.deps.database.db
    .insert(units)
    .values({ organisationId: organisation.id, parentId, code, name: `Unit ${code}`, kind: 'service' })
    .returning();
  return unit!.id;
}
