import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { isoDate } from '../../../kernel/inputs.ts';
import { measureInput, retireInput } from '../domain/measure.ts';
import { targetInput, targetRevisionInput } from '../domain/targets.ts';
import {
  AGGREGATIONS,
  FREQUENCIES,
  MEASURE_STATUSES,
  MEASURE_TYPES,
  POLARITIES,
} from '../../../kernel/measurement/vocabulary.ts';
import type { MeasuresServices } from '../services.ts';
import { assigneeInput, breakdownInput, itemLinkInput } from '../measure-links.service.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import type { TargetWarning } from '../target-warnings.ts';
import { targetSchema, targetSetSchema } from './target-set.schema.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';

/** ISO 8601 date-time (responses are encoded, so no transforms: dates are converted before). */
const timestamp = z.string();

const ragThresholdsSchema = z
  .union([
    z.object({ kind: z.literal('percentage'), amberPercent: z.number() }),
    z.object({ kind: z.literal('absolute'), amberAmount: z.number() }),
    z.object({ kind: z.literal('bands'), amberLower: z.number().optional(), amberUpper: z.number().optional() }),
    z.object({ kind: z.literal('none') }),
  ])
  .meta({ id: 'RagThresholds' });

const measureSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    purpose: z.string(),
    definition: z.string(),
    calculation: z.string(),
    numeratorLabel: z.string(),
    denominatorLabel: z.string(),
    unit: z.string(),
    decimalPlaces: z.number().int(),
    polarity: z.enum(POLARITIES),
    frequency: z.enum(FREQUENCIES as unknown as [string, ...string[]]),
    aggregation: z.enum(AGGREGATIONS),
    dataSource: z.string(),
    collectionMethod: z.string(),
    measureType: z.enum(MEASURE_TYPES),
    baselineValue: z.number().nullable(),
    baselinePeriod: z.string().nullable(),
    ownerPersonId: z.uuid().nullable(),
    ownerUnitId: z.uuid().nullable(),
    verifierPersonId: z.uuid().nullable(),
    dataQualityNotes: z.string(),
    isKey: z.boolean(),
    allowsInPeriodEstimate: z.boolean(),
    status: z.enum(MEASURE_STATUSES),
    retiredAt: timestamp.nullable(),
    retiredReason: z.string(),
    tags: z.array(z.string()),
    minValue: z.number().nullable(),
    maxValue: z.number().nullable(),
    ragThresholds: ragThresholdsSchema,
    spcSettings: z.object({ screenMovingRanges: z.boolean(), baselinePoints: z.number().int().nullable() }),
    dueWorkingDays: z.number().int().nullable(),
    rowVersion: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Measure' });

const measureSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    unit: z.string(),
    frequency: z.string(),
    polarity: z.string(),
    measureType: z.string(),
    status: z.string(),
    isKey: z.boolean(),
    tags: z.array(z.string()),
    ownerPersonId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    ownerUnitId: z.uuid().nullable(),
    ownerUnitName: z.string().nullable(),
  })
  .meta({ id: 'MeasureSummary' });

const linkedItemSchema = z
  .object({
    itemId: z.uuid(),
    code: z.string(),
    title: z.string(),
    planId: z.uuid(),
    planTitle: z.string(),
    planStatus: z.string(),
  })
  .meta({ id: 'MeasureLinkedItem' });

const breakdownSchema = z
  .object({
    id: z.uuid(),
    dimension: z.string(),
    code: z.string(),
    label: z.string(),
    position: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'MeasureBreakdown' });

const detailSchema = z
  .object({
    measure: measureSchema,
    items: z.array(linkedItemSchema),
    assignees: z.array(z.object({ personId: z.uuid(), name: z.string(), email: z.string() })),
    breakdowns: z.array(breakdownSchema),
    targets: z.array(targetSchema),
  })
  .meta({ id: 'MeasureDetail' });

const listQuery = z.object({
  unitId: z.uuid({ message: phraseText('apiInputs.namedUuid', { field: 'unitId' }) }).optional(),
  ownerPersonId: z.uuid({ message: phraseText('apiInputs.namedUuid', { field: 'ownerPersonId' }) }).optional(),
  itemId: z.uuid({ message: phraseText('apiInputs.namedUuid', { field: 'itemId' }) }).optional(),
  key: z.enum(['true', 'false']).optional(),
  status: z.enum(MEASURE_STATUSES).optional(),
  tag: z.string().max(50).optional(),
  type: z.enum(MEASURE_TYPES).optional(),
  q: z.string().max(100).optional(),
});

/** Dates become ISO strings; then only the schema's fields are kept. */
function pick<S extends z.ZodObject>(schema: S, row: unknown): z.infer<S> {
  const plain = Object.fromEntries(
    Object.entries(row as Record<string, unknown>).map(([key, value]) => [
      key,
      value instanceof Date ? value.toISOString() : value,
    ]),
  );
  return schema.parse(plain);
}
const toMeasure = (row: unknown) => pick(measureSchema, row);
const toTarget = (row: unknown) => pick(targetSchema, row);
const toTargetSet = (row: { warnings: TargetWarning[] }) => ({ ...toTarget(row), warnings: row.warnings });

export async function measuresApi(app: FastifyInstance, { services }: { services: MeasuresServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Measures'];
  const view = { access: { permission: 'view:plans' } } as const;
  const edit = { access: { permission: 'edit:measures' } } as const;
  const withItem = z.object({
    id: z.uuid({ message: phraseText('apiInputs.uuid') }),
    itemId: z.uuid({ message: phraseText('apiInputs.uuid') }),
  });
  const withPerson = z.object({
    id: z.uuid({ message: phraseText('apiInputs.uuid') }),
    personId: z.uuid({ message: phraseText('apiInputs.uuid') }),
  });
  const withTarget = z.object({
    id: z.uuid({ message: phraseText('apiInputs.uuid') }),
    targetId: z.uuid({ message: phraseText('apiInputs.uuid') }),
  });

  api.get(
    '/measures',
    {
      config: view,
      schema: {
        tags,
        summary:
          'List measures (filter by unit and below, owner, plan item, key, status, tag, type; q searches code and title)',
        querystring: listQuery,
        response: { 200: z.array(measureSummarySchema), ...problemResponses },
      },
    },
    async (request) => {
      const caller = request.caller();
      const q = request.query;
      if (q.itemId) {
        const forItem = await services.measures.listForItem(caller, q.itemId);
        const ids = new Set(forItem.map((m) => m.id));
        return (await services.measures.list(caller))
          .filter((m) => ids.has(m.id))
          .map((m) => pick(measureSummarySchema, m));
      }
      const rows = await services.measures.list(caller, {
        ...(q.unitId ? { unitId: q.unitId } : {}),
        ...(q.ownerPersonId ? { ownerPersonId: q.ownerPersonId } : {}),
        ...(q.key === 'true' ? { keyOnly: true } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.tag ? { tag: q.tag } : {}),
        ...(q.type ? { measureType: q.type } : {}),
        ...(q.q ? { search: q.q } : {}),
      });
      return rows.map((m) => pick(measureSummarySchema, m));
    },
  );

  api.get(
    '/measures/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'Get a measure with its plan items, assignees, breakdowns and every target version',
        params: idParams,
        response: { 200: detailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.measures.detail(request.caller(), request.params.id);
      if (!result.ok) return sendProblem(reply, result.error);
      const d = result.value;
      return {
        measure: toMeasure(d.measure),
        items: d.items,
        assignees: d.assignees,
        breakdowns: d.breakdowns.map((b) => pick(breakdownSchema, b)),
        targets: d.targets.map(toTarget),
      };
    },
  );

  api.post(
    '/measures',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a measure',
        body: measureInput,
        response: { 201: measureSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.measures.create(request.caller(), request.body);
      return result.ok ? reply.code(201).send(toMeasure(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/measures/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change a measure definition (send If-Match: <rowVersion> to refuse a stale change)',
        params: idParams,
        body: measureInput,
        response: { 200: measureSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const ifMatch = request.headers['if-match'];
      const version =
        typeof ifMatch === 'string' && /^"?\d+"?$/.test(ifMatch) ? Number(ifMatch.replace(/"/g, '')) : undefined;
      const result = await services.measures.update(request.caller(), request.params.id, request.body, version);
      return result.ok ? toMeasure(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/measures/:id/retire',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Retire a measure (its history is kept)',
        params: idParams,
        body: retireInput,
        response: { 200: measureSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.measures.retire(request.caller(), request.params.id, request.body);
      return result.ok ? toMeasure(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/measures/:id/items',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Report the measure under a plan item',
        params: idParams,
        body: itemLinkInput,
        response: { 201: linkedItemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.measures.linkItem(request.caller(), request.params.id, request.body.itemId);
      return result.ok ? reply.code(201).send(result.value) : sendProblem(reply, result.error);
    },
  );

  api.delete(
    '/measures/:id/items/:itemId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Stop reporting the measure under a plan item',
        params: withItem,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.measures.unlinkItem(request.caller(), request.params.id, request.params.itemId);
      return result.ok ? reply.code(204).send(null) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/measures/:id/assignees',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a person who enters data for the measure',
        params: idParams,
        body: assigneeInput,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.measures.addAssignee(request.caller(), request.params.id, request.body.personId);
      return result.ok ? reply.code(204).send(null) : sendProblem(reply, result.error);
    },
  );

  api.delete(
    '/measures/:id/assignees/:personId',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Remove a data-entry person from the measure',
        params: withPerson,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.measures.removeAssignee(
        request.caller(),
        request.params.id,
        request.params.personId,
      );
      return result.ok ? reply.code(204).send(null) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/measures/:id/breakdowns',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a breakdown category (ward, locality, community, age group…)',
        params: idParams,
        body: breakdownInput,
        response: { 201: breakdownSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.measures.addBreakdown(request.caller(), request.params.id, request.body);
      return result.ok ? reply.code(201).send(pick(breakdownSchema, result.value)) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/measures/:id/targets',
    {
      config: view,
      schema: {
        tags,
        summary: 'Target versions: all of them, or with ?on=YYYY-MM-DD the ones that applied on that date',
        params: idParams,
        querystring: z.object({ on: isoDate(phrase('measureFields.theDate')).optional() }),
        response: { 200: z.array(targetSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      if (request.query.on) {
        const result = await services.measures.targetsOn(caller, request.params.id, request.query.on);
        return result.ok ? result.value.map(toTarget) : sendProblem(reply, result.error);
      }
      const result = await services.measures.detail(caller, request.params.id);
      return result.ok ? result.value.targets.map(toTarget) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/measures/:id/targets',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Set a target (annual, profiled for a period, or multi-year)',
        params: idParams,
        body: targetInput,
        response: { 201: targetSetSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.measures.setTarget(request.caller(), request.params.id, request.body);
      return result.ok ? reply.code(201).send(toTargetSet(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/measures/:id/targets/:targetId/revisions',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Revise a target with a reason: a new version; the old one is kept and marked superseded',
        params: withTarget,
        body: targetRevisionInput,
        response: { 201: targetSetSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.measures.reviseTarget(
        request.caller(),
        request.params.id,
        request.params.targetId,
        request.body,
      );
      return result.ok ? reply.code(201).send(toTargetSet(result.value)) : sendProblem(reply, result.error);
    },
  );
}
