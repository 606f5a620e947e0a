/**
 * An issued report downloaded as HTML, Word, PDF and Excel: every format from the same frozen
 * revision, so the figures agree with each other and with the report as tabled.
 */
import type { FastifyInstance } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import {
  documentFile,
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_FORMATS,
  fileNameFor,
} from '../../../platform/documents/document-files.ts';
import { renderPdf } from '../../../platform/documents/render-pdf.ts';
import { idParam } from '../../../platform/http/params.ts';
import type { ReportsServices } from '../services.ts';

const view = { access: { permission: 'view:organisation' } } as const;

export async function reportFilesRoutes(
  app: FastifyInstance,
  { services, printPdf = renderPdf }: { services: ReportsServices; printPdf?: (html: string) => Promise<Buffer> },
) {
  for (const format of DOCUMENT_FORMATS) {
    app.get(paths.issuedReportFile(undefined, format), { config: view }, async (request, reply) => {
      const raw = (request.query as Record<string, unknown>).revision;
      const revision = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
      const found = await services.reports.documentFor(request.caller(), idParam(request).id, revision);
      if (!found.ok) return reply.callNotFound();
      const body = await documentFile(found.value, format, printPdf);
      return reply
        .type(DOCUMENT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileNameFor(found.value.title, format, 'report')}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    });
  }
}
