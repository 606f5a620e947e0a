import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { COLUMNS, IMPORT_KINDS, kindName, type ImportKind } from '../domain/columns.ts';
import type { ImportReport } from '../import-export.service.ts';
import type { ImportsServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { fill, say, words } from '../../../platform/words/index.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const importers = { access: { permission: 'import:data' } } as const;

const KIND_LABELS: Record<ImportKind, string> = words.imports.kinds;

/** A spreadsheet (CSV or XLSX) uploaded as a file, or CSV pasted into the box. */
const importForm = z
  .object({
    kind: z.enum(IMPORT_KINDS, { message: phraseText('imports.chooseKind') }),
    file: z.preprocess(
      (value) => (Buffer.isBuffer(value) && value.length > 0 ? value : undefined),
      z.instanceof(Buffer).optional(),
    ),
    csv: z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string()),
    action: z.enum(['check', 'import']).default('check'),
    approveHistory: z.preprocess((value) => value === 'true', z.boolean()),
    acknowledgeWarnings: z.preprocess((value) => value === 'true', z.boolean()),
  })
  .refine((form) => form.file !== undefined || form.csv !== '', {
    message: phraseText('imports.chooseFile'),
    path: ['file'],
  });

/** An .xlsx file is a zip archive: it starts with "PK". */
const isXlsx = (bytes: Buffer) =>
  bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function importsRoutes(app: FastifyInstance, { services }: { services: ImportsServices }) {
  function render(
    reply: FastifyReply,
    options: {
      values?: Record<string, unknown>;
      errors?: FormErrors;
      report?: ImportReport;
      status?: number;
      /** A large import queued as a background job: the page links to its progress. */
      queued?: { jobId: string; rows: number };
    } = {},
  ) {
    const values = options.values ?? { kind: 'values' };
    const report = options.report;
    return reply.render(
      'pages/imports/index.njk',
      {
        title: words.imports.title,
        values,
        errors: options.errors,
        report,
        reportKind: report ? say(kindName(report.kind)) : '',
        queued: options.queued && {
          text: fill(words.importJobs.queued, { rows: options.queued.rows.toLocaleString('en-GB') }),
          href: paths.job(options.queued.jobId),
        },
        reportRows:
          report?.errors.map((error) => [
            { text: String(error.line) },
            { text: error.column || words.imports.anyRow },
            { text: error.message },
          ]) ?? [],
        warningRows:
          report?.warnings.map((warning) => [
            { text: String(warning.line) },
            { text: warning.column },
            { text: warning.message },
          ]) ?? [],
        kindItems: IMPORT_KINDS.map((kind) => ({
          value: kind,
          text: KIND_LABELS[kind],
          hint: {
            text: fill(words.imports.columns, {
              columns: COLUMNS[kind]
                .map((c) => (c.required ? fill(words.imports.required, { column: c.header }) : c.header))
                .join(', '),
            }),
          },
          checked: values.kind === kind,
        })),
        exports: IMPORT_KINDS.map((kind) => ({
          label: KIND_LABELS[kind],
          csv: paths.exportFile(`${kind}.csv`),
          xlsx: paths.exportFile(`${kind}.xlsx`),
        })),
      },
      options.status,
    );
  }

  app.get(paths.imports(), { config: importers }, async (_request, reply) => render(reply));

  app.post(paths.imports(), { config: importers }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(importForm, body);
    const values = {
      kind: body.kind,
      csv: typeof body.csv === 'string' ? body.csv : '',
      approveHistory: body.approveHistory === 'true',
      acknowledgeWarnings: body.acknowledgeWarnings === 'true',
    };
    if (!form.ok) return render(reply, { values, errors: form.errors, status: 400 });
    const dryRun = form.value.action !== 'import';
    const bytes = form.value.file ?? Buffer.from(form.value.csv, 'utf8');
    const result = await services.backgroundImports.importOrQueue(request.caller(), form.value.kind, bytes, {
      format: isXlsx(bytes) ? 'xlsx' : 'csv',
      dryRun,
      fileName: fill(form.value.file ? words.imports.uploadedFile : words.imports.pastedFile, {
        kind: say(kindName(form.value.kind)),
      }),
      approveHistory: form.value.approveHistory,
      acknowledgeWarnings: form.value.acknowledgeWarnings,
    });
    if (!result.ok) {
      return render(reply, {
        values,
        errors: formErrorsFrom({ ...result.error, field: form.value.file ? 'file' : 'csv' }),
        status: result.error.code === 'forbidden' ? 403 : 400,
      });
    }
    if (result.value.queued) {
      // 202: accepted, not done; the job's page says how far it has got and how it ended.
      const { jobId, rows } = result.value;
      return render(reply.header('Location', paths.job(jobId)), { values, queued: { jobId, rows }, status: 202 });
    }
    const report = result.value.report;
    if (report.errorCount > 0) {
      const summary = [
        {
          text:
            report.errorCount === 1
              ? words.imports.problemsFoundOne
              : fill(words.imports.problemsFound, { count: report.errorCount }),
          href: '#problems',
        },
      ];
      // Warnings are not mistakes: say how to confirm them (the file is sent again with the box ticked).
      if (report.errors.some((error) => error.warning) && !form.value.acknowledgeWarnings) {
        summary.push({ text: words.importWarnings.confirm, href: '#acknowledgeWarnings' });
      }
      return render(reply, { values, errors: { summary, fields: {} }, report, status: 400 });
    }
    // Rows accepted with a warning are listed on the page (a flash message would not hold them).
    if (!report.written || report.warnings.length > 0) return render(reply, { values, report });
    return reply
      .flash(
        fill(words.imports.imported, {
          kind: say(kindName(report.kind)),
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
        }),
      )
      .redirect(paths.imports());
  });
}
