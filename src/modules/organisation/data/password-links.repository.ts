import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
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

/** Everyone active holding the e-mail address, in any council (sign-in is across councils). */
export async function activePeopleWithEmail(db: Db, email: string) {
  const rows = await db
    .select({
      id: people.id,
      organisationId: people.organisationId,
      name: people.name,
      email: people.email,
      passwordHash: people.passwordHash,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(sql`lower(${people.email}) = lower(${email.trim()})`, eq(people.status, 'active')));
  return rows.map(({ passwordHash, ...person }) => ({ ...person, hasPassword: passwordHash !== null }));
}

export async function latestLinkOf(
  db: Db,
  organisationId: string,
  personId: string,
  purpose: PasswordLinkRow['purpose'],
): Promise<PasswordLinkRow | undefined> {
  const [row] = await db
    .select()
    .from(passwordLinks)
    .where(
      and(
        eq(passwordLinks.organisationId, organisationId),
        eq(passwordLinks.personId, personId),
        eq(passwordLinks.purpose, purpose),
      ),
    )
    .orderBy(desc(passwordLinks.createdAt))
    .limit(1);
  return row;
}
