import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import type { Document } from '../../../platform/documents/document.ts';
import { renderDocumentHtml } from '../../../platform/documents/render-html.ts';
import { renderDocx } from '../../../platform/documents/render-docx.ts';
import { renderPdf } from '../../../platform/documents/render-pdf.ts';
import { renderXlsx } from '../../../platform/documents/render-xlsx.ts';
import { idParam } from '../../../platform/http/params.ts';
import type { PlansPageServices } from '../services.ts';
import { planDocument } from './plan-document.presenter.ts';

/** Reading the document is reading the plan: the same permission, and the plan must be readable. */
const view = { access: { permission: 'view:plans' } } as const;

type Format = 'html' | 'docx' | 'pdf' | 'xlsx';

const CONTENT_TYPES: Record<Format, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface PlanDocumentRouteOptions {
  services: PlansPageServices;
  /** Prints the document's HTML to PDF (headless Chromium); a test gives a fake. */
  printPdf?: (html: string) => Promise<Buffer>;
}

/** A file name people can read, from the plan's title, safe in a Content-Disposition header. */
export function fileNameFor(title: string, format: Format): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${stem || 'plan'}.${format}`;
}

/** The plan's own document (seed 002's one-page service plan) as HTML, Word, PDF and Excel, downloaded. */
export async function planDocumentRoutes(
  app: FastifyInstance,
  { services, printPdf = renderPdf }: PlanDocumentRouteOptions,
) {
  const renderers: Record<Format, (document: Document) => Promise<Buffer | string>> = {
    html: async (document) => renderDocumentHtml(document),
    docx: (document) => renderDocx(document),
    pdf: (document) => printPdf(renderDocumentHtml(document)),
    xlsx: (document) => renderXlsx(document),
  };

  for (const format of Object.keys(renderers) as Format[]) {
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
      const body = await renderers[format](document);
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileNameFor(detail.value.plan.title, format)}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    });
  }
}
