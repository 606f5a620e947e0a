/** Import of recommendations from a spreadsheet (checked in full, every bad row listed), and export. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import { XLSX_MIME } from '../../imports/index.ts';
import { importHeaders, type RowError } from '../recommendation-files.service.ts';
import type { RecommendationsServices } from '../services.ts';
import { changeRegister, viewRegister } from './recommendations.routes.ts';
import { filterFrom } from './register-filter.ts';
import { importRefusedPage } from './import-words.ts';
import type { Clock } from '../../../platform/clock.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const uploadForm = z.object({
  file: z.preprocess(
    (value) => (Buffer.isBuffer(value) && value.length > 0 ? value : undefined),
    z.instanceof(Buffer, { message: phraseText('recommendations.file.chooseFile') }),
  ),
});

/** An .xlsx file is a zip archive: it starts with "PK". */
export const isXlsx = (bytes: Buffer) =>
  bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function recommendationFilesRoutes(
  app: FastifyInstance,
  { services, clock }: { services: RecommendationsServices; clock: Clock },
) {
  function render(reply: FastifyReply, options: { errors?: FormErrors; rowErrors?: RowError[]; status?: number } = {}) {
    return reply.render(
      'pages/recommendations/import.njk',
      {
        title: words.recommendationsPages.titles.import,
        backLink: paths.recommendations(),
        errors: options.errors,
        columns: importHeaders,
        rowErrors: (options.rowErrors ?? []).map((error) => [
          { text: String(error.row), format: 'numeric' },
          { text: error.column },
          { text: error.message },
        ]),
      },
      options.status,
    );
  }

  app.get(paths.importRecommendations(), { config: changeRegister }, async (_request, reply) => render(reply));

  app.post(paths.importRecommendations(), { config: changeRegister }, async (request, reply) => {
    const form = parseForm(uploadForm, request.body);
    if (!form.ok) return render(reply, { errors: form.errors, status: 400 });
    const bytes = form.value.file;
    const result = await services.recommendationFiles.importFile(
      request.caller(),
      bytes,
      isXlsx(bytes) ? 'xlsx' : 'csv',
    );
    if (!result.ok)
      return render(reply, {
        errors: formErrorsFrom(result.error),
        status: result.error.code === 'forbidden' ? 403 : 400,
      });
    if (result.value.errors.length > 0) {
      const message = importRefusedPage(result.value.errors.length);
      return render(reply, {
        errors: { summary: [{ text: message, href: '#row-errors' }], fields: {} },
        rowErrors: result.value.errors.map((row) => ({ ...row, message: sayStored(row.message) })),
        status: 400,
      });
    }
    return reply
      .flash(fill(words.recommendations.file.imported, { count: result.value.imported }))
      .redirect(paths.recommendations());
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(paths.exportRecommendations(format), { config: viewRegister }, async (request, reply) => {
      // The register's filters, carried by the list page's download links.
      const filter = filterFrom(request.query, clock.today());
      const file = await services.recommendationFiles.exportFile(request.caller(), format, filter);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MIME)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    });
  }
}
