import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { people } from '../../organisation/index.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/**
 * What a report says and to whom: its audience, scope (the council, a directorate or a portfolio),
 * cadence and the sections it shows, in order (the exception margin is the council's, in
 * report_settings, not the definition's). A council starts from the built-in definitions
 * (domain/definitions.ts), copied in on first use, and changes them as it likes.
 */
export const reportDefinitions = pgTable(
  'report_definitions',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    /** The built-in definition this was copied from, so it is copied once only ('' for the council's own). */
    builtIn: text('built_in').notNull().default(''),
    title: text('title').notNull(),
    audience: text('audience').notNull(),
    scopeKind: text('scope_kind').notNull(),
    /** The directorate (an organisation unit) or the portfolio; null for the whole council. */
    scopeId: uuid('scope_id'),
    cadence: text('cadence').notNull(),
    sections: text('sections').array().notNull(),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_definitions_org_idx').on(t.organisationId),
    uniqueIndex('report_definitions_built_in_key')
      .on(t.organisationId, t.builtIn)
      .where(sql`${t.builtIn} <> ''`),
    tenantPrimaryKey(t),
  ],
);

/** A report issued for a definition and a period: its revisions hold the frozen documents. */
export const issuedReports = pgTable(
  'issued_reports',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    definitionId: uuid('definition_id').notNull(),
    periodKey: text('period_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('issued_reports_key').on(t.definitionId, t.periodKey, t.organisationId),
    index('issued_reports_org_idx').on(t.organisationId),
    tenantPrimaryKey(t),
    tenantForeignKey('issued_reports_definition_id_fk', t.organisationId, t.definitionId, reportDefinitions),
  ],
);

/**
 * A frozen report: the assembled document as issued (revision 1) or as corrected later (2, 3 …,
 * each with its reason). Viewing an issued report reads this, never today's figures.
 */
export const reportRevisions = pgTable(
  'report_revisions',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    reportId: uuid('report_id').notNull(),
    revision: integer('revision').notNull(),
    reason: text('reason').notNull().default(''),
    document: jsonb('document').notNull(),
    issuedByPersonId: uuid('issued_by_person_id'),
    issuedByLabel: text('issued_by_label').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    unique('report_revisions_key').on(t.reportId, t.revision, t.organisationId),
    tenantForeignKey('report_revisions_report_id_fk', t.organisationId, t.reportId, issuedReports),
    tenantForeignKey('report_revisions_issued_by_person_id_fk', t.organisationId, t.issuedByPersonId, people),
  ],
);

/** The council's report settings (domain/settings.ts); no row means the defaults. */
export const reportSettings = pgTable(
  'report_settings',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    /** An amber measure missed by more than this percentage of its target is an exception too. */
    exceptionMarginPercent: integer('exception_margin_percent').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [tenantForeignKey('report_settings_updated_by_fk', t.organisationId, t.updatedBy, people)],
);

/**
 * A file made from an issued revision (Word, PDF, Excel) by a background job, kept so that every
 * later download is the same bytes without making it again: the revision it is made from is frozen.
 */
export const reportFiles = pgTable(
  'report_files',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    reportId: uuid('report_id').notNull(),
    revision: integer('revision').notNull(),
    format: text('format').notNull(),
    /** The file's bytes in base64 (as background_jobs keeps an uploaded file). */
    content: text('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    unique('report_files_key').on(t.reportId, t.revision, t.format, t.organisationId),
    index('report_files_org_idx').on(t.organisationId),
    tenantForeignKey('report_files_report_id_fk', t.organisationId, t.reportId, issuedReports),
  ],
);
