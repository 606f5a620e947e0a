/**
 * A small framework and a cascade of plans for the item tests, inserted directly (the framework
 * and plans have their own tests): community strategy → corporate plan → service plan → team
 * plan → individual plan, all drafts, owned by the root unit unless told otherwise.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/db.ts';
import { itemTypes, partners, plans, planTypeItemTypes, planTypes } from '../../src/schema.ts';

type PlanStatus = NonNullable<(typeof plans.$inferInsert)['status']>;

export const ITEM_TYPE_KEYS = ['vision', 'priority', 'outcome', 'objective', 'action', 'individual-objective'] as const;
export type ItemTypeKey = (typeof ITEM_TYPE_KEYS)[number];

const ITEM_TYPE_NAMES: Record<ItemTypeKey, string> = {
  vision: 'Vision',
  priority: 'Priority',
  outcome: 'Outcome',
  objective: 'Objective',
  action: 'Action',
  'individual-objective': 'Individual objective',
};

const PLAN_TYPES = [
  { key: 'community', name: 'Community strategy', level: 1, holds: ['vision', 'priority', 'outcome'] },
  { key: 'corporate', name: 'Corporate plan', level: 2, holds: ['priority', 'outcome', 'objective'] },
  { key: 'service', name: 'Service plan', level: 4, holds: ['objective', 'action'] },
  { key: 'team', name: 'Team plan', level: 5, holds: ['objective', 'action'] },
  { key: 'individual', name: 'Individual plan', level: 6, holds: ['individual-objective'] },
] as const;
export type PlanTypeKey = (typeof PLAN_TYPES)[number]['key'];

export interface Framework {
  itemTypes: Record<ItemTypeKey, string>;
  planTypes: Record<PlanTypeKey, string>;
}

export async function installTestFramework(db: Db, organisationId: string): Promise<Framework> {
  const types = {} as Record<ItemTypeKey, string>;
  for (const key of ITEM_TYPE_KEYS) {
    const [row] = await db
      .insert(itemTypes)
      .values({ organisationId, key, name: ITEM_TYPE_NAMES[key] })
      .returning({ id: itemTypes.id });
    types[key] = row!.id;
  }
  const planTypeIds = {} as Record<PlanTypeKey, string>;
  for (const planType of PLAN_TYPES) {
    const [row] = await db
      .insert(planTypes)
      .values({ organisationId, key: planType.key, name: planType.name, level: planType.level, templateSections: [] })
      .returning({ id: planTypes.id });
    planTypeIds[planType.key] = row!.id;
    await db
      .insert(planTypeItemTypes)
      .values(planType.holds.map((key) => ({ organisationId, planTypeId: row!.id, itemTypeId: types[key] })));
  }
  return { itemTypes: types, planTypes: planTypeIds };
}

export async function insertPlan(
  db: Db,
  organisationId: string,
  values: { type: string; title: string; owningUnitId: string; parentPlanId?: string | null; status?: PlanStatus },
): Promise<string> {
  const [row] = await db
    .insert(plans)
    .values({
      organisationId,
      lineageId: crypto.randomUUID(),
      planTypeId: values.type,
      parentPlanId: values.parentPlanId ?? null,
      title: values.title,
      periodStart: '2025-04-01',
      periodEnd: '2026-03-31',
      owningUnitId: values.owningUnitId,
      status: values.status ?? 'draft',
    })
    .returning({ id: plans.id });
  return row!.id;
}

export async function setPlanStatus(db: Db, planId: string, status: PlanStatus): Promise<void> {
  await db.update(plans).set({ status }).where(eq(plans.id, planId));
}

export async function insertPartner(db: Db, organisationId: string, name: string): Promise<string> {
  const [row] = await db.insert(partners).values({ organisationId, name, kind: 'nhs' }).returning({ id: partners.id });
  return row!.id;
}

export interface Cascade {
  framework: Framework;
  plans: Record<PlanTypeKey, string>;
}

export async function insertCascade(db: Db, organisationId: string, owningUnitId: string): Promise<Cascade> {
  const framework = await installTestFramework(db, organisationId);
  const community = await insertPlan(db, organisationId, {
    type: framework.planTypes.community,
    title: 'Borough community strategy',
    owningUnitId,
  });
  const corporate = await insertPlan(db, organisationId, {
    type: framework.planTypes.corporate,
    title: 'Corporate plan',
    owningUnitId,
    parentPlanId: community,
  });
  const service = await insertPlan(db, organisationId, {
    type: framework.planTypes.service,
    title: 'Waste service plan',
    owningUnitId,
    parentPlanId: corporate,
  });
  const team = await insertPlan(db, organisationId, {
    type: framework.planTypes.team,
    title: 'Collections team plan',
    owningUnitId,
    parentPlanId: service,
  });
  const individual = await insertPlan(db, organisationId, {
    type: framework.planTypes.individual,
    title: 'Sam’s objectives',
    owningUnitId,
    parentPlanId: team,
  });
  return { framework, plans: { community, corporate, service, team, individual } };
}
