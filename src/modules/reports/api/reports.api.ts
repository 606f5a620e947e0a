import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem, sendProblem } from '../../../platform/http/problem.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { idParams, problemResponses } from '../../../platform/http/schemas.ts';
import { sayStored, words } from '../../../platform/words/index.ts';
import { AUDIENCES, CADENCES, definitionInput, SCOPE_KINDS, SECTIONS } from '../domain/definitions.ts';
import { reportSettingsInput } from '../domain/settings.ts';
import { gapText, type IssuedReport } from '../reports.service.ts';
import type { ReportsServices } from '../services.ts';

const definitionSchema = z
  .object({
    id: z.uuid(),
    builtIn: z.string(),
    title: z.string(),
    audience: z.enum(AUDIENCES),
    scopeKind: z.enum(SCOPE_KINDS),
    scopeId: z.uuid().nullable(),
    cadence: z.enum(CADENCES),
    sections: z.array(z.enum(SECTIONS)),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'ReportDefinition' });

const cellSchema = z.object({
  text: z.string(),
  value: z.number().optional(),
  tone: z.enum(['red', 'amber', 'green', 'blue', 'grey']).optional(),
  href: z.string().optional(),
});
const tableSchema = z.object({
  kind: z.literal('table'),
  caption: z.string(),
  columns: z.array(z.object({ label: z.string(), numeric: z.boolean().optional() })),
  rows: z.array(z.array(cellSchema)),
});
const factSchema = z.object({ label: z.string(), value: z.string() });
const blockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string(), href: z.string().optional() }),
  z.object({ kind: z.literal('list'), items: z.array(z.object({ text: z.string(), href: z.string().optional() })) }),
  z.object({ kind: z.literal('facts'), facts: z.array(factSchema) }),
  tableSchema,
  z.object({
    kind: z.literal('chart'),
    title: z.string(),
    svg: z.string(),
    description: z.string(),
    table: tableSchema,
  }),
]);
const documentSchema = z
  .object({
    title: z.string(),
    subtitle: z.string().optional(),
    facts: z.array(factSchema),
    sections: z.array(z.object({ id: z.string(), heading: z.string(), blocks: z.array(blockSchema) })),
  })
  .meta({ id: 'ReportDocument' });

const gapSchema = z.object({
  measureId: z.uuid(),
  code: z.string(),
  title: z.string(),
  ownerName: z.string().nullable(),
  missing: z.array(z.enum(['commentary', 'remedial-action'])),
  text: z.string(),
});
const draftSchema = z
  .object({
    periodKey: z.string(),
    document: documentSchema,
    gaps: z.array(gapSchema),
    issuedReportId: z.uuid().nullable(),
  })
  .meta({ id: 'ReportDraft' });
const issuedSchema = z
  .object({
    id: z.uuid(),
    definitionId: z.uuid(),
    periodKey: z.string(),
    revisions: z.array(
      z.object({
        revision: z.number().int(),
        reason: z.string(),
        issuedByLabel: z.string(),
        issuedAt: z.iso.datetime({ offset: true }),
      }),
    ),
  })
  .meta({ id: 'IssuedReport' });

const settingsSchema = z.object({ exceptionMarginPercent: z.number().int() }).meta({ id: 'ReportSettings' });

const periodParams = idParams.extend({ periodKey: z.string().min(1).max(20) });
const revisionParams = idParams.extend({ revision: z.coerce.number().int().min(1) });

export async function reportsApi(app: FastifyInstance, { services }: { services: ReportsServices }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { reports } = services;
  const tags = ['Reports'];
  const view = { access: { permission: 'view:organisation' } } as const;
  const manage = { access: { permission: 'manage:framework' } } as const;
  const issuedJson = (value: IssuedReport) => ({
    ...value.report,
    revisions: value.revisions,
  });

  api.get(
    '/settings/reports',
    {
      config: view,
      schema: {
        tags,
        summary: 'The council’s report settings: the exception margin every report uses',
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.reportSettings.get(request.caller());
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/settings/reports',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the council’s report settings (audited)',
        body: reportSettingsInput,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await services.reportSettings.save(request.caller(), request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/report-definitions',
    {
      config: view,
      schema: {
        tags,
        summary: 'The council’s report definitions (the built-ins are copied in on first use)',
        response: { 200: z.array(definitionSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await reports.definitions(request.caller());
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/report-definitions',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a report definition',
        body: definitionInput,
        response: { 201: definitionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await reports.createDefinition(request.caller(), request.body);
      return result.ok ? reply.code(201).send(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/report-definitions/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'A report definition',
        params: idParams,
        response: { 200: definitionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await reports.definition(request.caller(), request.params.id);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.put(
    '/report-definitions/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a report definition',
        params: idParams,
        body: definitionInput,
        response: { 200: definitionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await reports.updateDefinition(request.caller(), request.params.id, request.body);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/report-definitions/:id/periods/:periodKey',
    {
      config: view,
      schema: {
        tags,
        summary: 'The draft report for a period, assembled from today’s stored figures, with the exception gate’s gaps',
        params: periodParams,
        response: { 200: draftSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await reports.draft(request.caller(), request.params.id, request.params.periodKey);
      if (!result.ok) return sendProblem(reply, result.error);
      const { periodKey, document, gaps, issued } = result.value;
      return {
        periodKey,
        document,
        gaps: gaps.map((gap) => ({ ...gap, text: gapText(gap) })),
        issuedReportId: issued?.id ?? null,
      };
    },
  );

  api.post(
    '/report-definitions/:id/periods/:periodKey/issue',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Issue the report for a period, freezing it as revision 1; refused (409) while a red measure lacks commentary or a remedial action, naming each gap',
        params: periodParams,
        response: { 201: issuedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller();
      const result = await reports.issue(caller, request.params.id, request.params.periodKey);
      if (result.ok) return reply.code(201).send(issuedJson(result.value));
      if (result.error.code !== 'invalid_state') return sendProblem(reply, result.error);
      // The gate: each gap named as its own error, against the measure's code.
      const draft = await reports.draft(caller, request.params.id, request.params.periodKey);
      const gaps = draft.ok ? draft.value.gaps : [];
      return reply
        .code(STATUS_FOR.invalid_state)
        .type('application/problem+json')
        .send(
          problem(STATUS_FOR.invalid_state, sayStored(result.error.message), {
            code: result.error.code,
            errors: gaps.map((gap) => ({ field: gap.code, message: gapText(gap) })),
          }),
        );
    },
  );

  api.get(
    '/issued-reports/:id',
    {
      config: view,
      schema: {
        tags,
        summary: 'An issued report and its revisions',
        params: idParams,
        response: { 200: issuedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await reports.issuedReport(request.caller(), request.params.id);
      return result.ok ? issuedJson(result.value) : sendProblem(reply, result.error);
    },
  );

  api.get(
    '/issued-reports/:id/revisions/:revision',
    {
      config: view,
      schema: {
        tags,
        summary: 'The frozen document of one revision of an issued report',
        params: revisionParams,
        response: { 200: documentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await reports.documentFor(request.caller(), request.params.id, request.params.revision);
      return result.ok ? result.value : sendProblem(reply, result.error);
    },
  );

  api.post(
    '/issued-reports/:id/revisions',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Correct an issued report: today’s figures as a new revision, with its reason; earlier revisions stay',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(1, words.reports.errors.reasonMissing).max(2000) }),
        response: { 201: issuedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await reports.correct(request.caller(), request.params.id, request.body.reason);
      return result.ok ? reply.code(201).send(issuedJson(result.value)) : sendProblem(reply, result.error);
    },
  );
}
