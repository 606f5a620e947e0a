import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId, tenantOrganisationId, tenantPrimaryKey } from '../tenancy/tenant-keys.ts';

/**
 * One row per piece of long work a person asked for (a large import, a large report): the request
 * stores it here and answers at once; a worker in any process claims it (a lease until
 * `locked_until`, taken with FOR UPDATE SKIP LOCKED) and reports progress in `done`/`total`.
 * See docs/decisions/0016-background-jobs.md.
 */
export const backgroundJobs = pgTable(
  'background_jobs',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    /** Which handler runs it ('import', 'report'): registered by the module that owns the work. */
    kind: text('kind').notNull(),
    /** The person who asked: the job runs with their permissions as they are when it starts. */
    requestedBy: uuid('requested_by').notNull(),
    /** queued, running, succeeded or failed (job-rules.ts). */
    state: text('state').notNull().default('queued'),
    /** What the job is doing now (a code the words catalogue says: checking, writing …). */
    phase: text('phase').notNull().default('queued'),
    done: integer('done').notNull().default(0),
    total: integer('total'),
    /** The job's own options, as its handler parsed them when queued. */
    input: jsonb('input').notNull(),
    /** An uploaded file, base64 (kept until the job ends, then cleared). */
    inputFile: text('input_file'),
    /** What the handler returned (an import's report), shown on the job's page. */
    result: jsonb('result'),
    /** Where the finished work is seen (a report's page), if anywhere. */
    resultPath: text('result_path'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [tenantPrimaryKey(table), index('background_jobs_waiting').on(table.state, table.createdAt)],
);
