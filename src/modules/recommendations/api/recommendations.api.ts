import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem, sendProblem } from '../../../platform/http/problem.ts';
import { idParams, problemResponses, problemSchema } from '../../../platform/http/schemas.ts';
import { XLSX_MIME } from '../../imports/index.ts';
import {
  recommendationInput,
  reportInput,
  responseInput,
  revisionInput,
  settingsInput,
  statusInput,
} from '../domain/inputs.ts';
import { AGE_BANDS, PRIORITIES, RESPONSES, SOURCES, STATUSES } from '../domain/vocabulary.ts';
import { FILE_LIMITS } from '../recommendation-files.service.ts';
import type { RegisterEntry } from '../recommendations.service.ts';
import type { RecommendationsServices } from '../services.ts';
import { filterFrom, registerQuery } from '../web/register-filter.ts';
import type { Clock } from '../../../platform/clock.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import { importRefused } from '../web/import-words.ts';

const reportSchema = z
  .object({
    id: z.uuid(),
    source: z.enum(SOURCES),
    title: z.string(),
    reference: z.string(),
    reportDate: z.iso.date(),
  })
  .meta({ id: 'RecommendationReport' });

const recommendationSchema = z
  .object({
    id: z.uuid(),
    reportId: z.uuid(),
    reportTitle: z.string(),
    source: z.enum(SOURCES),
    reportDate: z.iso.date(),
    reference: z.string(),
    priority: z.enum(PRIORITIES),
    text: z.string(),
    ownerPersonId: z.uuid(),
    ownerName: z.string(),
    unitId: z.uuid().nullable(),
    response: z.enum(RESPONSES).nullable(),
    responseReason: z.string(),
    agreedAction: z.string(),
    originalDueDate: z.iso.date().nullable(),
    dueDate: z.iso.date().nullable(),
    status: z.enum(STATUSES),
    closureEvidence: z.string(),
    closureLink: z.string(),
    daysOpen: z.number().int(),
    daysOverdue: z.number().int(),
    overdue: z.boolean(),
    ageBand: z.enum(AGE_BANDS),
  })
  .meta({ id: 'Recommendation' });

const actionSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.string(),
  percentComplete: z.number(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  href: z.string(),
});

const detailSchema = recommendationSchema
  .extend({
    revisions: z.array(
      z.object({
        previousDueDate: z.iso.date().nullable(),
        newDueDate: z.iso.date(),
        reason: z.string(),
        bodyName: z.string().nullable(),
        decisionReference: z.string(),
        decidedOn: z.iso.date().nullable(),
        recordedBy: z.string(),
      }),
    ),
    actions: z.array(actionSchema),
  })
  .meta({ id: 'RecommendationDetail' });

const tallySchema = z.object({ total: z.number().int(), open: z.number().int(), overdue: z.number().int() });
const ageingSchema = z
  .object({
    total: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    openByAge: z.record(z.enum(AGE_BANDS), z.number().int()),
    bySource: z.record(z.enum(SOURCES), tallySchema),
    byPriority: z.record(z.enum(PRIORITIES), tallySchema),
  })
  .meta({ id: 'RecommendationAgeing' });

const importResultSchema = z.object({ imported: z.number().int() }).meta({ id: 'RecommendationImport' });
const importRejectedSchema = problemSchema
  .extend({ rows: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })) })
  .meta({ id: 'RecommendationImportRejected' });

function toJson(entry: RegisterEntry) {
  return recommendationSchema.parse({
    ...entry,
    daysOpen: entry.ageing.daysOpen,
    daysOverdue: entry.ageing.daysOverdue,
    overdue: entry.ageing.overdue,
    ageBand: entry.ageing.band,
  });
}

const changed = z.object({ id: z.uuid() });

export async function recommendationsApi(
  app: FastifyInstance,
  { services, clock }: { services: RecommendationsServices; clock: Clock },
) {
  // An import's file is the request body: CSV as text/csv, a workbook as the XLSX type.
  app.addContentTypeParser(
    ['text/csv', XLSX_MIME],
    { parseAs: 'buffer', bodyLimit: FILE_LIMITS.maxBytes },
    (_request, body, done) => done(null, body),
  );
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { recommendations } = services;
  const tags = ['Recommendations'];
  const view = { access: { permission: 'view:organisation' } } as const;
  const change = { access: { permission: 'edit:plans' } } as const;

  api.get(
    '/recommendations',
    {
      config: view,
      schema: {
        tags,
        summary:
          'The register of recommendations, with each one’s ageing (filter by source, report, owner, unit, status, overdue)',
        querystring: registerQuery,
        response: { 200: z.array(recommendationSchema), ...problemResponses },
      },
    },
    async (request) =>
      (await recommendations.register(request.caller(), filterFrom(request.query, clock.today()))).entries.map(toJson),
  );

  api.get(
    '/recommendations/ageing',
    {
      config: view,
      schema: {
        tags,
        summary: 'The audit committee’s view: open recommendations by age band, overdue, by source and by priority',
        querystring: registerQuery,
        response: { 200: ageingSchema, ...problemResponses },
      },
    },
    async (request) =>
      (await recommendations.register(request.caller(), filterFrom(request.query, clock.today()))).summary,
  );

  const settingsSchema = z.object({ escalateAfterDays: z.number().int() }).meta({ id: 'RecommendationSettings' });

  api.get(
    '/recommendations/settings',
    {
      config: view,
      schema: {
        tags,
        summary: 'How many days overdue before a recommendation escalates to its unit head',
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request) => recommendations.settings(request.caller()),
  );

  api.put(
    '/recommendations/settings',
    {
      config: { access: { permission: 'manage:framework' } },
      schema: {
        tags,
        summary: 'Change when overdue recommendations escalate',
        body: settingsInput,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await recommendations.saveSettings(request.caller(), request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/recommendations/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'One recommendation, its revisions and the actions implementing it',
        params: idParams,
        response: { 200: detailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await recommendations.detail(request.caller(), request.params.id);
      if (!result.ok) return sendProblem(reply, result.error);
      const { recommendation, revisions, actions } = result.value;
      return detailSchema.parse({ ...toJson(recommendation), revisions, actions });
    },
  );

  api.post(
    '/recommendations',
    {
      config: change,
      schema: {
        tags,
        summary: 'Add a recommendation',
        body: recommendationInput,
        response: { 201: changed, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await recommendations.create(request.caller(), request.body);
      return result.ok ? reply.code(201).send(result.value) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/recommendations/:id/response',
    {
      config: change,
      schema: {
        tags,
        summary: 'Record the council’s response (a rejection or partial acceptance needs a reason)',
        params: idParams,
        body: responseInput,
        response: { 200: changed, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await recommendations.respond(request.caller(), request.params.id, request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/recommendations/:id/due-date-revisions',
    {
      config: change,
      schema: {
        tags,
        summary:
          'Revise the due date (a reason always; a committee’s extension names the body and its decision reference)',
        params: idParams,
        body: revisionInput,
        response: { 200: changed, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await recommendations.revise(request.caller(), request.params.id, request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/recommendations/:id/status',
    {
      config: change,
      schema: {
        tags,
        summary: 'Change the status (closing needs evidence, superseding a note)',
        params: idParams,
        body: statusInput,
        response: { 200: changed, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await recommendations.changeStatus(request.caller(), request.params.id, request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/recommendations/reports',
    {
      config: view,
      schema: {
        tags,
        summary: 'Reports that made recommendations',
        response: { 200: z.array(reportSchema), ...problemResponses },
      },
    },
    async (request) => (await recommendations.reports(request.caller())).map((report) => reportSchema.parse(report)),
  );

  api.get(
    '/recommendations/reports/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'A report and its recommendations',
        params: idParams,
        response: { 200: reportSchema.extend({ recommendations: z.array(recommendationSchema) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await recommendations.report(request.caller(), request.params.id);
      if (!result.ok) return sendProblem(reply, result.error);
      return { ...reportSchema.parse(result.value.report), recommendations: result.value.entries.map(toJson) };
    },
  );

  api.post(
    '/recommendations/reports',
    {
      config: change,
      schema: {
        tags,
        summary: 'Add a report',
        body: reportInput,
        response: { 201: reportSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await recommendations.createReport(request.caller(), request.body);
      return result.ok ? reply.code(201).send(reportSchema.parse(result.value)) : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/recommendations/import',
    {
      config: change,
      bodyLimit: FILE_LIMITS.maxBytes,
      schema: {
        tags,
        summary: 'Import recommendations from a CSV (text/csv) or XLSX file sent as the request body',
        description:
          'Every row is checked first; nothing is written unless all are valid, then all in one transaction.',
        response: {
          200: importResultSchema,
          400: importRejectedSchema,
          401: problemSchema,
          403: problemSchema,
          415: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const format = type === XLSX_MIME ? 'xlsx' : type === 'text/csv' ? 'csv' : null;
      if (!format || !Buffer.isBuffer(request.body)) {
        return reply
          .code(415)
          .type('application/problem+json')
          .send(problem(415, fill(words.recommendations.file.fileType, { xlsx: XLSX_MIME })));
      }
      const result = await services.recommendationFiles.importFile(request.caller(), request.body, format);
      if (!result.ok) {
        return reply
          .code(result.error.code === 'forbidden' ? 403 : 400)
          .type('application/problem+json')
          .send({
            ...problem(result.error.code === 'forbidden' ? 403 : 400, sayStored(result.error.message), {
              code: result.error.code,
            }),
            rows: [],
          });
      }
      if (result.value.errors.length > 0) {
        return reply
          .code(400)
          .type('application/problem+json')
          .send({
            ...problem(400, importRefused(result.value.errors.length), {
              code: 'invalid',
            }),
            rows: result.value.errors.map((row) => ({ ...row, message: sayStored(row.message) })),
          });
      }
      return { imported: result.value.imported };
    },
  );
}
