/** The files made from issued revisions (report_files): found by report, revision and format. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import type { PreparedFormat } from '../domain/file-formats.ts';
import { reportFiles } from './reports.schema.ts';

const of = (organisationId: string, reportId: string, revision: number) =>
  and(
    eq(reportFiles.organisationId, organisationId),
    eq(reportFiles.reportId, reportId),
    eq(reportFiles.revision, revision),
  );

export async function findFile(
  db: Db,
  organisationId: string,
  reportId: string,
  revision: number,
  format: PreparedFormat,
): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ content: reportFiles.content })
    .from(reportFiles)
    .where(and(of(organisationId, reportId, revision), eq(reportFiles.format, format)));
  return row ? Buffer.from(row.content, 'base64') : undefined;
}

/** The formats already made for a revision. */
export async function preparedFormats(
  db: Db,
  organisationId: string,
  reportId: string,
  revision: number,
): Promise<PreparedFormat[]> {
  const rows = await db
    .select({ format: reportFiles.format })
    .from(reportFiles)
    .where(of(organisationId, reportId, revision));
  return rows.map((row) => row.format as PreparedFormat);
}

/** Keeps a file; a second job that made the same file keeps the first (returns undefined). */
export async function insertFile(
  db: Db,
  values: { organisationId: string; reportId: string; revision: number; format: PreparedFormat; content: Buffer },
): Promise<string | undefined> {
  const [row] = await db
    .insert(reportFiles)
    .values({ ...values, content: values.content.toString('base64') })
    .onConflictDoNothing()
    .returning({ id: reportFiles.id });
  return row?.id;
}
