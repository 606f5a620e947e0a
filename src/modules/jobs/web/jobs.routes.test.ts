import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRouteApp, type RouteAgent, type RouteApp } from '../../../../test/helpers/route-app.ts';
import type { JobQueue, JobRecord } from '../../../platform/jobs/job-queue.ts';
import { createJobsModule } from '../index.ts';

const RUNNING = '00000000-0000-4000-8000-0000000000a1';
const FINISHED = '00000000-0000-4000-8000-0000000000a2';
const FAILED = '00000000-0000-4000-8000-0000000000a3';
const REPORT_JOB = '00000000-0000-4000-8000-0000000000a4';
const NOT_THERE = '00000000-0000-4000-8000-0000000000ff';
const ISSUED_REPORT = '00000000-0000-4000-8000-0000000000e1';

describe('the background job page and status', () => {
  let t: RouteApp;
  let owner = '';
  let viewer: RouteAgent;
  const jobs = new Map<string, JobRecord>();
  const base = (id: string): JobRecord => ({
    id,
    organisationId: '',
    kind: 'import',
    requestedBy: owner,
    input: { rows: 12_000 },
    state: 'running',
    phase: 'checking',
    done: 3_000,
    total: 12_000,
    result: null,
    resultPath: null,
    error: null,
    createdAt: new Date('2026-03-02T10:00:00Z'),
    startedAt: new Date('2026-03-02T10:00:01Z'),
    finishedAt: null,
  });
  const queue = {
    find: async (organisationId: string, id: string) => {
      const job = jobs.get(id);
      return job && { ...job, organisationId };
    },
  } as unknown as JobQueue;

  beforeAll(async () => {
    t = await buildRouteApp([createJobsModule({ queue }).web]);
    viewer = t.as('viewer');
    owner = (viewer.principal as { personId: string }).personId;
    jobs.set(RUNNING, base(RUNNING));
    jobs.set(FINISHED, {
      ...base(FINISHED),
      state: 'succeeded',
      phase: 'done',
      done: 12_000,
      result: {
        summary: '2 problems found: nothing was imported',
        problems: [{ line: 12, column: 'value', message: 'Enter a number' }],
        problemCount: 2,
      },
      finishedAt: new Date('2026-03-02T10:01:00Z'),
    });
    jobs.set(REPORT_JOB, {
      ...base(REPORT_JOB),
      kind: 'report',
      input: { reportId: ISSUED_REPORT, revision: 1, format: 'pdf' },
      phase: 'generating',
      done: 0,
      total: 1,
    });
    jobs.set(FAILED, {
      ...base(FAILED),
      state: 'failed',
      phase: 'failed',
      error: 'The person who asked for this can no longer sign in',
    });
  });
  afterAll(async () => t?.close());

  it('shows a running job’s step and progress, with a link to check again and no caching', async () => {
    const page = await viewer.get(`/jobs/${RUNNING}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.body).toContain('Progress of your import');
    expect(page.body).toContain('Checking the rows');
    expect(page.body).toContain('3,000 of 12,000 (25%)');
    expect(page.body).toContain(`href="/jobs/${RUNNING}">Check again`);
    expect(page.body).not.toContain('http-equiv="refresh"');
  });

  it('shows a finished job’s outcome and the rows with problems, without asking to check again', async () => {
    const page = await viewer.get(`/jobs/${FINISHED}`);
    expect(page.body).toContain('2 problems found: nothing was imported');
    expect(page.body).toMatch(/<td class="govuk-table__cell">12<\/td>\s*<td class="govuk-table__cell">value<\/td>/);
    expect(page.body).toContain('The first 1 of 2 problems are shown.');
    expect(page.body).not.toContain('Check again');
    expect(page.body).toContain('href="/imports"');
  });

  it('links back to where the person came from: the issued report whose file is made, or the imports', async () => {
    const backLink = (body: string) => /<a href="([^"]*)" class="govuk-back-link">/.exec(body)?.[1];
    const report = await viewer.get(`/jobs/${REPORT_JOB}`);
    expect(report.body).toContain('Progress of your report');
    expect(backLink(report.body)).toBe(`/issued-reports/${ISSUED_REPORT}`);
    expect(backLink((await viewer.get(`/jobs/${RUNNING}`)).body)).toBe('/imports');
    // A report job whose input names no report (stored by hand, say) has no back link to guess.
    jobs.set(REPORT_JOB, { ...jobs.get(REPORT_JOB)!, input: { reportId: '../../elsewhere' } });
    expect(backLink((await viewer.get(`/jobs/${REPORT_JOB}`)).body)).toBeUndefined();
  });

  it('says why a job stopped, and that nothing was changed', async () => {
    const page = await viewer.get(`/jobs/${FAILED}`);
    expect(page.body).toContain('Stopped');
    expect(page.body).toContain('The person who asked for this can no longer sign in');
    expect(page.body).toContain('Nothing was changed.');
  });

  it('answers the JSON status with the figures and where to look', async () => {
    const answer = await viewer.get(`/api/v1/jobs/${RUNNING}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      id: RUNNING,
      state: 'running',
      phase: 'checking',
      done: 3_000,
      total: 12_000,
      percent: 25,
      page: `/jobs/${RUNNING}`,
      finishedAt: null,
    });
  });

  it('refuses someone else’s job, an unknown one and the public', async () => {
    expect((await viewer.get(`/jobs/${NOT_THERE}`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/v1/jobs/${NOT_THERE}`)).statusCode).toBe(404);
    expect((await viewer.get('/api/v1/jobs/not-a-uuid')).statusCode).toBe(400);
    const [someone] = [t.as('viewer')];
    const theirs = someone.principal as { personId: string };
    expect(theirs.personId).not.toBe(owner);
    expect((await someone.get(`/jobs/${RUNNING}`)).statusCode).toBe(404);
    expect((await t.public.get(`/jobs/${RUNNING}`)).statusCode).not.toBe(200);
  });
});
