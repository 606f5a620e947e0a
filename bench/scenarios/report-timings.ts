/**
 * Issue 19's report goals on the scaled demo council: the quarterly report for the whole council
 * (the built-in definition with the most sections) as HTML ≤ 1 s, Word ≤ 5 s and PDF ≤ 15 s, each
 * timed from the figures (the draft assembled from the database) to the finished file, plus the
 * draft page through the app. The views bench calls this after the dashboards.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../src/container.ts';
import { currentReportingPeriod, periodKey } from '../../src/kernel/measurement/index.ts';
import type { Database } from '../../src/platform/db/db.ts';
import { rowsOf } from '../../src/platform/db/rows.ts';
import { documentFile, type DocumentFormat } from '../../src/platform/documents/document-files.ts';
import type { Caller } from '../../src/platform/services/caller.ts';
import { round, summarise, timeRuns } from '../lib/stats.ts';

/** Runs per format: Chromium printing a 300-measure report is slow, so fewer of the heavier ones. */
const RUNS: Record<Exclude<DocumentFormat, 'xlsx'>, number> = { html: 10, docx: 5, pdf: 3 };
const REPORT_GOALS_MS = { html: 1000, docx: 5000, pdf: 15000 } as const;

export async function timeReports(input: {
  database: Database;
  organisationId: string;
  services: Services;
  app: FastifyInstance;
  sessionToken: string;
  today: string;
}): Promise<Record<string, number>> {
  const { database, organisationId, services, app, sessionToken, today } = input;
  const definition = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      SELECT id FROM report_definitions
      WHERE organisation_id = ${organisationId} AND cadence = 'quarterly' AND scope_kind = 'council'
      ORDER BY length(sections::text) DESC, title LIMIT 1`),
  )[0];
  if (!definition) throw new Error('the demo council has no quarterly report for the whole council');
  const quarter = periodKey(currentReportingPeriod('quarterly', today));
  const session = await services.auth.sessionFor(sessionToken);
  if (!session) throw new Error('the bench session has expired');
  const caller = session.principal as Caller;

  const results: Record<string, number> = {};
  const headers = { cookie: `gt_session=${sessionToken}` };
  const page = `/reports/${definition.id}/periods/${quarter}`;
  let status = 0;
  const pageTimes = await timeRuns(
    RUNS.html,
    async () => {
      status = (await app.inject({ method: 'GET', url: page, headers })).statusCode;
    },
    1,
  );
  if (status !== 200) throw new Error(`the report's draft page answered ${status}`);
  results.report_page_p50_ms = round(summarise(pageTimes).p50);

  for (const format of ['html', 'docx', 'pdf'] as const) {
    let bytes = 0;
    const times = await timeRuns(
      RUNS[format],
      async () => {
        const document = await services.reports.draftDocumentFor(caller, definition.id, quarter);
        if (!document.ok) throw new Error(`the report could not be drafted: ${document.error.message}`);
        const file = await documentFile(document.value, format);
        bytes = typeof file === 'string' ? Buffer.byteLength(file) : file.length;
      },
      1,
    );
    const s = summarise(times);
    results[`report_${format}_p50_ms`] = round(s.p50);
    results[`report_${format}_max_ms`] = round(s.max);
    results[`report_${format}_kib`] = Math.round(bytes / 1024);
    // 1 when the slowest run met issue 19's goal for the format, 0 when it did not.
    results[`report_${format}_goal_met`] = s.max <= REPORT_GOALS_MS[format] ? 1 : 0;
  }
  return results;
}
