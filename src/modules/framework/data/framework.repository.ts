import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '../../../kernel/access/index.ts';
import type { Db } from '../../../platform/db/db.ts';
import {
  approvalSteps,
  itemTypes,
  planTypeItemTypes,
  planTypeParents,
  planTypes,
  type TemplateSection,
} from './framework.schema.ts';
import { governanceBodies } from '../../organisation/index.ts';

export type { TemplateSection };
export type PlanTypeRow = typeof planTypes.$inferSelect;
export type ItemTypeRow = typeof itemTypes.$inferSelect;

export interface ApprovalStepDetail {
  id: string;
  position: number;
  name: string;
  kind: 'owner' | 'role' | 'body';
  role: Role | null;
  bodyId: string | null;
  bodyName: string | null;
  /** Must be taken by someone who took no earlier step of the approval and did not submit the plan. */
  distinctPerson: boolean;
}

export interface PlanTypeDetail {
  id: string;
  key: string;
  name: string;
  level: number;
  description: string;
  active: boolean;
  templateSections: TemplateSection[];
  parentTypeIds: string[];
  itemTypeIds: string[];
  approvalSteps: ApprovalStepDetail[];
}

/** A governance body as the framework sees it: can it approve plans? */
export interface BodyOption {
  id: string;
  name: string;
  frameworkRoles: string[];
}

// ---------------------------------------------------------------------------------------------
// Reads (every one filtered by organisation)
// ---------------------------------------------------------------------------------------------

export async function listPlanTypeRows(db: Db, organisationId: string): Promise<PlanTypeRow[]> {
  return db
    .select()
    .from(planTypes)
    .where(eq(planTypes.organisationId, organisationId))
    .orderBy(asc(planTypes.level), asc(planTypes.name));
}

export async function findPlanType(db: Db, organisationId: string, id: string): Promise<PlanTypeRow | undefined> {
  const rows = await db
    .select()
    .from(planTypes)
    .where(and(eq(planTypes.organisationId, organisationId), eq(planTypes.id, id)));
  return rows[0];
}

export async function findPlanTypeByKey(db: Db, organisationId: string, key: string): Promise<PlanTypeRow | undefined> {
  const rows = await db
    .select()
    .from(planTypes)
    .where(and(eq(planTypes.organisationId, organisationId), sql`lower(${planTypes.key}) = lower(${key})`));
  return rows[0];
}

export async function findPlanTypeByName(
  db: Db,
  organisationId: string,
  name: string,
): Promise<PlanTypeRow | undefined> {
  const rows = await db
    .select()
    .from(planTypes)
    .where(and(eq(planTypes.organisationId, organisationId), sql`lower(${planTypes.name}) = lower(${name})`));
  return rows[0];
}

/** Every "sits under" edge of the organisation's plan types. */
export async function listPlanTypeEdges(
  db: Db,
  organisationId: string,
): Promise<{ planTypeId: string; parentPlanTypeId: string }[]> {
  return db
    .select({ planTypeId: planTypeParents.planTypeId, parentPlanTypeId: planTypeParents.parentPlanTypeId })
    .from(planTypeParents)
    .innerJoin(planTypes, eq(planTypes.id, planTypeParents.planTypeId))
    .where(eq(planTypes.organisationId, organisationId));
}

async function itemTypeLinks(
  db: Db,
  organisationId: string,
  planTypeIds: string[],
): Promise<{ planTypeId: string; itemTypeId: string }[]> {
  if (planTypeIds.length === 0) return [];
  return db
    .select({ planTypeId: planTypeItemTypes.planTypeId, itemTypeId: planTypeItemTypes.itemTypeId })
    .from(planTypeItemTypes)
    .innerJoin(itemTypes, eq(itemTypes.id, planTypeItemTypes.itemTypeId))
    .where(and(eq(itemTypes.organisationId, organisationId), inArray(planTypeItemTypes.planTypeId, planTypeIds)))
    .orderBy(asc(itemTypes.name));
}

async function stepDetails(db: Db, organisationId: string, planTypeIds: string[]) {
  if (planTypeIds.length === 0) return [];
  return db
    .select({
      id: approvalSteps.id,
      planTypeId: approvalSteps.planTypeId,
      position: approvalSteps.position,
      name: approvalSteps.name,
      kind: approvalSteps.kind,
      role: approvalSteps.role,
      bodyId: approvalSteps.bodyId,
      distinctPerson: approvalSteps.distinctPerson,
      bodyName: governanceBodies.name,
    })
    .from(approvalSteps)
    .leftJoin(
      governanceBodies,
      and(eq(governanceBodies.id, approvalSteps.bodyId), eq(governanceBodies.organisationId, organisationId)),
    )
    .where(and(eq(approvalSteps.organisationId, organisationId), inArray(approvalSteps.planTypeId, planTypeIds)))
    .orderBy(asc(approvalSteps.planTypeId), asc(approvalSteps.position));
}

function assemble(
  rows: PlanTypeRow[],
  edges: { planTypeId: string; parentPlanTypeId: string }[],
  links: { planTypeId: string; itemTypeId: string }[],
  steps: Awaited<ReturnType<typeof stepDetails>>,
): PlanTypeDetail[] {
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    name: row.name,
    level: row.level,
    description: row.description,
    active: row.active,
    templateSections: row.templateSections ?? [],
    parentTypeIds: edges.filter((edge) => edge.planTypeId === row.id).map((edge) => edge.parentPlanTypeId),
    itemTypeIds: links.filter((link) => link.planTypeId === row.id).map((link) => link.itemTypeId),
    approvalSteps: steps
      .filter((step) => step.planTypeId === row.id)
      .map((step) => ({
        id: step.id,
        position: step.position,
        name: step.name,
        kind: step.kind as ApprovalStepDetail['kind'],
        role: (step.role as Role | null) ?? null,
        bodyId: step.bodyId,
        bodyName: step.bodyName ?? null,
        distinctPerson: step.distinctPerson,
      })),
  }));
}

export async function loadPlanTypeDetail(
  db: Db,
  organisationId: string,
  planTypeId: string,
): Promise<PlanTypeDetail | undefined> {
  const row = await findPlanType(db, organisationId, planTypeId);
  if (!row) return undefined;
  const edges = await db
    .select({ planTypeId: planTypeParents.planTypeId, parentPlanTypeId: planTypeParents.parentPlanTypeId })
    .from(planTypeParents)
    .innerJoin(planTypes, eq(planTypes.id, planTypeParents.parentPlanTypeId))
    .where(and(eq(planTypeParents.planTypeId, planTypeId), eq(planTypes.organisationId, organisationId)))
    .orderBy(asc(planTypes.level), asc(planTypes.name));
  const links = await itemTypeLinks(db, organisationId, [planTypeId]);
  const steps = await stepDetails(db, organisationId, [planTypeId]);
  return assemble([row], edges, links, steps)[0];
}

/** Every plan type of the organisation with its parents, item types and steps; ordered by level, name. */
export async function listPlanTypeDetails(db: Db, organisationId: string): Promise<PlanTypeDetail[]> {
  const rows = await listPlanTypeRows(db, organisationId);
  const ids = rows.map((row) => row.id);
  const edges = await listPlanTypeEdges(db, organisationId);
  const links = await itemTypeLinks(db, organisationId, ids);
  const steps = await stepDetails(db, organisationId, ids);
  return assemble(rows, edges, links, steps);
}

export async function listItemTypes(db: Db, organisationId: string): Promise<ItemTypeRow[]> {
  return db.select().from(itemTypes).where(eq(itemTypes.organisationId, organisationId)).orderBy(asc(itemTypes.name));
}

export async function findItemType(db: Db, organisationId: string, id: string): Promise<ItemTypeRow | undefined> {
  const rows = await db
    .select()
    .from(itemTypes)
    .where(and(eq(itemTypes.organisationId, organisationId), eq(itemTypes.id, id)));
  return rows[0];
}

export async function findItemTypeByKey(db: Db, organisationId: string, key: string): Promise<ItemTypeRow | undefined> {
  const rows = await db
    .select()
    .from(itemTypes)
    .where(and(eq(itemTypes.organisationId, organisationId), sql`lower(${itemTypes.key}) = lower(${key})`));
  return rows[0];
}

/** The governance bodies of the organisation, for approval steps. */
export async function listBodies(db: Db, organisationId: string): Promise<BodyOption[]> {
  return db
    .select({ id: governanceBodies.id, name: governanceBodies.name, frameworkRoles: governanceBodies.frameworkRoles })
    .from(governanceBodies)
    .where(eq(governanceBodies.organisationId, organisationId))
    .orderBy(asc(governanceBodies.name));
}

// ---------------------------------------------------------------------------------------------
// Writes (services wrap them in one transaction with the audit row)
// ---------------------------------------------------------------------------------------------

/**
 * Locks the organisation's plan types until the transaction ends, so two administrators changing
 * the framework at once cannot between them break its rules (levels, cycles, sections, steps).
 */
export async function lockPlanTypes(db: Db, organisationId: string): Promise<void> {
  await db
    .select({ id: planTypes.id })
    .from(planTypes)
    .where(eq(planTypes.organisationId, organisationId))
    .for('update');
}

export async function insertItemType(db: Db, values: typeof itemTypes.$inferInsert): Promise<ItemTypeRow> {
  const [row] = await db.insert(itemTypes).values(values).returning();
  if (!row) throw new Error('insert into item_types returned no row');
  return row;
}

export async function updateItemType(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<Omit<typeof itemTypes.$inferInsert, 'id' | 'organisationId'>>,
): Promise<ItemTypeRow | undefined> {
  const [row] = await db
    .update(itemTypes)
    .set(values)
    .where(and(eq(itemTypes.organisationId, organisationId), eq(itemTypes.id, id)))
    .returning();
  return row;
}

export async function insertPlanType(db: Db, values: typeof planTypes.$inferInsert): Promise<PlanTypeRow> {
  const [row] = await db.insert(planTypes).values(values).returning();
  if (!row) throw new Error('insert into plan_types returned no row');
  return row;
}

export async function updatePlanType(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<Omit<typeof planTypes.$inferInsert, 'id' | 'organisationId' | 'createdAt'>>,
): Promise<PlanTypeRow | undefined> {
  const [row] = await db
    .update(planTypes)
    .set(values)
    .where(and(eq(planTypes.organisationId, organisationId), eq(planTypes.id, id)))
    .returning();
  return row;
}

/**
 * Replaces the types a plan type may sit under. The caller has checked that every id belongs to
 * the organisation; the composite keys refuse another council's ids as well.
 */
export async function setPlanTypeParents(
  db: Db,
  organisationId: string,
  planTypeId: string,
  parentIds: readonly string[],
): Promise<void> {
  await db
    .delete(planTypeParents)
    .where(and(eq(planTypeParents.organisationId, organisationId), eq(planTypeParents.planTypeId, planTypeId)));
  if (parentIds.length > 0) {
    await db
      .insert(planTypeParents)
      .values(parentIds.map((parentPlanTypeId) => ({ organisationId, planTypeId, parentPlanTypeId })));
  }
}

/** Replaces the item types a plan type may hold (ids checked by the caller, as above). */
export async function setPlanTypeItemTypes(
  db: Db,
  organisationId: string,
  planTypeId: string,
  itemTypeIds: readonly string[],
): Promise<void> {
  await db
    .delete(planTypeItemTypes)
    .where(and(eq(planTypeItemTypes.organisationId, organisationId), eq(planTypeItemTypes.planTypeId, planTypeId)));
  if (itemTypeIds.length > 0) {
    await db
      .insert(planTypeItemTypes)
      .values(itemTypeIds.map((itemTypeId) => ({ organisationId, planTypeId, itemTypeId })));
  }
}

export interface StepValues {
  /** An existing step of this plan type keeps its id; without one the step is new. */
  id?: string | undefined;
  name: string;
  kind: 'owner' | 'role' | 'body';
  role: string | null;
  bodyId: string | null;
  distinctPerson: boolean;
}

/**
 * Makes a plan type's approval steps exactly these, numbered 1, 2, 3... in the order given
 * (plans refer to steps by position, so positions are always 1..n without gaps). Steps given
 * with the id of an existing step keep that id; existing steps not given are removed.
 */
export async function saveApprovalSteps(
  db: Db,
  organisationId: string,
  planTypeId: string,
  steps: readonly StepValues[],
): Promise<void> {
  const ofType = and(eq(approvalSteps.organisationId, organisationId), eq(approvalSteps.planTypeId, planTypeId));
  const existing = await db.select({ id: approvalSteps.id }).from(approvalSteps).where(ofType);
  const existingIds = new Set(existing.map((row) => row.id));
  const keptIds = steps.flatMap((step) => (step.id && existingIds.has(step.id) ? [step.id] : []));
  const removed = [...existingIds].filter((id) => !keptIds.includes(id));
  if (removed.length > 0) await db.delete(approvalSteps).where(and(ofType, inArray(approvalSteps.id, removed)));
  // Park the kept steps on negative positions so renumbering never trips the unique (type, position).
  if (keptIds.length > 0) {
    await db
      .update(approvalSteps)
      .set({ position: sql`-1 - ${approvalSteps.position}` })
      .where(and(ofType, inArray(approvalSteps.id, keptIds)));
  }
  for (const [index, step] of steps.entries()) {
    const values = {
      position: index + 1,
      name: step.name,
      kind: step.kind,
      role: step.kind === 'role' ? step.role : null,
      bodyId: step.kind === 'body' ? step.bodyId : null,
      distinctPerson: step.distinctPerson,
    };
    if (step.id && existingIds.has(step.id)) {
      await db
        .update(approvalSteps)
        .set(values)
        .where(and(ofType, eq(approvalSteps.id, step.id)));
    } else {
      await db.insert(approvalSteps).values({ organisationId, planTypeId, ...values });
    }
  }
}
