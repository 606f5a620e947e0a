/**
 * The risk registers API: registers (with their heat maps), risks (with scores on the matrix
 * version each was assessed on), reassessments, controls, escalation, closure, and the council's
 * matrix and appetite. Inputs are the same zod schemas the forms use.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Result } from '../../../kernel/result.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import {
  appetiteInput,
  closeInput,
  controlInput,
  matrixInput,
  moveInput,
  newRiskInput,
  reassessInput,
  REGISTER_LEVELS,
  registerInput,
  riskDetailsInput,
} from '../domain/index.ts';
import type { RiskView } from '../risk-view.ts';
import type { RisksServices } from '../services.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const read = { access: { permission: 'view:risks' } } as const;
const edit = { access: { permission: 'edit:risks' } } as const;
const manage = { access: { permission: 'manage:framework' } } as const;

const score = z.object({
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int().meta({ description: 'likelihood × impact' }),
  band: z.object({ label: z.string(), colour: z.string(), index: z.number().int() }),
});

const riskSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    cause: z.string(),
    event: z.string(),
    effect: z.string(),
    registerId: z.uuid(),
    registerName: z.string(),
    registerLevel: z.enum(REGISTER_LEVELS),
    owner: z.object({ id: z.uuid(), name: z.string(), hasLeft: z.boolean() }),
    type: z.string(),
    category: z.string(),
    categoryName: z.string(),
    reviewFrequency: z.string(),
    nextReviewOn: z.iso.date(),
    reviewOverdue: z.boolean(),
    status: z.string(),
    closedReason: z.string().nullable(),
    closedOn: z.iso.date().nullable(),
    matrixVersion: z.number().int().meta({ description: 'The matrix version the latest assessment was scored on' }),
    inherent: score,
    current: score,
    target: score,
    appetite: z.number().int().nullable(),
    beyondAppetite: z.boolean(),
    assessedOn: z.iso.date(),
  })
  .meta({ id: 'Risk' });

const toRisk = (risk: RiskView) => riskSchema.parse(risk);

const cellSchema = z.object({
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  count: z.number().int(),
});
const heatMapSchema = z.object({ total: z.number().int(), offMatrix: z.number().int(), cells: z.array(cellSchema) });

const registerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    level: z.enum(REGISTER_LEVELS),
    unitId: z.uuid(),
    unitName: z.string(),
    ownerPersonId: z.uuid(),
    ownerName: z.string(),
    description: z.string(),
  })
  .meta({ id: 'RiskRegister' });

const registerDetail = registerSchema
  .extend({
    risks: z.array(riskSchema),
    heatMap: z.object({
      today: z.iso.date(),
      previousQuarterEnd: z.iso.date(),
      now: heatMapSchema,
      previous: heatMapSchema,
    }),
  })
  .meta({ id: 'RiskRegisterDetail' });

const created = z.object({ id: z.uuid() });
const matrixSchema = matrixInput.extend({ version: z.number().int() }).meta({ id: 'RiskMatrix' });

function send<T>(reply: FastifyReply, result: Result<T>, shape: (value: T) => unknown, status = 200) {
  return result.ok ? reply.code(status).send(shape(result.value)) : sendProblem(reply, result.error);
}

export async function risksApi(app: FastifyInstance, { services }: { services: RisksServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { riskRegisters, risks, riskChanges, riskSettings } = services;
  const tags = ['Risks'];
  const cells = (map: {
    rows: { likelihood: number; impact: number; score: number; count: number }[][];
    total: number;
    offMatrix: number;
  }) => ({
    total: map.total,
    offMatrix: map.offMatrix,
    cells: map.rows.flat().map(({ likelihood, impact, score: s, count }) => ({ likelihood, impact, score: s, count })),
  });
  const id = (value: { id: string }) => ({ id: value.id });

  api.get(
    '/risk-registers',
    {
      config: read,
      schema: { tags, summary: 'The risk registers', response: { 200: z.array(registerSchema), ...problemResponses } },
    },
    async (request, reply) =>
      send(reply, await riskRegisters.list(request.caller()), (rows) => rows.map((r) => registerSchema.parse(r))),
  );

  api.post(
    '/risk-registers',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Create a risk register',
        body: registerInput,
        response: { 201: created, ...problemResponses },
      },
    },
    async (request, reply) => send(reply, await riskRegisters.create(request.caller(), request.body), id, 201),
  );

  api.get(
    '/risk-registers/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A risk register with its open risks and heat map',
        description:
          'The heat map counts open risks by current likelihood and impact now and at the end of the previous quarter (from the assessment history).',
        params: idParams,
        response: { 200: registerDetail, ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await riskRegisters.get(request.caller(), request.params.id), (page) => ({
        ...registerSchema.parse(page.register),
        risks: page.risks.map(toRisk),
        heatMap: {
          today: page.heatMap.today,
          previousQuarterEnd: page.heatMap.previousOn,
          now: cells(page.heatMap.now),
          previous: cells(page.heatMap.previous),
        },
      })),
  );

  api.put(
    '/risk-registers/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change a risk register',
        params: idParams,
        body: registerInput,
        response: { 200: created, ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await riskRegisters.update(request.caller(), request.params.id, request.body), id),
  );

  api.post(
    '/risk-registers/:id/risks',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a risk to a register, with its first assessment',
        description:
          'Scores are on the council’s current matrix; the target score may not be above the inherent score; the review date may not be in the past; the owner must not have left.',
        params: idParams,
        body: newRiskInput,
        response: { 201: created, ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await risks.create(request.caller(), request.params.id, request.body), id, 201),
  );

  const filters = z.object({
    registerId: z.uuid().optional(),
    ownerPersonId: z.uuid().optional(),
    category: z.string().optional(),
    band: z.string().optional(),
    beyondAppetite: z.enum(['true', 'false']).optional(),
    reviewOverdue: z.enum(['true', 'false']).optional(),
    status: z.enum(['open', 'closed', 'all']).optional(),
  });
  api.get(
    '/risks',
    {
      config: read,
      schema: {
        tags,
        summary: 'Risks, filtered',
        querystring: filters,
        response: { 200: z.array(riskSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await risks.list(request.caller(), {
        ...q,
        beyondAppetite: q.beyondAppetite === 'true',
        reviewOverdue: q.reviewOverdue === 'true',
      });
      return send(reply, result, (value) => value.risks.map(toRisk));
    },
  );

  const detail = riskSchema
    .extend({
      controls: z.array(
        z.object({
          id: z.uuid(),
          description: z.string(),
          ownerPersonId: z.uuid(),
          ownerName: z.string(),
          effectiveness: z.string(),
        }),
      ),
      history: z.array(
        z.object({
          assessedOn: z.iso.date(),
          by: z.string(),
          commentary: z.string(),
          matrixVersion: z.number().int(),
          inherent: score,
          current: score,
          target: score,
        }),
      ),
      events: z.array(
        z.object({
          kind: z.string(),
          fromRegisterId: z.uuid().nullable(),
          toRegisterId: z.uuid().nullable(),
          reason: z.string(),
          by: z.string(),
          at: z.iso.datetime(),
        }),
      ),
      links: z.object({
        items: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
        measures: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
        actions: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
      }),
    })
    .meta({ id: 'RiskDetail' });
  api.get(
    '/risks/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A risk with its controls, assessment history and escalations',
        params: idParams,
        response: { 200: detail, ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await risks.get(request.caller(), request.params.id), (d) => ({
        ...toRisk(d.risk),
        controls: d.controls,
        history: d.history.map((h) => ({
          assessedOn: h.assessedOn,
          by: h.by,
          commentary: h.commentary,
          matrixVersion: h.matrixVersion,
          inherent: h.inherent,
          current: h.current,
          target: h.target,
        })),
        events: d.events.map((e) => ({
          kind: e.kind,
          fromRegisterId: e.fromRegisterId,
          toRegisterId: e.toRegisterId,
          reason: e.reason,
          by: e.byName,
          at: e.at.toISOString(),
        })),
        links: d.links,
      })),
  );

  api.put(
    '/risks/:id',
    {
      config: edit,
      schema: {
        tags,
        summary:
          'Change a risk’s details (not its scores: reassess for that). itemIds, measureIds and actionIds each replace that kind of link; one left out keeps those links',
        params: idParams,
        body: riskDetailsInput,
        response: { 200: created, ...problemResponses },
      },
    },
    async (request, reply) => send(reply, await risks.update(request.caller(), request.params.id, request.body), id),
  );
  api.post(
    '/risks/:id/assessments',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Reassess a risk (kept as history)',
        params: idParams,
        body: reassessInput,
        response: { 201: created, ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await risks.reassess(request.caller(), request.params.id, request.body), id, 201),
  );
  api.post(
    '/risks/:id/controls',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a control to a risk',
        params: idParams,
        body: controlInput,
        response: { 201: created, ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await riskChanges.addControl(request.caller(), request.params.id, request.body), id, 201),
  );
  const controlParams = idParams.extend({ controlId: z.uuid({ message: phraseText('apiInputs.uuid') }) });
  api.put(
    '/risks/:id/controls/:controlId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change a control',
        params: controlParams,
        body: controlInput,
        response: { 200: created, ...problemResponses },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await riskChanges.editControl(request.caller(), request.params.id, request.params.controlId, request.body),
        id,
      ),
  );
  for (const direction of ['escalate', 'de-escalate'] as const) {
    api.post(
      `/risks/:id/${direction}`,
      {
        config: edit,
        schema: {
          tags,
          summary: `${direction === 'escalate' ? 'Escalate a risk to a higher' : 'De-escalate a risk to a lower'} register, with a reason`,
          params: idParams,
          body: moveInput,
          response: { 200: created, ...problemResponses },
        },
      },
      async (request, reply) =>
        send(reply, await riskChanges.move(request.caller(), request.params.id, request.body, direction), id),
    );
  }
  api.post(
    '/risks/:id/close',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Close a risk, with a reason',
        params: idParams,
        body: closeInput,
        response: { 200: created, ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await risks.close(request.caller(), request.params.id, request.body.reason), id),
  );

  const settingsSchema = z.object({
    current: matrixSchema,
    versions: z.array(matrixSchema.extend({ usedBy: z.number().int() })),
    categories: z.array(z.object({ code: z.string(), name: z.string(), appetite: z.number().int().nullable() })),
  });
  api.get(
    '/risk-matrix',
    {
      config: read,
      schema: {
        tags,
        summary: 'The council’s risk matrix, its versions and the appetite per category',
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await riskSettings.get(request.caller()), (s) => ({
        current: { version: s.current.version, ...s.current.matrix },
        versions: s.versions.map((v) => ({ version: v.version, usedBy: v.usedBy, ...v.matrix })),
        categories: s.categories,
      })),
  );
  const saved = z.object({ version: z.number().int(), kind: z.enum(['revise', 'new-version', 'unchanged']) });
  api.put(
    '/risk-matrix',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the council’s risk matrix',
        description:
          'Revises the current version if no assessment uses it; otherwise saves the change as the next version.',
        body: matrixInput,
        response: { 200: saved, ...problemResponses },
      },
    },
    async (request, reply) => send(reply, await riskSettings.saveMatrix(request.caller(), request.body), (v) => v),
  );
  const versionParams = z.object({ version: z.coerce.number().int().min(1) });
  api.put(
    '/risk-matrix/versions/:version',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change one version of the matrix',
        description: 'Refused with 409 when any assessment uses the version.',
        params: versionParams,
        body: matrixInput,
        response: { 200: z.object({ version: z.number().int() }), ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await riskSettings.reviseVersion(request.caller(), request.params.version, request.body), (v) => v),
  );
  api.put(
    '/risk-appetite',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Replace the council’s risk categories and their appetite',
        body: appetiteInput,
        response: { 200: z.object({ count: z.number().int() }), ...problemResponses },
      },
    },
    async (request, reply) =>
      send(reply, await riskSettings.saveCategories(request.caller(), request.body.categories), (v) => v),
  );
}
