/**
 * A draft report downloaded as a file (Word, PDF, Excel or the web page), so that officers can
 * circulate it for checking before it is issued. A draft changes with every figure entered, so its
 * file is made on request from today's figures and never kept: nothing of it is written where the
 * issued report's files live (report_files), so it can neither be served as the issued report nor
 * stand in place of one. Every copy says DRAFT in its title (the heading of the page, the Word and
 * PDF cover, the workbook's first sheet), in its status line and in its file name.
 */
import { ok, type Result } from '../../kernel/result.ts';
import { type DocumentFormat, documentFile, fileNameFor } from '../../platform/documents/document-files.ts';
import type { Document } from '../../platform/documents/document.ts';
import { renderPdf } from '../../platform/documents/render-pdf.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import { fill, words } from '../../platform/words/index.ts';

const w = words.reports.files;

/** The part of the reports service a draft file reads. */
export interface DraftDocuments {
  draftDocumentFor(caller: Caller, definitionId: string, periodKey: string): Promise<Result<Document>>;
}

/** The draft's document marked as a draft where every format shows it: its title. */
export function markedDraft(document: Document): Document {
  return { ...document, title: fill(w.draftTitle, { title: document.title }) };
}

/** The draft's file name: the report's title, its period and DRAFT. */
export function draftFileName(document: Document, periodKey: string, format: DocumentFormat): string {
  return fileNameFor(fill(w.draftName, { title: document.title, period: periodKey }), format, 'report');
}

export function createDraftFilesService(deps: {
  reports: DraftDocuments;
  printPdf?: (html: string) => Promise<Buffer>;
}) {
  const printPdf = deps.printPdf ?? renderPdf;
  return {
    /** The draft in the format, made now; a refusal names what went wrong (nothing is kept either way). */
    async draftFile(
      caller: Caller,
      definitionId: string,
      periodKey: string,
      format: DocumentFormat,
    ): Promise<Result<{ fileName: string; content: Buffer | string }>> {
      const found = await deps.reports.draftDocumentFor(caller, definitionId, periodKey);
      if (!found.ok) return found;
      const name = format === 'html' ? words.reports.pages.file.html : w.names[format];
      try {
        const content = await documentFile(markedDraft(found.value), format, printPdf);
        return ok({ fileName: draftFileName(found.value, periodKey, format), content });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return refuse('invalid_state', fill(w.draftFailed, { file: name, reason }));
      }
    },
  };
}
