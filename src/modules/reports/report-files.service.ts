/**
 * The Word, PDF and Excel files of an issued report, made by a background job (decision 0016):
 * making a PDF starts a headless browser and a large report's Word file takes seconds, which a
 * request must not hold. Asking for a file queues a `report` job and answers with its address; the
 * job makes the file from the frozen revision and keeps it (report_files), so every later download
 * is the same bytes at once. The web page (HTML) is quick and is still made in the request.
 */
import { z } from 'zod';
import { paths } from '../../kernel/paths.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { documentFile } from '../../platform/documents/document-files.ts';
import type { Document } from '../../platform/documents/document.ts';
import { renderPdf } from '../../platform/documents/render-pdf.ts';
import type { JobOutcome, JobQueue, JobWork } from '../../platform/jobs/job-queue.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import { fill, sayStored, words } from '../../platform/words/index.ts';
import * as files from './data/report-files.repository.ts';
import { PREPARED_FORMATS, type PreparedFormat } from './domain/file-formats.ts';

export const REPORT_JOB = 'report';

const w = words.reports.files;

/** What a queued report job keeps (stored as JSON). */
const reportJobInput = z.object({
  reportId: z.string().uuid(),
  revision: z.number().int().min(1),
  format: z.enum(PREPARED_FORMATS),
});
type ReportJobInput = z.infer<typeof reportJobInput>;

/** The part of the reports service the files read: an issued report's frozen revision. */
export interface FrozenRevisions {
  frozenRevision(
    caller: Caller,
    reportId: string,
    revision?: number,
  ): Promise<Result<{ revision: number; document: Document }>>;
}

/** A file asked for: ready to download, or being made by the job given. */
export type PreparedFile = { ready: true; revision: number } | { ready: false; revision: number; jobId: string };

export const fileHref = (reportId: string, format: PreparedFormat, revision: number) =>
  `${paths.issuedReportFile(reportId, format)}?revision=${revision}`;

export function createReportFilesService(deps: {
  db: Db;
  reports: FrozenRevisions;
  jobs?: JobQueue;
  printPdf?: (html: string) => Promise<Buffer>;
}) {
  const { db, reports, jobs } = deps;
  const printPdf = deps.printPdf ?? renderPdf;

  /** Makes the file of a frozen revision and keeps it, audited; a refusal names what went wrong. */
  async function make(caller: Caller, input: ReportJobInput): Promise<Result<{ title: string }>> {
    const frozen = await reports.frozenRevision(caller, input.reportId, input.revision);
    if (!frozen.ok) return frozen;
    let content: Buffer;
    try {
      content = Buffer.from(await documentFile(frozen.value.document, input.format, printPdf));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return refuse('invalid_state', fill(w.failed, { file: w.names[input.format], reason }));
    }
    return inTransaction(db, async (tx) => {
      const id = await files.insertFile(tx, { organisationId: caller.organisationId, ...input, content });
      // Another job made the same file first: its bytes are kept, from the same frozen revision.
      if (id !== undefined) {
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'report-file',
          entityId: id,
          action: 'create',
          newValue: input,
        });
      }
      return ok({ title: frozen.value.document.title });
    });
  }

  /** The queued job: makes the file as the person who asked, and says where to download it. */
  async function runReportJob(work: JobWork): Promise<JobOutcome> {
    const input = reportJobInput.safeParse(work.input);
    if (!input.success) return { ok: false, error: w.badJob };
    work.progress('generating', 0, 1);
    const made = await make(work.caller, input.data);
    if (!made.ok) return { ok: false, error: sayStored(made.error.message) };
    const { reportId, format, revision } = input.data;
    return {
      ok: true,
      result: { summary: fill(w.ready, { file: w.names[format], title: made.value.title, revision }) },
      resultPath: fileHref(reportId, format, revision),
    };
  }
  jobs?.register(REPORT_JOB, runReportJob);

  return {
    /** The formats already made for a revision (the issued page links them; the others it offers to make). */
    async prepared(caller: Caller, reportId: string, revision: number): Promise<PreparedFormat[]> {
      return files.preparedFormats(db, caller.organisationId, reportId, revision);
    },

    /** The kept file of a revision (the latest when none is given); content null while not yet made. */
    async file(
      caller: Caller,
      reportId: string,
      format: PreparedFormat,
      revision?: number,
    ): Promise<Result<{ revision: number; title: string; content: Buffer | null }>> {
      const frozen = await reports.frozenRevision(caller, reportId, revision);
      if (!frozen.ok) return frozen;
      const content = await files.findFile(db, caller.organisationId, reportId, frozen.value.revision, format);
      return ok({ revision: frozen.value.revision, title: frozen.value.document.title, content: content ?? null });
    },

    /**
     * Asks for a revision's file: ready when it was made before, else a job is queued to make it (or,
     * with no job queue, as in the command line, it is made at once).
     */
    async prepare(
      caller: Caller,
      reportId: string,
      format: PreparedFormat,
      revision?: number,
    ): Promise<Result<PreparedFile>> {
      const frozen = await reports.frozenRevision(caller, reportId, revision);
      if (!frozen.ok) return frozen;
      const chosen = frozen.value.revision;
      if (await files.findFile(db, caller.organisationId, reportId, chosen, format)) {
        return ok({ ready: true, revision: chosen });
      }
      const input: ReportJobInput = { reportId, revision: chosen, format };
      if (!jobs) {
        const made = await make(caller, input);
        return made.ok ? ok({ ready: true, revision: chosen }) : made;
      }
      return ok({ ready: false, revision: chosen, jobId: await jobs.enqueue(caller, REPORT_JOB, input) });
    },
  };
}
