/**
 * Migration 0013: existing councils' plan approval steps take the "different person for each step"
 * default a new council gets, unless the council chose otherwise (a plan type saved since 0011,
 * whose audit snapshot names each step's choice). Run again here on a council set up as one made
 * before 0011, on both databases.
 */
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalSteps, auditEvents, planTypes } from '../../../schema.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

const migration = readFileSync(
  new URL('../../../platform/db/migrations/0013_distinct_person_for_existing_councils.sql', import.meta.url),
  'utf8',
);

describe.each(DATABASES)('migration 0013 (a different person per approval step) on %s', (kind) => {
  let t: TestApp;
  const db = () => t.deps.database.db;
  const steps = [
    { name: 'Owner signs off', kind: 'owner' },
    { name: 'Director approves', kind: 'role', role: 'director' },
    { name: 'Cabinet approves', kind: 'role', role: 'cabinet-member' },
  ];

  /** A plan type with three steps, all off, as 0011 left an existing council's. */
  async function oldPlanType(key: string): Promise<string> {
    const [row] = await db()
      .insert(planTypes)
      .values({ organisationId: t.org.id, key, name: key, level: 9, templateSections: [] })
      .returning({ id: planTypes.id });
    await db()
      .insert(approvalSteps)
      .values(
        steps.map((step, position) => ({
          organisationId: t.org.id,
          planTypeId: row!.id,
          position,
          name: step.name,
          kind: step.kind,
          role: step.role ?? null,
          distinctPerson: false,
        })),
      );
    return row!.id;
  }

  const snapshot = (planTypeId: string, approvalSteps: Record<string, unknown>[]) =>
    db()
      .insert(auditEvents)
      .values({
        organisationId: t.org.id,
        actorLabel: 'An administrator',
        entityType: 'plan_type',
        entityId: planTypeId,
        action: 'update',
        newValue: { key: 'x', approvalSteps },
      });

  const choices = async (planTypeId: string) =>
    (
      await db()
        .select({ distinctPerson: approvalSteps.distinctPerson })
        .from(approvalSteps)
        .where(eq(approvalSteps.planTypeId, planTypeId))
        .orderBy(asc(approvalSteps.position))
    ).map((row) => row.distinctPerson);

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('switches on every step but the owner’s where the council never chose, audited; leaves a choice alone', async () => {
    const neverSaved = await oldPlanType('never-saved');
    // Saved before 0011: the snapshot knows nothing of a different person.
    const savedBefore = await oldPlanType('saved-before');
    await snapshot(
      savedBefore,
      steps.map(({ name, kind: stepKind }) => ({ name, kind: stepKind })),
    );
    // Saved since 0011 with the steps left off on purpose.
    const chosenOff = await oldPlanType('chosen-off');
    await snapshot(
      chosenOff,
      steps.map(({ name, kind: stepKind }) => ({ name, kind: stepKind, distinctPerson: false })),
    );
    const seededBefore = await db()
      .select({ id: approvalSteps.id, distinctPerson: approvalSteps.distinctPerson })
      .from(approvalSteps)
      .orderBy(asc(approvalSteps.id));

    for (const statement of migration.split('--> statement-breakpoint')) await t.deps.database.exec(statement);

    expect(await choices(neverSaved)).toEqual([false, true, true]);
    expect(await choices(savedBefore)).toEqual([false, true, true]);
    expect(await choices(chosenOff)).toEqual([false, false, false]);
    // The council's own seeded plan types (created with the defaults, snapshot naming them) are untouched.
    const ids = new Set([neverSaved, savedBefore, chosenOff]);
    const seededAfter = await db()
      .select({
        id: approvalSteps.id,
        distinctPerson: approvalSteps.distinctPerson,
        planTypeId: approvalSteps.planTypeId,
      })
      .from(approvalSteps)
      .orderBy(asc(approvalSteps.id));
    expect(
      seededAfter.filter((row) => !ids.has(row.planTypeId)).map(({ id, distinctPerson }) => ({ id, distinctPerson })),
    ).toEqual(
      seededBefore.filter((row) => seededAfter.find((after) => after.id === row.id && !ids.has(after.planTypeId))),
    );
    const audit = await db()
      .select({ entityId: auditEvents.entityId, newValue: auditEvents.newValue })
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, t.org.id), eq(auditEvents.actorLabel, 'System (migration 0013)')));
    expect(audit.map((row) => row.entityId).sort()).toEqual([neverSaved, savedBefore].sort());
    expect(audit.find((row) => row.entityId === neverSaved)?.newValue).toEqual({
      approvalStepsNeedingDifferentPerson: ['Director approves', 'Cabinet approves'],
    });

    // Running it again changes nothing more.
    for (const statement of migration.split('--> statement-breakpoint')) await t.deps.database.exec(statement);
    const again = await db()
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.actorLabel, 'System (migration 0013)'));
    expect(again).toHaveLength(2);
  });
});
