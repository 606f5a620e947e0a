/** The council's matrix versions and categories; rows parsed at the edge. */
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { DEFAULT_CATEGORIES, DEFAULT_MATRIX, type Category, type Matrix, type MatrixSize } from '../domain/index.ts';
import { riskAssessments, riskCategories, riskMatrices } from './risks.schema.ts';

export interface StoredMatrix {
  /** null when the council has stored none yet (the default, not yet version 1). */
  id: string | null;
  version: number;
  matrix: Matrix;
  createdAt: Date | null;
}

function matrixOf(row: typeof riskMatrices.$inferSelect): StoredMatrix {
  return {
    id: row.id,
    version: row.version,
    matrix: { size: row.size as MatrixSize, likelihood: row.likelihood, impact: row.impact, bands: row.bands },
    createdAt: row.createdAt,
  };
}

/** The council's current (latest) matrix, or the default when it has none. */
export async function loadCurrentMatrix(db: Db, organisationId: string): Promise<StoredMatrix> {
  const [row] = await db
    .select()
    .from(riskMatrices)
    .where(eq(riskMatrices.organisationId, organisationId))
    .orderBy(desc(riskMatrices.version))
    .limit(1);
  return row ? matrixOf(row) : { id: null, version: 1, matrix: DEFAULT_MATRIX, createdAt: null };
}

export async function loadMatrixVersions(db: Db, organisationId: string): Promise<StoredMatrix[]> {
  const rows = await db
    .select()
    .from(riskMatrices)
    .where(eq(riskMatrices.organisationId, organisationId))
    .orderBy(asc(riskMatrices.version));
  return rows.map(matrixOf);
}

export async function loadMatricesById(db: Db, organisationId: string): Promise<Map<string, StoredMatrix>> {
  return new Map((await loadMatrixVersions(db, organisationId)).map((m) => [m.id!, m]));
}

export async function findMatrixVersion(db: Db, organisationId: string, version: number) {
  const [row] = await db
    .select()
    .from(riskMatrices)
    .where(and(eq(riskMatrices.organisationId, organisationId), eq(riskMatrices.version, version)));
  return row ? matrixOf(row) : null;
}

export async function assessmentsUsing(db: Db, organisationId: string, matrixId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.organisationId, organisationId), eq(riskAssessments.matrixId, matrixId)));
  return row?.n ?? 0;
}

/**
 * The current matrix, stored as version 1 first if the council has none: an assessment always
 * points at a stored version. Call inside the transaction that writes the assessment.
 */
export async function ensureCurrentMatrix(tx: Db, organisationId: string): Promise<StoredMatrix & { id: string }> {
  const current = await loadCurrentMatrix(tx, organisationId);
  if (current.id) return current as StoredMatrix & { id: string };
  await insertMatrix(tx, organisationId, 1, DEFAULT_MATRIX, null);
  return (await loadCurrentMatrix(tx, organisationId)) as StoredMatrix & { id: string };
}

export async function insertMatrix(tx: Db, organisationId: string, version: number, matrix: Matrix, by: string | null) {
  await tx
    .insert(riskMatrices)
    .values({ organisationId, version, ...matrix, createdBy: by })
    .onConflictDoNothing();
}

export async function replaceMatrix(tx: Db, matrixId: string, matrix: Matrix) {
  await tx.update(riskMatrices).set(matrix).where(eq(riskMatrices.id, matrixId));
}

/** The council's categories with their appetite, or the default list when it has stored none. */
export async function loadCategories(
  db: Db,
  organisationId: string,
): Promise<{ categories: Category[]; isDefault: boolean }> {
  const rows = await db
    .select()
    .from(riskCategories)
    .where(eq(riskCategories.organisationId, organisationId))
    .orderBy(asc(riskCategories.position), asc(riskCategories.name));
  if (rows.length === 0) return { categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })), isDefault: true };
  return { categories: rows.map((r) => ({ code: r.code, name: r.name, appetite: r.appetite })), isDefault: false };
}

export async function replaceCategories(tx: Db, organisationId: string, categories: Category[]) {
  await tx.delete(riskCategories).where(eq(riskCategories.organisationId, organisationId));
  await tx.insert(riskCategories).values(categories.map((c, position) => ({ organisationId, ...c, position })));
}
