import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { forbidden, onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/projects.repository.ts';
import { formOptions, type FormOptions } from './data/options.repository.ts';
import {
  reviseEndDate,
  transition,
  type ProjectActionInput,
  type ProjectChangeInput,
  type ProjectInput,
  type ProjectStatus,
} from './domain/index.ts';
import { checkPerson, checkProjectReferences, checkUnit, mayEdit } from './references.ts';
import { phrase, phraseText } from '../../kernel/phrase.ts';

export type Project = repo.ProjectSummary;
export type ProjectFilters = repo.ProjectFilters;
export type ProjectStage = repo.StageRow;
export type ProjectMilestone = repo.MilestoneRow;
export type ProjectUpdate = repo.UpdateRow;
export type { FormOptions };

export interface ProjectListEntry extends Project {
  latest: ProjectUpdate | null;
}

export interface ProjectDetail {
  project: Project;
  items: Awaited<ReturnType<typeof repo.projectItemsOf>>;
  stages: ProjectStage[];
  milestones: ProjectMilestone[];
  updates: ProjectUpdate[];
  mayEdit: boolean;
}

const duplicateCode = (code: string) =>
  refuse('duplicate', phraseText('projectRefusals.duplicateCode', { code }), 'code');
export const MAY_NOT_EDIT = phraseText('projectRefusals.mayNotEdit');

/** What a project row holds of the input (everything but its items and the end-date reason). */
function columnsOf(input: ProjectInput) {
  const { itemIds: _items, budget, ...rest } = input;
  return { ...rest, budgetPence: budget };
}

export function createProjectsService({ db }: ServiceDeps) {
  async function checkInput(tx: Db, caller: Caller, input: ProjectInput): Promise<Result<void>> {
    const org = caller.organisationId;
    for (const check of [
      await checkPerson(tx, org, 'sponsorPersonId', input.sponsorPersonId),
      await checkPerson(tx, org, 'managerPersonId', input.managerPersonId),
      await checkUnit(tx, org, input.unitId),
      await checkProjectReferences(tx, org, input),
    ]) {
      if (!check.ok) return check;
    }
    if (!(await mayEdit(tx, caller, input.unitId))) return forbidden(MAY_NOT_EDIT);
    return ok(undefined);
  }

  const audit = (
    tx: Db,
    caller: Caller,
    entityId: string,
    action: string,
    values: { old?: unknown; new?: unknown; reason?: string },
  ) =>
    recordAudit(tx, {
      organisationId: caller.organisationId,
      actor: actorOf(caller),
      entityType: 'project',
      entityId,
      action,
      oldValue: values.old,
      newValue: values.new,
      ...(values.reason ? { reason: values.reason } : {}),
    });

  return {
    /** What the project form offers: the council's active people, units, bodies, programmes, plans and the chosen plan's items. */
    formOptions(caller: Caller, planId: string | null): Promise<FormOptions> {
      return formOptions(db, caller.organisationId, planId);
    },

    async list(caller: Caller, filters: ProjectFilters = {}): Promise<ProjectListEntry[]> {
      const rows = await repo.listProjects(db, caller.organisationId, filters);
      const latest = await repo.latestUpdates(
        db,
        caller.organisationId,
        rows.map((row) => row.id),
      );
      return rows.map((row) => ({ ...row, latest: latest.get(row.id) ?? null }));
    },

    async get(caller: Caller, id: string): Promise<Result<Project>> {
      const project = await repo.findProject(db, caller.organisationId, id);
      return project ? ok(project) : notFound('project');
    },

    async detail(caller: Caller, id: string): Promise<Result<ProjectDetail>> {
      const org = caller.organisationId;
      const project = await repo.findProject(db, org, id);
      if (!project) return notFound('project');
      return ok({
        project,
        items: await repo.projectItemsOf(db, org, id),
        stages: await repo.listStages(db, org, id),
        milestones: await repo.listMilestones(db, org, id),
        updates: await repo.listUpdates(db, org, id),
        mayEdit: await mayEdit(db, caller, project.unitId),
      });
    },

    async create(caller: Caller, input: ProjectInput): Promise<Result<Project>> {
      return inTransaction(db, async (tx) => {
        const check = await checkInput(tx, caller, input);
        if (!check.ok) return check;
        if (await repo.findProjectByCode(tx, caller.organisationId, input.code)) return duplicateCode(input.code);
        const row = await repo.insertProject(tx, { organisationId: caller.organisationId, ...columnsOf(input) });
        await repo.setProjectItems(tx, caller.organisationId, row.id, input.itemIds);
        await audit(tx, caller, row.id, 'create', { new: input });
        return ok((await repo.findProject(tx, caller.organisationId, row.id))!);
      }).catch(onUniqueViolation(() => duplicateCode(input.code)));
    },

    async update(caller: Caller, id: string, input: ProjectChangeInput): Promise<Result<Project>> {
      const { endDateReason, ...fields } = input;
      return inTransaction(db, async (tx) => {
        const org = caller.organisationId;
        const existing = await repo.lockProject(tx, org, id);
        if (!existing) return notFound('project');
        if (existing.status === 'closed' || existing.status === 'cancelled') {
          return refuse(
            'invalid_state',
            phraseText('projectRefusals.noLongerChanged', {
              status: phrase(`projectInSentence.status.${existing.status}`),
            }),
          );
        }
        if (!(await mayEdit(tx, caller, existing.unitId))) return forbidden(MAY_NOT_EDIT);
        const check = await checkInput(tx, caller, fields);
        if (!check.ok) return check;
        const same = await repo.findProjectByCode(tx, org, fields.code);
        if (same && same.id !== id) return duplicateCode(fields.code);
        const ends = reviseEndDate(existing, fields.endDate, endDateReason);
        if (!ends.ok) return ends;
        const columns = { ...columnsOf(fields), ...ends.value };
        const items = await repo.projectItemsOf(tx, org, id);
        await repo.updateProject(tx, org, id, columns);
        await repo.setProjectItems(tx, org, id, fields.itemIds);
        await audit(tx, caller, id, 'update', {
          old: { ...oldValuesOf(existing, columns), itemIds: items.map((item) => item.id) },
          new: { ...columns, itemIds: fields.itemIds },
          reason: fields.endDate !== existing.endDate ? endDateReason : '',
        });
        return ok((await repo.findProject(tx, org, id))!);
      }).catch(onUniqueViolation(() => duplicateCode(fields.code)));
    },

    /** Start, hold, resume, close (no open milestones) or cancel (with a reason). */
    async act(caller: Caller, id: string, input: ProjectActionInput): Promise<Result<Project>> {
      return inTransaction(db, async (tx) => {
        const org = caller.organisationId;
        const existing = await repo.lockProject(tx, org, id);
        if (!existing) return notFound('project');
        if (!(await mayEdit(tx, caller, existing.unitId))) return forbidden(MAY_NOT_EDIT);
        const openMilestones = input.action === 'close' ? await repo.countOpenMilestones(tx, org, id) : 0;
        const next = transition(existing.status, input.action, { openMilestones, reason: input.reason });
        if (!next.ok) return next;
        const status: ProjectStatus = next.value;
        await repo.updateProject(tx, org, id, { status, statusReason: input.reason });
        await audit(tx, caller, id, input.action, {
          old: { status: existing.status },
          new: { status },
          reason: input.reason,
        });
        return ok((await repo.findProject(tx, org, id))!);
      });
    },
  };
}
