/**
 * An issued report downloaded as HTML, Word, PDF and Excel: every format from the same frozen
 * revision, so the figures agree with each other and with the report as tabled. The web page is
 * made in the request; the Word, PDF and Excel files by a background job (report-files.service.ts):
 * asking for one not made yet shows a page offering to prepare it, and preparing it goes to the
 * job's page, which links the file once it is ready.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_FORMATS, fileNameFor } from '../../../platform/documents/document-files.ts';
import { renderDocumentHtml } from '../../../platform/documents/render-html.ts';
import { formErrorsFrom } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import { PREPARED_FORMATS, type PreparedFormat } from '../domain/file-formats.ts';
import { fileHref } from '../report-files.service.ts';
import type { ReportsServices } from '../services.ts';

const view = { access: { permission: 'view:organisation' } } as const;
const w = words.reports.files;

const revisionOf = (request: FastifyRequest) => {
  const raw = (request.query as Record<string, unknown>).revision;
  return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
};

const attachment = (title: string, format: 'html' | PreparedFormat) =>
  `attachment; filename="${fileNameFor(title, format, 'report')}"`;

export async function reportFilesRoutes(app: FastifyInstance, { services }: { services: ReportsServices }) {
  app.get(paths.issuedReportFile(undefined, 'html'), { config: view }, async (request, reply) => {
    const found = await services.reports.documentFor(request.caller(), idParam(request).id, revisionOf(request));
    if (!found.ok) return reply.callNotFound();
    return reply
      .type(DOCUMENT_CONTENT_TYPES.html)
      .header('content-disposition', attachment(found.value.title, 'html'))
      .header('cache-control', 'private, no-store')
      .send(renderDocumentHtml(found.value));
  });

  for (const format of PREPARED_FORMATS) {
    app.get(paths.issuedReportFile(undefined, format), { config: view }, async (request, reply) => {
      const reportId = idParam(request).id;
      const found = await services.reportFiles.file(request.caller(), reportId, format, revisionOf(request));
      if (!found.ok) return reply.callNotFound();
      const { revision, title, content } = found.value;
      if (content === null) {
        return reply.header('cache-control', 'no-store').render('pages/reports/prepare-file.njk', {
          title: fill(w.prepareTitle, { file: w.names[format], title }),
          lead: fill(w.prepareLead, { file: w.names[format], revision }),
          button: fill(w.prepare, { file: w.names[format] }),
          action: fileHref(reportId, format, revision),
          backLink: paths.issuedReport(reportId),
        });
      }
      return reply
        .type(DOCUMENT_CONTENT_TYPES[format])
        .header('content-disposition', attachment(title, format))
        .header('cache-control', 'private, no-store')
        .send(content);
    });

    app.post(paths.issuedReportFile(undefined, format), { config: view }, async (request, reply) => {
      const reportId = idParam(request).id;
      const prepared = await services.reportFiles.prepare(request.caller(), reportId, format, revisionOf(request));
      if (!prepared.ok) {
        if (prepared.error.code === 'not_found') return reply.callNotFound();
        // Made in the request (no job queue) and failed: the page again, saying why.
        return reply.render(
          'pages/reports/prepare-file.njk',
          {
            title: fill(w.prepare, { file: w.names[format] }),
            lead: '',
            button: fill(w.prepare, { file: w.names[format] }),
            action: fileHref(reportId, format, revisionOf(request) ?? 1),
            backLink: paths.issuedReport(reportId),
            errors: formErrorsFrom(prepared.error),
          },
          500,
        );
      }
      const { revision } = prepared.value;
      return reply.redirect(
        prepared.value.ready ? fileHref(reportId, format, revision) : paths.job(prepared.value.jobId),
        303,
      );
    });
  }

  // A draft as a file: made now from today's figures, marked DRAFT, never kept (draft-files.service.ts).
  for (const format of DOCUMENT_FORMATS) {
    app.get(paths.reportDraftFile(undefined, undefined, format), { config: view }, async (request, reply) => {
      const id = idParam(request).id;
      const periodKey = (request.params as { periodKey?: string }).periodKey ?? '';
      const made = await services.draftFiles.draftFile(request.caller(), id, periodKey, format);
      if (!made.ok) {
        if (made.error.code === 'not_found') return reply.callNotFound();
        // A bad period is the request's fault; a file that could not be made, ours.
        return reply
          .code(made.error.code === 'invalid' ? STATUS_FOR.invalid : 500)
          .render('pages/reports/bad-period.njk', {
            title: words.reports.pages.downloadDraft,
            backLink: paths.reportDefinition(id),
            message: sayStored(made.error.message),
          });
      }
      return reply
        .type(DOCUMENT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${made.value.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(made.value.content);
    });
  }
}
