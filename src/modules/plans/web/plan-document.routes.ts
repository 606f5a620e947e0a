import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import {
  documentFile,
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_FORMATS,
  fileNameFor as documentFileName,
  type DocumentFormat,
} from '../../../platform/documents/document-files.ts';
import { renderPdf } from '../../../platform/documents/render-pdf.ts';
import { idParam } from '../../../platform/http/params.ts';
import type { PlansPageServices } from '../services.ts';
import { planDocument } from './plan-document.presenter.ts';

/** Reading the document is reading the plan: the same permission, and the plan must be readable. */
const view = { access: { permission: 'view:plans' } } as const;

type Format = DocumentFormat;

export interface PlanDocumentRouteOptions {
  services: PlansPageServices;
  /** Prints the document's HTML to PDF (headless Chromium); a test gives a fake. */
  printPdf?: (html: string) => Promise<Buffer>;
}

/** A file name people can read, from the plan's title, safe in a Content-Disposition header. */
export function fileNameFor(title: string, format: Format): string {
  return documentFileName(title, format, 'plan');
}

/** The plan's own document (seed 002's one-page service plan) as HTML, Word, PDF and Excel, downloaded. */
export async function planDocumentRoutes(
  app: FastifyInstance,
  { services, printPdf = renderPdf }: PlanDocumentRouteOptions,
) {
  for (const format of DOCUMENT_FORMATS) {
    app.get(paths.planDocument(undefined, format), { config: view }, async (request, reply: FastifyReply) => {
      const caller = request.caller();
      const id = idParam(request).id;
      const detail = await services.plans.detail(caller, id);
      if (!detail.ok) return reply.callNotFound();
      const [tree, rollup] = await Promise.all([
        services.items.treeForPlan(caller, id),
        services.performanceViews.planRollup(caller, id),
      ]);
      const document = planDocument({ detail: detail.value, tree, rollup: rollup.ok ? rollup.value : null });
      const body = await documentFile(document, format, printPdf);
      return reply
        .type(DOCUMENT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileNameFor(detail.value.plan.title, format)}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    });
  }
}
