import { aliasedTable, and, asc, desc, eq, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { governanceBodies, people, units } from '../../organisation/index.ts';
import { planItems, plans } from '../../plans/index.ts';
import { planTypes } from '../../framework/index.ts';
import { PRIVATE_PLAN_TYPE_KEYS } from '../../plans/domain/index.ts';
import type { ProjectStatus } from '../domain/project.ts';
import {
  programmes,
  projectItems,
  projectMilestones,
  projectStages,
  projects,
  projectUpdates,
} from './projects.schema.ts';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type StageRow = typeof projectStages.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;
export type UpdateRow = typeof projectUpdates.$inferSelect;

const sponsors = aliasedTable(people, 'sponsor');
const managers = aliasedTable(people, 'manager');

// ---- references checked before a write (all within the caller's council) ----

export async function findPersonIn(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return row;
}

export async function findBodyIn(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: governanceBodies.id, name: governanceBodies.name })
    .from(governanceBodies)
    .where(and(eq(governanceBodies.organisationId, organisationId), eq(governanceBodies.id, id)));
  return row;
}

export async function findUnitIn(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.id, id)));
  return row;
}

/** Plans and items a project may use: the council's own, and not an individual plan (private to a person). */
const notPrivate = notInArray(planTypes.key, [...PRIVATE_PLAN_TYPE_KEYS]);

/** Of these item ids, those that are the council's own, outside individual plans. */
export async function itemsIn(db: Db, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: planItems.id })
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .innerJoin(planTypes, eq(planTypes.id, plans.planTypeId))
    .where(and(eq(planItems.organisationId, organisationId), inArray(planItems.id, [...ids]), notPrivate));
}

/** The plan, when it is the council's own and not an individual plan. */
export async function findOpenPlanIn(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: plans.id })
    .from(plans)
    .innerJoin(planTypes, eq(planTypes.id, plans.planTypeId))
    .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id), notPrivate));
  return row;
}

// ---- programmes ----

export interface ProgrammeSummary extends ProgrammeRow {
  sponsorName: string | null;
  managerName: string | null;
  unitName: string | null;
}

function programmeQuery(db: Db) {
  return db
    .select({ programme: programmes, sponsorName: sponsors.name, managerName: managers.name, unitName: units.name })
    .from(programmes)
    .leftJoin(sponsors, eq(sponsors.id, programmes.sponsorPersonId))
    .leftJoin(managers, eq(managers.id, programmes.managerPersonId))
    .leftJoin(units, eq(units.id, programmes.unitId));
}

const flatProgramme = (row: {
  programme: ProgrammeRow;
  sponsorName: string | null;
  managerName: string | null;
  unitName: string | null;
}): ProgrammeSummary => ({
  ...row.programme,
  sponsorName: row.sponsorName,
  managerName: row.managerName,
  unitName: row.unitName,
});

export async function listProgrammes(db: Db, organisationId: string): Promise<ProgrammeSummary[]> {
  const rows = await programmeQuery(db)
    .where(eq(programmes.organisationId, organisationId))
    .orderBy(asc(programmes.code));
  return rows.map(flatProgramme);
}

export async function findProgramme(db: Db, organisationId: string, id: string): Promise<ProgrammeSummary | undefined> {
  const [row] = await programmeQuery(db).where(
    and(eq(programmes.organisationId, organisationId), eq(programmes.id, id)),
  );
  return row ? flatProgramme(row) : undefined;
}

export async function findProgrammeByCode(db: Db, organisationId: string, code: string) {
  const [row] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.organisationId, organisationId), sql`lower(${programmes.code}) = lower(${code})`));
  return row;
}

export async function insertProgramme(db: Db, values: typeof programmes.$inferInsert): Promise<ProgrammeRow> {
  const [row] = await db.insert(programmes).values(values).returning();
  if (!row) throw new Error('insert into programmes returned no row');
  return row;
}

export async function updateProgramme(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof programmes.$inferInsert>,
): Promise<ProgrammeRow | undefined> {
  const [row] = await db
    .update(programmes)
    .set(values)
    .where(and(eq(programmes.organisationId, organisationId), eq(programmes.id, id)))
    .returning();
  return row;
}

// ---- projects ----

export interface ProjectFilters {
  managerPersonId?: string | undefined;
  unitId?: string | undefined;
  programmeId?: string | undefined;
  status?: ProjectStatus | undefined;
}

export interface ProjectSummary extends ProjectRow {
  sponsorName: string;
  managerName: string;
  unitName: string | null;
  programmeCode: string | null;
  programmeTitle: string | null;
  boardName: string | null;
  planTitle: string | null;
}

function projectQuery(db: Db) {
  return db
    .select({
      project: projects,
      sponsorName: sponsors.name,
      managerName: managers.name,
      unitName: units.name,
      programmeCode: programmes.code,
      programmeTitle: programmes.title,
      boardName: governanceBodies.name,
      planTitle: plans.title,
    })
    .from(projects)
    .innerJoin(sponsors, eq(sponsors.id, projects.sponsorPersonId))
    .innerJoin(managers, eq(managers.id, projects.managerPersonId))
    .leftJoin(units, eq(units.id, projects.unitId))
    .leftJoin(programmes, eq(programmes.id, projects.programmeId))
    .leftJoin(governanceBodies, eq(governanceBodies.id, projects.boardId))
    .leftJoin(plans, eq(plans.id, projects.planId));
}

type ProjectJoined = Awaited<ReturnType<ReturnType<typeof projectQuery>['execute']>>[number];
const flatProject = ({ project, ...names }: ProjectJoined): ProjectSummary => ({ ...project, ...names });

export async function listProjects(
  db: Db,
  organisationId: string,
  filters: ProjectFilters = {},
): Promise<ProjectSummary[]> {
  const conditions: SQL[] = [eq(projects.organisationId, organisationId)];
  if (filters.managerPersonId) conditions.push(eq(projects.managerPersonId, filters.managerPersonId));
  if (filters.unitId) conditions.push(eq(projects.unitId, filters.unitId));
  if (filters.programmeId) conditions.push(eq(projects.programmeId, filters.programmeId));
  if (filters.status) conditions.push(eq(projects.status, filters.status));
  const rows = await projectQuery(db)
    .where(and(...conditions))
    .orderBy(asc(projects.code));
  return rows.map(flatProject);
}

export async function findProject(db: Db, organisationId: string, id: string): Promise<ProjectSummary | undefined> {
  const [row] = await projectQuery(db).where(and(eq(projects.organisationId, organisationId), eq(projects.id, id)));
  return row ? flatProject(row) : undefined;
}

/** The project row locked for the rest of the transaction, so changes to one project queue up. */
export async function lockProject(db: Db, organisationId: string, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.organisationId, organisationId), eq(projects.id, id)))
    .for('update');
  return row;
}

export async function findProjectByCode(db: Db, organisationId: string, code: string) {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.organisationId, organisationId), sql`lower(${projects.code}) = lower(${code})`));
  return row;
}

export async function insertProject(db: Db, values: typeof projects.$inferInsert): Promise<ProjectRow> {
  const [row] = await db.insert(projects).values(values).returning();
  if (!row) throw new Error('insert into projects returned no row');
  return row;
}

export async function updateProject(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof projects.$inferInsert>,
): Promise<ProjectRow | undefined> {
  const [row] = await db
    .update(projects)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(projects.organisationId, organisationId), eq(projects.id, id)))
    .returning();
  return row;
}

export async function projectItemsOf(db: Db, organisationId: string, projectId: string) {
  return db
    .select({ id: planItems.id, code: planItems.code, title: planItems.title, planId: planItems.planId })
    .from(projectItems)
    .innerJoin(planItems, eq(planItems.id, projectItems.itemId))
    .where(and(eq(projectItems.organisationId, organisationId), eq(projectItems.projectId, projectId)))
    .orderBy(asc(planItems.code));
}

/** Replaces the items a project contributes to. */
export async function setProjectItems(db: Db, organisationId: string, projectId: string, itemIds: readonly string[]) {
  await db
    .delete(projectItems)
    .where(and(eq(projectItems.organisationId, organisationId), eq(projectItems.projectId, projectId)));
  if (itemIds.length > 0) {
    await db
      .insert(projectItems)
      .values([...new Set(itemIds)].map((itemId) => ({ organisationId, projectId, itemId })));
  }
}

// ---- stages and milestones ----

export async function listStages(db: Db, organisationId: string, projectId: string): Promise<StageRow[]> {
  return db
    .select()
    .from(projectStages)
    .where(and(eq(projectStages.organisationId, organisationId), eq(projectStages.projectId, projectId)))
    .orderBy(asc(projectStages.position));
}

/**
 * Swaps two stages' places. Positions are unique per project and the index is not deferred, so
 * the first moves out of the way (a negative place) before the second takes its place.
 */
export async function swapStagePositions(tx: Db, organisationId: string, a: StageRow, b: StageRow): Promise<void> {
  const place = (stage: StageRow, position: number) =>
    tx
      .update(projectStages)
      .set({ position })
      .where(and(eq(projectStages.organisationId, organisationId), eq(projectStages.id, stage.id)));
  await place(a, -a.position);
  await place(b, a.position);
  await place(a, b.position);
}

export async function insertStage(
  db: Db,
  values: Omit<typeof projectStages.$inferInsert, 'position'>,
): Promise<StageRow> {
  const [row] = await db
    .insert(projectStages)
    .values({
      ...values,
      position: sql`(SELECT coalesce(max(position), 0) + 1 FROM project_stages WHERE project_id = ${values.projectId})`,
    })
    .returning();
  if (!row) throw new Error('insert into project_stages returned no row');
  return row;
}

export async function listMilestones(db: Db, organisationId: string, projectId: string): Promise<MilestoneRow[]> {
  return db
    .select()
    .from(projectMilestones)
    .where(and(eq(projectMilestones.organisationId, organisationId), eq(projectMilestones.projectId, projectId)))
    .orderBy(
      sql`coalesce(${projectMilestones.revisedDueDate}, ${projectMilestones.dueDate})`,
      asc(projectMilestones.createdAt),
    );
}

export async function countOpenMilestones(db: Db, organisationId: string, projectId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(projectMilestones)
    .where(
      and(
        eq(projectMilestones.organisationId, organisationId),
        eq(projectMilestones.projectId, projectId),
        isNull(projectMilestones.completedOn),
      ),
    );
  return Number(row?.count ?? 0);
}

export async function findMilestone(db: Db, organisationId: string, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(projectMilestones)
    .where(
      and(
        eq(projectMilestones.organisationId, organisationId),
        eq(projectMilestones.projectId, projectId),
        eq(projectMilestones.id, id),
      ),
    );
  return row;
}

export async function insertMilestone(db: Db, values: typeof projectMilestones.$inferInsert): Promise<MilestoneRow> {
  const [row] = await db.insert(projectMilestones).values(values).returning();
  if (!row) throw new Error('insert into project_milestones returned no row');
  return row;
}

export async function updateMilestone(
  db: Db,
  id: string,
  values: Partial<typeof projectMilestones.$inferInsert>,
): Promise<MilestoneRow | undefined> {
  const [row] = await db.update(projectMilestones).set(values).where(eq(projectMilestones.id, id)).returning();
  return row;
}

// ---- highlight reports ----

export async function listUpdates(db: Db, organisationId: string, projectId: string): Promise<UpdateRow[]> {
  return db
    .select()
    .from(projectUpdates)
    .where(and(eq(projectUpdates.organisationId, organisationId), eq(projectUpdates.projectId, projectId)))
    .orderBy(desc(projectUpdates.reportedOn), desc(projectUpdates.createdAt), desc(projectUpdates.id));
}

/** Each project's latest highlight report (by report date, then when it was recorded). */
export async function latestUpdates(
  db: Db,
  organisationId: string,
  projectIds: readonly string[],
): Promise<Map<string, UpdateRow>> {
  const latest = new Map<string, UpdateRow>();
  if (projectIds.length === 0) return latest;
  const rows = await db
    .select()
    .from(projectUpdates)
    .where(and(eq(projectUpdates.organisationId, organisationId), inArray(projectUpdates.projectId, [...projectIds])))
    .orderBy(desc(projectUpdates.reportedOn), desc(projectUpdates.createdAt), desc(projectUpdates.id));
  for (const row of rows) if (!latest.has(row.projectId)) latest.set(row.projectId, row);
  return latest;
}

/** Every highlight report of the projects (for the one standing on a past date). */
export async function updatesOfProjects(
  db: Db,
  organisationId: string,
  projectIds: readonly string[],
): Promise<UpdateRow[]> {
  if (projectIds.length === 0) return [];
  return db
    .select()
    .from(projectUpdates)
    .where(and(eq(projectUpdates.organisationId, organisationId), inArray(projectUpdates.projectId, [...projectIds])));
}

export async function insertUpdate(db: Db, values: typeof projectUpdates.$inferInsert): Promise<UpdateRow> {
  const [row] = await db.insert(projectUpdates).values(values).returning();
  if (!row) throw new Error('insert into project_updates returned no row');
  return row;
}

// ---- roll-up contributions ----

/** The open projects linked to these items, one row per (project, item). */
export async function contributingProjects(db: Db, organisationId: string, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      itemId: projectItems.itemId,
      id: projects.id,
      code: projects.code,
      title: projects.title,
      status: projects.status,
      endDate: projects.endDate,
      key: projects.key,
      createdAt: projects.createdAt,
    })
    .from(projectItems)
    .innerJoin(projects, eq(projects.id, projectItems.projectId))
    .where(
      and(
        eq(projectItems.organisationId, organisationId),
        inArray(projectItems.itemId, [...itemIds]),
        notInArray(projects.status, ['closed', 'cancelled']),
      ),
    )
    .orderBy(asc(projects.code));
}
