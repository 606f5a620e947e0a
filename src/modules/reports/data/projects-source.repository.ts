/**
 * The projects a report lists as off track, read through the tables the projects module's index.ts
 * publishes and judged at the report period's end (domain/projects-off-track.ts). Only reads; every
 * query is scoped to the organisation.
 */
import { and, asc, desc, eq, inArray, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { people } from '../../organisation/index.ts';
import { plans } from '../../plans/index.ts';
import { projectMilestones, projects, projectUpdates } from '../../projects/index.ts';
import { isOffTrack, offTrackReasons } from '../domain/projects-off-track.ts';
import type { ReportProject } from '../domain/report-data.ts';

/**
 * Projects still open (not closed or cancelled) in the report's scope and off track on the date. A
 * project belongs to its own unit, else to the unit owning its plan (unitIds null: the whole
 * council, where every project counts).
 */
export async function projectsOffTrack(
  db: Db,
  organisationId: string,
  unitIds: Set<string> | null,
  on: string,
): Promise<ReportProject[]> {
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      title: projects.title,
      ownerName: people.name,
      endDate: projects.endDate,
      unitId: projects.unitId,
      planUnitId: plans.owningUnitId,
    })
    .from(projects)
    .leftJoin(plans, eq(plans.id, projects.planId))
    .leftJoin(people, eq(people.id, projects.managerPersonId))
    .where(and(eq(projects.organisationId, organisationId), notInArray(projects.status, ['closed', 'cancelled'])))
    .orderBy(asc(projects.code));
  const open = rows.filter((row) => {
    if (unitIds === null) return true;
    const unit = row.unitId ?? row.planUnitId;
    return unit !== null && unitIds.has(unit);
  });
  if (open.length === 0) return [];
  const ids = open.map((project) => project.id);
  const [milestones, updates] = await Promise.all([
    db
      .select({
        projectId: projectMilestones.projectId,
        dueDate: projectMilestones.dueDate,
        revisedDueDate: projectMilestones.revisedDueDate,
        completedOn: projectMilestones.completedOn,
      })
      .from(projectMilestones)
      .where(and(eq(projectMilestones.organisationId, organisationId), inArray(projectMilestones.projectId, ids))),
    db
      .select({ projectId: projectUpdates.projectId, overallRag: projectUpdates.overallRag })
      .from(projectUpdates)
      .where(
        and(
          eq(projectUpdates.organisationId, organisationId),
          inArray(projectUpdates.projectId, ids),
          lte(projectUpdates.reportedOn, on),
        ),
      )
      .orderBy(desc(projectUpdates.reportedOn), desc(projectUpdates.createdAt)),
  ]);
  return open.flatMap((project) => {
    const reasons = offTrackReasons(
      {
        endDate: project.endDate,
        latestOverallRag: updates.find((u) => u.projectId === project.id)?.overallRag ?? null,
        milestones: milestones.filter((m) => m.projectId === project.id),
      },
      on,
    );
    if (!isOffTrack(reasons)) return [];
    return [
      {
        id: project.id,
        code: project.code,
        title: project.title,
        ownerName: project.ownerName,
        endDate: project.endDate,
        reasons,
      },
    ];
  });
}
