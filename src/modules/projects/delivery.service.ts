/** A project's stages, milestones and highlight reports: each write locks the project, checks it is still open, and is audited. */
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/projects.repository.ts';
import {
  refuseIfFinished,
  type MilestoneCompletionInput,
  type MilestoneInput,
  type MilestoneRevisionInput,
  type ProjectUpdateInput,
  type StageInput,
} from './domain/index.ts';
import { MAY_NOT_EDIT } from './projects.service.ts';
import { mayEdit } from './references.ts';
import { phraseText } from '../../kernel/phrase.ts';

export function createDeliveryService({ db }: ServiceDeps) {
  /** The open project, locked, that the caller may change; or why not. */
  async function openProject(tx: Db, caller: Caller, projectId: string): Promise<Result<repo.ProjectRow>> {
    const project = await repo.lockProject(tx, caller.organisationId, projectId);
    if (!project) return notFound('project');
    if (!(await mayEdit(tx, caller, project.unitId))) return forbidden(MAY_NOT_EDIT);
    const open = refuseIfFinished(project.status);
    return open.ok ? ok(project) : open;
  }

  const audit = (
    tx: Db,
    caller: Caller,
    projectId: string,
    action: string,
    newValue: unknown,
    oldValue?: unknown,
    reason?: string,
  ) =>
    recordAudit(tx, {
      organisationId: caller.organisationId,
      actor: actorOf(caller),
      entityType: 'project',
      entityId: projectId,
      action,
      newValue,
      oldValue,
      ...(reason ? { reason } : {}),
    });

  async function openMilestone(tx: Db, caller: Caller, projectId: string, milestoneId: string) {
    const project = await openProject(tx, caller, projectId);
    if (!project.ok) return project;
    const milestone = await repo.findMilestone(tx, caller.organisationId, projectId, milestoneId);
    if (!milestone) return notFound('milestone');
    return ok(milestone);
  }

  return {
    async addStage(caller: Caller, projectId: string, input: StageInput): Promise<Result<repo.StageRow>> {
      return inTransaction(db, async (tx) => {
        const project = await openProject(tx, caller, projectId);
        if (!project.ok) return project;
        const stage = await repo.insertStage(tx, { organisationId: caller.organisationId, projectId, ...input });
        await audit(tx, caller, projectId, 'add-stage', { ...input, position: stage.position });
        return ok(stage);
      });
    },

    /** Moves a stage one place up or down (the page's buttons, no script), audited. */
    async moveStage(
      caller: Caller,
      projectId: string,
      stageId: string,
      direction: 'up' | 'down',
    ): Promise<Result<{ position: number }>> {
      return inTransaction(db, async (tx) => {
        const project = await openProject(tx, caller, projectId);
        if (!project.ok) return project;
        const stages = await repo.listStages(tx, caller.organisationId, projectId);
        const index = stages.findIndex((stage) => stage.id === stageId);
        if (index < 0) return notFound('stage');
        const stage = stages[index]!;
        const neighbour = stages[direction === 'up' ? index - 1 : index + 1];
        if (!neighbour) {
          return refuse(
            'invalid_state',
            phraseText(direction === 'up' ? 'projectRefusals.stageFirst' : 'projectRefusals.stageLast'),
          );
        }
        await repo.swapStagePositions(tx, caller.organisationId, stage, neighbour);
        await audit(
          tx,
          caller,
          projectId,
          'move-stage',
          { stageId, position: neighbour.position },
          { stageId, position: stage.position },
        );
        return ok({ position: neighbour.position });
      });
    },

    async addMilestone(caller: Caller, projectId: string, input: MilestoneInput): Promise<Result<repo.MilestoneRow>> {
      return inTransaction(db, async (tx) => {
        const project = await openProject(tx, caller, projectId);
        if (!project.ok) return project;
        if (input.stageId) {
          const stages = await repo.listStages(tx, caller.organisationId, projectId);
          if (!stages.some((stage) => stage.id === input.stageId)) {
            return refuse('invalid', phraseText('projectRefusals.stage'), 'stageId');
          }
        }
        const milestone = await repo.insertMilestone(tx, {
          organisationId: caller.organisationId,
          projectId,
          ...input,
        });
        await audit(tx, caller, projectId, 'add-milestone', { milestoneId: milestone.id, ...input });
        return ok(milestone);
      });
    },

    /** A new due date keeps the first one; it needs a reason (the input requires one). */
    async reviseMilestone(
      caller: Caller,
      projectId: string,
      milestoneId: string,
      input: MilestoneRevisionInput,
    ): Promise<Result<repo.MilestoneRow>> {
      return inTransaction(db, async (tx) => {
        const milestone = await openMilestone(tx, caller, projectId, milestoneId);
        if (!milestone.ok) return milestone;
        if (milestone.value.completedOn) {
          return refuse('invalid_state', phraseText('projectRefusals.milestoneCompleteNoRevise'));
        }
        const updated = await repo.updateMilestone(tx, milestoneId, {
          revisedDueDate: input.revisedDueDate,
          revisionReason: input.reason,
        });
        await audit(
          tx,
          caller,
          projectId,
          'revise-milestone',
          { milestoneId, revisedDueDate: input.revisedDueDate },
          { milestoneId, dueDate: milestone.value.dueDate, revisedDueDate: milestone.value.revisedDueDate },
          input.reason,
        );
        return ok(updated!);
      });
    },

    async completeMilestone(
      caller: Caller,
      projectId: string,
      milestoneId: string,
      input: MilestoneCompletionInput,
    ): Promise<Result<repo.MilestoneRow>> {
      return inTransaction(db, async (tx) => {
        const milestone = await openMilestone(tx, caller, projectId, milestoneId);
        if (!milestone.ok) return milestone;
        if (milestone.value.completedOn)
          return refuse('invalid_state', phraseText('projectRefusals.milestoneAlreadyComplete'));
        const updated = await repo.updateMilestone(tx, milestoneId, { completedOn: input.completedOn });
        await audit(tx, caller, projectId, 'complete-milestone', { milestoneId, completedOn: input.completedOn });
        return ok(updated!);
      });
    },

    /** Appends a highlight report: never overwrites the last one. */
    async recordUpdate(caller: Caller, projectId: string, input: ProjectUpdateInput): Promise<Result<repo.UpdateRow>> {
      return inTransaction(db, async (tx) => {
        const project = await openProject(tx, caller, projectId);
        if (!project.ok) return project;
        const update = await repo.insertUpdate(tx, {
          organisationId: caller.organisationId,
          projectId,
          authorPersonId: caller.personId,
          authorName: caller.name,
          ...input,
        });
        await audit(tx, caller, projectId, 'highlight-report', { updateId: update.id, ...input });
        return ok(update);
      });
    },
  };
}
