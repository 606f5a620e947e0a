import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { COLUMNS, IMPORT_KINDS, type ImportKind } from '../../domain/imports/columns.ts';
import type { ImportReport } from '../../services/import-export.service.ts';
import type { Services } from '../../services/index.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../forms/form-errors.ts';
import { paths } from '../paths.ts';

const importers = { access: { permission: 'import:data' } } as const;

const KIND_LABELS: Record<ImportKind, string> = {
  measures: 'Measure definitions',
  targets: 'Targets',
  values: 'Values',
};

/** The page takes pasted CSV (a file upload needs multipart support; the API and CLI take files). */
const pastedImport = z.object({
  kind: z.enum(IMPORT_KINDS, { message: 'Select what the file contains' }),
  csv: z
    .string({ message: 'Paste the CSV, including its header row' })
    .trim()
    .min(1, 'Paste the CSV, including its header row'),
  action: z.enum(['check', 'import']).default('check'),
});

export async function importsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  function render(
    reply: FastifyReply,
    options: { values?: Record<string, unknown>; errors?: FormErrors; report?: ImportReport; status?: number } = {},
  ) {
    const values = options.values ?? { kind: 'values' };
    const report = options.report;
    return reply.render(
      'pages/imports/index.njk',
      {
        title: 'Import and export',
        values,
        errors: options.errors,
        report,
        reportRows:
          report?.errors.map((error) => [
            { text: String(error.line) },
            { text: error.column || 'row' },
            { text: error.message },
          ]) ?? [],
        kindItems: IMPORT_KINDS.map((kind) => ({
          value: kind,
          text: KIND_LABELS[kind],
          hint: {
            text: `Columns: ${COLUMNS[kind].map((c) => c.header + (c.required ? ' (required)' : '')).join(', ')}`,
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
    const form = parseForm(pastedImport, body);
    if (!form.ok) return render(reply, { values: body, errors: form.errors, status: 400 });
    const dryRun = form.value.action !== 'import';
    const result = await services.importExport.importFile(
      request.caller(),
      form.value.kind,
      Buffer.from(form.value.csv, 'utf8'),
      {
        format: 'csv',
        dryRun,
        fileName: `pasted ${form.value.kind}`,
      },
    );
    if (!result.ok) {
      return render(reply, {
        values: body,
        errors: formErrorsFrom({ ...result.error, field: 'csv' }),
        status: result.error.code === 'forbidden' ? 403 : 400,
      });
    }
    const report = result.value;
    if (report.errorCount > 0) {
      const summary = [
        {
          text: `${report.errorCount} problem${report.errorCount === 1 ? '' : 's'} found: nothing was imported`,
          href: '#problems',
        },
      ];
      return render(reply, { values: body, errors: { summary, fields: {} }, report, status: 400 });
    }
    if (!report.written) return render(reply, { values: body, report });
    return reply
      .flash(`Imported ${report.kind}: ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged`)
      .redirect(paths.imports());
  });
}
