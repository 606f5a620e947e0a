import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { passwordLinks, sessions } from './access.schema.ts';
import { people } from './organisation.schema.ts';

export type PasswordLinkRow = typeof passwordLinks.$inferSelect;

/** Every link of the person not yet used or replaced is replaced: only the newest one works. */
export async function revokeOpenLinks(db: Db, organisationId: string, personId: string, at: Date): Promise<number> {
  const revoked = await db
    .update(passwordLinks)
    .set({ revokedAt: at })
    .where(
      and(
        eq(passwordLinks.organisationId, organisationId),
        eq(passwordLinks.personId, personId),
        isNull(passwordLinks.usedAt),
        isNull(passwordLinks.revokedAt),
      ),
    )
    .returning({ id: passwordLinks.id });
  return revoked.length;
}

export async function insertLink(db: Db, values: typeof passwordLinks.$inferInsert): Promise<PasswordLinkRow> {
  const [row] = await db.insert(passwordLinks).values(values).returning();
  return row!;
}

export async function findLinkByHash(db: Db, tokenHash: string): Promise<PasswordLinkRow | undefined> {
  const [row] = await db.select().from(passwordLinks).where(eq(passwordLinks.tokenHash, tokenHash));
  return row;
}

/**
 * Spends the link in one statement: only a link neither used, replaced nor expired is marked, so
 * two requests racing with the same token cannot both succeed.
 */
export async function spendLink(db: Db, tokenHash: string, at: Date): Promise<PasswordLinkRow | undefined> {
  const [row] = await db
    .update(passwordLinks)
    .set({ usedAt: at })
    .where(
      and(
        eq(passwordLinks.tokenHash, tokenHash),
        isNull(passwordLinks.usedAt),
        isNull(passwordLinks.revokedAt),
        gt(passwordLinks.expiresAt, at),
      ),
    )
    .returning();
  return row;
}

export async function setPasswordHash(
  db: Db,
  organisationId: string,
  personId: string,
  passwordHash: string,
): Promise<boolean> {
  const rows = await db
    .update(people)
    .set({ passwordHash })
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId), eq(people.status, 'active')))
    .returning({ id: people.id });
  return rows.length > 0;
}

/** Ends every session of the person; returns how many there were. */
export async function endSessionsOf(db: Db, organisationId: string, personId: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.personId, personId)))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
