/**
 * One document as a file a person downloads, in any of the four formats, with the same figures in
 * each: the routes of every capability that offers a document (a plan, a report) use this.
 */
import type { Document } from './document.ts';
import { renderDocumentHtml } from './render-html.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import { renderXlsx } from './render-xlsx.ts';

export const DOCUMENT_FORMATS = ['html', 'docx', 'pdf', 'xlsx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const DOCUMENT_CONTENT_TYPES: Record<DocumentFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name people can read, from the document's title, safe in a Content-Disposition header. */
export function fileNameFor(title: string, format: DocumentFormat, fallback = 'document'): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${stem || fallback}.${format}`;
}

/** The document in the format; PDF is the HTML printed by headless Chromium (a test gives a fake printer). */
export function documentFile(
  document: Document,
  format: DocumentFormat,
  printPdf: (html: string) => Promise<Buffer> = renderPdf,
): Promise<Buffer | string> {
  switch (format) {
    case 'html':
      return Promise.resolve(renderDocumentHtml(document));
    case 'docx':
      return renderDocx(document);
    case 'pdf':
      return printPdf(renderDocumentHtml(document));
    case 'xlsx':
      return renderXlsx(document);
  }
}
