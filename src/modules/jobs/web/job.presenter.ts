import { fill, words } from '../../../platform/words/index.ts';
import { isFinished, percentDone } from '../../../platform/jobs/job-rules.ts';
import type { JobRecord } from '../../../platform/jobs/job-queue.ts';
import { paths } from '../../../kernel/paths.ts';

const say = words.backgroundJobs;
const count = (n: number) => n.toLocaleString('en-GB');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where the person came from, for the page's back link: the import page for an import, the issued
 * report whose file is being made for a report job (its input names the report); none otherwise.
 */
export function jobBackLink(job: Pick<JobRecord, 'kind' | 'input'>): string | undefined {
  if (job.kind === 'import') return paths.imports();
  const reportId = (job.input as { reportId?: unknown } | null)?.reportId;
  if (job.kind === 'report' && typeof reportId === 'string' && UUID.test(reportId)) return paths.issuedReport(reportId);
  return undefined;
}

/** A job as its page shows it. */
export function presentJob(job: JobRecord) {
  const finished = isFinished(job.state);
  const percent = percentDone(job.done, job.total);
  const progress =
    percent === undefined || job.total === null
      ? fill(say.progressCount, { done: count(job.done) })
      : fill(say.progressOf, { done: count(job.done), total: count(job.total), percent });
  return {
    title: fill(say.title, { kind: say.kinds[job.kind] ?? job.kind }),
    id: job.id,
    finished,
    failed: job.state === 'failed',
    succeeded: job.state === 'succeeded',
    lead: say.queuedLead,
    percent,
    rows: [
      { key: { text: say.state }, value: { text: say.states[job.state] ?? job.state } },
      { key: { text: say.phase }, value: { text: say.phases[job.phase] ?? job.phase } },
      ...(finished ? [] : [{ key: { text: say.progress }, value: { text: progress } }]),
    ],
    error: job.error,
    summary: job.result?.summary,
    problemRows: (job.result?.problems ?? []).map((problem) => [
      { text: String(problem.line) },
      { text: problem.column || 'row' },
      { text: problem.message },
    ]),
    problemCount: job.result?.problemCount ?? 0,
    resultPath: job.resultPath,
    backPath: job.kind === 'import' ? paths.imports() : undefined,
    backLink: jobBackLink(job),
  };
}

/** A job as its JSON status says it. */
export function jobStatus(job: JobRecord) {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    phase: job.phase,
    done: job.done,
    total: job.total,
    percent: percentDone(job.done, job.total) ?? null,
    summary: job.result?.summary ?? null,
    problemCount: job.result?.problemCount ?? 0,
    resultPath: job.resultPath,
    error: job.error,
    page: paths.job(job.id),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
