import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_KINDS } from '../domain/columns.ts';
import { XLSX_MIME } from '../import-files.ts';
import { WEB_LIMITS, type ImportReport } from '../import-export.service.ts';
import type { ImportsServices } from '../services.ts';
import { problem, sendProblem } from '../../../platform/http/problem.ts';
import { paths } from '../../../kernel/paths.ts';
import { problemResponses, problemSchema } from '../../../platform/http/schemas.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { phraseText } from '../../../kernel/phrase.ts';

/** The kinds as the refusals list them: "measures, breakdowns, targets or values". */
const kindsListed = { kinds: IMPORT_KINDS.slice(0, -1).join(', '), last: IMPORT_KINDS.at(-1)! };
const trueOrFalse = phraseText('importApi.trueOrFalse');

const reportSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    dryRun: z.boolean(),
    fileName: z.string(),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    measures: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })),
    errorCount: z.number().int(),
    warnings: z
      .array(z.object({ line: z.number().int(), column: z.string(), message: z.string() }))
      .meta({ description: 'Rows accepted with a warning, such as a target the process cannot meet' }),
    written: z.boolean(),
  })
  .meta({ id: 'ImportReport' });

const queuedSchema = z
  .object({
    job: z.uuid(),
    rows: z.number().int(),
    status: z.string().meta({ description: 'Where to ask how far the import has got (JSON)' }),
    page: z.string().meta({ description: 'The same for people' }),
  })
  .meta({ id: 'ImportQueued' });

const rejectedSchema = problemSchema.extend({ report: reportSchema.optional() }).meta({ id: 'ImportRejected' });

/** A report with bad rows, as problem details: every row's problem as "line 12, value". */
export function rejectedImport(report: ImportReport) {
  const title =
    report.errorCount === 1
      ? fill(words.importApi.rejectedOne, { file: report.fileName })
      : fill(words.importApi.rejectedMany, {
          count: report.errorCount.toLocaleString('en-GB'),
          file: report.fileName,
        });
  return {
    ...problem(400, title, {
      code: 'invalid',
      errors: report.errors.map((error) => ({
        field: fill(words.importApi.problemAt, { line: error.line, column: error.column || words.imports.anyRow }),
        message: error.message,
      })),
    }),
    report,
  };
}

export async function importsApi(app: FastifyInstance, { services }: { services: ImportsServices }) {
  // The file is the request body: CSV as text/csv, a workbook as the XLSX type (here only).
  app.addContentTypeParser(
    ['text/csv', 'application/csv', XLSX_MIME],
    { parseAs: 'buffer', bodyLimit: WEB_LIMITS.maxBytes * 2 },
    (_request, body, done) => done(null, body),
  );
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Import and export'];

  api.post(
    '/imports/:kind',
    {
      config: { access: { permission: 'import:data' } },
      bodyLimit: WEB_LIMITS.maxBytes * 2,
      schema: {
        tags,
        summary:
          'Import measures, breakdown categories, targets or values from a CSV (text/csv) or XLSX file sent as the request body',
        description:
          'Every row is checked first; nothing is written unless all are valid, then all are written in one transaction. ' +
          'With dryRun=true nothing is written: the report says what would be created, updated or left unchanged. ' +
          'A file of more rows than the JOB_IMPORT_ROWS setting (5,000 by default) is imported in the background: ' +
          'the answer is 202 with the job’s status address (Location), which gives its progress and outcome.',
        params: z.object({ kind: z.enum(IMPORT_KINDS, { message: phraseText('importApi.kind', kindsListed) }) }),
        querystring: z.object({
          dryRun: z
            .enum(['true', 'false'], { message: trueOrFalse })
            .optional()
            .transform((value) => value === 'true'),
          fileName: z.string().max(200).optional(),
          approveHistory: z
            .enum(['true', 'false'], { message: trueOrFalse })
            .optional()
            .transform((value) => value === 'true'),
          acknowledgeWarnings: z
            .enum(['true', 'false'], { message: trueOrFalse })
            .optional()
            .transform((value) => value === 'true'),
        }),
        response: {
          200: reportSchema,
          202: queuedSchema,
          400: rejectedSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
          415: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const format = type === XLSX_MIME ? 'xlsx' : type === 'text/csv' || type === 'application/csv' ? 'csv' : null;
      if (!format || !Buffer.isBuffer(request.body)) {
        return reply
          .code(415)
          .type('application/problem+json')
          .send(problem(415, fill(words.imports.fileType, { xlsx: XLSX_MIME })));
      }
      const result = await services.backgroundImports.importOrQueue(
        request.caller(),
        request.params.kind,
        request.body,
        {
          format,
          dryRun: request.query.dryRun,
          fileName: request.query.fileName ?? `${request.params.kind}.${format}`,
          approveHistory: request.query.approveHistory,
          acknowledgeWarnings: request.query.acknowledgeWarnings,
        },
      );
      if (!result.ok) return sendProblem(reply, result.error);
      if (result.value.queued) {
        const { jobId, rows } = result.value;
        return reply
          .code(202)
          .header('Location', paths.jobStatus(jobId))
          .send({ job: jobId, rows, status: paths.jobStatus(jobId), page: paths.job(jobId) });
      }
      const report = result.value.report;
      if (report.errorCount > 0) return reply.code(400).type('application/problem+json').send(rejectedImport(report));
      return report;
    },
  );

  api.get(
    '/exports/:file',
    {
      config: { access: { permission: 'view:organisation' } },
      schema: {
        tags,
        summary:
          'Export the active measures, their breakdown categories, current targets or values (measures.csv, breakdowns.csv, targets.xlsx, values.csv, …)',
        params: z.object({
          file: z
            .string()
            .regex(
              new RegExp(`^(${IMPORT_KINDS.join('|')})\\.(csv|xlsx)$`),
              phraseText('importApi.exportFile', kindsListed),
            ),
        }),
        description:
          'Only the measures of the units you may view (and those below them), with only official values ' +
          '(verified, approved or published) unless you may enter, verify or approve the measure’s values.',
        response: { ...problemResponses },
      },
    },
    async (request, reply) => {
      const [kind, format] = request.params.file.split('.') as [(typeof IMPORT_KINDS)[number], 'csv' | 'xlsx'];
      const result = await services.importExport.exportFile(request.caller(), kind, format);
      if (!result.ok) return sendProblem(reply, result.error);
      return reply
        .type(result.value.contentType)
        .header('content-disposition', `attachment; filename="${result.value.fileName}"`)
        .send(result.value.body as never);
    },
  );
}
