import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { apiTokens } from './access.schema.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
/** A token as listed: never its hash. */
export type ApiTokenSummary = Omit<ApiTokenRow, 'tokenHash'>;

const columns = {
  id: apiTokens.id,
  organisationId: apiTokens.organisationId,
  personId: apiTokens.personId,
  name: apiTokens.name,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function listTokensOfPerson(db: Db, organisationId: string, personId: string): Promise<ApiTokenSummary[]> {
  return db
    .select(columns)
    .from(apiTokens)
    .where(and(eq(apiTokens.organisationId, organisationId), eq(apiTokens.personId, personId)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function findTokenOfPerson(
  db: Db,
  organisationId: string,
  personId: string,
  id: string,
): Promise<ApiTokenSummary | undefined> {
  const [row] = await db
    .select(columns)
    .from(apiTokens)
    .where(and(eq(apiTokens.organisationId, organisationId), eq(apiTokens.personId, personId), eq(apiTokens.id, id)));
  return row;
}

export async function insertToken(db: Db, values: typeof apiTokens.$inferInsert): Promise<ApiTokenSummary> {
  const [row] = await db.insert(apiTokens).values(values).returning(columns);
  if (!row) throw new Error('insert into api_tokens returned no row');
  return row;
}

export async function revokeToken(
  db: Db,
  organisationId: string,
  personId: string,
  id: string,
  at: Date,
): Promise<ApiTokenSummary | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(
      and(
        eq(apiTokens.organisationId, organisationId),
        eq(apiTokens.personId, personId),
        eq(apiTokens.id, id),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning(columns);
  return row;
}
