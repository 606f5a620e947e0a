import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatMoney, type Money } from '../../../kernel/money.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import {
  DELIVERY_RAGS,
  milestoneCompletionInput,
  milestoneInput,
  milestoneRevisionInput,
  programmeInput,
  PROJECT_STATUSES,
  projectActionInput,
  projectChangeInput,
  projectInput,
  projectUpdateInput,
  stageInput,
} from '../domain/index.ts';
import type { Programme } from '../programmes.service.ts';
import type { Project, ProjectDetail, ProjectMilestone, ProjectUpdate } from '../projects.service.ts';
import type { ProjectsServices } from '../services.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const rag = z.enum(DELIVERY_RAGS);
const nullableId = z.uuid().nullable();

const programmeSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    sponsorPersonId: nullableId,
    sponsorName: z.string().nullable(),
    managerPersonId: nullableId,
    managerName: z.string().nullable(),
    unitId: nullableId,
    unitName: z.string().nullable(),
  })
  .meta({ id: 'Programme' });

const projectSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    programmeId: nullableId,
    planId: nullableId,
    unitId: nullableId,
    sponsorPersonId: z.uuid(),
    sponsorName: z.string(),
    managerPersonId: z.uuid(),
    managerName: z.string(),
    boardId: nullableId,
    boardName: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string().describe('The end date in force (the latest revision, if revised)'),
    originalEndDate: z.string().nullable().describe('The end date first agreed, once revised'),
    endDateReason: z.string(),
    budgetPence: z.number().int().nullable().describe('The budget in whole pence'),
    budget: z.string().nullable().describe('The budget in pounds and pence, as shown'),
    key: z.boolean(),
    status: z.enum(PROJECT_STATUSES),
    statusReason: z.string(),
  })
  .meta({ id: 'Project' });

const milestoneSchema = z
  .object({
    id: z.uuid(),
    stageId: nullableId,
    title: z.string(),
    dueDate: z.string(),
    revisedDueDate: z.string().nullable(),
    revisionReason: z.string(),
    completedOn: z.string().nullable(),
  })
  .meta({ id: 'ProjectMilestone' });

const stageSchema = z
  .object({ id: z.uuid(), position: z.number().int(), name: z.string(), startDate: z.string(), endDate: z.string() })
  .meta({ id: 'ProjectStage' });

const updateSchema = z
  .object({
    id: z.uuid(),
    reportedOn: z.string(),
    authorName: z.string(),
    timeRag: rag,
    timeCommentary: z.string(),
    costRag: rag,
    costCommentary: z.string(),
    scopeRag: rag,
    scopeCommentary: z.string(),
    qualityRag: rag,
    qualityCommentary: z.string(),
    overallRag: rag,
    percentComplete: z.number().int(),
    commentary: z.string(),
  })
  .meta({ id: 'ProjectHighlightReport' });

const projectDetailSchema = projectSchema
  .extend({
    itemIds: z.array(z.uuid()).describe('The plan items it contributes to'),
    stages: z.array(stageSchema),
    milestones: z.array(milestoneSchema),
    updates: z.array(updateSchema).describe('Highlight reports, latest first'),
  })
  .meta({ id: 'ProjectDetail' });

const toProgramme = (row: Programme) => programmeSchema.parse(row);
const toProject = (row: Project) =>
  projectSchema.parse({ ...row, budget: row.budgetPence === null ? null : formatMoney(row.budgetPence as Money) });
const toMilestone = (row: ProjectMilestone) => milestoneSchema.parse(row);
const toUpdate = (row: ProjectUpdate) => updateSchema.parse(row);
const toDetail = (detail: ProjectDetail) =>
  projectDetailSchema.parse({
    ...toProject(detail.project),
    itemIds: detail.items.map((item) => item.id),
    stages: detail.stages,
    milestones: detail.milestones,
    updates: detail.updates,
  });

const listQuery = z.object({
  manager: z.uuid({ message: phraseText('apiInputs.uuid') }).optional(),
  unit: z.uuid({ message: phraseText('apiInputs.uuid') }).optional(),
  programme: z.uuid({ message: phraseText('apiInputs.uuid') }).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
});

const milestoneParams = z.object({
  id: z.uuid({ message: phraseText('apiInputs.uuid') }),
  milestoneId: z.uuid({ message: phraseText('apiInputs.uuid') }),
});

export async function projectsApi(app: FastifyInstance, { services }: { services: ProjectsServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const view = { access: { permission: 'view:plans' } } as const;
  const edit = { access: { permission: 'edit:plans' } } as const;
  const programmeTags = ['Programmes'];
  const tags = ['Projects'];

  api.get(
    '/programmes',
    {
      config: view,
      schema: {
        tags: programmeTags,
        summary: 'List programmes',
        response: { 200: z.array(programmeSchema), ...problemResponses },
      },
    },
    async (request) => (await services.programmes.list(request.caller())).map(toProgramme),
  );

  api.get(
    '/programmes/:id',
    {
      config: view,
      schema: {
        tags: programmeTags,
        summary: 'Get a programme',
        params: idParams,
        response: { 200: programmeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.programmes.get(request.caller(), request.params.id);
      return result.ok ? toProgramme(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/programmes',
    {
      config: edit,
      schema: {
        tags: programmeTags,
        summary: 'Add a programme',
        body: programmeInput,
        response: { 201: programmeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.programmes.create(request.caller(), request.body);
      return result.ok ? reply.code(201).send(toProgramme(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/programmes/:id',
    {
      config: edit,
      schema: {
        tags: programmeTags,
        summary: 'Change a programme',
        params: idParams,
        body: programmeInput,
        response: { 200: programmeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.programmes.update(request.caller(), request.params.id, request.body);
      return result.ok ? toProgramme(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/projects',
    {
      config: view,
      schema: {
        tags,
        summary: 'List projects, filtered by manager, unit, programme or status',
        querystring: listQuery,
        response: { 200: z.array(projectSchema.extend({ latestOverallRag: rag.nullable() })), ...problemResponses },
      },
    },
    async (request) => {
      const { manager, unit, programme, status } = request.query;
      const rows = await services.projects.list(request.caller(), {
        managerPersonId: manager,
        unitId: unit,
        programmeId: programme,
        status,
      });
      return rows.map((row) => ({ ...toProject(row), latestOverallRag: row.latest?.overallRag ?? null }));
    },
  );

  api.get(
    '/projects/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'Get a project with its stages, milestones and highlight reports',
        params: idParams,
        response: { 200: projectDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.projects.detail(request.caller(), request.params.id);
      return result.ok ? toDetail(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/projects',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a project',
        body: projectInput,
        response: { 201: projectSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.projects.create(request.caller(), request.body);
      return result.ok ? reply.code(201).send(toProject(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/projects/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change a project (a new end date needs endDateReason and keeps the original)',
        params: idParams,
        body: projectChangeInput,
        response: { 200: projectSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.projects.update(request.caller(), request.params.id, request.body);
      return result.ok ? toProject(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/projects/:id/status',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Start, hold, resume, close (no open milestones) or cancel (with a reason) a project',
        params: idParams,
        body: projectActionInput,
        response: { 200: projectSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.projects.act(request.caller(), request.params.id, request.body);
      return result.ok ? toProject(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/projects/:id/updates',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Record a highlight report (append-only)',
        params: idParams,
        body: projectUpdateInput,
        response: { 201: updateSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.projectDelivery.recordUpdate(request.caller(), request.params.id, request.body);
      return result.ok ? reply.code(201).send(toUpdate(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/projects/:id/stages',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a stage (after the last)',
        params: idParams,
        body: stageInput,
        response: { 201: stageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.projectDelivery.addStage(request.caller(), request.params.id, request.body);
      return result.ok ? reply.code(201).send(stageSchema.parse(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/projects/:id/milestones',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a milestone',
        params: idParams,
        body: milestoneInput,
        response: { 201: milestoneSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.projectDelivery.addMilestone(request.caller(), request.params.id, request.body);
      return result.ok ? reply.code(201).send(toMilestone(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/projects/:id/milestones/:milestoneId/revise',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Revise a milestone’s due date (with a reason; the original is kept)',
        params: milestoneParams,
        body: milestoneRevisionInput,
        response: { 200: milestoneSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { id, milestoneId } = request.params;
      const result = await services.projectDelivery.reviseMilestone(request.caller(), id, milestoneId, request.body);
      return result.ok ? toMilestone(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/projects/:id/milestones/:milestoneId/complete',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Record a milestone as complete',
        params: milestoneParams,
        body: milestoneCompletionInput,
        response: { 200: milestoneSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { id, milestoneId } = request.params;
      const result = await services.projectDelivery.completeMilestone(request.caller(), id, milestoneId, request.body);
      return result.ok ? toMilestone(result.value) : sendProblem(reply, result.error);
    },
  );
}
