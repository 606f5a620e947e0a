/**
 * Report definitions and issued reports with their frozen revisions. Every query is scoped to the
 * organisation, so another council's ids are simply not found.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { portfolios, units } from '../../organisation/index.ts';
import { AUDIENCES, CADENCES, SCOPE_KINDS, SECTIONS, type DefinitionInput } from '../domain/definitions.ts';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../domain/settings.ts';
import { issuedReports, reportDefinitions, reportRevisions, reportSettings } from './reports.schema.ts';

const definitionRow = z.object({
  id: z.string(),
  builtIn: z.string(),
  title: z.string(),
  audience: z.enum(AUDIENCES),
  scopeKind: z.enum(SCOPE_KINDS),
  scopeId: z.string().nullable(),
  cadence: z.enum(CADENCES),
  sections: z.array(z.enum(SECTIONS)),
  rowVersion: z.number().int(),
});
export type DefinitionRow = z.infer<typeof definitionRow>;

const definitionColumns = {
  id: reportDefinitions.id,
  builtIn: reportDefinitions.builtIn,
  title: reportDefinitions.title,
  audience: reportDefinitions.audience,
  scopeKind: reportDefinitions.scopeKind,
  scopeId: reportDefinitions.scopeId,
  cadence: reportDefinitions.cadence,
  sections: reportDefinitions.sections,
  rowVersion: reportDefinitions.rowVersion,
};

export async function listDefinitions(db: Db, organisationId: string): Promise<DefinitionRow[]> {
  const rows = await db
    .select(definitionColumns)
    .from(reportDefinitions)
    .where(eq(reportDefinitions.organisationId, organisationId))
    .orderBy(asc(reportDefinitions.createdAt), asc(reportDefinitions.title));
  return rows.map((row) => definitionRow.parse(row));
}

export async function findDefinition(db: Db, organisationId: string, id: string): Promise<DefinitionRow | undefined> {
  const [row] = await db
    .select(definitionColumns)
    .from(reportDefinitions)
    .where(and(eq(reportDefinitions.organisationId, organisationId), eq(reportDefinitions.id, id)));
  return row ? definitionRow.parse(row) : undefined;
}

export async function insertDefinitions(
  db: Db,
  organisationId: string,
  rows: (DefinitionInput & { builtIn?: string })[],
): Promise<DefinitionRow[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(reportDefinitions)
    .values(rows.map((row) => ({ organisationId, ...row })))
    .returning(definitionColumns);
  return inserted.map((row) => definitionRow.parse(row));
}

export async function updateDefinition(db: Db, organisationId: string, id: string, input: DefinitionInput) {
  const [row] = await db
    .update(reportDefinitions)
    .set({ ...input, updatedAt: sql`now()`, rowVersion: sql`${reportDefinitions.rowVersion} + 1` })
    .where(and(eq(reportDefinitions.organisationId, organisationId), eq(reportDefinitions.id, id)))
    .returning(definitionColumns);
  return row ? definitionRow.parse(row) : undefined;
}

/** The name of a directorate (a unit) or a portfolio of the council; undefined when it is not the council's. */
export async function scopeName(
  db: Db,
  organisationId: string,
  kind: 'directorate' | 'portfolio',
  id: string,
): Promise<string | undefined> {
  const table = kind === 'directorate' ? units : portfolios;
  const [row] = await db
    .select({ name: table.name })
    .from(table)
    .where(and(eq(table.organisationId, organisationId), eq(table.id, id)));
  return row?.name;
}

export async function scopeChoices(db: Db, organisationId: string) {
  const [directorates, portfolioRows] = await Promise.all([
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.organisationId, organisationId), eq(units.kind, 'directorate')))
      .orderBy(asc(units.name)),
    db
      .select({ id: portfolios.id, name: portfolios.name })
      .from(portfolios)
      .where(eq(portfolios.organisationId, organisationId))
      .orderBy(asc(portfolios.name)),
  ]);
  return { directorates, portfolios: portfolioRows };
}

// --- issued reports ---------------------------------------------------------------------------------

export interface IssuedReportRow {
  id: string;
  definitionId: string;
  periodKey: string;
}

export async function findIssued(
  db: Db,
  organisationId: string,
  where: { id: string } | { definitionId: string; periodKey: string },
): Promise<IssuedReportRow | undefined> {
  const condition =
    'id' in where
      ? eq(issuedReports.id, where.id)
      : and(eq(issuedReports.definitionId, where.definitionId), eq(issuedReports.periodKey, where.periodKey));
  const [row] = await db
    .select({ id: issuedReports.id, definitionId: issuedReports.definitionId, periodKey: issuedReports.periodKey })
    .from(issuedReports)
    .where(and(eq(issuedReports.organisationId, organisationId), condition));
  return row;
}

export async function listIssued(db: Db, organisationId: string, definitionId: string) {
  return db
    .select({ id: issuedReports.id, definitionId: issuedReports.definitionId, periodKey: issuedReports.periodKey })
    .from(issuedReports)
    .where(and(eq(issuedReports.organisationId, organisationId), eq(issuedReports.definitionId, definitionId)))
    .orderBy(desc(issuedReports.periodKey));
}

export async function insertIssued(db: Db, organisationId: string, definitionId: string, periodKey: string) {
  const [row] = await db
    .insert(issuedReports)
    .values({ organisationId, definitionId, periodKey })
    .returning({ id: issuedReports.id, definitionId: issuedReports.definitionId, periodKey: issuedReports.periodKey });
  return row!;
}

export interface RevisionRow {
  revision: number;
  reason: string;
  document: unknown;
  issuedByLabel: string;
  issuedAt: Date;
}

export async function listRevisions(db: Db, organisationId: string, reportId: string): Promise<RevisionRow[]> {
  return db
    .select({
      revision: reportRevisions.revision,
      reason: reportRevisions.reason,
      document: reportRevisions.document,
      issuedByLabel: reportRevisions.issuedByLabel,
      issuedAt: reportRevisions.issuedAt,
    })
    .from(reportRevisions)
    .where(and(eq(reportRevisions.organisationId, organisationId), eq(reportRevisions.reportId, reportId)))
    .orderBy(asc(reportRevisions.revision));
}

export async function insertRevision(
  db: Db,
  row: {
    organisationId: string;
    reportId: string;
    revision: number;
    reason: string;
    document: unknown;
    issuedByPersonId: string | null;
    issuedByLabel: string;
  },
) {
  await db.insert(reportRevisions).values(row);
}

// --- the council's report settings ----------------------------------------------------------------

const settingsRow = z.object({ exceptionMarginPercent: z.number().int().min(0).max(100) });

export async function loadSettings(db: Db, organisationId: string): Promise<ReportSettings> {
  const [row] = await db
    .select({ exceptionMarginPercent: reportSettings.exceptionMarginPercent })
    .from(reportSettings)
    .where(eq(reportSettings.organisationId, organisationId));
  return row ? settingsRow.parse(row) : { ...DEFAULT_REPORT_SETTINGS };
}

export async function saveSettings(db: Db, organisationId: string, settings: ReportSettings, personId: string | null) {
  const values = { exceptionMarginPercent: settings.exceptionMarginPercent, updatedBy: personId };
  await db
    .insert(reportSettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: reportSettings.organisationId, set: { ...values, updatedAt: sql`now()` } });
}
