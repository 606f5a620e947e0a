import { eq } from 'drizzle-orm';
import {
  approvalSteps,
  governanceBodies,
  itemTypes,
  measureItemLinks,
  measures,
  measureTargets,
  measureValueEvents,
  measureValues,
  planItems,
  plans,
  planTypes,
} from '../../src/schema.ts';
import { childUnit } from './measure-fixtures.ts';
import type { TestApp, TestOrganisation } from './test-app.ts';

/**
 * A hand-built council for the performance views (dashboard, roll-up, measure performance,
 * framework health): two directorates, a corporate plan in force with two priorities and two
 * objectives, a draft directorate plan, five measures and their submissions. The figures each
 * view should show are worked out in test/integration/performance-views.test.ts.
 */
// "Today" is 20 November 2025: quarterly measures report on 2025/26 Q2 (due about 21 October, so
// a missing Q2 value is overdue); monthly measures report on October 2025 (not yet due).
export const today = new Date('2025-11-20T10:00:00Z');
const QUARTERS = ['2024-25-Q1', '2024-25-Q2', '2024-25-Q3', '2024-25-Q4', '2025-26-Q1', '2025-26-Q2'];

export interface Fixture {
  unitA: string;
  unitB: string;
  planId: string;
  draftPlanId: string;
  items: { p1: string; p2: string; o1: string; o2: string };
  m: { m1: string; m2: string; m3: string; m4: string; m5: string };
}

export async function quarterly(
  t: TestApp,
  org: TestOrganisation,
  code: string,
  unitId: string | null,
  isKey: boolean,
  values: number[],
) {
  const db = t.deps.database.db;
  const [measure] = await db
    .insert(measures)
    .values({
      organisationId: org.id,
      code,
      title: `Measure ${code}`,
      unit: '%',
      decimalPlaces: 1,
      polarity: 'higher-is-better',
      frequency: 'quarterly',
      aggregation: 'mean',
      isKey,
      ownerUnitId: unitId,
    })
    .returning();
  const rows = values.length
    ? await db
        .insert(measureValues)
        .values(
          values.map((value, i) => ({
            organisationId: org.id,
            measureId: measure!.id,
            periodKey: QUARTERS[i]!,
            value,
            // Reported history: signed off, so it counts in the official position.
            status: 'approved' as const,
          })),
        )
        .returning()
    : [];
  await db.insert(measureTargets).values([
    {
      organisationId: org.id,
      measureId: measure!.id,
      kind: 'annual',
      financialYear: '2024-25',
      value: 65,
      effectiveFrom: '2024-04-01',
    },
    {
      organisationId: org.id,
      measureId: measure!.id,
      kind: 'annual',
      financialYear: '2025-26',
      value: 70,
      effectiveFrom: '2025-04-01',
    },
  ]);
  return { id: measure!.id, q2ValueId: rows.find((row) => row.periodKey === '2025-26-Q2')?.id };
}

export async function buildFixture(t: TestApp): Promise<Fixture> {
  const db = t.deps.database.db;
  const org = t.org;
  const unitA = await childUnit(t, 'DIRA');
  const unitB = await childUnit(t, 'DIRB');
  const [corporateType, directorateType] = await db
    .insert(planTypes)
    .values([
      { organisationId: org.id, key: 'corporate-plan', name: 'Corporate plan', level: 2, templateSections: [] },
      { organisationId: org.id, key: 'directorate-plan', name: 'Directorate plan', level: 3, templateSections: [] },
    ])
    .returning();
  const [priorityType, objectiveType] = await db
    .insert(itemTypes)
    .values([
      { organisationId: org.id, key: 'priority', name: 'Priority' },
      { organisationId: org.id, key: 'objective', name: 'Objective' },
    ])
    .returning();
  const [plan, draftPlan] = await db
    .insert(plans)
    .values([
      {
        organisationId: org.id,
        lineageId: crypto.randomUUID(),
        planTypeId: corporateType!.id,
        title: 'Corporate plan 2025/26',
        periodStart: '2025-04-01',
        periodEnd: '2026-03-31',
        effectiveFrom: '2025-04-01',
        owningUnitId: org.rootUnitId,
        status: 'approved',
      },
      {
        organisationId: org.id,
        lineageId: crypto.randomUUID(),
        planTypeId: directorateType!.id,
        title: 'Directorate A plan 2025/26',
        periodStart: '2025-04-01',
        periodEnd: '2026-03-31',
        owningUnitId: unitA,
        status: 'draft',
      },
    ])
    .returning();
  const [p1, p2] = await db
    .insert(planItems)
    .values([
      {
        organisationId: org.id,
        planId: plan!.id,
        itemTypeId: priorityType!.id,
        code: 'P1',
        title: 'Thriving places',
        position: 0,
      },
      {
        organisationId: org.id,
        planId: plan!.id,
        itemTypeId: priorityType!.id,
        code: 'P2',
        title: 'Healthy lives',
        position: 1,
      },
    ])
    .returning();
  const [o1, o2] = await db
    .insert(planItems)
    .values([
      {
        organisationId: org.id,
        planId: plan!.id,
        parentItemId: p1!.id,
        itemTypeId: objectiveType!.id,
        code: 'O1',
        title: 'Fewer empty homes',
        position: 0,
      },
      {
        organisationId: org.id,
        planId: plan!.id,
        parentItemId: p1!.id,
        itemTypeId: objectiveType!.id,
        code: 'O2',
        title: 'Cleaner streets',
        position: 1,
      },
    ])
    .returning();

  // M1 key, red (62.1% against 70%); M2 green; M3 key, green; M4 no Q2 value (overdue).
  const m1 = await quarterly(t, org, 'M1', unitA, true, [64, 66, 65, 67, 66, 62.1]);
  const m2 = await quarterly(t, org, 'M2', unitA, false, [70, 71, 72, 71, 72, 74]);
  const m3 = await quarterly(t, org, 'M3', unitB, true, [72, 73, 71, 72, 73, 75]);
  const m4 = await quarterly(t, org, 'M4', unitB, false, [70, 71, 72, 71, 72]);
  // M5: monthly, council-wide, no target; a steady process, then a rising trend ending outside the limits.
  const [m5] = await db
    .insert(measures)
    .values({
      organisationId: org.id,
      code: 'M5',
      title: 'Missed bin collections',
      unit: 'number',
      decimalPlaces: 1,
      polarity: 'higher-is-better',
      frequency: 'monthly',
      aggregation: 'mean',
    })
    .returning();
  const m5Values = [
    50, 52, 49, 51, 50, 48, 52, 50, 51, 49, 50, 52, 49, 51, 50, 48, 49.5, 50.5, 51.5, 52.5, 53.5, 54.5, 55.5, 70,
  ];
  const months: string[] = [];
  for (let i = 0; i < 24; i++) {
    const ordinal = 2023 * 12 + 7 + i; // November 2023 is month 8 of 2023/24
    const year = Math.floor(ordinal / 12);
    months.push(`${year}-${String((year + 1) % 100).padStart(2, '0')}-M${String((ordinal % 12) + 1).padStart(2, '0')}`);
  }
  await db.insert(measureValues).values(
    m5Values.map((value, i) => ({
      organisationId: org.id,
      measureId: m5!.id,
      periodKey: months[i]!,
      value,
      status: 'approved' as const,
    })),
  );

  // Submissions: M1 on time (10 October), M2 late (30 October), both since verified (so official);
  // M4 none.
  await db.insert(measureValueEvents).values([
    {
      organisationId: org.id,
      valueId: m1.q2ValueId!,
      measureId: m1.id,
      periodKey: '2025-26-Q2',
      action: 'submit',
      fromStatus: 'draft',
      toStatus: 'submitted',
      at: new Date('2025-10-10T09:00:00Z'),
    },
    {
      organisationId: org.id,
      valueId: m2.q2ValueId!,
      measureId: m2.id,
      periodKey: '2025-26-Q2',
      action: 'submit',
      fromStatus: 'draft',
      toStatus: 'submitted',
      at: new Date('2025-10-30T09:00:00Z'),
    },
  ]);
  await db.update(measureValues).set({ status: 'verified' }).where(eq(measureValues.id, m1.q2ValueId!));
  await db.update(measureValues).set({ status: 'verified' }).where(eq(measureValues.id, m2.q2ValueId!));

  await db.insert(measureItemLinks).values([
    { organisationId: org.id, measureId: m1.id, itemId: o1!.id },
    { organisationId: org.id, measureId: m2.id, itemId: o1!.id },
    { organisationId: org.id, measureId: m3.id, itemId: o2!.id },
    { organisationId: org.id, measureId: m4.id, itemId: p2!.id },
  ]);
  return {
    unitA,
    unitB,
    planId: plan!.id,
    draftPlanId: draftPlan!.id,
    items: { p1: p1!.id, p2: p2!.id, o1: o1!.id, o2: o2!.id },
    m: { m1: m1.id, m2: m2.id, m3: m3.id, m4: m4.id, m5: m5!.id },
  };
}

/** A cabinet that approves the fixture's corporate plan, so the plan's measures are its remit; its id. */
export async function cabinetApprovingCorporatePlan(t: TestApp, f: Fixture): Promise<string> {
  const db = t.deps.database.db;
  const [body] = await db
    .insert(governanceBodies)
    .values({ organisationId: t.org.id, name: 'Cabinet', kind: 'cabinet', frameworkRoles: ['approves'] })
    .returning();
  const [plan] = await db.select().from(plans).where(eq(plans.id, f.planId));
  await db.insert(approvalSteps).values({
    organisationId: t.org.id,
    planTypeId: plan!.planTypeId,
    position: 1,
    name: 'Cabinet approves',
    kind: 'body',
    bodyId: body!.id,
  });
  return body!.id;
}
